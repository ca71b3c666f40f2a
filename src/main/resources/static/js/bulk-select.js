// Row checkboxes on lists: the bulk toolbar shows while at least one row is selected.
(function () {
  function refresh() {
    var form = document.getElementById('bulk-form');
    if (!form) { return; }
    var any = document.querySelectorAll('.ka-row-select:checked').length > 0;
    form.classList.toggle('d-none', !any);
    form.classList.toggle('d-flex', any);
  }
  document.addEventListener('change', function (event) {
    if (event.target.id === 'select-all') {
      document.querySelectorAll('.ka-row-select').forEach(function (box) { box.checked = event.target.checked; });
    }
    refresh();
  });
  document.body.addEventListener('htmx:afterSwap', refresh);
})();
