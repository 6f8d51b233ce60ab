// An AFTER_CLOSE vote's results panel: participation per class while voting; once the stream says the vote is no
// longer hidden (it closed), the page is loaded again to show the results.
(function () {
  const panel = document.getElementById('tally-hidden');
  if (!panel) return;
  // the page's words, from its bundles (LiveWords); English if a page has none
  const words = JSON.parse(panel.dataset.words || '{}');
  const fig = window.PlenumFigures(panel.dataset.locale, words.exactly);

  function render(tally) {
    if (!tally.hidden) {
      source.close();
      window.location.reload();
      return;
    }
    tally.classes.forEach(function (c) {
      const row = panel.querySelector('tr[data-class="' + c.classId + '"]');
      if (!row) return;
      const participation = row.querySelector('[data-field="participation"]');
      participation.textContent = fig.percent(c.participation);
      participation.title = fig.exact(c.participation);
      row.querySelector('[data-field="quorumMet"]').textContent = c.quorumMet ? (words.met || 'met') : (words.notYet || 'not yet');
    });
    panel.dataset.updates = String(Number(panel.dataset.updates || 0) + 1);
  }

  const source = new EventSource(panel.dataset.stream);
  source.addEventListener('tally', function (e) { render(JSON.parse(e.data)); });
})();
