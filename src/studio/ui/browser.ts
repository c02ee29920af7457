/** Trajectory browser: filters (task, app, verdict, policy, round, status, dates), search, sort. */
import type { BrowsePage } from '../browse.js';
import { api, esc, pill, secs, when } from './dom.js';
import { go, type Mount } from './view.js';

const FILTERS = ['task', 'app', 'verdict', 'policy', 'round', 'status', 'since', 'until', 'q', 'sort', 'order'] as const;

export const mountBrowser: Mount = async (root, _args, query) => {
  const page = await api.get<BrowsePage>(`/api/trajectories?${query}&limit=500`);
  const f = page.facets;
  const sel = (name: string, label: string, options: string[]) =>
    `<label>${label}<select name="${name}"><option value="">all</option>${options.map((o) => `<option${query.get(name) === o ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select></label>`;
  const inp = (name: string, label: string, ph: string, w = 120) => `<label>${label}<input name="${name}" placeholder="${ph}" style="width:${w}px" value="${esc(query.get(name) ?? '')}"></label>`;
  root.innerHTML = `<form class="bar" id="filters">
      ${inp('q', 'search', 'id, instruction, answer…', 220)}
      ${sel('task', 'task', f.tasks)}${sel('app', 'app', f.apps)}${sel('verdict', 'verdict', ['success', 'failure', 'none'])}
      ${sel('policy', 'policy', f.policies)}${sel('round', 'round', f.rounds)}${sel('status', 'status', ['running', 'finished', 'interrupted'])}
      ${inp('since', 'since', '7d or 2026-11-01', 110)}${inp('until', 'until', 'date', 110)}
      <label>sort<select name="sort">${['started', 'steps', 'duration', 'task', 'verdict', 'confidence'].map((s) => `<option${query.get('sort') === s ? ' selected' : ''}>${s}</option>`).join('')}</select></label>
      <label>order<select name="order"><option value="desc">desc</option><option value="asc"${query.get('order') === 'asc' ? ' selected' : ''}>asc</option></select></label>
      <button class="primary">Apply</button><span class="mute small" id="total">${page.total} trajectories${page.total > page.items.length ? ` (first ${page.items.length})` : ''}</span>
    </form>
    ${page.items.length ? `<table class="list"><thead><tr><th>verdict</th><th>task</th><th>instruction</th><th>policy</th><th>round</th><th>steps</th><th>duration</th><th>started</th></tr></thead><tbody>
    ${page.items.map((r, i) => `<tr class="row" data-id="${esc(r.id)}" data-i="${i}"><td>${pill(r.verdict, r.status)}${r.confidence !== undefined ? ` <span class="mute small">${r.confidence.toFixed(2)}</span>` : ''}</td>
      <td class="mono">${esc(r.taskId ?? '')}</td><td>${esc(r.instruction)}</td><td>${esc(r.policy ?? '')}</td><td>${esc(r.round ?? '')}</td>
      <td>${r.steps}</td><td>${secs(r.endedAt ? r.endedAt - r.startedAt : undefined)}</td><td class="small">${when(r.startedAt)}</td></tr>`).join('')}
    </tbody></table>` : '<div class="empty">No trajectory matches. Record runs with <code>stepwise run</code> or clear the filters.</div>'}`;
  const form = root.querySelector<HTMLFormElement>('#filters')!;
  const apply = () => {
    const p = new URLSearchParams();
    for (const k of FILTERS) { const v = (form.elements.namedItem(k) as HTMLInputElement | null)?.value; if (v) p.set(k, v); }
    go(`#/?${p}`);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  form.querySelectorAll('select').forEach((s) => s.addEventListener('change', apply));
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr.row')];
  rows.forEach((r) => r.addEventListener('click', () => go(`#/t/${encodeURIComponent(r.dataset.id!)}`)));
  let cur = -1;
  const mark = (i: number) => { rows[cur]?.classList.remove('sel'); cur = Math.max(0, Math.min(rows.length - 1, i)); rows[cur]?.classList.add('sel'); rows[cur]?.scrollIntoView({ block: 'nearest' }); };
  return {
    onKey(e) {
      if (e.key === 'j' || e.key === 'ArrowDown') mark(cur + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') mark(cur - 1);
      else if (e.key === 'Enter' && rows[cur]) go(`#/t/${encodeURIComponent(rows[cur].dataset.id!)}`);
      else if (e.key === '/') { e.preventDefault(); (form.elements.namedItem('q') as HTMLInputElement).focus(); }
      else return;
      e.preventDefault();
    },
  };
};
