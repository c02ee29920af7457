/**
 * Noisy-reward injection and the reasoning-pattern reward (RPR) from "The Climb Carves Wisdom
 * Deeper Than the Summit", arXiv 2505.22653 (REWARDS-2.md 12, read in the authors' code).
 * RPR rewards the presence of planning phrases and penalises repeated text; it can also lift
 * a noisy reward model's low scores.
 */
import type { Rng } from '../../core/random.js';
import { RewardInputError, assertInRange } from '../util.js';

/**
 * Planning and self-checking phrases (our own list of about 40; the paper's list is not
 * reproduced). Matching is case-insensitive on the raw text.
 */
export const PLANNING_PHRASES: readonly string[] = [
  'i need to', 'first, ', 'second, ', 'next, ', 'then, ', 'finally, ', 'wait', 'let me check',
  'let me verify', 'let me think', 'let me try', 'let me re', 'therefore', 'so the answer', 'hmm',
  'on second thought', 'alternatively', 'another way', 'to double-check', 'double check', 'this means',
  'which means', 'it follows', 'in other words', 'let us', "let's", 'step by step', 'the goal is',
  'we need to', 'i should', 'make sure', 'but actually', 'however,', 'that is not right', 'mistake',
  'going back', 'to summarize', 'recall that', 'note that', 'consider',
];

export interface RprOptions {
  phrases?: readonly string[];
  /** Distinct phrases for the full pattern score (code: 20). */
  saturation?: number;
  /** Window length in words for the repetition share (code: 20). */
  window?: number;
}

/**
 * Share of repeated windows: (windows - distinct windows) / windows; 0 when the text is shorter
 * than a window. Windows are compared exactly; a rolling hash only buckets them, so long texts
 * cost O(words) instead of building one string per window.
 */
export function repetitionShare(text: string, window = 20): number {
  const words = text.split(/\s+/).filter(Boolean);
  const n = words.length - window + 1;
  if (n <= 0) return 0;
  const vocab = new Map<string, number>();
  const ids = words.map((w) => vocab.get(w) ?? (vocab.set(w, vocab.size + 1), vocab.size));
  const P = 2147483647, B = 1000003;
  let top = 1; // B^(window-1) mod P
  for (let k = 1; k < window; k++) top = (top * B) % P;
  const buckets = new Map<number, number[]>();
  const same = (a: number, b: number) => { for (let k = 0; k < window; k++) if (ids[a + k] !== ids[b + k]) return false; return true; };
  let h = 0, distinct = 0;
  for (let k = 0; k < window; k++) h = (h * B + ids[k]) % P;
  for (let i = 0; i < n; i++) {
    if (i > 0) h = (((h - ids[i - 1] * top % P + P) % P) * B + ids[i + window - 1]) % P;
    const starts = buckets.get(h);
    if (!starts) { buckets.set(h, [i]); distinct++; }
    else if (!starts.some((j) => same(i, j))) { starts.push(i); distinct++; }
  }
  return (n - distinct) / n;
}

/** Distinct planning phrases present in the text. */
export function countPatterns(text: string, phrases: readonly string[] = PLANNING_PHRASES): number {
  const t = text.toLowerCase();
  return phrases.filter((p) => t.includes(p.toLowerCase())).length;
}

/** RPR = max(0, min(1, distinct / saturation) - rep). */
export function rprScore(distinct: number, repetition: number, saturation = 20): number {
  return Math.max(0, Math.min(1, distinct / saturation) - repetition);
}

export function reasoningPatternReward(text: string, opts: RprOptions = {}): { distinct: number; repetition: number; rpr: number } {
  const distinct = countPatterns(text, opts.phrases);
  const repetition = repetitionShare(text, opts.window ?? 20);
  return { distinct, repetition, rpr: rprScore(distinct, repetition, opts.saturation ?? 20) };
}

/** Noisy-RM calibration: below the threshold, s' = min(1, s + bonus RPR) (code: 0.5, 0.1). */
export function calibrateNoisyScore(s: number, rpr: number, threshold = 0.5, bonus = 0.1): number {
  return s < threshold ? Math.min(1, s + bonus * rpr) : s;
}

/**
 * Inject reward noise: each prompt group, with probability p, has every reward flipped within
 * [low, high] (r -> low + high - r; for 0/1 rewards, 1 - r). Seeded, so a run repeats.
 */
export function flipGroups(groups: readonly (readonly number[])[], p: number, rng: Rng, low = 0, high = 1): { rewards: number[][]; flipped: boolean[] } {
  assertInRange('p', p, 0, 1);
  if (!(high > low)) throw new RewardInputError('high', `${high} is not above low ${low}`, 'give the reward range [low, high]');
  const flipped = groups.map(() => rng.chance(p));
  return { flipped, rewards: groups.map((g, i) => (flipped[i] ? g.map((r) => low + high - r) : g.slice())) };
}
