/** The suite measurement as a self-contained HTML page: per-app bars first, then per-template rows. */
import { groupedBarChart } from '../report/charts.js';
import { esc, htmlPage, htmlTable } from '../report/html.js';
import type { MeasureSummary } from './synth.js';

export function measureReport(m: MeasureSummary, o: { model?: string; heldOut?: number[] } = {}): string {
  const apps = [...new Set(m.results.map((r) => r.template.split('.')[0]))];
  const share = (app: string, f: (r: MeasureSummary['results'][number]) => boolean) => {
    const rs = m.results.filter((r) => r.template.split('.')[0] === app);
    return rs.length ? rs.filter(f).length / rs.length : 0;
  };
  const chart = groupedBarChart({
    title: 'Share of templates per app', labels: apps, max: 1, width: Math.max(420, 90 * apps.length),
    series: [
      { name: 'accepted', values: apps.map((a) => share(a, (r) => r.accepted)) },
      { name: 'agrees', values: apps.map((a) => share(a, (r) => r.agrees)) },
    ],
  });
  const rows = m.results.map((r) => [r.template, r.accepted ? 'yes' : 'no', r.rounds, r.heldOutAgreement, r.agrees ? 'yes' : 'no', r.problems[0] ?? '']);
  const body = `<div class="charts">${chart}</div>
<p class="note">accepted = by the critic on the design seeds; agrees = with the hand-written verifier on every held-out end state.</p>
<p>${m.agreeing}/${m.templates} templates (${(100 * m.agreementShare).toFixed(1)} %) agree with the hand-written verifier on every held-out reference and wrong end state; ${m.accepted} were accepted by the critic, ${m.acceptedAgreeing} both. ${m.tokens} tokens.</p>
<h2>Templates</h2>${htmlTable(['template', 'accepted', 'rounds', 'held-out agreement', 'agrees', 'first problem'], rows)}
<p class="note">Held-out seeds: ${esc((o.heldOut ?? []).join(', ') || 'default')}. See docs/VERIFIERS.md.</p>`;
  return htmlPage({ title: 'Verifier synthesis', subtitle: `designer ${o.model ?? 'model'}; ${m.templates} templates`, body });
}
