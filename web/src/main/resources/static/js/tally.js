// Keeps a proposal's tally panel current: the server sends the tally as server-sent events on every change.
(function () {
  const panel = document.getElementById('tally');
  if (!panel) return;

  function width(part, whole) {
    const p = Number(part), w = Number(whole);
    return w > 0 ? Math.min(100, (p / w) * 100) : 0; // display only: decisions are computed exactly on the server
  }

  function render(tally) {
    tally.classes.forEach(function (c) {
      const row = panel.querySelector('tr[data-class="' + c.classId + '"]');
      if (!row) return;
      ['electoratePower', 'yes', 'no', 'abstain', 'participation', 'approval'].forEach(function (f) {
        const cell = row.querySelector('[data-field="' + f + '"]');
        if (cell) cell.textContent = c[f] === null ? '' : c[f];
      });
      row.querySelector('[data-field="quorumMet"]').textContent = c.quorumMet ? 'met' : 'not yet';
      ['yes', 'no', 'abstain'].forEach(function (s) {
        row.querySelector('[data-seg="' + s + '"]').style.width = width(c[s], c.electoratePower) + '%';
      });
    });
    const outcome = document.getElementById('tally-outcome');
    outcome.textContent = tally.outcome === null ? 'Undecided while voting is open'
      : 'Outcome: ' + tally.outcome.toLowerCase().replace('_', ' ') + (tally.approval !== null ? ' · approval ' + tally.approval : '');
    if (tally.state !== 'VOTING') {
      document.getElementById('tally-note').textContent = '';
      const state = document.getElementById('proposal-state');
      state.textContent = tally.state.toLowerCase();
      state.className = 'state state-' + tally.state.toLowerCase();
      const ballot = document.getElementById('ballot');
      if (ballot) ballot.hidden = true;
    }
    panel.dataset.updates = String(Number(panel.dataset.updates || 0) + 1);
  }

  const source = new EventSource(panel.dataset.stream);
  source.addEventListener('tally', function (e) { render(JSON.parse(e.data)); });
})();
