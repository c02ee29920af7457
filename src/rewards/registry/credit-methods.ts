/** Registry entries: step rewards and credit assignment (REWARDS.md 1-7, 11, 15, 16, 18). */
import { z } from 'zod';
import { clipRewards, deltaRewards } from '../clip-delta.js';
import { gatedAccumulation, prioritisedGates } from '../gated.js';
import { grpoAdvantages, grpoProcessAdvantages, thoughtUnits } from '../grpo.js';
import { implicitStepRewards, implicitTokenRewards, implicitStepReward } from '../implicit-prm.js';
import { pavAdvantages, pavEffectiveRewards } from '../pav.js';
import { portoolAdvantages } from '../portool.js';
import { ppocRewards, parseConfidence } from '../ppoc.js';
import { profFilter } from '../prof.js';
import { leaveOneOutVerifiable, prmStepReward, pureMinForm, pureStrictValues } from '../pure.js';
import { renormRewards } from '../renorm.js';
import { spaFusedRewards, spaProgressLoss } from '../spa.js';
import { RewardInputError } from '../util.js';
import { bools, defineMethod, flag, num, nums, prob, probs, stdKind } from './define.js';

const logits = z.array(z.tuple([z.number(), z.number()])).describe('PRM 2-class logits [bad, good] per step; r_t = softmax(l)[1] - softmax(l)[0]');
const stepR = (i: { r?: number[]; logits?: [number, number][] }): number[] => {
  if (i.r) return i.r;
  if (i.logits) return i.logits.map(prmStepReward);
  throw new RewardInputError('r', 'is required (or logits)', 'give step rewards r or PRM logits');
};

