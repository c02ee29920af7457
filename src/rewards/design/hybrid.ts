/**
 * Hybrid reward beyond a single monolithic score: rule verifier and reward model blended by the
 * verifier's confidence, weighted aspect scores and a generalized length penalty.
 * arXiv 2510.05283 (REWARDS-2.md 9; the exact blend is a design proposal, OURS).
 */
import { RewardInputError, assertInRange } from '../util.js';

export interface HybridInput {
  /** c: confidence of the rule verifier in [0, 1]. */
  confidence: number;
  rule: number;
  model: number;
  /** [lambda_k, r_aspect_k] pairs. */
  aspects?: readonly (readonly [number, number])[];
  /** L: response length (tokens or steps). */
  length?: number;
  /** L*: target length; over it the penalty grows linearly in relative excess. */
  targetLength?: number;
  /** lambda_L. */
  lengthWeight?: number;
  /** p in lambda_L max(0, (L - L*) / L*)^p: 1 (the sheet) is linear, 2 forgives small overruns (OURS generalisation). */
  lengthExponent?: number;
}

/** r = c r_rule + (1 - c) r_RM + sum lambda_k a_k - lambda_L max(0, (L - L*) / L*)^p. */
export function hybridReward(i: HybridInput): { reward: number; parts: { rule: number; model: number; aspects: number; length: number } } {
  assertInRange('confidence', i.confidence, 0, 1);
  const aspects = (i.aspects ?? []).reduce((s, [w, a]) => s + w * a, 0);
  let length = 0;
  if (i.length !== undefined && i.targetLength !== undefined) {
    if (!(i.targetLength > 0)) throw new RewardInputError('targetLength', `${i.targetLength} is not positive`, 'give the target length L* > 0');
    length = (i.lengthWeight ?? 0) * Math.max(0, (i.length - i.targetLength) / i.targetLength) ** (i.lengthExponent ?? 1);
  }
  const rule = i.confidence * i.rule, model = (1 - i.confidence) * i.model;
  return { reward: rule + model + aspects - length, parts: { rule, model, aspects, length: -length } };
}
