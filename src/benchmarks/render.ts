/**
 * Benchmark reports as Markdown and as one self-contained HTML page (inline SVG charts from
 * src/report, thumbnails as data URLs), for one run or several side by side.
 */
import { barChart, groupedBarChart } from '../report/charts.js';
import { esc, htmlPage, htmlTable, markdownTable } from '../report/html.js';
import { BENCH_TYPES } from './bench-types.js';
import type { BenchReport, Bucket, E2eReport, StaticReport } from './report-types.js';

const pct = (v: number | undefined) => (v === undefined ? '' : `${(100 * v).toFixed(1)}`);
const fmtPct = (v: number) => `${Math.round(100 * v)}%`;
const labelOf = (r: BenchReport) => r.label ?? `${r.policy.name}${typeof r.policy.model === 'string' ? ` (${r.policy.model})` : ''}`;

export interface RenderOptions {
  /** Where a trajectory id links to (the Studio's viewer); default the local Studio. */
  studioUrl?: string;
  /** Static: small screenshots of some steps (id -> data URL). */
  thumbs?: Map<string, string>;
}

const DEFAULT_STUDIO = 'http://127.0.0.1:7860';

/** Columns present in the report (AndroidDaily's order, OTHER last). */
function staticColumns(r: StaticReport): string[] {
  return [...BENCH_TYPES, ...('OTHER' in r.per_type ? ['OTHER'] : [])];
}

function staticRows(r: StaticReport): (string | number)[][] {
  const cols = staticColumns(r);
  const row = (r.per_type as Record<string, { n: number; type_acc: number; exact_acc: number }>);
  return [
    ['n', ...cols.map((c) => row[c]?.n ?? 0), r.data.steps],
    [`${labelOf(r)} exact %`, ...cols.map((c) => (row[c]?.n ? pct(row[c].exact_acc) : '')), pct(r.avg)],
    [`${labelOf(r)} type %`, ...cols.map((c) => (row[c]?.n ? pct(row[c].type_acc) : '')), pct(r.avg_type)],
  ];
}

function referenceRows(r: BenchReport): (string | number)[][] {
  return r.reference.map((x) => [`${x.name} (paper)`, pct(x.avg ?? x.success_rate)]);
}

export function staticMarkdown(r: StaticReport): string {
  const cols = staticColumns(r);
  return [
    `# Static benchmark: ${labelOf(r)}`,
    '',
    `${r.data.steps} steps from ${r.data.tasks} tasks in \`${r.data.path}\`; ${r.seconds.toFixed(1)} s (${r.per_step_ms.toFixed(2)} ms/step). AVG = exact accuracy over all steps; macro AVG ${pct(r.macro_avg)}%.`,
    '',
    markdownTable(['', ...cols, 'AVG'], staticRows(r)),
    '',
    "Reference: the paper's published AndroidDaily AVG on real apps (not the same steps; shown for scale only).",
    '',
    markdownTable(['model', 'AVG %'], referenceRows(r)),
    '',
    `No action: ${r.errors.no_action}; policy errors: ${r.errors.policy_error}.`,
    '',
  ].join('\n');
}

function bucketTable(title: string, b: Record<string, Bucket>, k: number): string {
  return `### ${title}\n\n${markdownTable(['', 'tasks', 'success %', `pass@${k} %`], Object.entries(b).map(([name, v]) => [name, v.n, pct(v.rate), pct(v.pass_at_k)]))}\n`;
}

export function e2eMarkdown(r: E2eReport): string {
  return [
    `# End-to-end benchmark: ${labelOf(r)}`,
    '',
    `Suite \`${r.suite.name}\`: ${r.suite.tasks} tasks x ${r.k} attempt(s) on ${r.suite.devices.length} device(s), seed ${r.suite.seed}; ${r.seconds.toFixed(1)} s.`,
    '',
    `**Success rate ${pct(r.success_rate)}%**, pass@${r.k} ${pct(r.pass_at_k)}%. Steps mean ${r.steps.mean.toFixed(1)} (median ${r.steps.median}, max ${r.steps.max}); ${r.latency_ms.per_task_mean.toFixed(0)} ms per attempt, policy ${r.latency_ms.policy_per_step_mean.toFixed(1)} ms per step; tokens ${r.tokens.prompt} prompt + ${r.tokens.completion} completion.`,
    '',
    bucketTable('By scenario', r.by_scenario, r.k),
    bucketTable('By type', r.by_type, r.k),
    bucketTable('By complexity', r.by_complexity, r.k),
    bucketTable('By ambiguity', r.by_ambiguity, r.k),
    "Reference: the paper's published AndroidDaily end-to-end success on real apps (not the same tasks).",
    '',
    markdownTable(['model', 'success %'], referenceRows(r)),
    '',
    '### Tasks',
    '',
    markdownTable(['task', 'scenario', 'pass', 'steps', 'stop', 'trajectory', 'reason'], r.tasks.map((t) => [t.id, t.scenario, t.pass ? 'yes' : 'no', t.attempts.map((a) => a.steps).join('/'), t.attempts.map((a) => a.stop_reason).join('/'), t.attempts.map((a) => a.trajectory_id ?? '').join(' '), t.attempts.find((a) => !a.success)?.reason ?? ''])),
    '',
  ].join('\n');
}

