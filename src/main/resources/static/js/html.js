// One escape for every text that client code puts into HTML (chart tooltips, labels, innerHTML): record names are
// typed by users, and a name such as <img src=x onerror=...> must show as text, never become markup. The
// Content-Security-Policy stops inline script as well; this keeps the markup itself out.
window.ka = window.ka || {};
window.ka.escapeHtml = function (value) {
  var entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, function (c) {
    return entities[c];
  });
};
