/**
 * PAV process advantage verifiers. Setlur et al., "Rewarding Progress: Scaling Automated
 * Process Verifiers for LLM Reasoning", arXiv 2410.08146 [summary].
 *
 * A step is good when it raises the success chance of a (different) prover policy mu:
 * A_h = Q_mu(after step h) - Q_mu(before step h), with Q estimated by Monte-Carlo rollouts.
 */
import { assertSameLength } from './util.js';

/** A_h from V_mu(s0) and Q_mu after each step. */
export function pavAdvantages(v0: number, qMuAfter: readonly number[]): number[] {
  return qMuAfter.map((q, h) => q - (h === 0 ? v0 : qMuAfter[h - 1]));
}

/** Effective reward Q_pi + alpha * A_mu per step. */
export function pavEffectiveRewards(qPi: readonly number[], advantages: readonly number[], alpha = 1): number[] {
  assertSameLength('qPi', qPi, 'advantages', advantages);
  return qPi.map((q, h) => q + alpha * advantages[h]);
}
