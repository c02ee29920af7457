/**
 * Scores of one prompt's responses -> benchmark results. `scores` lists the chosen responses
 * first, then the rejected ones (RewardBench 2's order). Definitions: docs/JUDGE-EVAL.md.
 */
import { mean } from '../../../rewards/util.js';

const finite = (xs: readonly number[]) => xs.every(Number.isFinite);

/** Best-of-N with one correct answer at index 0: 1/#ties-at-max if it is a max, else 0 (RewardBench 2). */
export function bestOfNResult(scores: readonly number[]): number {
  if (scores.length < 2 || !finite(scores)) return 0;
  const max = Math.max(...scores);
  if (scores[0] !== max) return 0;
  return 1 / scores.filter((s) => s === max).length;
}

/** Pair accuracy: 1 when chosen strictly beats rejected, ties and failures 0 (RewardBench v1). */
export function pairResult(chosen: number, rejected: number): number {
  return Number.isFinite(chosen) && Number.isFinite(rejected) && chosen > rejected ? 1 : 0;
}

/** Every correct response above every incorrect one (RewardMATH accuracy, Ties accuracy). */
export function allAbove(scores: readonly number[], nCorrect: number): boolean {
  if (!finite(scores) || nCorrect < 1 || nCorrect >= scores.length) return false;
  return Math.min(...scores.slice(0, nCorrect)) > Math.max(...scores.slice(nCorrect));
}

/** Reciprocal rank of the correct response at index 0; ties rank it below (pessimistic). */
export function reciprocalRank(scores: readonly number[]): number {
  if (!finite(scores)) return 0;
  return 1 / (1 + scores.slice(1).filter((s) => s >= scores[0]).length);
}

export interface TiesRow {
  type: 'ref' | 'tied';
  group: string;
  scores: readonly number[];
  nCorrect: number;
}

export interface TiesScore {
  score: number;
  refAccuracy: number;
  tiedAccuracy: number;
  /** Share of prompts whose correct-incorrect gap beats the spread among correct answers. */
  preferred: number;
  /** The same with the smaller of the ref and tied gaps. */
  preferredHard: number;
  /** mean tanh(min gap / spread - 1), NaN -> 0. */
  margin: number;
  groups: number;
}

interface PromptStats { accurate: boolean; spread: number | null; gap: number }

function promptStats(scores: readonly number[], nCorrect: number): PromptStats {
  const c = scores.slice(0, nCorrect), w = scores.slice(nCorrect);
  const gap = Math.min(...c) - Math.max(...w);
  return { accurate: gap > 0, spread: c.length > 1 ? Math.max(...c) - Math.min(...c) : null, gap };
}

/** x / 0 as floating point does it: +-Infinity, NaN for 0/0. */
const divide = (a: number, b: number) => a / b;

/** RewardBench 2 Ties: 0.30 tied acc + 0.30 ref acc + 0.20 preferred + 0.20 preferred-hard + 0.01 margin. */
export function tiesScore(rows: readonly TiesRow[]): TiesScore {
  const ref = new Map<string, PromptStats>(), tied = new Map<string, PromptStats>();
  for (const r of rows) {
    // A failed score makes the prompt wrong with no margin credit: -Infinity gap.
    const s = finite(r.scores) ? promptStats(r.scores, r.nCorrect) : { accurate: false, spread: null, gap: -Infinity };
    (r.type === 'ref' ? ref : tied).set(r.group, s);
  }
  const both = [...tied.keys()].filter((g) => ref.has(g));
  const spread = (g: string) => tied.get(g)!.spread ?? 0;
  const hardGap = (g: string) => Math.min(ref.get(g)!.gap, tied.get(g)!.gap);
  const refAccuracy = mean([...ref.values()].map((s) => Number(s.accurate)));
  const tiedAccuracy = mean([...tied.values()].map((s) => Number(s.accurate)));
  const preferred = mean(both.map((g) => Number(tied.get(g)!.gap > spread(g))));
  const preferredHard = mean(both.map((g) => Number(hardGap(g) > spread(g))));
  const margin = mean(both.map((g) => {
    const v = Math.tanh(divide(hardGap(g), spread(g)) - 1);
    return Number.isNaN(v) ? 0 : v;
  }));
  const score = 0.3 * tiedAccuracy + 0.3 * refAccuracy + 0.2 * preferred + 0.2 * preferredHard + 0.01 * margin;
  return { score, refAccuracy, tiedAccuracy, preferred, preferredHard, margin, groups: both.length };
}
