/** Registry entries: calibration, labels and evaluation (REWARDS.md 10, 12, 13, 14, 17). */
import { z } from 'zod';
import { brierScore, expectedCalibrationError, rlcrReward } from '../calibration.js';
import { cjeEstimate } from '../cje.js';
import { isotonicFit, isotonicPredict } from '../isotonic.js';
import { consensusFilter, firstErrorIndex, mcStepLabel, processBenchF1, processBenchFromAccuracies } from '../mc-labels.js';
import { parReward } from '../par.js';
import { starcCanonical, starcDistance } from '../starc.js';
import { RewardInputError } from '../util.js';
import { bools, defineMethod, num, nums, prob, probs } from './define.js';

const ints = z.array(z.number().int().min(-1));
const table = z.array(nums).describe('reward[s][a]');

export const calibrationMethods = [
  defineMethod({
    name: 'par', citation: 'REWARDS.md 10; arXiv 2502.18770', tag: 'code',
    description: 'PAR: r_RL = (1/M) sum_m sigma(k (r - r_ref_m)) over the first M = 10 references.',
    input: z.object({ r: num.describe('reward of the response'), refs: nums.describe('r_ref_m, reference rewards'), k: num.default(1), maxRefs: z.number().int().positive().default(10) }).strict(),
    run: (i) => ({ reward: parReward(i.r, i.refs, i) }),
  }),
  defineMethod({
    name: 'rlcr', citation: 'REWARDS.md 12; arXiv 2507.16806', tag: 'summary',
    description: 'RLCR: R = 1[correct] - (q - 1[correct])^2.',
    input: z.object({ correct: z.boolean(), q: prob.describe('q, stated confidence') }).strict(),
    run: (i) => ({ reward: rlcrReward(i.correct, i.q) }),
  }),
  defineMethod({
    name: 'brier', citation: 'REWARDS.md 12; arXiv 2507.16806', tag: 'summary',
    description: 'Brier score mean (q - c)^2.',
    input: z.object({ q: probs.describe('confidences'), correct: bools.describe('c') }).strict(),
    run: (i) => ({ brier: brierScore(i.q, i.correct) }),
  }),
  defineMethod({
    name: 'ece', citation: 'REWARDS.md 12; arXiv 2507.16806', tag: 'summary',
    description: 'ECE = sum_b |B_b|/N |acc(B_b) - conf(B_b)| over equal-width bins; q = 1 in the last bin.',
    input: z.object({ q: probs, correct: bools, bins: z.number().int().positive().default(10) }).strict(),
    run: (i) => expectedCalibrationError(i.q, i.correct, i.bins),
  }),
  defineMethod({
    name: 'isotonic', citation: 'REWARDS.md 13; cimo-labs/cje', tag: 'code',
    description: 'Isotonic (PAVA) fit of labels Y on scores S, clipped to [0, 1], linear interpolation; optional predictions at `at`.',
    input: z.object({ s: nums.describe('S, judge scores'), y: nums.describe('Y, gold labels'), at: nums.optional().describe('scores to predict'), clip: z.boolean().default(true) }).strict(),
    run: (i) => {
      const m = isotonicFit(i.s, i.y, i.clip ? { lo: 0, hi: 1 } : {});
      return { ...m, predictions: i.at?.map((s) => isotonicPredict(m, s)) };
    },
  }),
  defineMethod({
    name: 'cje', citation: 'REWARDS.md 13; cimo-labs/cje', tag: 'code',
    description: 'Calibrated rate: psi = mean f(S) + cross-fitted residual mean; SE with oracle-uncertainty; t interval.',
    input: z.object({ s: nums.describe('S_i, judge score of every item'), y: z.array(z.union([prob, z.null()])).describe('Y_i gold label or null'), folds: z.number().int().min(2).default(5), level: z.number().gt(0).lt(1).default(0.95), seed: z.union([z.number(), z.string()]).default(0) }).strict(),
    run: (i) => cjeEstimate({ s: i.s, y: i.y }, i),
  }),
  defineMethod({
    name: 'mc-labels', citation: 'REWARDS.md 14; arXiv 2312.08935', tag: 'summary',
    description: 'Monte-Carlo step labels: hard = 1[any completion succeeds], soft = success fraction; first error = first hard 0.',
    input: z.object({ completions: z.array(bools).describe('outcomes of the N completions started after each step') }).strict(),
    run: (i) => {
      const labels = i.completions.map(mcStepLabel);
      return { labels, firstError: firstErrorIndex(labels.map((l) => l.hard)) };
    },
  }),
  defineMethod({
    name: 'consensus-filter', citation: 'REWARDS.md 14; arXiv 2501.07301', tag: 'summary',
    description: 'Keep a sample only when the MC first-error index equals the judge\'s (-1 = no error).',
    input: z.object({ mcFirstError: ints, judgeFirstError: ints }).strict(),
    run: (i) => consensusFilter(i.mcFirstError, i.judgeFirstError),
  }),
  defineMethod({
    name: 'processbench-f1', citation: 'REWARDS.md 14; arXiv 2412.06559', tag: 'code',
    description: 'ProcessBench: acc_err (exact first wrong step), acc_corr (predict -1), F1 = harmonic mean, in percent.',
    input: z.object({ labels: ints.optional(), predictions: ints.optional(), accErr: z.number().min(0).max(100).optional(), accCorr: z.number().min(0).max(100).optional() }).strict(),
    run: (i) => {
      if (i.labels && i.predictions) return processBenchF1(i.labels, i.predictions);
      if (i.accErr !== undefined && i.accCorr !== undefined) return processBenchFromAccuracies(i.accErr, i.accCorr);
      throw new RewardInputError('labels', 'labels and predictions (or accErr and accCorr) are required', 'give first-wrong-step indices, -1 for none');
    },
  }),
  defineMethod({
    name: 'starc', citation: 'REWARDS.md 17; arXiv 2309.15257', tag: 'summary',
    description: 'STARC: canonicalise by the advantage under the uniform policy, L2-normalise, L2 distance in [0, 2].',
    input: z.object({ transitions: z.array(z.array(nums)).describe("P[s][a][s']"), gamma: z.number().min(0).lt(1), r1: table, r2: table.optional() }).strict(),
    run: (i) => ({ canonical: starcCanonical(i, i.r1), distance: i.r2 ? starcDistance(i, i.r1, i.r2) : undefined }),
  }),
];
