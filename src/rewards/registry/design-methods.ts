/**
 * Registry entries: reward design methods of REWARDS-2.md (credit assignment, shaping,
 * selection). Each wraps a pure function of src/rewards/design; the schema is the only
 * declaration of its input, so `stepwise reward <name>` and the server get it for free.
 */
import { z } from 'zod';
import { Rng } from '../../core/random.js';
import { blendRewards, discountedReturn } from '../design/behavior-alignment.js';
import { capoStepRewards, expandToTokens, parseCritique } from '../design/capo.js';
import { contrastiveLoss } from '../design/cooper.js';
import { clippedObjective } from '../design/find.js';
import { sormLabels } from '../design/glore.js';
import { ancestorCredits, groundedTreeLabels, rolloutValue, verifyDiffs } from '../design/grounded-prm.js';
import { hncAugment, hrmExamples, mcTreeLabels } from '../design/hrm.js';
import { hybridReward } from '../design/hybrid.js';
import { alignmentReward, l2calibReward, resampleByArcLength, rmse } from '../design/l2calib.js';
import { morecSelect } from '../design/morec.js';
import { mixHeadLogits, multiHeadDpo, normaliseWeights, scalariseVector } from '../design/multi-objective.js';
import { calibrateNoisyScore, flipGroups, reasoningPatternReward, rprScore } from '../design/noisy-rpr.js';
import { oprl } from '../design/oprl.js';
import { firstClearStep, parmSelect } from '../design/parm.js';
import { redistributeTerminal } from '../design/revibranch.js';
import { compileRewardSpec } from '../design/reward-spec.js';
import { shapeRewards, teacherPotential } from '../design/shaping.js';
import { gridBoxToCells, srumRewardMap } from '../design/srum.js';
import { thoughtRewards } from '../design/tp-grpo.js';
import { vsrmAccuracies, vsrmRewards } from '../design/vsrm.js';
import { RewardInputError } from '../util.js';
import { bools, defineMethod, flag, num, nums, prob, probs } from './define.js';

const C = (n: number | string, arxiv: string) => `REWARDS-2.md ${n}; arXiv ${arxiv}`;
const seed = z.union([z.number(), z.string()]).describe('seed of the repeatable random choices');
const point = z.array(z.number()).min(2).max(3).describe('2-D screen point or 3-D position');
const stamped = z.array(z.object({ t: num.describe('timestamp (s)'), p: point }).strict());
const treeNodes = z.array(z.object({ id: z.string(), parent: z.string().nullable().describe('null for the root'), step: z.string(), correct: z.boolean().optional().describe('leaves: did the trajectory succeed') }).strict());
const box4 = z.tuple([num, num, num, num]);

