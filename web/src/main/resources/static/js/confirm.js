// Forms marked data-confirm="question" ask before they are sent (the Content-Security-Policy forbids inline handlers).
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
})();
