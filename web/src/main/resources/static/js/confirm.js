// Forms marked data-confirm="question" ask before they are sent (the Content-Security-Policy forbids inline handlers).
// A form the server would otherwise answer with its confirm step (ConfirmStep) gets confirmed=yes once asked here.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); return; }
      if (!form.querySelector('input[name="confirmed"]')) {
        const confirmed = document.createElement('input');
        confirmed.type = 'hidden'; confirmed.name = 'confirmed'; confirmed.value = 'yes';
        form.appendChild(confirmed);
      }
    });
  });
})();
