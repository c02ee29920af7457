/**
 * PPO-C calibrated reward. Leng et al., "Taming Overconfidence in LLMs: Reward Calibration in
 * RLHF", arXiv 2410.09724 [code].
 *
 * Rewards above a running average are raised for confident answers and lowered for hesitant
 * ones; rewards below it the other way round, so overconfidence on bad answers is punished.
 */
import { clamp, mean, assertSameLength, assertInRange } from './util.js';

export interface PpocResult {
  /** Moving average after this batch (updated before use). */
  avg: number;
  rewards: number[];
}

export interface PpocOptions {
  /** Weight of the batch mean in the moving average (default 0.1). */
  momentum?: number;
  /** Scale of the adjustment D = w |r| (c - 0.5) (default 0.5). */
  w?: number;
  /** Rewards are clamped to [-clip, clip] (default 10). */
  clip?: number;
}

/** Threshold mode: D = w |r| (c - 0.5); r' = r + D if r >= avg else r - D. */
export function ppocRewards(r: readonly number[], c: readonly number[], avg0: number, opts: PpocOptions = {}): PpocResult {
  assertSameLength('r', r, 'c', c);
  c.forEach((x, i) => assertInRange(`c[${i}]`, x, 0, 1));
  const { momentum = 0.1, w = 0.5, clip = 10 } = opts;
  const clipped = r.map((x) => clamp(x, -clip, clip));
  const avg = r.length ? momentum * mean(clipped) + (1 - momentum) * avg0 : avg0;
  const rewards = clipped.map((x, i) => {
    const d = w * Math.abs(x) * (c[i] - 0.5);
    return clamp(x >= avg ? x + d : x - d, -clip, clip);
  });
  return { avg, rewards };
}

/** Verbal confidence "0-10" -> [0, 1]; anything unparseable gives 5 (no change). */
export function parseConfidence(text: string | number | null | undefined): number {
  const m = typeof text === 'number' ? text : Number(String(text ?? '').match(/-?\d+(\.\d+)?/)?.[0]);
  if (!Number.isFinite(m) || m < 0 || m > 10) return 0.5;
  return m / 10;
}
