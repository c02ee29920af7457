/**
 * The judge-eval report as Markdown and as one self-contained HTML page with charts
 * (src/report). Both are generated from the JSON report, so merged reports render the same way.
 */
import { barChart, groupedBarChart, lineChart, reliabilityDiagram } from '../../report/charts.js';
import { esc, htmlPage, htmlTable, markdownTable } from '../../report/html.js';
import type { JudgeEvalReport } from './run.js';

type Cell = string | number | null | undefined;
interface Table { title: string; headers: string[]; rows: Cell[][] }

const num = (v: number | undefined): Cell => (v === undefined || !Number.isFinite(v) ? 'n/a' : v);
const dsKey = (d: { source: string; format: string }) => `${d.source} (${d.format})`;
const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** Overall result of every dataset, one column per judge. */
function overallTable(r: JudgeEvalReport): Table {
  const keys = uniq(r.datasets.map(dsKey));
  const judges = r.judges.map((j) => j.name);
  return {
    title: 'Datasets: overall result per judge',
    headers: ['dataset', 'metric', 'items', 'bad records', ...judges],
    rows: keys.map((k) => {
      const ds = r.datasets.filter((d) => dsKey(d) === k);
      return [k, ds[0].metric.replace(/; overall.*$/, ''), ds[0].items, ds[0].bad.length, ...judges.map((j) => {
        const d = ds.find((x) => x.judgeName === j);
        return d ? (d.judgeErrors.length ? `${d.overall.toFixed(3)} (${d.judgeErrors.length} failed)` : d.overall) : '';
      })];
    }),
  };
}

function subsetTables(r: JudgeEvalReport): Table[] {
  const judges = r.judges.map((j) => j.name);
  return uniq(r.datasets.map(dsKey)).map((k) => {
    const ds = r.datasets.filter((d) => dsKey(d) === k);
    const names = uniq(ds.flatMap((d) => [...(d.sections ?? []).map((s) => `section: ${s.name}`), ...d.subsets.map((s) => s.name)]));
    const value = (d: (typeof ds)[number] | undefined, n: string) => {
      if (!d) return '';
      const s = n.startsWith('section: ') ? d.sections?.find((x) => x.name === n.slice(9)) : d.subsets.find((x) => x.name === n);
      return s ? s.value : '';
    };
    const count = (n: string) => {
      const d = ds[0];
      const s = n.startsWith('section: ') ? d.sections?.find((x) => x.name === n.slice(9)) : d.subsets.find((x) => x.name === n);
      return s?.n;
    };
    const extras = uniq(ds.flatMap((d) => Object.keys(d.extra)));
    return {
      title: `${k}: ${ds[0].metric}`,
      headers: ['subset', 'n', ...judges],
      rows: [
        ...names.map((n) => [n, count(n), ...judges.map((j) => value(ds.find((d) => d.judgeName === j), n))]),
        ...extras.map((e) => [e, '', ...judges.map((j) => num(ds.find((d) => d.judgeName === j)?.extra[e]))]),
      ],
    };
  });
}

function calibrationTable(r: JudgeEvalReport): Table {
  const rows = r.datasets.filter((d) => d.calibration).map((d) => {
    const c = d.calibration!;
    const sr = d.successRate && !('error' in d.successRate) ? d.successRate : undefined;
    return [d.judgeName, dsKey(d), c.raw.ece, num(c.isotonic?.ece), num(c.hcal?.ece), c.raw.brier, num(c.isotonic?.brier), num(c.hcal?.brier), c.raw.hce,
      sr ? sr.truth : 'n/a', sr ? sr.judgeOnly : 'n/a', sr ? `${sr.estimate.toFixed(3)} [${sr.ci[0].toFixed(3)}, ${sr.ci[1].toFixed(3)}] from ${sr.goldLabels} labels` : d.successRate && 'error' in d.successRate ? d.successRate.error : 'n/a'];
  });
  return {
    title: 'Calibration (cross-fitted recalibration) and CJE success-rate estimate',
    headers: ['judge', 'dataset', 'ECE raw', 'ECE isotonic', 'ECE h-cal', 'Brier raw', 'Brier isotonic', 'Brier h-cal', 'h-CE raw', 'true success rate', 'judge says', 'CJE estimate [95% CI]'],
    rows,
  };
}