function staticHtml(r: StaticReport, o: RenderOptions): string {
  const cols = staticColumns(r).filter((c) => (r.per_type as Record<string, { n: number }>)[c]?.n > 0);
  const row = r.per_type as Record<string, { n: number; type_acc: number; exact_acc: number }>;
  const chart = groupedBarChart({
    title: 'Accuracy per action type', labels: [...cols, 'AVG'], max: 1, format: fmtPct,
    series: [
      { name: 'type match', values: [...cols.map((c) => row[c].type_acc), r.avg_type] },
      { name: 'exact match', values: [...cols.map((c) => row[c].exact_acc), r.avg] },
    ],
  });
  const ref = barChart({ title: "AVG: this run vs the paper's (real apps)", width: 110 * (r.reference.length + 1) + 60, labels: [labelOf(r), ...r.reference.map((x) => x.name)], values: [r.avg, ...r.reference.map((x) => x.avg ?? 0)], max: 1, format: fmtPct });
  const misses = r.steps.filter((s) => !s.exact_ok).slice(0, 24);
  const thumbs = misses.map((s) => {
    const img = o.thumbs?.get(s.id);
    return `<div class="thumb bad">${img ? `<img src="${img}" alt="">` : ''}<div><code>${esc(s.id)}</code></div><div>${esc(s.gt_type)} → ${esc(s.pred_type ?? 'none')}</div><div class="note">${esc(s.note ?? '')}</div></div>`;
  }).join('');
  return [
    `<div class="charts">${chart}${ref}</div>`,
    '<h2>Per type (AndroidDaily layout)</h2>',
    htmlTable(['', ...staticColumns(r), 'AVG'], staticRows(r)),
    `<p class="note">AVG = exact accuracy over all steps (macro AVG ${pct(r.macro_avg)}%). No action: ${r.errors.no_action}; policy errors: ${r.errors.policy_error}. ${r.per_step_ms.toFixed(2)} ms per step.</p>`,
    "<h2>Reference (the paper's numbers, real apps, not these steps)</h2>",
    htmlTable(['model', 'AVG %'], referenceRows(r)),
    misses.length ? `<h2>Misses (first ${misses.length})</h2><div class="thumbs">${thumbs}</div>` : '',
  ].join('');
}

function e2eHtml(r: E2eReport, o: RenderOptions): string {
  const studio = (o.studioUrl ?? DEFAULT_STUDIO).replace(/\/$/, '');
  const bars = (title: string, b: Record<string, Bucket>) => groupedBarChart({
    title, labels: Object.keys(b), max: 1, format: fmtPct,
    series: [{ name: 'success', values: Object.values(b).map((v) => v.rate) }, { name: `pass@${r.k}`, values: Object.values(b).map((v) => v.pass_at_k) }],
  });
  const thumbs = r.tasks.map((t) => {
    const a = t.attempts.find((x) => x.success) ?? t.attempts[0];
    const href = a?.trajectory_id ? `${studio}/#/t/${encodeURIComponent(a.trajectory_id)}` : undefined;
    const img = a?.thumbnail ? `<img src="${a.thumbnail}" alt="">` : '';
    return `<div class="thumb ${t.pass ? 'ok' : 'bad'}">${href ? `<a href="${esc(href)}">${img}</a>` : img}<div><code>${esc(t.id)}</code></div><div class="note">${esc(t.scenario)} · ${t.attempts.map((x) => x.steps).join('/')} steps${a?.reason && !t.pass ? ` · ${esc(a.reason)}` : ''}</div></div>`;
  }).join('');
  const table = (b: Record<string, Bucket>) => htmlTable(['', 'tasks', 'success %', `pass@${r.k} %`], Object.entries(b).map(([k, v]) => [k, v.n, pct(v.rate), pct(v.pass_at_k)]));
  return [
    `<p><b>Success rate ${pct(r.success_rate)}%</b>, pass@${r.k} ${pct(r.pass_at_k)}% · ${r.suite.tasks} tasks × ${r.k} · steps mean ${r.steps.mean.toFixed(1)} · ${r.latency_ms.per_task_mean.toFixed(0)} ms per attempt · tokens ${r.tokens.prompt}+${r.tokens.completion}</p>`,
    `<div class="charts">${bars('By scenario', r.by_scenario)}${bars('By type', r.by_type)}${bars('By complexity', r.by_complexity)}${bars('By ambiguity', r.by_ambiguity)}</div>`,
    '<h2>By scenario</h2>', table(r.by_scenario),
    '<h2>By type / complexity / ambiguity</h2>', table(r.by_type), table(r.by_complexity), table(r.by_ambiguity),
    "<h2>Reference (the paper's numbers, real apps, not these tasks)</h2>", htmlTable(['model', 'success %'], referenceRows(r)),
    `<h2>Tasks</h2><p class="note">Final screens; green = passed. Click to open the trajectory in the Studio (${esc(studio)}).</p><div class="thumbs">${thumbs}</div>`,
  ].join('');
}

