// The new-proposal form: show only the member choice the selected kind needs, and the method and options only where
// they apply (a general proposal alone chooses its method; only option methods have options). A hidden field is
// disabled too, so that it is not sent. Without JavaScript every field shows.
(function () {
  var kind = document.getElementById('kind');
  if (!kind) return;
  var method = document.getElementById('method');
  function toggle(field, shown) {
    field.hidden = !shown;
    field.querySelectorAll('select, textarea, input').forEach(function (input) { input.disabled = !shown; });
  }
  function show() {
    document.querySelectorAll('.kind-field').forEach(function (f) { toggle(f, f.dataset.kind === kind.value); });
    document.querySelectorAll('.method-field').forEach(function (f) {
      toggle(f, kind.value === 'GENERAL' && !!method && f.dataset.methods.split(' ').indexOf(method.value) >= 0);
    });
  }
  kind.addEventListener('change', show);
  if (method) method.addEventListener('change', show);
  show();
})();
