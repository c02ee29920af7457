/**
 * Human review: the queue is the trajectories with a `review_needed` annotation and no human
 * outcome yet; a decision is written as an outcome with source `human` (approve = success,
 * reject = failure) plus a `review_done` annotation.
 */
import { StepwiseError } from '../core/errors.js';
import type { Trajectory } from '../core/trajectory.js';
import type { Store } from '../store/index.js';
import { actionText } from '../store/format.js';

export function reviewQueue(store: Store): string[] {
  const ids: string[] = [];
  for (const s of store.iterate()) {
    const notes = store.getAnnotations(s.id);
    if (!notes.some((a) => a.kind === 'review_needed')) continue;
    if (store.getOutcomes(s.id).some((o) => o.source === 'human')) continue;
    ids.push(s.id);
  }
  return ids;
}

export function reviewSummary(store: Store, t: Trajectory): string {
  const why = store.getAnnotations(t.id).filter((a) => a.kind === 'review_needed').map((a) => (a.value as { reason?: string })?.reason ?? '');
  const lines = [
    `trajectory ${t.id}`,
    `task: ${t.task.instruction}`,
    `stopped: ${t.stopReason ?? t.status}${t.answer ? ` answer: ${t.answer}` : ''}`,
    `why review: ${why.join('; ')}`,
    ...store.getOutcomes(t.id).map((o) => `verdict ${o.source}: ${o.verdict} (${o.confidence.toFixed(2)}) ${o.reason ?? ''}`),
    ...t.steps.map((s) => `  ${s.index}. ${actionText(s.action)}${s.result && !s.result.ok ? ' [failed]' : ''}`),
    `final screen: ${t.steps.at(-1)?.observation?.image ? store.blobPath(t.steps.at(-1)!.observation!.image!) : '(none)'}`,
  ];
  return lines.join('\n') + '\n';
}

export type ReviewDecision = 'approve' | 'reject';

export function parseDecision(s: string): ReviewDecision | 'skip' {
  const v = s.trim().toLowerCase();
  if (['a', 'approve', 'y', 'yes', 'success'].includes(v)) return 'approve';
  if (['r', 'reject', 'n', 'no', 'failure'].includes(v)) return 'reject';
  if (['s', 'skip', ''].includes(v)) return 'skip';
  throw new StepwiseError('invalid_input', `unknown review answer "${s.trim()}"`, 'answer approve (a), reject (r) or skip (s)');
}

export function applyReview(store: Store, id: string, decision: ReviewDecision, reviewer = 'human', note?: string): void {
  const verdict = decision === 'approve' ? 'success' : 'failure';
  store.setOutcome(id, { verdict, confidence: 1, source: 'human', by: reviewer, reason: note ?? `reviewer ${decision}d`, at: Date.now() });
  store.addAnnotation({ trajectoryId: id, kind: 'review_done', value: { decision }, author: reviewer });
}