export function reportMarkdown(r: BenchReport): string {
  return r.kind === 'static' ? staticMarkdown(r) : e2eMarkdown(r);
}

export function reportHtml(r: BenchReport, o: RenderOptions = {}): string {
  const title = r.kind === 'static' ? `Static benchmark: ${labelOf(r)}` : `End-to-end benchmark: ${labelOf(r)}`;
  return htmlPage({ title, subtitle: `${r.id} · ${r.created_at}`, body: r.kind === 'static' ? staticHtml(r, o) : e2eHtml(r, o) });
}

// ------------------------------------------------------------------ compare

function compareStatic(rs: StaticReport[]): { md: string; html: string } {
  const cols = [...BENCH_TYPES, 'AVG'];
  const val = (r: StaticReport, c: string) => (c === 'AVG' ? r.avg : (r.per_type as Record<string, { n: number; exact_acc: number }>)[c]?.n ? (r.per_type as Record<string, { exact_acc: number }>)[c].exact_acc : undefined);
  const rows = [...rs.map((r) => [labelOf(r), ...cols.map((c) => pct(val(r, c)))]), ...(rs[0]?.reference ?? []).map((x) => [`${x.name} (paper)`, ...cols.map((c) => (c === 'AVG' ? pct(x.avg) : ''))])];
  const header = ['run', ...cols];
  const chart = groupedBarChart({ title: 'Exact accuracy per type', labels: cols, max: 1, format: fmtPct, series: rs.map((r) => ({ name: labelOf(r), values: cols.map((c) => val(r, c) ?? NaN) })) });
  return { md: markdownTable(header, rows), html: `<div class="charts">${chart}</div>${htmlTable(header, rows)}` };
}

function compareE2e(rs: E2eReport[]): { md: string; html: string } {
  const scen = [...new Set(rs.flatMap((r) => Object.keys(r.by_scenario)))].sort();
  const header = ['run', 'success %', 'pass@k %', 'k', ...scen];
  const rows = rs.map((r) => [labelOf(r), pct(r.success_rate), pct(r.pass_at_k), r.k, ...scen.map((s) => pct(r.by_scenario[s]?.rate))]);
  const chart = groupedBarChart({ title: 'Success by scenario', labels: [...scen, 'all'], max: 1, format: fmtPct, series: rs.map((r) => ({ name: labelOf(r), values: [...scen.map((s) => r.by_scenario[s]?.rate ?? NaN), r.success_rate] })) });
  return { md: markdownTable(header, rows), html: `<div class="charts">${chart}</div>${htmlTable(header, rows)}` };
}

/** Several runs of one kind side by side (mixing static and e2e is refused by the caller). */
export function compareReports(rs: BenchReport[]): { md: string; html: string } {
  const c = rs[0].kind === 'static' ? compareStatic(rs as StaticReport[]) : compareE2e(rs as E2eReport[]);
  const title = `Benchmark comparison (${rs[0].kind})`;
  return {
    md: `# ${title}\n\n${rs.map((r) => `- ${labelOf(r)}: \`${r.id}\``).join('\n')}\n\n${c.md}\n`,
    html: htmlPage({ title, subtitle: rs.map((r) => `${labelOf(r)} (${r.id})`).join(' · '), body: c.html }),
  };
}
