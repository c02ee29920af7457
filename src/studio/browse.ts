/**
 * The trajectory browser's query: store filters (task, app, verdict, policy, status, dates)
 * go to SQL through listTrajectories; round (meta), free-text search and sorting apply on the
 * summaries. Bad parameters are a clear error (HTTP 400), never an empty page.
 */
import { StepwiseError } from '../core/errors.js';
import { parseTime, type ListFilter, type Store, type TrajectorySummary } from '../store/index.js';
import type { SideIndex } from './side-index.js';

export const SORT_KEYS = ['started', 'steps', 'duration', 'task', 'verdict', 'confidence'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface BrowseQuery {
  filter: ListFilter;
  round?: string;
  q?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface BrowseRow extends TrajectorySummary {
  round?: string;
}

export interface BrowsePage {
  total: number;
  items: BrowseRow[];
  facets: { tasks: string[]; apps: string[]; policies: string[]; rounds: string[] };
}

const MAX_LIMIT = 5000;

function bad(name: string, v: string, hint: string): StepwiseError {
  return new StepwiseError('invalid_input', `bad query parameter ${name}=${JSON.stringify(v)}`, hint);
}

/** URL query -> checked BrowseQuery. */
export function parseBrowseQuery(p: URLSearchParams): BrowseQuery {
  const filter: ListFilter = {};
  const str = (k: string) => { const v = p.get(k); return v === null || v === '' ? undefined : v; };
  const task = str('task'), app = str('app'), policy = str('policy'), status = str('status'), verdict = str('verdict');
  if (task) filter.task = task;
  if (app) filter.app = app;
  if (policy) filter.policy = policy;
  if (status) {
    if (!['running', 'finished', 'interrupted'].includes(status)) throw bad('status', status, 'use running, finished or interrupted');
    filter.status = status as ListFilter['status'];
  }
  if (verdict) {
    if (!['success', 'failure', 'none'].includes(verdict)) throw bad('verdict', verdict, 'use success, failure or none');
    filter.verdict = verdict as ListFilter['verdict'];
  }
  for (const k of ['since', 'until'] as const) {
    const v = str(k);
    if (v) {
      try { filter[k] = parseTime(v); } catch { throw bad(k, v, 'use epoch ms, an ISO date like 2026-11-26, or 12h / 7d'); }
    }
  }
  const sort = (str('sort') ?? 'started') as SortKey;
  if (!SORT_KEYS.includes(sort)) throw bad('sort', sort, `use one of: ${SORT_KEYS.join(', ')}`);
  const order = str('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw bad('order', order, 'use asc or desc');
  const count = (k: string, d: number) => {
    const v = str(k);
    if (v === undefined) return d;
    if (!/^\d+$/.test(v) || Number(v) > (k === 'limit' ? MAX_LIMIT : Number.MAX_SAFE_INTEGER)) throw bad(k, v, k === 'limit' ? `a whole number up to ${MAX_LIMIT}` : 'a whole number');
    return Number(v);
  };
  return { filter, round: str('round'), q: str('q')?.toLowerCase(), sort, order, limit: count('limit', 100), offset: count('offset', 0) };
}

const value: Record<SortKey, (r: BrowseRow) => number | string> = {
  started: (r) => r.startedAt,
  steps: (r) => r.steps,
  duration: (r) => (r.endedAt ?? Date.now()) - r.startedAt,
  task: (r) => r.taskId ?? r.instruction,
  verdict: (r) => r.verdict ?? '',
  confidence: (r) => r.confidence ?? -1,
};

export function browse(store: Store, side: SideIndex, q: BrowseQuery): BrowsePage {
  const rounds = side.rounds();
  const all: BrowseRow[] = store.listTrajectories(q.filter).map((s) => {
    const round = rounds.get(s.id);
    return round === undefined ? s : { ...s, round };
  });
  // Dropdown choices come from the whole store, so choosing one filter does not hide the others.
  const base = Object.keys(q.filter).length ? store.listTrajectories({}) : all;
  const facets = {
    tasks: distinct(base.map((r) => r.taskId)),
    apps: distinct(base.map((r) => r.app)),
    policies: distinct(base.map((r) => r.policy)),
    rounds: distinct([...rounds.values()]),
  };
  let rows = all;
  if (q.round !== undefined) rows = rows.filter((r) => r.round === q.round);
  if (q.q) {
    const needle = q.q;
    rows = rows.filter((r) => [r.id, r.instruction, r.taskId, r.answer, r.app, r.policy].some((f) => f?.toLowerCase().includes(needle)));
  }
  const key = value[q.sort];
  const dir = q.order === 'asc' ? 1 : -1;
  // Stable: equal keys keep the store's newest-first order.
  rows = rows.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => {
    const x = key(a), y = key(b);
    return x < y ? -dir : x > y ? dir : i - j;
  }).map(([r]) => r);
  return { total: rows.length, items: rows.slice(q.offset, q.offset + q.limit), facets };
}

function distinct(xs: (string | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))].sort();
}
