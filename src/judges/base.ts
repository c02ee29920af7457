/**
 * Building a full Judge from what a protocol natively does. Pointwise protocols give
 * `score`; compare and rank follow (compare as Bradley-Terry of the two scores). Pairwise
 * protocols give one ordered comparison; position swapping cancels order bias
 * (p = 1/2 [P(A>B | A,B) + 1 - P(B>A | B,A)]), score compares an item with its reference,
 * and rank uses the shared reference as anchor or a round robin.
 */
import pLimit from 'p-limit';
import { StepwiseError } from '../core/errors.js';
import type { Rng } from '../core/random.js';
import { addCost, newCost } from './endpoint.js';
import type { CallOptions, Judge, JudgeCost, JudgeItem, JudgeResult, PairResult, RankResult } from './types.js';

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
};

/** A judge that can also score many items in one request. */
export interface BatchJudge extends Judge {
  scoreBatch?(items: JudgeItem[], opts?: CallOptions): Promise<JudgeResult[]>;
}

export interface PointwiseSpec {
  protocol: string;
  score(item: JudgeItem, opts?: CallOptions): Promise<JudgeResult>;
  scoreBatch?(items: JudgeItem[], opts?: CallOptions): Promise<JudgeResult[]>;
  concurrency: number;
}

function preferenceOf(p: number): 'a' | 'b' | 'tie' {
  return Math.abs(p - 0.5) < 1e-9 ? 'tie' : p > 0.5 ? 'a' : 'b';
}

/** P(a better than b) from two pointwise results: probabilities where both have one, else the score margin. */
export function pairFromScores(ra: JudgeResult, rb: JudgeResult): number {
  if (ra.confidence !== undefined && rb.confidence !== undefined) return sigmoid(logit(ra.confidence) - logit(rb.confidence));
  return sigmoid(ra.score - rb.score);
}

export async function rankByScores(protocol: string, items: JudgeItem[], scoreMany: (items: JudgeItem[]) => Promise<JudgeResult[]>): Promise<RankResult> {
  const results = await scoreMany(items);
  const scores = results.map((r) => r.score);
  const order = scores.map((_, i) => i).sort((i, j) => scores[j] - scores[i] || i - j);
  return { protocol, order, scores, raw: results.flatMap((r) => r.raw), cost: results.reduce((c, r) => addCost(c, r.cost), newCost()) };
}

export function pointwiseJudge(spec: PointwiseSpec): BatchJudge {
  const limit = pLimit(spec.concurrency);
  const scoreMany = (items: JudgeItem[], opts?: CallOptions) =>
    spec.scoreBatch ? spec.scoreBatch(items, opts) : Promise.all(items.map((it) => limit(() => spec.score(it, opts))));
  return {
    protocol: spec.protocol,
    score: spec.score,
    ...(spec.scoreBatch && { scoreBatch: spec.scoreBatch }),
    async compare(a, b, opts) {
      const [ra, rb] = await scoreMany([a, b], opts);
      const p = pairFromScores(ra, rb);
      return {
        protocol: spec.protocol, preferred: preferenceOf(p), probability: p,
        rationale: [ra.rationale, rb.rationale].filter(Boolean).map((r, i) => `${i === 0 ? 'a' : 'b'}: ${r}`).join('\n') || undefined,
        raw: [...ra.raw, ...rb.raw], cost: addCost(addCost(newCost(), ra.cost), rb.cost),
      };
    },
    rank: (items, opts) => rankByScores(spec.protocol, items, (xs) => scoreMany(xs, opts)),
  };
}

/** One ordered comparison: the probability that the item shown first is better. */
export interface OrderedVerdict {
  pFirst: number;
  raw: string[];
  rationale?: string;
  cost: JudgeCost;
}

export type SwapMode = 'both' | 'random' | 'none';

