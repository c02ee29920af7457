/**
 * Scoring many items: chunks through scoreBatch where the protocol has one, bounded
 * concurrency otherwise, progress per item, and per-item errors kept next to the results
 * (nothing lost). A budget stop ends the run: items not yet scored are reported as skipped.
 */
import pLimit from 'p-limit';
import { StepwiseError, errorMessage, isStepwiseError } from '../core/errors.js';
import type { BatchJudge } from './base.js';
import { BudgetExceededError } from './budget.js';
import type { Judge, JudgeItem, JudgeResult } from './types.js';

export type ItemOutcome = { index: number; id?: string; ok: true; result: JudgeResult } | { index: number; id?: string; ok: false; error: { code: string; message: string; hint?: string } };

export interface ScoreAllOptions {
  concurrency?: number;
  batchSize?: number;
  signal?: AbortSignal;
  onItem?: (o: ItemOutcome) => void;
}

function failure(index: number, item: JudgeItem, e: unknown): ItemOutcome {
  return { index, id: item.id, ok: false, error: isStepwiseError(e) ? { code: e.code, message: e.message, hint: e.hint } : { code: 'error', message: errorMessage(e) } };
}

export async function scoreAll(judge: Judge, items: JudgeItem[], opts: ScoreAllOptions = {}): Promise<{ outcomes: ItemOutcome[]; stopped?: string }> {
  const limit = pLimit(opts.concurrency ?? 4);
  const outcomes: ItemOutcome[] = new Array(items.length);
  let stopped: string | undefined;
  const record = (o: ItemOutcome) => {
    outcomes[o.index] = o;
    opts.onItem?.(o);
  };
  const batch = (judge as BatchJudge).scoreBatch;
  const size = batch ? Math.max(1, opts.batchSize ?? 16) : 1;
  const groups: number[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(Array.from({ length: Math.min(size, items.length - i) }, (_, k) => i + k));
  await Promise.all(groups.map((g) => limit(async () => {
    if (stopped) {
      for (const i of g) record(failure(i, items[i], new StepwiseError('cancelled', `not scored: the run stopped at its budget (${stopped})`, 'raise budget and score the skipped items again', { reason: 'budget' })));
      return;
    }
    try {
      const rs = batch && g.length > 1 ? await batch(g.map((i) => items[i]), { signal: opts.signal }) : [await judge.score(items[g[0]], { signal: opts.signal })];
      g.forEach((i, k) => record({ index: i, id: items[i].id, ok: true, result: rs[k] }));
    } catch (e) {
      if (e instanceof BudgetExceededError) stopped ??= e.message;
      // A failed batch is retried item by item so one bad item does not sink its neighbours.
      if (g.length > 1 && !stopped) {
        for (const i of g) {
          try { record({ index: i, id: items[i].id, ok: true, result: await judge.score(items[i], { signal: opts.signal }) }); } catch (e2) {
            if (e2 instanceof BudgetExceededError) stopped ??= e2.message;
            record(failure(i, items[i], e2));
          }
        }
      } else for (const i of g) record(failure(i, items[i], e));
    }
  })));
  return { outcomes, ...(stopped && { stopped }) };
}
