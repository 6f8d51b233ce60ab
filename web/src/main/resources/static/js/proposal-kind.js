// The new-proposal form: show only the member choice the selected kind needs.
(function () {
  var kind = document.getElementById('kind');
  if (!kind) return;
  function show() {
    document.querySelectorAll('.kind-field').forEach(function (f) { f.hidden = f.dataset.kind !== kind.value; });
  }
  kind.addEventListener('change', show);
  show();
})();
