/**
 * Benchmark reports in `<store>/reports/*.json`, rendered whatever their shape: numbers become
 * tables and bar charts (src/report/charts.ts), arrays of records become one chart per metric,
 * and several reports compare metric by metric. A name is only ever a plain file name inside
 * the reports folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StepwiseError } from '../core/errors.js';
import { barChart, groupedBarChart } from '../report/charts.js';
import { esc, htmlTable } from '../report/html.js';

export const REPORTS_DIR = 'reports';
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.json$/;

export interface ReportEntry {
  name: string;
  title: string;
  bytes: number;
  modifiedAt: number;
  error?: string;
}

export function listReports(storeDir: string): ReportEntry[] {
  const dir = join(storeDir, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => NAME.test(f)).map((name) => {
    const st = statSync(join(dir, name));
    const entry: ReportEntry = { name, title: name.replace(/\.json$/, ''), bytes: st.size, modifiedAt: st.mtimeMs };
    try { entry.title = titleOf(JSON.parse(readFileSync(join(dir, name), 'utf8')), entry.title); } catch (e) { entry.error = `not JSON: ${(e as Error).message}`; }
    return entry;
  }).sort((a, b) => b.modifiedAt - a.modifiedAt || a.name.localeCompare(b.name));
}

export function loadReport(storeDir: string, name: string): unknown {
  if (!NAME.test(name) || name.includes('..')) throw new StepwiseError('not_found', `no report ${JSON.stringify(name)}`, 'pick a name from /api/reports');
  const file = join(storeDir, REPORTS_DIR, name);
  if (!existsSync(file)) throw new StepwiseError('not_found', `no report ${name}`, 'pick a name from /api/reports');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StepwiseError('invalid_input', `report ${name} is not JSON: ${(e as Error).message}`, 'fix or remove the file');
  }
}

function titleOf(r: unknown, fallback: string): string {
  const o = r as Record<string, unknown> | null;
  for (const k of ['title', 'name', 'benchmark', 'suite']) if (o && typeof o[k] === 'string') return o[k] as string;
  return fallback;
}

/** Every numeric leaf as "a.b.c" -> value (arrays of records are charted separately). */
export function numericLeaves(v: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof v === 'number' && Number.isFinite(v)) out.set(prefix || 'value', v);
  else if (typeof v === 'boolean') out.set(prefix || 'value', v ? 1 : 0);
  else if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) numericLeaves(x, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

interface Table {
  path: string;
  label: string;
  rows: Record<string, unknown>[];
  metrics: string[];
}

/** Arrays of records anywhere in the report, each with a label column and numeric columns. */
function recordTables(v: unknown, path = '', out: Table[] = []): Table[] {
  if (Array.isArray(v)) {
    const rows = v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x));
    if (rows.length > 0 && rows.length === v.length) {
      const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const label = ['name', 'label', 'task', 'policy', 'model', 'id', 'round'].find((k) => keys.includes(k)) ?? keys.find((k) => rows.every((r) => typeof r[k] === 'string'));
      const metrics = keys.filter((k) => rows.some((r) => typeof r[k] === 'number' && Number.isFinite(r[k])));
      if (label && metrics.length) out.push({ path: path || '(root)', label, rows, metrics });
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) recordTables(x, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN);
const cut = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One report as an HTML fragment: headline numbers, then a chart and table per record array. */
export function renderReport(name: string, report: unknown): string {
  const parts = [`<h2>${esc(titleOf(report, name))}</h2>`];
  const leaves = [...numericLeaves(report)];
  if (leaves.length) parts.push(htmlTable(['metric', 'value'], leaves.slice(0, 60).map(([k, v]) => [k, v])));
  for (const t of recordTables(report).slice(0, 6)) {
    const labels = t.rows.map((r) => cut(String(r[t.label] ?? '')));
    parts.push(`<h3>${esc(t.path)}</h3><div class="charts">${t.metrics.slice(0, 4).map((m) => barChart({ title: m, labels, values: t.rows.map((r) => num(r[m])) })).join('')}</div>`);
    parts.push(htmlTable([t.label, ...t.metrics], t.rows.slice(0, 200).map((r) => [String(r[t.label] ?? ''), ...t.metrics.map((m) => (Number.isFinite(num(r[m])) ? num(r[m]) : null))])));
  }
  if (!leaves.length && !recordTables(report).length) parts.push('<p class="note">No numbers found in this report; its JSON is shown below.</p>');
  parts.push(`<details><summary>JSON</summary><pre>${esc(JSON.stringify(report, null, 2).slice(0, 200_000))}</pre></details>`);
  return parts.join('\n');
}

/** Several reports side by side: the numeric metrics they share, as grouped bars and a table. */
export function compareReports(reports: { name: string; report: unknown }[]): string {
  const leaves = reports.map((r) => numericLeaves(r.report));
  const shared = [...leaves[0]?.keys() ?? []].filter((k) => leaves.every((l) => l.has(k)));
  if (!shared.length) return '<p class="note">These reports share no numeric metric.</p>';
  const series = reports.map((r, i) => ({ name: r.name.replace(/\.json$/, ''), values: shared.map((k) => leaves[i].get(k)!) }));
  // Metrics of very different magnitudes get their own charts: group by order of magnitude.
  const groups = new Map<number, number[]>();
  shared.forEach((k, i) => {
    const mag = Math.floor(Math.log10(Math.max(1e-9, ...series.map((s) => Math.abs(s.values[i])))));
    (groups.get(mag) ?? groups.set(mag, []).get(mag)!).push(i);
  });
  const charts = [...groups.values()].flatMap((idx) => {
    const chunks: number[][] = [];
    for (let i = 0; i < idx.length; i += 8) chunks.push(idx.slice(i, i + 8));
    return chunks.map((c) => groupedBarChart({ labels: c.map((i) => cut(shared[i])), series: series.map((s) => ({ name: s.name, values: c.map((i) => s.values[i]) })) }));
  });
  const rows = shared.map((k, i) => [k, ...series.map((s) => s.values[i]), series.length === 2 ? series[1].values[i] - series[0].values[i] : null]);
  return `<div class="charts">${charts.join('')}</div>` + htmlTable(['metric', ...series.map((s) => s.name), ...(series.length === 2 ? ['Δ (2nd − 1st)'] : [])], rows.map((r) => (series.length === 2 ? r : r.slice(0, -1))));
}
