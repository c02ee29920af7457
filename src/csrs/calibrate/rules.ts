/**
 * Rule verdicts from how a run ended: aborts, errors and step limits are failures; a final
 * answer that admits failure (English or Chinese) is a failure with confidence 0.9.
 */
import type { Outcome, Trajectory } from '../../core/trajectory.js';

export const FAILURE_WORDS = [
  /\b(cannot|can't|can not|unable|failed|fail to|impossible|not possible|couldn't|could not|no way to)\b/i,
  /无法|失败|不能|做不到|未能|没有找到|找不到/,
];

export function ruleVerdict(t: Trajectory): Outcome | undefined {
  const rule = (verdict: Outcome['verdict'], confidence: number, reason: string, by: string): Outcome => ({ verdict, confidence, source: 'rule', reason, by, cost: { tokens: 0 } });
  // A task may expect an abort (infeasible tasks); then aborting is not evidence of failure.
  const expectsAbort = t.task.meta?.expect === 'abort';
  switch (t.stopReason) {
    case 'aborted': return expectsAbort ? undefined : rule('failure', 0.95, `the agent aborted: ${t.answer ?? ''}`.trim(), 'abort');
    case 'max_steps': return rule('failure', 0.95, 'the run hit the step limit', 'max_steps');
    case 'error': return rule('failure', 0.95, 'the run stopped on an error', 'error');
    case 'cancelled':
    case 'interrupted': return rule('failure', 0.9, `the run was ${t.stopReason}`, t.stopReason);
    case 'needs_reply': return rule('failure', 0.8, 'the run stopped waiting for a reply', 'needs_reply');
  }
  if (t.status === 'interrupted') return rule('failure', 0.9, 'the run was interrupted', 'interrupted');
  const answer = t.answer ?? '';
  if (!expectsAbort && FAILURE_WORDS.some((w) => w.test(answer))) return rule('failure', 0.9, `the final answer admits failure: ${answer.slice(0, 120)}`, 'failure_words');
  return undefined;
}
