// The member picker on the delegations page: typing narrows the list of members.
(function () {
  document.querySelectorAll('.picker-filter').forEach(function (input) {
    input.addEventListener('input', function () {
      var select = document.getElementById(input.dataset.for);
      var needle = input.value.toLowerCase();
      Array.prototype.forEach.call(select.options, function (o) {
        o.hidden = o.value !== '' && o.text.toLowerCase().indexOf(needle) < 0;
      });
    });
  });
})();
