// Keeps "closes in …" current as the minutes pass; without JavaScript the page shows the closing time and the time
// left when it was loaded. Same words as the server's Countdown class.
(function () {
  const el = document.getElementById('countdown');
  if (!el || !el.dataset.closes) return;
  const closes = Date.parse(el.dataset.closes);

  function plural(n, unit) { return n + ' ' + unit + (n === 1 ? '' : 's'); }

  function left(ms) {
    const minutesAll = Math.floor(ms / 60000);
    const days = Math.floor(minutesAll / 1440), hours = Math.floor((minutesAll % 1440) / 60), minutes = minutesAll % 60;
    if (days > 0) return plural(days, 'day') + (hours > 0 ? ' ' + plural(hours, 'hour') : '');
    if (hours > 0) return plural(hours, 'hour') + (minutes > 0 ? ' ' + plural(minutes, 'minute') : '');
    return minutes > 0 ? plural(minutes, 'minute') : 'less than a minute';
  }

  function tick() {
    const ms = closes - Date.now();
    el.textContent = ms > 0 ? '(in ' + left(ms) + ')' : '(closing now)';
    if (ms > 0) window.setTimeout(tick, 30000);
  }
  tick();
})();
