// Keeps "closes in …" current as the minutes pass; without JavaScript the page shows the closing time and the time
// left when it was loaded. Same words as the server's Countdown class, in the page's language: the element carries
// them (data-units "day,days,hour,hours,minute,minutes,less than a minute", data-in "(in {0})", data-closing).
(function () {
  const el = document.getElementById('countdown');
  if (!el || !el.dataset.closes) return;
  const closes = Date.parse(el.dataset.closes);
  let u = (el.dataset.units || '').split(',');
  if (u.length !== 7) u = 'day,days,hour,hours,minute,minutes,less than a minute'.split(',');
  const within = el.dataset.in || '(in {0})';
  const closing = el.dataset.closing || '(closing now)';

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function left(ms) {
    const minutesAll = Math.floor(ms / 60000);
    const days = Math.floor(minutesAll / 1440), hours = Math.floor((minutesAll % 1440) / 60), minutes = minutesAll % 60;
    if (days > 0) return plural(days, u[0], u[1]) + (hours > 0 ? ' ' + plural(hours, u[2], u[3]) : '');
    if (hours > 0) return plural(hours, u[2], u[3]) + (minutes > 0 ? ' ' + plural(minutes, u[4], u[5]) : '');
    return minutes > 0 ? plural(minutes, u[4], u[5]) : u[6];
  }

  function tick() {
    const ms = closes - Date.now();
    el.textContent = ms > 0 ? within.replace('{0}', left(ms)) : closing;
    if (ms > 0) window.setTimeout(tick, 30000);
  }
  tick();
})();