function probeTable(r: JudgeEvalReport): Table {
  return {
    title: 'Probes',
    headers: ['probe', 'judge', 'flagged', 'finding'],
    rows: r.probes.map((p) => [p.probe, p.judgeName, p.flagged === null ? 'report only' : p.flagged ? 'FLAGGED' : 'ok', p.finding]),
  };
}

function judgesTable(r: JudgeEvalReport): Table {
  return { title: 'Judges (who produced these numbers)', headers: ['judge', 'protocol', 'what it is'], rows: r.judges.map((j) => [j.name, j.protocol, j.description]) };
}

function tables(r: JudgeEvalReport): Table[] {
  const out = [judgesTable(r)];
  if (r.datasets.length) out.push(overallTable(r), ...subsetTables(r));
  const cal = calibrationTable(r);
  if (cal.rows.length) out.push(cal);
  if (r.probes.length) out.push(probeTable(r));
  return out;
}

function problems(r: JudgeEvalReport): string[] {
  const out = [...r.notes];
  for (const d of r.datasets) {
    for (const b of d.bad.slice(0, 5)) out.push(`${d.source} line ${b.line}: ${b.message}`);
    if (d.bad.length > 5) out.push(`${d.source}: ${d.bad.length - 5} more bad records`);
    if (d.judgeErrors.length) out.push(`${d.judgeName} on ${d.source}: ${d.judgeErrors.length} failed judge calls, first: ${d.judgeErrors[0].error}`);
  }
  return uniq(out);
}

