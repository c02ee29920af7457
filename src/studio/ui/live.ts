/** Live runs: every running trajectory's latest screen and action, refreshed as steps land. */
import type { LiveRun } from '../views.js';
import { actionLabel } from '../overlay.js';
import { api, esc, pill, screenHtml, secs } from './dom.js';
import type { Mount } from './view.js';

export const POLL_MS = 700;

export const mountLive: Mount = async (root) => {
  root.innerHTML = '<div class="bar"><b>Live runs</b><span class="mute small" id="live-status">polling the store…</span></div><div class="cards" id="cards"></div>';
  const cards = root.querySelector<HTMLElement>('#cards')!;
  const shown = new Map<string, string>();
  let stopped = false;
  const tick = async () => {
    let runs: LiveRun[] = [];
    try {
      runs = (await api.get<{ runs: LiveRun[] }>('/api/live')).runs;
      root.querySelector('#live-status')!.textContent = `${runs.filter((r) => r.status === 'running').length} running · updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      root.querySelector('#live-status')!.textContent = `cannot reach the server: ${(e as Error).message}`;
    }
    const ids = new Set(runs.map((r) => r.id));
    for (const [id] of shown) if (!ids.has(id)) { cards.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove(); shown.delete(id); }
    if (!runs.length && !cards.querySelector('.empty')) cards.innerHTML = '<div class="empty">No run in progress. Start one with <code>stepwise run</code>; it appears here as its steps land.</div>';
    if (runs.length) cards.querySelector('.empty')?.remove();
    for (const r of runs) {
      const key = `${r.steps}|${r.status}|${r.outcome?.verdict ?? ''}`;
      if (shown.get(r.id) === key) continue;
      shown.set(r.id, key);
      let card = cards.querySelector<HTMLElement>(`[data-id="${CSS.escape(r.id)}"]`);
      if (!card) { card = document.createElement('div'); card.className = 'card'; card.dataset.id = r.id; cards.append(card); }
      card.dataset.steps = String(r.steps);
      card.innerHTML = `${screenHtml(r.last?.observation, r.last?.action)}
        <div class="meta"><div>${pill(r.outcome?.verdict, r.status)} <b class="live-steps">${r.steps} step${r.steps === 1 ? '' : 's'}</b> <span class="mute">${esc(r.device ?? '')}</span></div>
        <div>${esc(r.instruction)}</div><div class="mute">${esc(actionLabel(r.last?.action))}${r.last?.durationMs !== undefined ? ` · ${secs(r.last.durationMs)}` : ''}</div>
        <a href="#/t/${encodeURIComponent(r.id)}/${Math.max(0, r.steps - 1)}">open</a></div>`;
    }
  };
  const loop = async () => { while (!stopped) { await tick(); await new Promise((r) => setTimeout(r, POLL_MS)); } };
  void loop();
  return { leave() { stopped = true; } };
};
