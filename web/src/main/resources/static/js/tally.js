// Keeps a proposal's tally panel current: the server sends the tally as server-sent events on every change.
(function () {
  const panel = document.getElementById('tally');
  if (!panel) return;

  function width(part, whole) {
    const p = Number(part), w = Number(whole);
    return w > 0 ? Math.min(100, (p / w) * 100) : 0; // display only: decisions are computed exactly on the server
  }

  // the page's words, from its bundles (LiveWords); English if a page has none
  const words = JSON.parse(panel.dataset.words || '{}');
  const fig = window.PlenumFigures(panel.dataset.locale, words.exactly);
  function say(key, fallback) { return words[key] || fallback; }
  function named(group, code) { return (words[group] && words[group][code]) || code.toLowerCase().replace('_', ' '); }
  const PERCENTS = ['participation', 'approval'];

  function render(tally) {
    tally.classes.forEach(function (c) {
      const row = panel.querySelector('tr[data-class="' + c.classId + '"]');
      if (!row) return;
      ['electoratePower', 'yes', 'no', 'abstain', 'participation', 'approval'].forEach(function (f) {
        const cell = row.querySelector('[data-field="' + f + '"]');
        if (!cell) return;
        cell.textContent = PERCENTS.indexOf(f) >= 0 ? fig.percent(c[f]) : fig.number(c[f]);
        cell.title = fig.exact(c[f]);
      });
      row.querySelector('[data-field="quorumMet"]').textContent = c.quorumMet ? say('met', 'met') : say('notYet', 'not yet');
      ['yes', 'no', 'abstain'].forEach(function (s) {
        row.querySelector('[data-seg="' + s + '"]').style.width = width(c[s], c.electoratePower) + '%';
      });
      const approval = row.querySelector('[data-seg="approval"]');
      if (approval) approval.style.width = (c.approval === null ? 0 : width(c.approval, 1)) + '%';
    });
    const outcome = document.getElementById('tally-outcome');
    outcome.textContent = tally.outcome === null ? say('undecided', 'Undecided while voting is open')
      : tally.approval !== null
        ? say('outcomeWithApproval', 'Outcome: {0} · approval {1}').replace('{0}', named('outcome', tally.outcome))
          .replace('{1}', fig.percent(tally.approval))
        : say('outcomeLine', 'Outcome: {0}').replace('{0}', named('outcome', tally.outcome));
    if (tally.state !== 'VOTING') {
      document.getElementById('tally-note').textContent = '';
      const state = document.getElementById('proposal-state');
      state.textContent = named('state', tally.state);
      state.className = 'state state-' + tally.state.toLowerCase();
      const ballot = document.getElementById('ballot');
      if (ballot) ballot.hidden = true;
      if (!document.getElementById('tally-why')) whyFromTheServer();
    }
    panel.dataset.updates = String(Number(panel.dataset.updates || 0) + 1);
  }

  // the sentence that says why the vote passed or failed is written by the server: take it from a fresh copy of the page
  function whyFromTheServer() {
    fetch(window.location.pathname, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      const why = new DOMParser().parseFromString(html, 'text/html').getElementById('tally-why');
      if (why && !document.getElementById('tally-why')) document.getElementById('tally-outcome').after(document.importNode(why, true));
    }).catch(function () { /* the page still shows the outcome; a reload shows why */ });
  }

  const source = new EventSource(panel.dataset.stream);
  source.addEventListener('tally', function (e) { render(JSON.parse(e.data)); });
})();
