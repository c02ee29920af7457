/**
 * Runs compared straight from the store: success rate, mean steps and verdict counts grouped by
 * round (meta.round), policy, app or task, charted with src/report/charts.ts. This is how two
 * runs or evolve rounds compare before anyone writes a benchmark report.
 */
import { StepwiseError } from '../core/errors.js';
import { groupedBarChart } from '../report/charts.js';
import { htmlTable } from '../report/html.js';
import type { Store } from '../store/index.js';
import type { SideIndex } from './side-index.js';

export const GROUP_BY = ['round', 'policy', 'app', 'task'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface GroupRow {
  key: string;
  trajectories: number;
  verified: number;
  successes: number;
  /** Successes over trajectories with a verdict; null when none has one. */
  successRate: number | null;
  meanSteps: number;
}

export function checkGroupBy(v: string | null): GroupBy {
  const by = v ?? 'round';
  if (!(GROUP_BY as readonly string[]).includes(by)) throw new StepwiseError('invalid_input', `cannot group by ${JSON.stringify(by)}`, `use one of: ${GROUP_BY.join(', ')}`);
  return by as GroupBy;
}

export function groupRuns(store: Store, side: SideIndex, by: GroupBy): GroupRow[] {
  const rounds = by === 'round' ? side.rounds() : undefined;
  const groups = new Map<string, { n: number; verified: number; ok: number; steps: number }>();
  for (const s of store.iterate({})) {
    const key = by === 'round' ? rounds!.get(s.id) ?? '(none)' : by === 'policy' ? s.policy ?? '(none)' : by === 'app' ? s.app ?? '(none)' : s.taskId?.replace(/#.*$/, '') ?? '(none)';
    const g = groups.get(key) ?? { n: 0, verified: 0, ok: 0, steps: 0 };
    g.n++;
    g.steps += s.steps;
    if (s.verdict) g.verified++;
    if (s.verdict === 'success') g.ok++;
    groups.set(key, g);
  }
  const numeric = [...groups.keys()].every((k) => k === '(none)' || !Number.isNaN(Number(k)));
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '(none)' ? 1 : b === '(none)' ? -1 : numeric ? Number(a) - Number(b) : a.localeCompare(b)))
    .map(([key, g]) => ({ key, trajectories: g.n, verified: g.verified, successes: g.ok, successRate: g.verified ? g.ok / g.verified : null, meanSteps: g.steps / g.n }));
}

export function groupsHtml(by: GroupBy, rows: GroupRow[]): string {
  if (!rows.length) return '<p class="note">The store holds no trajectories yet.</p>';
  const shown = rows.slice(0, 40);
  const labels = shown.map((r) => (r.key.length > 16 ? `${r.key.slice(0, 15)}…` : r.key));
  const charts = [
    groupedBarChart({ title: `success rate by ${by}`, labels, series: [{ name: 'success rate', values: shown.map((r) => r.successRate ?? NaN) }], max: 1 }),
    groupedBarChart({ title: `mean steps by ${by}`, labels, series: [{ name: 'mean steps', values: shown.map((r) => r.meanSteps) }] }),
  ];
  return `<div class="charts">${charts.join('')}</div>` +
    htmlTable([by, 'trajectories', 'with verdict', 'successes', 'success rate', 'mean steps'], rows.map((r) => [r.key, r.trajectories, r.verified, r.successes, r.successRate, r.meanSteps]), 2);
}
