/** Studio UI entry: a hash router over the views and one keyboard listener for all of them. */
import { mountBrowser } from './browser.js';
import { api, esc } from './dom.js';
import { mountLive } from './live.js';
import { mountReports } from './reports.js';
import { mountReview } from './review.js';
import type { Mount, View } from './view.js';
import { typing } from './dom.js';
import { mountViewer } from './viewer.js';

const ROUTES: [string, string, Mount][] = [
  ['', 'Trajectories', mountBrowser],
  ['t', '', mountViewer],
  ['review', 'Review', mountReview],
  ['live', 'Live', mountLive],
  ['reports', 'Reports', mountReports],
];

const app = document.getElementById('app')!;
app.innerHTML = `<header><span class="brand">stepwise <b>studio</b></span>${ROUTES.filter((r) => r[1]).map(([p, label]) => `<a href="#/${p}" data-route="${p}">${label}${p === 'review' ? '<span class="count" id="queue-count"></span>' : ''}</a>`).join('')}<span class="keys">press <kbd>?</kbd> for keys</span></header><main id="main"></main>`;
const main = document.getElementById('main')!;
let view: View = {};
let seq = 0;

async function route(): Promise<void> {
  const [path, qs] = location.hash.replace(/^#\/?/, '').split('?');
  const [head, ...args] = path.split('/').map(decodeURIComponent);
  const r = ROUTES.find(([p]) => p === head) ?? ROUTES[0];
  view.leave?.();
  view = {};
  const mine = ++seq;
  document.querySelectorAll<HTMLElement>('header a').forEach((a) => a.classList.toggle('on', a.dataset.route === (r[0] === 't' ? '' : r[0])));
  main.innerHTML = '<div class="mute">loading…</div>';
  try {
    const v = await r[2](main, args, new URLSearchParams(qs ?? ''));
    if (mine === seq) view = v; else v.leave?.();
  } catch (e) {
    if (mine === seq) main.innerHTML = `<div class="empty err" id="error">${esc((e as Error).message)}</div>`;
  }
  void api.get<{ items: unknown[] }>('/api/review/queue').then((q) => { document.getElementById('queue-count')!.textContent = q.items.length ? String(q.items.length) : ''; }, () => {});
}

const HELP = 'Trajectories: j/k select, Enter open, / search\nViewer: j/k or arrows step, g/G first/last, Esc back\nReview: a approve, r reject, f flag step, c comment, s skip, j/k step';

document.addEventListener('keydown', (e) => {
  if (typing(e)) { if (e.key === 'Escape') (e.target as HTMLElement).blur(); return; }
  if (e.key === '?') { alert(HELP); return; }
  view.onKey?.(e);
});
window.addEventListener('hashchange', () => void route());
void route();
