// Shows each score slider's value beside it and keeps it current while the slider moves.
document.querySelectorAll('input[type=range][data-shows]').forEach(function (slider) {
    var shown = document.getElementById(slider.getAttribute('data-shows'));
    if (!shown) {
        return;
    }
    shown.hidden = false;
    slider.addEventListener('input', function () {
        shown.textContent = slider.value;
    });
});
