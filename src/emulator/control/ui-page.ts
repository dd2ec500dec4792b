/**
 * The emulator's own page (`GET /__emulator`): sessions, statements, batches, pending steps
 * and the request journal, refreshed every second, with buttons to move virtual time.
 */
export const CONTROL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>livy-emulator</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2327; }
  h1 { font-size: 1.3rem; margin: 0 0 .5rem; } h2 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
  table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #dde; padding: 3px 8px; text-align: left; vertical-align: top; }
  th { background: #f3f4f8; } code, pre { font: 12px ui-monospace, monospace; } pre { margin: 0; white-space: pre-wrap; max-height: 8em; overflow: auto; }
  .state { font-weight: 600; } .idle,.available,.success { color: #137333; } .busy,.running,.waiting,.starting { color: #b06000; }
  .dead,.error,.killed,.cancelled { color: #b3261e; } button { margin-right: .3rem; } #clock { font-weight: 600; }
</style>
</head>
<body>
<h1>livy-emulator</h1>
<p>Virtual time: <span id="clock">…</span> (<span id="kind"></span> clock)
  <button data-ms="1000">+1 s</button><button data-ms="60000">+1 min</button><button data-ms="600000">+10 min</button>
  <button id="step">run next manual step</button><button id="reset">reset</button></p>
<h2>Sessions</h2><table id="sessions"><thead><tr><th>id</th><th>name</th><th>kind</th><th>state</th><th>statements</th><th>log (last lines)</th></tr></thead><tbody></tbody></table>
<h2>Batches</h2><table id="batches"><thead><tr><th>id</th><th>name</th><th>state</th><th>file</th><th>log (last lines)</th></tr></thead><tbody></tbody></table>
<h2>Pending steps</h2><table id="pending"><thead><tr><th>due</th><th>step</th></tr></thead><tbody></tbody></table>
<h2>Requests</h2><table id="requests"><thead><tr><th>#</th><th>time</th><th>request</th><th>status</th></tr></thead><tbody></tbody></table>
<script>
const base = location.pathname.replace(/\\/?$/, '/');
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const rows = (id, html) => { document.querySelector('#' + id + ' tbody').innerHTML = html.join('') };
const tail = (lines, n = 4) => '<pre>' + esc(lines.slice(-n).join('\\n')) + '</pre>';
async function refresh() {
  const state = await (await fetch(base + 'state')).json();
  const journal = await (await fetch(base + 'requests')).json();
  document.getElementById('clock').textContent = state.clock.iso;
  document.getElementById('kind').textContent = state.clock.kind;
  rows('sessions', state.sessions.map((s) => '<tr><td>' + s.id + '</td><td>' + esc(s.name) + '</td><td>' + s.kind + '</td><td class="state ' + s.state + '">' + s.state + '</td><td>' +
    s.statements.map((t) => '<div><code>#' + t.id + ' ' + esc(t.code).slice(0, 60) + '</code> <span class="state ' + t.state + '">' + t.state + '</span></div>').join('') + '</td><td>' + tail(s.log) + '</td></tr>'));
  rows('batches', state.batches.map((b) => '<tr><td>' + b.id + '</td><td>' + esc(b.name) + '</td><td class="state ' + b.state + '">' + b.state + '</td><td>' + esc(b.file) + '</td><td>' + tail(b.log) + '</td></tr>'));
  rows('pending', state.pending.filter((p) => !/GC|watchdog/.test(p.label)).map((p) => '<tr><td>' + (p.at === null ? 'manual' : new Date(p.at).toISOString()) + '</td><td>' + esc(p.label) + '</td></tr>'));
  rows('requests', journal.requests.slice(-25).reverse().map((r) => '<tr><td>' + r.seq + '</td><td>' + new Date(r.time).toISOString() + '</td><td><code>' + r.method + ' ' + esc(r.path) + (r.query ? '?' + esc(r.query) : '') + '</code></td><td>' + r.status + '</td></tr>'));
}
const post = (path, body) => fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) }).then(refresh);
document.querySelectorAll('button[data-ms]').forEach((b) => b.addEventListener('click', () => post('clock/advance', { ms: Number(b.dataset.ms) })));
document.getElementById('step').addEventListener('click', () => post('step'));
document.getElementById('reset').addEventListener('click', () => post('reset'));
refresh(); setInterval(refresh, 1000);
</script>
</body>
</html>
`
