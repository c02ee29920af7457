/**
 * Filters for listing and exporting trajectories, turned into one parameterized SQL query.
 * The verdict filter looks at the latest outcome only (outcome history: latest wins).
 */
import { StepwiseError } from '../core/errors.js';
import type { Trajectory, Verdict } from '../core/trajectory.js';

export interface ListFilter {
  /** Task id (exact). */
  task?: string;
  app?: string;
  status?: Trajectory['status'];
  /** Latest outcome's verdict; 'none' = no outcome recorded yet. */
  verdict?: Verdict | 'none';
  /** Policy name (exact). */
  policy?: string;
  /** Started at or after this epoch ms. */
  since?: number;
  /** Started before this epoch ms. */
  until?: number;
  limit?: number;
  offset?: number;
  /** Keyset paging: only trajectories listed after this one (in newest-first order). */
  after?: { startedAt: number; id: string };
}

export interface TrajectorySummary {
  id: string;
  taskId?: string;
  app?: string;
  instruction: string;
  policy?: string;
  status: Trajectory['status'];
  stopReason?: string;
  answer?: string;
  startedAt: number;
  endedAt?: number;
  steps: number;
  verdict?: Verdict;
  confidence?: number;
}

const STATUSES = ['running', 'finished', 'interrupted'];
const VERDICTS = ['success', 'failure', 'none'];

const LATEST = `(SELECT o.%s FROM outcomes o WHERE o.trajectory_id = t.id ORDER BY o.seq DESC LIMIT 1)`;
const latest = (col: string) => LATEST.replace('%s', col);

export function buildListQuery(f: ListFilter = {}): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.task !== undefined) { where.push('t.task_id = ?'); params.push(f.task); }
  if (f.app !== undefined) { where.push('t.app = ?'); params.push(f.app); }
  if (f.policy !== undefined) { where.push('t.policy_name = ?'); params.push(f.policy); }
  if (f.status !== undefined) {
    if (!STATUSES.includes(f.status)) throw badFilter('status', f.status, STATUSES);
    where.push('t.status = ?'); params.push(f.status);
  }
  if (f.verdict !== undefined) {
    if (!VERDICTS.includes(f.verdict)) throw badFilter('verdict', f.verdict, VERDICTS);
    if (f.verdict === 'none') where.push(`${latest('verdict')} IS NULL`);
    else { where.push(`${latest('verdict')} = ?`); params.push(f.verdict); }
  }
  if (f.since !== undefined) { where.push('t.started_at >= ?'); params.push(checkTime('since', f.since)); }
  if (f.until !== undefined) { where.push('t.started_at < ?'); params.push(checkTime('until', f.until)); }
  if (f.after !== undefined) {
    where.push('(t.started_at < ? OR (t.started_at = ? AND t.id < ?))');
    params.push(f.after.startedAt, f.after.startedAt, f.after.id);
  }
  const limit = f.limit === undefined ? -1 : checkCount('limit', f.limit);
  const offset = f.offset === undefined ? 0 : checkCount('offset', f.offset);
  const sql = `SELECT t.id, t.task_id, t.app, t.instruction, t.policy_name, t.status, t.stop_reason, t.answer,
      t.started_at, t.ended_at,
      (SELECT COUNT(*) FROM steps s WHERE s.trajectory_id = t.id) AS steps,
      ${latest('verdict')} AS verdict, ${latest('confidence')} AS confidence
    FROM trajectories t ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY t.started_at DESC, t.id DESC LIMIT ? OFFSET ?`;
  return { sql, params: [...params, limit, offset] };
}

interface SummaryRow {
  id: string; task_id: string | null; app: string | null; instruction: string; policy_name: string | null;
  status: Trajectory['status']; stop_reason: string | null; answer: string | null; started_at: number;
  ended_at: number | null; steps: number; verdict: Verdict | null; confidence: number | null;
}

export function rowToSummary(r: SummaryRow): TrajectorySummary {
  const s: TrajectorySummary = { id: r.id, instruction: r.instruction, status: r.status, startedAt: r.started_at, steps: r.steps };
  if (r.task_id !== null) s.taskId = r.task_id;
  if (r.app !== null) s.app = r.app;
  if (r.policy_name !== null) s.policy = r.policy_name;
  if (r.stop_reason !== null) s.stopReason = r.stop_reason;
  if (r.answer !== null) s.answer = r.answer;
  if (r.ended_at !== null) s.endedAt = r.ended_at;
  if (r.verdict !== null) s.verdict = r.verdict;
  if (r.confidence !== null) s.confidence = r.confidence;
  return s;
}

/**
 * A time bound from the command line: epoch ms, an ISO date/time, or a duration back from
 * now such as 30m, 12h, 7d.
 */
export function parseTime(value: string, now = Date.now()): number {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const rel = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/.exec(v);
  if (rel) {
    const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[rel[2] as 's' | 'm' | 'h' | 'd' | 'w'];
    return Math.round(now - Number(rel[1]) * unit);
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    throw new StepwiseError('config_error', `cannot read time ${JSON.stringify(value)}`, 'use epoch milliseconds, an ISO date like 2025-12-01, or a duration back from now like 12h or 7d');
  }
  return t;
}

function checkTime(name: string, v: number): number {
  if (!Number.isFinite(v)) throw new StepwiseError('config_error', `filter ${name} must be epoch milliseconds, got ${v}`, 'pass a finite number');
  return v;
}

function checkCount(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw new StepwiseError('config_error', `filter ${name} must be a non-negative integer, got ${v}`, `e.g. ${name}: 50`);
  return v;
}

function badFilter(name: string, v: unknown, allowed: string[]): StepwiseError {
  return new StepwiseError('config_error', `unknown ${name} ${JSON.stringify(v)}`, `use one of: ${allowed.join(', ')}`);
}

/** Flags as a command line gives them (strings), turned into a checked ListFilter. */
export interface FilterFlags {
  task?: string; app?: string; status?: string; verdict?: string; policy?: string;
  since?: string; until?: string; limit?: string; offset?: string;
}

export function listFilterFrom(f: FilterFlags): ListFilter {
  const out: ListFilter = {};
  if (f.task !== undefined) out.task = f.task;
  if (f.app !== undefined) out.app = f.app;
  if (f.policy !== undefined) out.policy = f.policy;
  if (f.status !== undefined) out.status = f.status as ListFilter['status'];
  if (f.verdict !== undefined) out.verdict = f.verdict as ListFilter['verdict'];
  if (f.since !== undefined) out.since = parseTime(f.since);
  if (f.until !== undefined) out.until = parseTime(f.until);
  for (const k of ['limit', 'offset'] as const) {
    const v = f[k];
    if (v === undefined) continue;
    if (!/^\d+$/.test(v)) throw new StepwiseError('config_error', `--${k} must be a whole number, got ${JSON.stringify(v)}`, `e.g. --${k} 50`);
    out[k] = Number(v);
  }
  // Checks status and verdict values now, so a typo fails before any work starts.
  buildListQuery(out);
  return out;
}
