/**
 * RLCR calibration reward, Brier score and expected calibration error. Damani et al.,
 * "Beyond Binary Rewards: Training LMs to Reason About Their Uncertainty", arXiv 2507.16806
 * [summary].
 */
import { assertSameLength, assertInRange, RewardInputError } from './util.js';

/** R = 1[correct] - (q - 1[correct])^2: correctness plus a Brier term for the stated confidence q. */
export function rlcrReward(correct: boolean, q: number): number {
  assertInRange('q', q, 0, 1);
  const c = correct ? 1 : 0;
  return c - (q - c) ** 2;
}

/** Brier = mean (q - c)^2; 0 for no predictions. */
export function brierScore(q: readonly number[], correct: readonly boolean[]): number {
  assertSameLength('q', q, 'correct', correct);
  if (q.length === 0) return 0;
  let s = 0;
  q.forEach((x, i) => (s += (x - (correct[i] ? 1 : 0)) ** 2));
  return s / q.length;
}

/** Equal-width bin of q: floor(q * bins) clamped to [0, bins - 1], so q = 1 lands in the last bin. */
export function binIndex(q: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(q * bins)));
}

export interface EceResult {
  ece: number;
  bins: { count: number; accuracy: number; confidence: number }[];
}

/** ECE = sum_b |B_b|/N |acc(B_b) - conf(B_b)| over equal-width bins (10 by default). */
export function expectedCalibrationError(q: readonly number[], correct: readonly boolean[], nBins = 10): EceResult {
  assertSameLength('q', q, 'correct', correct);
  if (!Number.isInteger(nBins) || nBins < 1) throw new RewardInputError('bins', `must be a positive integer, got ${nBins}`, 'use 10');
  q.forEach((x, i) => assertInRange(`q[${i}]`, x, 0, 1));
  const count = new Array<number>(nBins).fill(0);
  const acc = new Array<number>(nBins).fill(0);
  const conf = new Array<number>(nBins).fill(0);
  q.forEach((x, i) => {
    const b = binIndex(x, nBins);
    count[b]++;
    acc[b] += correct[i] ? 1 : 0;
    conf[b] += x;
  });
  const n = q.length;
  let ece = 0;
  const bins = count.map((c, b) => {
    const a = c ? acc[b] / c : 0;
    const cf = c ? conf[b] / c : 0;
    if (c) ece += (c / n) * Math.abs(a - cf);
    return { count: c, accuracy: a, confidence: cf };
  });
  return { ece, bins };
}