export function renderMarkdown(r: JudgeEvalReport): string {
  const parts = [`# Judge evaluation\n\n${r.createdAt}${r.probeSet ? ` · probes on ${r.probeSet.pairs} sandbox contrast pairs from ${r.probeSet.templates} templates (${r.probeSet.trajectories} labelled trajectories, seed ${r.probeSet.seed})` : ''}`];
  for (const t of tables(r)) parts.push(`## ${t.title}\n\n${markdownTable(t.headers, t.rows)}`);
  const ex = r.probes.filter((p) => p.examples?.length);
  if (ex.length) parts.push(`## Probe examples\n\n${ex.map((p) => `- ${p.probe} / ${p.judgeName}:\n${p.examples!.map((e) => `  - ${e}`).join('\n')}`).join('\n')}`);
  const pr = problems(r);
  if (pr.length) parts.push(`## Notes and problems in the input\n\n${pr.map((p) => `- ${p}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}

const pct = (v: number) => v.toFixed(2);
/** A chart label: the file name without folders, extension or "sample:". */
const short = (source: string) => source.replace(/^sample:/, '').replace(/^.*\//, '').replace(/\.(jsonl|json)$/, '');

function charts(r: JudgeEvalReport): string[] {
  const judges = r.judges.map((j) => j.name);
  const out: string[] = [];
  const keys = uniq(r.datasets.map(dsKey));
  if (keys.length) {
    out.push(groupedBarChart({
      title: 'Overall result per dataset', width: Math.max(480, 40 + keys.length * Math.max(84, 20 * judges.length + 24)),
      labels: uniq(r.datasets.map((d) => d.source)).map(short),
      series: judges.map((j) => ({ name: j, values: keys.map((k) => r.datasets.find((d) => dsKey(d) === k && d.judgeName === j)?.overall ?? NaN) })),
      max: 1, format: pct,
    }));
    for (const k of keys) {
      const ds = r.datasets.filter((d) => dsKey(d) === k);
      const subs = uniq(ds.flatMap((d) => d.subsets.map((s) => s.name)));
      if (subs.length < 2) continue;
      const present = judges.filter((j) => ds.some((d) => d.judgeName === j));
      out.push(groupedBarChart({ title: `${short(ds[0].source)}: per subset`, width: Math.max(320, 40 + subs.length * Math.max(84, 20 * present.length + 24)), labels: subs, series: present.map((j) => ({ name: j, values: subs.map((s) => ds.find((d) => d.judgeName === j)?.subsets.find((x) => x.name === s)?.value ?? NaN) })), max: Math.max(1, ...ds.flatMap((d) => d.subsets.map((s) => s.value))), format: pct }));
    }
  }
  for (const d of r.datasets.filter((x) => x.calibration)) {
    const c = d.calibration!;
    out.push(reliabilityDiagram({ title: `${d.judgeName} · ${short(d.source)} · raw`, bins: c.raw.bins, ece: c.raw.ece }));
    if (c.isotonic) out.push(reliabilityDiagram({ title: `${d.judgeName} · ${short(d.source)} · isotonic`, bins: c.isotonic.bins, ece: c.isotonic.ece }));
  }
  const probeJudges = uniq(r.probes.map((p) => p.judgeName));
  const by = (probe: string) => r.probes.filter((p) => p.probe === probe);
  if (by('consistency').length) {
    out.push(groupedBarChart({ title: 'Consistency on contrast pairs', labels: ['response', 'instruction'], series: by('consistency').map((p) => ({ name: p.judgeName, values: [p.metrics.responseConsistency, p.metrics.instructionConsistency] })), max: 1, format: pct }));
  }
  if (by('hacking').length) {
    const pads = uniq(by('hacking').flatMap((p) => p.rows.map((x) => x.label)));
    out.push(groupedBarChart({ title: 'Padding: failed runs scored higher', labels: pads, series: by('hacking').map((p) => ({ name: p.judgeName, values: pads.map((k) => p.metrics[`${k}.riseRateOnFailures`]) })), max: 1, format: pct }));
  }
  if (by('noise').length) {
    const first = by('noise')[0];
    const curve = first.rows.filter((x) => x.label.endsWith('flipped')).map((x) => [x.values.flipRate, x.values.contaminationRate] as [number, number]);
    out.push(lineChart({
      title: 'CSRS samples from failed runs vs noise', xLabel: 'share of verdicts wrong', yLabel: 'contaminated share', yMax: 1, format: pct,
      series: [{ name: 'random flips', points: curve }, ...by('noise').map((p) => ({ name: p.judgeName, points: [[p.metrics.errorRate, p.metrics.contaminationRate]] as [number, number][] }))],
    }));
  }
  if (by('starc').length) out.push(barChart({ title: 'STARC distance to the verifier reward', labels: by('starc').map((p) => p.judgeName), values: by('starc').map((p) => p.metrics.toVerifier), max: 2, format: pct }));
  if (by('ablation').length) {
    const labels = uniq(by('ablation').flatMap((p) => p.rows.map((x) => x.label)));
    out.push(groupedBarChart({ title: 'Accuracy when narration is cut', labels, series: by('ablation').map((p) => ({ name: p.judgeName, values: labels.map((l) => p.rows.find((x) => x.label === l)?.values.accuracy ?? NaN) })), max: 1, format: pct }));
  }
  void probeJudges;
  return out;
}

export function renderHtml(r: JudgeEvalReport): string {
  const body = [
    `<div class="charts">${charts(r).join('')}</div>`,
    ...tables(r).map((t) => `<h2>${esc(t.title)}</h2>${htmlTable(t.headers, t.rows)}`),
  ];
  const ex = r.probes.filter((p) => p.examples?.length);
  if (ex.length) body.push(`<h2>Probe examples</h2><ul>${ex.flatMap((p) => p.examples!.map((e) => `<li><b>${esc(p.probe)} / ${esc(p.judgeName)}</b>: ${esc(e)}</li>`)).join('')}</ul>`);
  const pr = problems(r);
  if (pr.length) body.push(`<h2>Notes and problems in the input</h2><ul>${pr.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
  const sub = `${r.judges.map((j) => `${j.name} (${j.protocol})`).join(', ')} · ${r.createdAt}`;
  return htmlPage({ title: 'Judge evaluation', subtitle: sub, body: body.join('\n') });
}