export const designMethods = [
  defineMethod({
    name: 'vsrm', citation: C(1, '2508.10293'), tag: 'code',
    description: 'VSRM: r_j = acc_{j+1} - acc_j, or the first nonzero later difference decayed 0.7^(k-j) (look-ahead <= 4, else 0).',
    input: z.object({
      acc: probs.optional().describe('acc_j: success rate of completions from each of the K+1 split prefixes'),
      rollouts: z.array(z.array(flag)).optional().describe('instead of acc: completion outcomes from each prefix (GUI: restarts from the state after step j)'),
      tolerance: z.number().nonnegative().default(1e-5), decay: num.default(0.7), maxLookahead: z.number().int().nonnegative().default(4),
      outcome: num.default(0).describe('outcome reward added to the last step'),
    }).strict(),
    run: (i) => {
      const acc = i.acc ?? (i.rollouts ? vsrmAccuracies(i.rollouts) : undefined);
      if (!acc) throw new RewardInputError('acc', 'is required (or rollouts)', 'give success rates acc or the completion outcomes per prefix');
      return { acc, rewards: vsrmRewards(acc, i) };
    },
  }),
  defineMethod({
    name: 'revibranch', citation: C(2, '2508.17452'), tag: 'OURS',
    description: 'Importance-weighted redistribution of a terminal reward: r_i = softmax(s/T)_i R; sums to R.',
    input: z.object({ terminal: num.describe('R'), importance: nums.describe('s_i per step'), temperature: z.number().positive().default(1).describe('T') }).strict(),
    run: (i) => redistributeTerminal(i.terminal, i.importance, i.temperature),
  }),
  defineMethod({
    name: 'oprl', citation: C(3, '2509.19199'), tag: 'code',
    description: 'OPRL/iStar: r_t = beta * step log-ratio sum; normalised by the batch max |reverse cumsum|; trajectory DPO loss; A = A_episode + w A_step (RLOO).',
    input: z.object({
      logRatioSums: z.array(nums).describe('per trajectory, per step: sum over the step tokens of log pi_phi - log pi_old'),
      success: bools.describe('per trajectory'),
      outcomes: nums.optional().describe('episode rewards for A_episode (default: success as 0/1)'),
      beta: num.default(0.05), w: num.default(1),
      stepBaseline: z.enum(['trajectory-mean', 'step-index']).default('trajectory-mean').describe('step RLOO grouping (the sheet leaves it open; see docs)'),
    }).strict(),
    run: (i) => oprl(i.logRatioSums, i.success, i),
  }),
  defineMethod({
    name: 'capo', citation: C(4, '2508.02298'), tag: 'summary',
    description: 'CAPO: vote over K critiques of wrong steps; step reward r_v W_whole - flagged W_process (W_whole 2, W_process 1 are unverified defaults).',
    input: z.object({
      steps: z.number().int().nonnegative(),
      flags: z.array(z.array(z.number().int())).optional().describe('per critique: 1-based numbers of the steps it marks wrong'),
      critiques: z.array(z.string()).optional().describe('instead of flags: the critique texts, each ending "Wrong steps: 2, 3" (or "none")'),
      critiqueFormat: z.enum(['line', 'mentions']).default('line').describe("'line': the last \"Wrong steps:\" line; 'mentions': every \"step N\" in the text"),
      correct: z.boolean().describe('r_v: the final answer verified correct'),
      vote: z.enum(['majority', 'intersection', 'average']).default('majority'),
      wholeWeight: num.default(2), processWeight: num.default(1),
      tokensPerStep: z.array(z.number().int().nonnegative()).optional().describe('expand to token rewards'),
    }).strict(),
    run: (i) => {
      const flags = i.flags ?? i.critiques?.map((c, k) => parseCritique(c, i.critiqueFormat, `critiques[${k}]`));
      if (!flags) throw new RewardInputError('flags', 'is required (or critiques)', 'give the wrong-step numbers per critique, or the critique texts');
      const out = capoStepRewards(i.steps, flags, i.correct, i);
      return { ...out, tokenRewards: i.tokensPerStep ? expandToTokens(out.rewards, i.tokensPerStep) : undefined };
    },
  }),
  defineMethod({
    name: 'behavior-alignment', citation: C(5, '2310.19007'), tag: 'OURS',
    description: 'BARFI blend r_phi = phi1 r_primary + phi2 r_aux and its return under gamma_phi (the bi-level outer loop is the trainer\'s; see docs).',
    input: z.object({ primary: nums, auxiliary: nums, phi: z.tuple([num, num]).describe('(phi1, phi2)'), gamma: prob.default(1).describe('gamma_phi') }).strict(),
    run: (i) => {
      const rewards = blendRewards(i.primary, i.auxiliary, i.phi);
      return { rewards, return: discountedReturn(rewards, i.gamma), primaryReturn: discountedReturn(i.primary, i.gamma) };
    },
  }),
  defineMethod({
    name: 'potential-shaping', citation: C(15, '2503.21949'), tag: 'paper',
    description: 'Potential-based shaping r_t + gamma Phi(s_{t+1}) - Phi(s_t); terminal potential 0 keeps rankings of complete trajectories.',
    input: z.object({ r: nums.describe('step rewards'), phi: nums.describe('Phi(s_0..s_T): steps + 1 potentials'), gamma: prob.describe('gamma'), terminal: z.boolean().default(true).describe('last state is terminal (Phi = 0)') }).strict(),
    run: (i) => {
      const rewards = shapeRewards(i.r, i.phi, i);
      return { rewards, return: discountedReturn(rewards, i.gamma), unshapedReturn: discountedReturn(i.r, i.gamma) };
    },
  }),
  defineMethod({
    name: 'teacher-potential', citation: C(15, '2503.21949'), tag: 'OURS',
    description: 'Adaptive teacher-driven potential Phi(s) = V_T(s) + beta max(0, V_T(s) - V_L(s)), clipped to [-bound, bound]; recompute each round.',
    input: z.object({ teacherValue: nums.describe('V_teacher per state'), learnerValue: nums.describe('V_learner per state, current round'), focus: z.number().nonnegative().default(0.5).describe('beta'), bound: z.number().positive().optional() }).strict(),
    run: (i) => ({ phi: teacherPotential(i.teacherValue, i.learnerValue, i) }),
  }),
  defineMethod({
    name: 'l2calib', citation: C(6, '2508.06330'), tag: 'code',
    description: 'L2Calib: associate by time (|dt| < maxDt), rigid Umeyama alignment (no scale), r = exp(-clip(RMSE, 0, maxError) / scale).',
    input: z.object({
      est: stamped.optional().describe('estimated poses'), ref: stamped.optional().describe('reference poses'),
      estPath: z.array(point).optional().describe('GUI: a swipe/cursor path, resampled by arc length'), refPath: z.array(point).optional().describe('GUI: the demonstration path'),
      samples: z.number().int().min(1).default(32).describe('points per resampled path'),
      errors: z.array(z.number().nonnegative()).optional().describe('already-aligned position errors'),
      maxDt: z.number().positive().default(0.01), maxError: z.number().positive().default(300), scale: z.number().positive().default(2),
    }).strict(),
    run: (i) => {
      if (i.errors) {
        const e = rmse(i.errors);
        return { pairs: i.errors.length, rmse: e, reward: alignmentReward(e, i) };
      }
      if (i.est && i.ref) return l2calibReward(i.est, i.ref, i);
      if (i.estPath && i.refPath) {
        if (i.estPath.length === 0 || i.refPath.length === 0) throw new RewardInputError(i.estPath.length === 0 ? 'estPath' : 'refPath', 'is empty', 'give at least one point per path');
        // Resampled points are stamped 0..samples-1, so maxDt 0.5 pairs them by index.
        return l2calibReward(resampleByArcLength(i.estPath, i.samples), resampleByArcLength(i.refPath, i.samples), { ...i, maxDt: 0.5 });
      }
      throw new RewardInputError('est', 'is required (with ref), or estPath with refPath, or errors', 'give poses, paths or aligned errors');
    },
  }),
  defineMethod({
    name: 'morec', citation: C(7, '2310.05422'), tag: 'code',
    description: 'MOREC: r_D = -log(1 - mean clamp(D, 0, .999) + 1e-9) per candidate; keep argmax (or sample softmax(10 r_D)); stop when r_D < 0.6.',
    input: z.object({
      d: z.array(nums).describe('rows = candidates, columns = discriminator scores D_k'),
      stopBelow: num.default(0.6), select: z.enum(['argmax', 'sample']).default('argmax'), temperature: num.default(10), seed: seed.optional(),
    }).strict(),
    run: (i) => morecSelect(i.d, { ...i, rng: i.seed === undefined ? undefined : new Rng(i.seed) }),
  }),
  defineMethod({
    name: 'hrm', citation: C(8, '2503.13551'), tag: 'code',
    description: 'HRM: MC label per tree node (correct leaves / leaves) and training examples for single steps and merged consecutive pairs.',
    input: z.object({ nodes: treeNodes, separator: z.string().default('\n') }).strict(),
    run: (i) => ({ labels: mcTreeLabels(i.nodes), examples: hrmExamples(i.nodes, i.separator) }),
  }),
  defineMethod({
    name: 'hnc', citation: C(8, '2503.13551'), tag: 'code',
    description: 'HNC augmentation: a node with >= 4 children moves, with p 0.5, one child of height >= 2 up to its grandparent, joining the two steps.',
    input: z.object({
      nodes: treeNodes, p: prob.default(0.5), minChildren: z.number().int().min(1).default(4),
      minHeight: z.number().int().nonnegative().default(2).describe('edges from the child down to its deepest leaf'),
      separator: z.string().default('\n'), seed: seed.default(0),
    }).strict(),
    run: (i) => {
      const nodes = hncAugment(i.nodes, { ...i, rng: new Rng(i.seed) });
      return { nodes, labels: mcTreeLabels(nodes) };
    },
  }),
  defineMethod({
    name: 'hybrid-reward', citation: C(9, '2510.05283'), tag: 'OURS',
    description: 'r = c r_rule + (1-c) r_RM + sum_k lambda_k r_aspect_k - lambda_L max(0, (L - L*)/L*).',
    input: z.object({
      confidence: prob.describe('c, rule-verifier confidence'), rule: num.describe('r_rule'), model: num.describe('r_RM'),
      aspects: z.array(z.tuple([num, num])).default([]).describe('[lambda_k, r_aspect_k]'),
      length: z.number().nonnegative().optional().describe('L'), targetLength: z.number().positive().optional().describe('L*'), lengthWeight: z.number().nonnegative().default(0).describe('lambda_L'),
      lengthExponent: z.number().positive().default(1).describe('p in max(0, (L - L*)/L*)^p (OURS; 1 = the sheet)'),
    }).strict(),
    run: (i) => hybridReward(i),
  }),
  defineMethod({
    name: 'vector-reward', citation: C(10, '2510.01167'), tag: 'code',
    description: 'Multi-objective reward with user weights: sum_k w~_k r_k (w~ = w / sum w); with heads, mixed logits sum_k w~_k head_k.',
    input: z.object({ r: nums.optional().describe('one reward per objective'), weights: nums.describe('user weights w_k >= 0'), heads: z.array(nums).optional().describe('per-objective head logits') }).strict(),
    run: (i) => ({
      normalisedWeights: normaliseWeights(i.weights),
      reward: i.r ? scalariseVector(i.r, i.weights) : undefined,
      logits: i.heads ? mixHeadLogits(i.heads, i.weights) : undefined,
    }),
  }),
  defineMethod({
    name: 'mah-dpo', citation: C(10, '2510.01167'), tag: 'code',
    description: 'MAH-DPO: per-head DPO loss -log sigma(beta margin) averaged over its pairs; total = mean over heads with data.',
    input: z.object({ margins: z.array(nums).describe('per head: implicit-reward margins (chosen - rejected log-ratio) of its pairs'), beta: z.number().positive().default(0.1) }).strict(),
    run: (i) => multiHeadDpo(i.margins, i.beta),
  }),
  defineMethod({
    name: 'reward-spec', citation: C(11, '2511.16073'), tag: 'OURS',
    description: 'Composable reward: a declarative spec of weighted bonus/penalty components -> total and parts; penalty weights capped (gentle polishing).',
    input: z.object({
      spec: z.object({
        components: z.array(z.object({
          name: z.string().min(1), weight: z.number().nonnegative().default(1), role: z.enum(['bonus', 'penalty']).default('bonus'),
          clip: z.tuple([num, num]).optional(), default: num.optional(),
        }).strict()),
        maxPenaltyWeight: z.number().nonnegative().default(0.5),
      }).strict(),
      values: z.record(z.string(), num).describe('component name -> raw value'),
    }).strict(),
    run: (i) => compileRewardSpec(i.spec)(i.values),
  }),
  defineMethod({
    name: 'rpr', citation: C(12, '2505.22653'), tag: 'code',
    description: 'Reasoning-pattern reward RPR = max(0, min(1, distinct phrases/20) - rep20); optional noisy-RM calibration s\' = min(1, s + 0.1 RPR) when s < 0.5.',
    input: z.object({
      text: z.string().optional().describe('the reasoning text'),
      distinct: z.number().int().nonnegative().optional().describe('instead of text: distinct planning phrases'),
      repetition: prob.optional().describe('instead of text: share of repeated windows'),
      phrases: z.array(z.string()).optional().describe('planning phrases (default: the built-in list of ~40)'),
      saturation: z.number().positive().default(20), window: z.number().int().min(1).default(20),
      score: num.optional().describe('noisy reward-model score s to calibrate'), threshold: num.default(0.5), bonus: num.default(0.1),
    }).strict(),
    run: (i) => {
      let r: { distinct: number; repetition: number; rpr: number };
      if (i.text !== undefined) r = reasoningPatternReward(i.text, i);
      else if (i.distinct !== undefined) r = { distinct: i.distinct, repetition: i.repetition ?? 0, rpr: rprScore(i.distinct, i.repetition ?? 0, i.saturation) };
      else throw new RewardInputError('text', 'is required (or distinct)', 'give the reasoning text, or the phrase count and repetition share');
      return { ...r, calibrated: i.score === undefined ? undefined : calibrateNoisyScore(i.score, r.rpr, i.threshold, i.bonus) };
    },
  }),
  defineMethod({
    name: 'noisy-flip', citation: C(12, '2505.22653'), tag: 'code',
    description: 'Noisy-reward injection: each prompt group, with probability p, has all rewards flipped in [low, high] (seeded).',
    input: z.object({ groups: z.array(nums).describe('rewards per prompt group'), p: prob, seed: seed.default(0), low: num.default(0), high: num.default(1) }).strict(),
    run: (i) => flipGroups(i.groups, i.p, new Rng(i.seed), i.low, i.high),
  }),
  defineMethod({
    name: 'find', citation: C(13, '2407.19453'), tag: 'OURS',
    description: 'FIND calibration: A = r - V(prompt); clipped objective min(rho A, clip(rho, 1-eps, 1+eps) A).',
    input: z.object({ r: num.describe('reward'), v: num.describe('V(prompt), predicted reward'), rho: z.number().nonnegative().describe('pi / pi_old'), eps: z.number().nonnegative().default(0.2) }).strict(),
    run: (i) => clippedObjective(i.r, i.v, i.rho, i.eps),
  }),
  defineMethod({
    name: 'srum', citation: C(14, '2510.12784'), tag: 'code',
    description: 'SRUM dual reward map: M = 0.5; M_box = max(M_box, (s+1)/2) per region; M *= (g+1)/2.',
    input: z.object({
      width: z.number().int().nonnegative(), height: z.number().int().nonnegative(),
      regions: z.array(z.object({ box: box4.describe('[x1, y1, x2, y2], x2/y2 exclusive'), score: z.number().min(-1).max(1) }).strict()),
      global: z.number().min(-1).max(1).describe('g'), base: num.default(0.5),
      grid: z.number().positive().optional().describe('boxes are on a 0-grid scale (GUI: 1000) instead of map cells'),
    }).strict(),
    run: (i) => {
      const regions = i.grid ? i.regions.map((r) => ({ ...r, box: gridBoxToCells(r.box, i.width, i.height, i.grid) })) : i.regions;
      return { map: srumRewardMap(i.width, i.height, regions, i.global, i.base) };
    },
  }),
  defineMethod({
    name: 'tp-grpo', citation: C(21, '2507.23317'), tag: 'OURS',
    description: 'TP-GRPO: same-verdict runs form thoughts; thought reward = outcome + (1 - acc)^kappa * mean verdict (adaptive form is OURS).',
    input: z.object({ verdicts: nums.describe('per-step verdicts, e.g. +1/-1'), outcome: num, accuracy: prob.describe('current policy accuracy'), kappa: z.number().nonnegative().default(1) }).strict(),
    run: (i) => thoughtRewards(i.verdicts, i.outcome, i),
  }),
  defineMethod({
    name: 'glore-sorm', citation: C(20, '2402.10963'), tag: 'summary',
    description: 'GLoRe SORM labels: a step is positive if any of its K rollouts succeeds; positives propagate to earlier steps.',
    input: z.object({ rollouts: z.array(z.array(flag)).describe('per step: outcomes of the rollouts sampled from it') }).strict(),
    run: (i) => sormLabels(i.rollouts),
  }),
  defineMethod({
    name: 'grounded-prm', citation: C(22, '2510.14942'), tag: 'code',
    description: 'GroundedPRM: V = (1/N) sum_i v_i (N-i)/N, value = V + F/N; ancestors at distance d get 0.9^d value. GUI: verdicts from recorded state diffs.',
    input: z.object({
      verdicts: z.array(z.union([z.literal(1), z.literal(-1)])).optional().describe('v_i: tool verdicts per step'),
      diffs: z.array(z.record(z.string(), z.unknown())).optional().describe('GUI: recorded state diff per step'),
      expect: z.array(z.record(z.string(), z.unknown()).nullable()).optional().describe('GUI: expected diff entries per step (null = no check)'),
      final: z.union([z.literal(1), z.literal(-1)]).describe('F: final answer / task verdict'),
      depth: z.number().int().nonnegative().default(0).describe('ancestors to credit'), decay: prob.default(0.9),
    }).strict(),
    run: (i) => {
      const v = i.verdicts ?? (i.diffs && i.expect ? verifyDiffs(i.diffs, i.expect) : undefined);
      if (!v) throw new RewardInputError('verdicts', 'is required (or diffs with expect)', 'give tool verdicts, or recorded state diffs and expectations');
      const r = rolloutValue(v, i.final);
      return { verdicts: v, ...r, ancestors: ancestorCredits(r.value, i.depth, i.decay) };
    },
  }),
  defineMethod({
    name: 'grounded-tree', citation: C(22, '2510.14942'), tag: 'code',
    description: 'GroundedPRM tree aggregation: back up each rollout value (decay 0.9 per level) and label nodes +1 if the mean is above threshold (0, OURS), else -1.',
    input: z.object({
      nodes: z.array(z.object({ id: z.string(), parent: z.string().nullable() }).strict()).describe('search tree (GUI: one node per step state)'),
      rollouts: z.array(z.object({ from: z.string().describe('node the rollout started from'), verdicts: z.array(z.union([z.literal(1), z.literal(-1)])), final: z.union([z.literal(1), z.literal(-1)]) }).strict()),
      decay: prob.default(0.9), threshold: num.default(0),
    }).strict(),
    run: (i) => groundedTreeLabels(i.nodes, i.rollouts, i.decay, i.threshold),
  }),
  defineMethod({
    name: 'parm', citation: C(25, '2501.13926'), tag: 'code',
    description: 'PARM best-of-N: among candidates with potential "yes" pick the max outcome P(yes); if none, the min P(no). chosen is 0-based.',
    input: z.object({
      candidates: z.array(z.object({ potential: z.boolean(), pNo: prob.describe('P(no) of the potential assessment'), outcome: prob.optional().describe('outcome P(yes)'), clear: bools.optional().describe('per-step clarity; the assessment step is the first clear one') }).strict()),
    }).strict(),
    run: (i) => ({ ...parmSelect(i.candidates), assessedAt: i.candidates.map((c) => (c.clear ? firstClearStep(c.clear) : null)) }),
  }),
  defineMethod({
    name: 'cooper', citation: C(23, '2508.05613'), tag: 'summary',
    description: 'Cooper contrastive reward-model loss -log sigma(s+ - s-) (form unverified).',
    input: z.object({ positive: num.describe('s+'), negative: num.describe('s-') }).strict(),
    run: (i) => ({ loss: contrastiveLoss(i.positive, i.negative) }),
  }),
];