export const creditMethods = [
  defineMethod({
    name: 'pure-min-form', citation: 'REWARDS.md 1; arXiv 2504.15275', tag: 'code',
    description: 'PURE approximate min-form: w = softmax(-r/T), r* = w r, returns G_t = sum_{t\'>=t} r*_t\'.',
    input: z.object({ r: nums.optional().describe('step rewards r_t in [-1, 1]'), logits: logits.optional(), temperature: z.number().positive().default(0.1).describe('T'), mask: bools.optional().describe('false = padding / non-step entry') }).strict(),
    run: (i) => pureMinForm(stepR(i), i.temperature, i.mask),
  }),
  defineMethod({
    name: 'pure-strict', citation: 'REWARDS.md 1; arXiv 2504.15275', tag: 'code',
    description: 'PURE strict min-form value V_t = min_{t\'>=t} r_t\'.',
    input: z.object({ r: nums.optional().describe('step rewards r_t'), logits: logits.optional(), mask: bools.optional() }).strict(),
    run: (i) => ({ values: pureStrictValues(stepR(i), i.mask) }),
  }),
  defineMethod({
    name: 'pure-verifiable', citation: 'REWARDS.md 1; arXiv 2504.15275', tag: 'code',
    description: 'PURE leave-one-out verifiable reward: v_i = solved_i - 1, vhat_i = v_i - mean_{j!=i} v_j (added at the final step).',
    input: z.object({ solved: z.array(flag).describe('solved_i per rollout of the group') }).strict(),
    run: (i) => ({ vhat: leaveOneOutVerifiable(i.solved) }),
  }),
  defineMethod({
    name: 'clip', citation: 'REWARDS.md 2; arXiv 2410.15115', tag: 'summary',
    description: 'Clip: r~_k = min(r_k - eta, 0).',
    input: z.object({ r: nums.describe('process rewards r_k'), eta: num.describe('eta') }).strict(),
    run: (i) => ({ rewards: clipRewards(i.r, i.eta) }),
  }),
  defineMethod({
    name: 'delta', citation: 'REWARDS.md 2; arXiv 2410.15115', tag: 'summary',
    description: 'Delta: r~_k = r_k - r_{k+1}, r~_K = 0 (suffix sums telescope to r_k - r_K).',
    input: z.object({ r: nums.describe('process rewards r_k') }).strict(),
    run: (i) => ({ rewards: deltaRewards(i.r) }),
  }),
  defineMethod({
    name: 'gated', citation: 'REWARDS.md 3; arXiv 2508.10548', tag: 'summary',
    description: 'G-RA: R = r_high + 1[r_high >= Delta] sum_t r_low_t; step rewards zeroed when the gate is closed.',
    input: z.object({ rHigh: num.describe('r_high, outcome reward'), rLow: nums.describe('r_low_t, step rewards'), delta: num.describe('Delta, gate threshold') }).strict(),
    run: (i) => gatedAccumulation(i.rHigh, i.rLow, i.delta),
  }),
  defineMethod({
    name: 'gated-channels', citation: 'REWARDS.md 3; arXiv 2508.10548', tag: 'summary',
    description: 'G-RA prioritised channels: g_k = prod_{j<k} 1[R_j >= delta_j], total = sum_k g_k R_k (channel 0 = highest priority).',
    input: z.object({ channels: nums.describe('R_k, highest priority first'), thresholds: nums.describe('delta_k per channel') }).strict(),
    run: (i) => prioritisedGates(i.channels, i.thresholds),
  }),
  defineMethod({
    name: 'prof-filter', citation: 'REWARDS.md 4; arXiv 2509.03403', tag: 'code',
    description: "PROF: c'_i = consistency - 10 * 1[T_i < 2 or T_i > 30]; drop n_rm = min(k, n) responses, balancing correct/incorrect, lowest c' first.",
    input: z.object({
      responses: z.array(z.object({ v: probs.describe('v_{i,t}: PRM step probabilities'), correct: z.boolean().describe('R_i') }).strict()).describe('one group'),
      k: z.number().int().nonnegative().default(4), minSteps: z.number().int().default(2), maxSteps: z.number().int().default(30), penalty: num.default(10),
    }).strict(),
    run: (i) => profFilter(i.responses, i),
  }),
  defineMethod({
    name: 'spa', citation: 'REWARDS.md 5; arXiv 2505.20732', tag: 'code',
    description: 'SPA-RL: progress loss (sum_t c_t - R)^2 and fused step rewards r_t = c_t + 0.5 * 1[grounded_t or last].',
    input: z.object({ c: nums.describe('c_t, predicted step contributions'), finalReward: num.describe('R'), grounded: bools.optional().describe('grounded_t (OURS for GUI: screen or UI tree changed)'), bonus: num.default(0.5) }).strict(),
    run: (i) => ({ loss: spaProgressLoss(i.c, i.finalReward), rewards: i.grounded ? spaFusedRewards(i.c, i.grounded, i.bonus) : undefined }),
  }),
  defineMethod({
    name: 'implicit-prm', citation: 'REWARDS.md 6; arXiv 2412.01981, 2502.01456', tag: 'code',
    description: 'Implicit PRM: token reward beta log(pi/pi_ref); step reward = sum over its tokens.',
    input: z.object({
      logRatios: nums.optional().describe('log pi(y_t) - log pi_ref(y_t) per token'),
      policyLogprobs: nums.optional(), refLogprobs: nums.optional(),
      stepEnds: z.array(z.number().int()).optional().describe('inclusive last-token index per step; absent = one step'),
      beta: num.default(0.05),
    }).strict(),
    run: (i) => {
      let ratios = i.logRatios;
      if (!ratios) {
        if (!i.policyLogprobs || !i.refLogprobs) throw new RewardInputError('logRatios', 'is required (or policyLogprobs and refLogprobs)', 'give token log-ratios or both log-prob lists');
        ratios = implicitTokenRewards(i.policyLogprobs, i.refLogprobs, 1);
      }
      return { tokenRewards: ratios.map((x) => i.beta * x), stepRewards: i.stepEnds ? implicitStepRewards(ratios, i.stepEnds, i.beta) : [implicitStepReward(ratios, i.beta)] };
    },
  }),
  defineMethod({
    name: 'pav', citation: 'REWARDS.md 7; arXiv 2410.08146', tag: 'summary',
    description: 'PAV: A_h = Q_mu(after h) - Q_mu(before h); effective reward Q_pi + alpha A_mu.',
    input: z.object({ v0: num.describe('V_mu(s0)'), qMuAfter: nums.describe('Q_mu after each step'), qPi: nums.optional().describe('Q_pi per step'), alpha: num.default(1) }).strict(),
    run: (i) => {
      const advantages = pavAdvantages(i.v0, i.qMuAfter);
      return { advantages, rewards: i.qPi ? pavEffectiveRewards(i.qPi, advantages, i.alpha) : undefined };
    },
  }),
  defineMethod({
    name: 'renorm', citation: 'REWARDS.md 11; arXiv 2509.25598', tag: 'summary',
    description: 'ReNorm: r^_t = (r_p_t - 1/2) + (r_o - 1/2).',
    input: z.object({ rp: probs.describe('r_p_t, process scores in [0, 1]'), outcome: flag.describe('r_o in {0, 1}') }).strict(),
    run: (i) => ({ rewards: renormRewards(i.rp, i.outcome) }),
  }),
  defineMethod({
    name: 'grpo', citation: 'REWARDS.md 15; arXiv 2402.03300', tag: 'paper',
    description: 'GRPO: A_i = (r_i - mean r) / (std r + eps); one-sample or all-equal groups give 0.',
    input: z.object({ r: nums.describe('r_i, one reward per rollout of the group'), std: stdKind.default('sample'), eps: z.number().nonnegative().default(1e-6), scale: z.boolean().default(true) }).strict(),
    run: (i) => ({ advantages: grpoAdvantages(i.r, i) }),
  }),
  defineMethod({
    name: 'grpo-process', citation: 'REWARDS.md 15; arXiv 2402.03300', tag: 'paper',
    description: 'Process GRPO: normalise all step rewards over the group; advantage = sum of normalised rewards from the step on.',
    input: z.object({ stepRewards: z.array(nums).describe('r_{i,t} per rollout'), std: stdKind.default('sample'), eps: z.number().nonnegative().default(1e-6) }).strict(),
    run: (i) => ({ advantages: grpoProcessAdvantages(i.stepRewards, i) }),
  }),
  defineMethod({
    name: 'thought-units', citation: 'REWARDS.md 15; arXiv 2507.23317', tag: 'summary',
    description: 'TP-GRPO thought units: merge contiguous steps with the same label into [start, end].',
    input: z.object({ labels: z.array(z.union([z.string(), z.number(), z.boolean()])).describe('per-step label') }).strict(),
    run: (i) => ({ units: thoughtUnits(i.labels) }),
  }),
  defineMethod({
    name: 'ppo-c', citation: 'REWARDS.md 16; arXiv 2410.09724', tag: 'code',
    description: 'PPO-C: avg = 0.1 mean(r) + 0.9 avg0; D = 0.5 |r| (c - 0.5); r\' = r + D if r >= avg else r - D; clamp [-10, 10].',
    input: z.object({
      r: nums.describe('batch rewards'), c: probs.optional().describe('confidence in [0, 1]'),
      confidence: z.array(z.union([z.string(), z.number(), z.null()])).optional().describe('verbal confidence 0-10 (unparseable = 5)'),
      avg0: num.describe('moving average before this batch'), momentum: prob.default(0.1), w: num.default(0.5), clip: z.number().positive().default(10),
    }).strict(),
    run: (i) => {
      const c = i.c ?? i.confidence?.map(parseConfidence) ?? i.r.map(() => 0.5);
      return ppocRewards(i.r, c, i.avg0, i);
    },
  }),
  defineMethod({
    name: 'portool', citation: 'REWARDS.md 18; arXiv 2510.26020', tag: 'OURS',
    description: 'PORTool-style fork-relative step advantages on a rollout tree blended with GRPO; blend and normalisation are OURS.',
    input: z.object({ paths: z.array(z.array(z.string())).describe('node keys of each rollout\'s steps'), outcomes: nums.describe('final reward per rollout'), blend: prob.default(0.5), normalise: z.enum(['std', 'mean']).default('std') }).strict(),
    run: (i) => portoolAdvantages(i.paths, i.outcomes, i),
  }),
];
