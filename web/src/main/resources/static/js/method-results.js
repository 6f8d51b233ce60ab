// Keeps the results of a consent, approval, score or ranked vote current while voting is open: on each tally the
// server streams, the results panel is read again from the page itself (the server renders it; nothing is computed
// here), and the ballot form being filled in is left alone. When the vote closes, the whole page is reloaded.
(function () {
  const panel = document.getElementById('method-results');
  if (!panel || !panel.dataset.stream || !window.EventSource || !window.fetch) return;
  let busy = false, again = false;

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.pathname, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('method-results');
        const current = document.getElementById('method-results');
        if (fresh && current) {
          current.replaceWith(fresh);
          fresh.dataset.updates = String(Number(current.dataset.updates || 0) + 1);
        }
      })
      .catch(function () { /* the next tally tries again */ })
      .finally(function () { busy = false; if (again) { again = false; refresh(); } });
  }

  const source = new EventSource(panel.dataset.stream);
  source.addEventListener('tally', function (e) {
    const tally = JSON.parse(e.data);
    if (tally.state !== 'VOTING') {
      source.close();
      if (panel.dataset.state === 'VOTING') window.location.reload();
      return;
    }
    refresh();
  });
})();
