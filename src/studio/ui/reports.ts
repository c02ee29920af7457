/** Benchmark reports: pick one to read it, tick two or more to compare them side by side. */
import type { ReportEntry } from '../reports.js';
import { api, esc, when } from './dom.js';
import type { Mount } from './view.js';

/** Runs compared from the store itself, grouped by round, policy, app or task. */
async function mountRuns(el: HTMLElement, by: string): Promise<void> {
  const r = await api.get<{ html: string }>(`/api/runs?by=${encodeURIComponent(by)}`);
  el.innerHTML = `<h3>Runs in the store, by <select id="group-by">${['round', 'policy', 'app', 'task'].map((b) => `<option${b === by ? ' selected' : ''}>${b}</option>`).join('')}</select></h3><div class="report" id="runs">${r.html}</div>`;
  el.querySelector<HTMLSelectElement>('#group-by')!.addEventListener('change', (e) => void mountRuns(el, (e.target as HTMLSelectElement).value));
}

export const mountReports: Mount = async (root, [name]) => {
  const { reports } = await api.get<{ reports: ReportEntry[] }>('/api/reports');
  root.innerHTML = '<div class="panel" id="runs-panel"></div><div id="reports-area"></div>';
  await mountRuns(root.querySelector<HTMLElement>('#runs-panel')!, 'round');
  const area = root.querySelector<HTMLElement>('#reports-area')!;
  if (!reports.length) {
    area.innerHTML = '<div class="empty" id="no-reports">No benchmark reports yet. Reports are JSON files in <code>&lt;store&gt;/reports/</code>, written by the benchmark runs.</div>';
    return {};
  }
  area.innerHTML = `<div class="reports"><div class="panel"><h3>Reports</h3><ul>${reports.map((r) => `<li><input type="checkbox" value="${esc(r.name)}">
      <a data-name="${esc(r.name)}">${esc(r.title)}</a><span class="mute small">${when(r.modifiedAt)}</span>${r.error ? `<span class="err small">${esc(r.error)}</span>` : ''}</li>`).join('')}</ul>
      <button class="primary" id="compare" style="margin-top:8px">Compare ticked</button></div><div class="panel report" id="report"></div></div>`;
  const out = root.querySelector<HTMLElement>('#report')!;
  const show = async (n: string) => {
    try { out.innerHTML = (await api.get<{ html: string }>(`/api/reports/${encodeURIComponent(n)}`)).html; } catch (e) { out.innerHTML = `<p class="err">${esc((e as Error).message)}</p>`; }
  };
  root.querySelectorAll<HTMLElement>('a[data-name]').forEach((a) => a.addEventListener('click', () => void show(a.dataset.name!)));
  root.querySelector('#compare')!.addEventListener('click', async () => {
    // Oldest first (the list shows newest first): a comparison reads from the baseline on.
    const age = new Map(reports.map((r) => [r.name, r.modifiedAt]));
    const names = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value)
      .sort((a, b) => (age.get(a) ?? 0) - (age.get(b) ?? 0) || a.localeCompare(b));
    if (names.length < 2) { out.innerHTML = '<p class="mute">Tick two or more reports to compare them.</p>'; return; }
    try { out.innerHTML = `<h2>${names.map(esc).join(' vs ')}</h2>${(await api.get<{ html: string }>(`/api/reports/compare?names=${encodeURIComponent(names.join(','))}`)).html}`; } catch (e) { out.innerHTML = `<p class="err">${esc((e as Error).message)}</p>`; }
  });
  await show(name ?? reports.find((r) => !r.error)?.name ?? reports[0].name);
  return {};
};
