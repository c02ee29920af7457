/**
 * The Studio side of human review. Queue and decisions are src/csrs/review.ts (the same
 * functions `stepwise csrs review` uses); this module adds step flags, comments and the review
 * throughput measured from the stored `review_done` timestamps.
 */
import { StepwiseError } from '../core/errors.js';
import { applyReview, reviewQueue, type ReviewDecision } from '../csrs/review.js';
import type { Store } from '../store/index.js';

export const NOTE_KINDS = ['review_flag', 'comment'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface QueueItem {
  id: string;
  instruction: string;
  taskId?: string;
  steps: number;
  why: string[];
}

export function queue(store: Store): QueueItem[] {
  return reviewQueue(store).map((id) => {
    const t = store.getTrajectory(id);
    const why = store.getAnnotations(id).filter((a) => a.kind === 'review_needed').map((a) => String((a.value as { reason?: unknown })?.reason ?? ''));
    return { id, instruction: t.task.instruction, taskId: t.task.id, steps: t.steps.length, why };
  });
}

export interface DecisionBody {
  decision: ReviewDecision;
  reviewer: string;
  note?: string;
}

export function checkDecision(body: unknown, defaultReviewer: string): DecisionBody {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.decision !== 'approve' && b.decision !== 'reject') {
    throw new StepwiseError('invalid_input', `decision must be "approve" or "reject", got ${JSON.stringify(b.decision)}`, 'send {"decision":"approve"} or {"decision":"reject"}');
  }
  return { decision: b.decision, reviewer: reviewerOf(b.reviewer, defaultReviewer), note: typeof b.note === 'string' && b.note.trim() ? b.note.trim() : undefined };
}

function reviewerOf(v: unknown, d: string): string {
  if (v === undefined || v === null || v === '') return d;
  if (typeof v !== 'string' || v.length > 80) throw new StepwiseError('invalid_input', 'reviewer must be a name up to 80 characters', 'send {"reviewer":"ann"} or leave it out');
  return v.trim() || d;
}

export function decide(store: Store, id: string, d: DecisionBody): void {
  if (!store.hasTrajectory(id)) throw new StepwiseError('not_found', `no trajectory ${id}`, 'pick one from the review queue');
  applyReview(store, id, d.decision, d.reviewer, d.note);
}

/** A flag on a step (something wrong here) or a comment on a step or the whole trajectory. */
export function addNote(store: Store, id: string, body: unknown, defaultReviewer: string): number {
  const b = (body ?? {}) as Record<string, unknown>;
  if (!(NOTE_KINDS as readonly unknown[]).includes(b.kind)) {
    throw new StepwiseError('invalid_input', `kind must be one of ${NOTE_KINDS.join(', ')}, got ${JSON.stringify(b.kind)}`, 'send {"kind":"review_flag","step":2,"text":"wrong item"}');
  }
  if (b.step !== undefined && b.step !== null && !(Number.isInteger(b.step) && (b.step as number) >= 0)) {
    throw new StepwiseError('invalid_input', `step must be a step number, got ${JSON.stringify(b.step)}`, 'omit it to note the whole trajectory');
  }
  const text = typeof b.text === 'string' ? b.text.slice(0, 4000) : '';
  if (b.kind === 'comment' && !text.trim()) throw new StepwiseError('invalid_input', 'a comment needs text', 'send {"kind":"comment","text":"..."}');
  if (!store.hasTrajectory(id)) throw new StepwiseError('not_found', `no trajectory ${id}`, 'check the id');
  const t = store.getTrajectory(id);
  const step = b.step === undefined || b.step === null ? undefined : (b.step as number);
  if (step !== undefined && step >= t.steps.length) throw new StepwiseError('invalid_input', `trajectory ${id} has no step ${step}`, `use 0..${t.steps.length - 1}`);
  return store.addAnnotation({ trajectoryId: id, stepIndex: step, kind: b.kind as NoteKind, value: { text }, author: reviewerOf(b.reviewer, defaultReviewer) });
}

export interface Throughput {
  /** Decisions in the store. */
  reviews: number;
  /** Decisions in the latest session (reviews less than `gapMs` apart). */
  session: number;
  /** Trajectories per minute in the latest session; null with fewer than 2 decisions. */
  perMinute: number | null;
  sessionStart?: number;
  last?: number;
}

/**
 * Throughput from decision times: n decisions over the span from the first to the last of
 * the latest session give (n - 1) intervals, so the rate is (n - 1) / span.
 */
export function throughput(times: readonly number[], gapMs = 5 * 60_000): Throughput {
  const ts = [...times].sort((a, b) => a - b);
  if (ts.length === 0) return { reviews: 0, session: 0, perMinute: null };
  let start = ts.length - 1;
  while (start > 0 && ts[start] - ts[start - 1] <= gapMs) start--;
  const session = ts.length - start;
  const span = ts[ts.length - 1] - ts[start];
  return {
    reviews: ts.length, session, sessionStart: ts[start], last: ts[ts.length - 1],
    perMinute: session >= 2 && span > 0 ? ((session - 1) * 60_000) / span : null,
  };
}
