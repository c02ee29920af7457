/**
 * Row <-> object mapping for the store's tables. JSON columns hold the nested parts of the
 * core types unchanged; absent fields become NULL and come back absent (not null).
 */
import type { Outcome, Step, Trajectory } from '../core/trajectory.js';

export interface TrajectoryRow {
  id: string;
  task: string;
  task_id: string | null;
  app: string | null;
  instruction: string;
  device: string | null;
  policy: string | null;
  policy_name: string | null;
  status: Trajectory['status'];
  stop_reason: string | null;
  answer: string | null;
  started_at: number;
  ended_at: number | null;
  meta: string | null;
}

export interface StepRow {
  trajectory_id: string;
  idx: number;
  observation: string | null;
  model: string | null;
  action: string | null;
  result: string | null;
  started_at: number | null;
  duration_ms: number | null;
  meta: string | null;
}

export interface OutcomeRow {
  seq: number;
  trajectory_id: string;
  verdict: Outcome['verdict'];
  confidence: number;
  source: Outcome['source'];
  reason: string | null;
  by: string | null;
  at: number;
  cost: string | null;
}

export interface AnnotationRow {
  seq: number;
  trajectory_id: string;
  step_idx: number | null;
  kind: string;
  value: string | null;
  author: string | null;
  at: number;
}

/** A note on a trajectory or one of its steps: a label, a correction, a reviewer comment. */
export interface Annotation {
  seq?: number;
  trajectoryId: string;
  /** The step it is about; absent for the whole trajectory. */
  stepIndex?: number;
  kind: string;
  value?: unknown;
  author?: string;
  at?: number;
}

export function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

function parse<T>(s: string | null): T | undefined {
  return s === null ? undefined : (JSON.parse(s) as T);
}

/** Copies only defined values, so absent stays absent. */
function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out as T;
}

export function trajectoryToRow(t: Omit<Trajectory, 'steps' | 'outcome'>): Omit<TrajectoryRow, never> {
  return {
    id: t.id,
    task: JSON.stringify(t.task),
    task_id: t.task.id ?? null,
    app: t.task.app ?? null,
    instruction: t.task.instruction,
    device: json(t.device),
    policy: json(t.policy),
    policy_name: t.policy?.name ?? null,
    status: t.status,
    stop_reason: t.stopReason ?? null,
    answer: t.answer ?? null,
    started_at: t.startedAt,
    ended_at: t.endedAt ?? null,
    meta: json(t.meta),
  };
}

export function rowToTrajectory(r: TrajectoryRow): Trajectory {
  return defined({
    id: r.id,
    task: JSON.parse(r.task),
    device: parse(r.device),
    policy: parse(r.policy),
    status: r.status,
    stopReason: r.stop_reason ?? undefined,
    answer: r.answer ?? undefined,
    startedAt: r.started_at,
    endedAt: r.ended_at ?? undefined,
    steps: [],
    meta: parse(r.meta),
  }) as Trajectory;
}

export function stepToRow(trajectoryId: string, s: Step): StepRow {
  return {
    trajectory_id: trajectoryId,
    idx: s.index,
    observation: json(s.observation),
    model: json(s.model),
    action: json(s.action),
    result: json(s.result),
    started_at: s.startedAt ?? null,
    duration_ms: s.durationMs ?? null,
    meta: json(s.meta),
  };
}

export function rowToStep(r: StepRow): Step {
  return defined({
    index: r.idx,
    observation: parse(r.observation),
    model: parse(r.model),
    action: parse(r.action),
    result: parse(r.result),
    startedAt: r.started_at ?? undefined,
    durationMs: r.duration_ms ?? undefined,
    meta: parse(r.meta),
  }) as Step;
}

export function outcomeToRow(trajectoryId: string, o: Outcome, now: number): Omit<OutcomeRow, 'seq'> {
  return {
    trajectory_id: trajectoryId,
    verdict: o.verdict,
    confidence: o.confidence,
    source: o.source,
    reason: o.reason ?? null,
    by: o.by ?? null,
    at: o.at ?? now,
    cost: json(o.cost),
  };
}

export function rowToOutcome(r: OutcomeRow): Outcome {
  return defined({
    verdict: r.verdict,
    confidence: r.confidence,
    source: r.source,
    reason: r.reason ?? undefined,
    by: r.by ?? undefined,
    at: r.at,
    cost: parse(r.cost),
  }) as Outcome;
}

export function rowToAnnotation(r: AnnotationRow): Annotation {
  return defined({
    seq: r.seq,
    trajectoryId: r.trajectory_id,
    stepIndex: r.step_idx ?? undefined,
    kind: r.kind,
    value: parse(r.value),
    author: r.author ?? undefined,
    at: r.at,
  }) as Annotation;
}
