/**
 * PARM potential assessment for best-of-N. arXiv 2501.13926 (REWARDS-2.md 25, read in the
 * authors' code): each candidate is assessed once, at its first "clear" step, for whether it
 * can still reach a good result (yes/no with P(no)); among candidates with potential the best
 * outcome score wins, and with none the candidate least likely to be hopeless.
 */
import { RewardInputError } from '../util.js';

export interface ParmCandidate {
  potential: boolean;
  /** P(no) of the potential assessment. */
  pNo: number;
  /** Outcome P(yes) of the finished candidate; required for candidates with potential. */
  outcome?: number;
}

/** Index (0-based) of the first step the assessor marks clear, or the last step when none is. */
export function firstClearStep(clear: readonly boolean[]): number {
  const i = clear.indexOf(true);
  return i >= 0 ? i : clear.length - 1;
}

export function parmSelect(candidates: readonly ParmCandidate[]): { chosen: number; rule: 'potential-outcome' | 'min-p-no' | 'none' } {
  let best = -1;
  candidates.forEach((c, i) => {
    if (!c.potential) return;
    if (c.outcome === undefined) throw new RewardInputError(`candidates[${i}].outcome`, 'is missing for a candidate with potential', 'finish candidates assessed "yes" and give their outcome P(yes)');
    if (best < 0 || c.outcome > candidates[best].outcome!) best = i;
  });
  if (best >= 0) return { chosen: best, rule: 'potential-outcome' };
  candidates.forEach((c, i) => { if (best < 0 || c.pNo < candidates[best].pNo) best = i; });
  return { chosen: best, rule: best < 0 ? 'none' : 'min-p-no' };
}
