/**
 * Scored items -> one dataset result per format, each metric as its benchmark defines it
 * (docs/JUDGE-EVAL.md has the table). Pure: no judge calls here.
 */
import { mean } from '../../rewards/util.js';
import type { BadRecord, LoadedSet } from './items.js';
import { RB1_SECTIONS } from './formats/index.js';
import { calibrationReport, successRateEstimate, type CalibrationReport, type SuccessRateEstimate } from './metrics/calibration.js';
import { allAbove, bestOfNResult, pairResult, reciprocalRank, tiesScore } from './metrics/choice.js';
import { processBenchF1 } from './metrics/process.js';
import { ratedAgreement } from './metrics/rated.js';
import type { Scored, ScoredChoice, ScoredLabel, ScoredProcess, ScoredRated } from './score.js';

export interface SubsetResult { name: string; n: number; value: number }

export interface DatasetResult {
  format: string;
  source: string;
  judge: string;
  /** What `overall` and the subset values measure. */
  metric: string;
  overall: number;
  items: number;
  subsets: SubsetResult[];
  /** RewardBench v1 sections (count-weighted over their subsets). */
  sections?: SubsetResult[];
  extra: Record<string, number>;
  calibration?: CalibrationReport;
  successRate?: SuccessRateEstimate | { error: string };
  bad: BadRecord[];
  skipped: number;
  /** Judge calls that failed (their items count as wrong). */
  judgeErrors: { id: string; error: string }[];
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const subsetsOf = <T extends { item: { subset: string } }>(xs: readonly T[], value: (g: T[]) => number): SubsetResult[] =>
  [...groupBy(xs, (x) => x.item.subset)].map(([name, g]) => ({ name, n: g.length, value: value(g) }));

function rb2(s: ScoredChoice[]) {
  const subsets = subsetsOf(s, (g) => (g[0].item.ties
    ? tiesScore(g.map((x) => ({ type: x.item.ties!.type, group: x.item.ties!.group, scores: x.scores, nCorrect: x.item.chosen.length }))).score
    : mean(g.map((x) => bestOfNResult(x.scores)))));
  return { metric: 'RewardBench 2 score (best-of-N accuracy; Ties weighted score); overall = mean of subsets', overall: mean(subsets.map((x) => x.value)), subsets, extra: {} };
}

function pairAcc(g: ScoredChoice[]): number {
  return mean(g.map((x) => pairResult(x.scores[0], x.scores[1])));
}

function rb1(s: ScoredChoice[]) {
  const subsets = subsetsOf(s, pairAcc);
  const sections = Object.entries(RB1_SECTIONS).map(([name, subs]) => {
    const g = s.filter((x) => subs.includes(x.item.subset));
    return { name, n: g.length, value: pairAcc(g) };
  }).filter((x) => x.n > 0);
  const overall = sections.length ? mean(sections.map((x) => x.value)) : pairAcc(s);
  return { metric: 'pair accuracy; overall = mean of sections (all items when no known section)', overall, subsets, sections, extra: {} };
}

function rewardMath(s: ScoredChoice[]) {
  const acc = (g: ScoredChoice[]) => mean(g.map((x) => Number(allAbove(x.scores, 1))));
  return { metric: 'accuracy 1[s(chosen) > max s(rejected)]', overall: acc(s), subsets: subsetsOf(s, acc), extra: { mrr: mean(s.map((x) => reciprocalRank(x.scores))) } };
}

function pairs(s: ScoredChoice[]) {
  return { metric: 'pair accuracy 1[s(chosen) > s(rejected)]', overall: pairAcc(s), subsets: subsetsOf(s, pairAcc), extra: {} };
}

function process(s: ScoredProcess[]) {
  const f1 = (g: ScoredProcess[]) => processBenchF1(g.map((x) => ({ label: x.item.firstError, predicted: x.predicted })));
  const subsets = subsetsOf(s, (g) => f1(g).f1);
  const all = f1(s);
  return { metric: 'ProcessBench F1 (harmonic mean of accuracy on erroneous and correct samples); overall = mean over splits', overall: mean(subsets.map((x) => x.value)), subsets, extra: { errorAccuracy: all.errorAccuracy, correctAccuracy: all.correctAccuracy } };
}

function label(s: ScoredLabel[], opts: EvaluateOptions) {
  const acc = (g: ScoredLabel[]) => mean(g.map((x) => Number(x.verdict === x.item.correct)));
  const ok = s.filter((x) => Number.isFinite(x.p));
  const p = ok.map((x) => x.p), y = ok.map((x) => x.item.correct);
  return {
    metric: 'verdict accuracy against the gold label', overall: acc(s), subsets: subsetsOf(s, acc), extra: { positiveRate: mean(s.map((x) => Number(x.item.correct))) },
    calibration: calibrationReport(p, y, { bins: opts.bins, h: opts.h, seed: opts.seed }),
    successRate: successRateEstimate(p, y, opts.goldShare, opts.seed),
  };
}

function rated(s: ScoredRated[]) {
  const a = ratedAgreement(s.map((x) => ({ prompt: x.item.prompt, rating: x.item.rating, score: x.score })));
  return { metric: 'within-prompt pair accuracy against helpfulness', overall: a.pairAccuracy, subsets: [{ name: 'helpfulness', n: s.length, value: a.pairAccuracy }], extra: { pearson: a.pearson, pairs: a.pairs } };
}

export interface EvaluateOptions {
  bins?: number;
  h?: number;
  seed?: number;
  /** Share of gold labels revealed to the CJE estimate. Default 0.25. */
  goldShare?: number;
}

export function evaluate(set: LoadedSet, scored: readonly Scored[], judge: string, opts: EvaluateOptions = {}): DatasetResult {
  const f = set.format;
  const as = <T>() => scored as unknown as T[];
  const part =
    f === 'rewardbench2' ? rb2(as<ScoredChoice>())
    : f === 'rewardbench' ? rb1(as<ScoredChoice>())
    : f === 'rewardmath' ? rewardMath(as<ScoredChoice>())
    : f === 'processbench' || f === 'prm800k' ? process(as<ScoredProcess>())
    : f === 'helpsteer2' ? rated(as<ScoredRated>())
    : f === 'verifybench' || f === 'gui' ? label(as<ScoredLabel>(), opts)
    : pairs(as<ScoredChoice>());
  return {
    format: f, source: set.source, judge, items: scored.length, ...part, bad: set.bad, skipped: set.skipped.length,
    judgeErrors: scored.filter((x) => x.error).map((x) => ({ id: x.item.id, error: x.error! })),
  };
}
