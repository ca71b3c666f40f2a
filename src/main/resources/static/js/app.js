// Confirmation before destructive actions: <form data-confirm="确定删除…？"> opens the shared dialog.
(function () {
  var pending = null;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.confirm || form.dataset.confirmed === 'yes') {
      return;
    }
    event.preventDefault();
    pending = form;
    document.getElementById('confirm-message').textContent = form.dataset.confirm;
    bootstrap.Modal.getOrCreateInstance(document.getElementById('confirm-modal')).show();
  }, true);
  document.addEventListener('click', function (event) {
    if (event.target && event.target.id === 'confirm-ok' && pending) {
      pending.dataset.confirmed = 'yes';
      bootstrap.Modal.getOrCreateInstance(document.getElementById('confirm-modal')).hide();
      if (pending.requestSubmit) { pending.requestSubmit(); } else { pending.submit(); }
      pending = null;
    }
  });
  // <a data-history-back> returns to the previous page (a javascript: link would be refused by the CSP).
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-history-back]');
    if (link) {
      event.preventDefault();
      history.back();
    }
  });
  // A <select data-navigate> goes to the URL of the option chosen (the pager's page size).
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-navigate]')) {
      window.location = event.target.value;
    }
  });
  // Toasts fade on their own after a few seconds.
  document.querySelectorAll('.toast.show').forEach(function (toast) {
    setTimeout(function () { toast.classList.remove('show'); }, 4000);
  });
})();