/** Compare a and b, cancelling position bias by asking in both orders (or a seeded random order). */
export async function debiasedCompare(protocol: string, once: (first: JudgeItem, second: JudgeItem) => Promise<OrderedVerdict>, a: JudgeItem, b: JudgeItem, mode: SwapMode, rng: Rng): Promise<PairResult> {
  let p: number;
  let parts: OrderedVerdict[];
  if (mode === 'both') {
    const [ab, ba] = await Promise.all([once(a, b), once(b, a)]);
    p = 0.5 * (ab.pFirst + 1 - ba.pFirst);
    parts = [ab, ba];
  } else {
    const swap = mode === 'random' && rng.chance(0.5);
    const r = swap ? await once(b, a) : await once(a, b);
    p = swap ? 1 - r.pFirst : r.pFirst;
    parts = [r];
  }
  return {
    protocol, preferred: preferenceOf(p), probability: p,
    rationale: parts.map((x) => x.rationale).filter(Boolean).join('\n---\n') || undefined,
    raw: parts.flatMap((x) => x.raw), cost: parts.reduce((c, x) => addCost(c, x.cost), newCost()),
  };
}

/** The reference as an item to compare against: same prompt, the reference as response. */
export function referenceItem(item: JudgeItem, protocol: string, promptOf: (i: JudgeItem) => string): JudgeItem {
  if (item.reference === undefined || item.reference === '') {
    throw new StepwiseError('invalid_input', `${protocol} scores an item by comparing it with its reference; item ${item.id ?? '(no id)'} has none`, 'give the item a "reference" (an anchor response), or use compare/rank');
  }
  return { id: `${item.id ?? 'item'}:reference`, target: { kind: 'text', prompt: promptOf(item), response: item.reference } };
}

export interface PairwiseSpec {
  protocol: string;
  compare(a: JudgeItem, b: JudgeItem, opts?: CallOptions): Promise<PairResult>;
  promptOf(i: JudgeItem): string;
  concurrency: number;
  /** Round robins cost n(n-1)/2 comparisons; above this, rank needs a shared reference. */
  maxRoundRobin?: number;
}

/** A pairwise-native protocol as a full Judge: score = P(item beats its reference). */
export function pairwiseJudge(spec: PairwiseSpec): Judge {
  const limit = pLimit(spec.concurrency);
  const score = async (item: JudgeItem, opts?: CallOptions): Promise<JudgeResult> => {
    const r = await spec.compare(item, referenceItem(item, spec.protocol, spec.promptOf), opts);
    const p = r.probability ?? (r.preferred === 'a' ? 1 : r.preferred === 'b' ? 0 : 0.5);
    return { id: item.id, protocol: spec.protocol, score: p, confidence: p, verdict: p >= 0.5 ? 'success' : 'failure', rationale: r.rationale, raw: r.raw, cost: r.cost };
  };
  return {
    protocol: spec.protocol,
    score,
    compare: spec.compare,
    async rank(items, opts) {
      const refs = new Set(items.map((i) => i.reference));
      if (refs.size === 1 && items[0]?.reference) return rankByScores(spec.protocol, items, (xs) => Promise.all(xs.map((x) => limit(() => score(x, opts)))));
      const max = spec.maxRoundRobin ?? 8;
      if (items.length > max) {
        throw new StepwiseError('invalid_input', `${spec.protocol} ranks ${items.length} items by round robin (${(items.length * (items.length - 1)) / 2} comparisons), above the limit of ${max} items`, 'give all items the same "reference" (anchor) to rank against it');
      }
      const wins = new Array<number>(items.length).fill(0);
      const pairs: [number, number][] = [];
      for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) pairs.push([i, j]);
      const results = await Promise.all(pairs.map(([i, j]) => limit(() => spec.compare(items[i], items[j], opts))));
      results.forEach((r, k) => {
        const [i, j] = pairs[k];
        const p = r.probability ?? (r.preferred === 'a' ? 1 : r.preferred === 'b' ? 0 : 0.5);
        wins[i] += p;
        wins[j] += 1 - p;
      });
      const scores = wins.map((w) => (items.length > 1 ? w / (items.length - 1) : 0.5));
      const order = scores.map((_, i) => i).sort((i, j) => scores[j] - scores[i] || i - j);
      return { protocol: spec.protocol, order, scores, raw: results.flatMap((r) => r.raw), cost: results.reduce((c, r) => addCost(c, r.cost), newCost()) };
    },
  };
}
