/** Registry entries: grounding and GUI action rewards (REWARDS.md 8, 9; Step-GUI composite). */
import { z } from 'zod';
import { center } from '../geometry.js';
import { assertBox } from '../geometry.js';
import { gaussianPointReward, guiG2Reward } from '../gui-g2.js';
import { guiActionReward, DEFAULT_GUI_WEIGHTS } from '../gui-action.js';
import { parseGuiItem } from '../gui-action-input.js';
import { boxTau, DEFAULT_POINT_TAU, stepguiBboxReward, stepguiPointReward } from '../stepgui.js';
import { RewardInputError } from '../util.js';
import { box, defineMethod, point } from './define.js';

const checked = (field: string, b: [number, number, number, number]) => (assertBox(field, b), b);

export const groundingMethods = [
  defineMethod({
    name: 'gui-g2', citation: 'REWARDS.md 8; arXiv 2507.15846', tag: 'code',
    description: 'GUI-G^2: Gaussian point reward exp(-0.5 [dx^2/sx^2 + dy^2/sy^2]) + Bhattacharyya coverage exp(-D_B); sigma = a * box size.',
    input: z.object({ pred: box.optional().describe('predicted box'), point: point.optional().describe('predicted point (point reward only)'), gt: box.describe('ground-truth box'), a: z.number().positive().default(0.5), wPoint: z.number().default(1), wCoverage: z.number().default(1) }).strict(),
    run: (i) => {
      const gt = checked('gt', i.gt);
      if (i.pred) return guiG2Reward(checked('pred', i.pred), gt, i);
      if (i.point) return { point: gaussianPointReward(i.point, gt, i.a) };
      throw new RewardInputError('pred', 'is required (or point)', 'give the predicted box or point');
    },
  }),
  defineMethod({
    name: 'stepgui-point', citation: 'REWARDS.md 9; arXiv 2512.15431', tag: 'paper',
    description: 'Step-GUI point reward exp(-(dx^4 + dy^4)), d = |p - g| / tau; tau = half the box per axis with a box, else 14 (OURS).',
    input: z.object({ p: point.describe('predicted point'), g: point.optional().describe('ground-truth point'), box: box.optional().describe('target box: g = its centre, tau = half its size'), tau: z.union([z.number().nonnegative(), z.tuple([z.number().nonnegative(), z.number().nonnegative()])]).optional() }).strict(),
    run: (i) => {
      if (i.box) {
        const b = checked('box', i.box);
        return { reward: stepguiPointReward(i.p, center(b), i.tau ?? boxTau(b)) };
      }
      if (!i.g) throw new RewardInputError('g', 'is required (or box)', 'give the ground-truth point or target box');
      return { reward: stepguiPointReward(i.p, i.g, i.tau ?? DEFAULT_POINT_TAU) };
    },
  }),
  defineMethod({
    name: 'stepgui-bbox', citation: 'REWARDS.md 9; arXiv 2512.15431', tag: 'paper',
    description: 'Step-GUI bbox reward: E = dcx^4 + dcy^4 + 0.5 (dw^4 + dh^4), R = 0.8 exp(-E) + 0.2 IoU; normalisation OURS (centre by half gt size, size by gt size).',
    input: z.object({ pred: box, gt: box, tau: z.tuple([z.number(), z.number()]).optional(), sizeScale: z.tuple([z.number(), z.number()]).optional() }).strict(),
    run: (i) => stepguiBboxReward(checked('pred', i.pred), checked('gt', i.gt), i),
  }),
  defineMethod({
    name: 'gui-action', citation: 'Step-GUI arXiv 2512.15431 section 2.2.3; weights OURS', tag: 'OURS',
    description: `GUI action composite: total = ${DEFAULT_GUI_WEIGHTS.type} typeMatch + ${DEFAULT_GUI_WEIGHTS.value} typeMatch * value (point / bbox / swipe cosine / text similarity).`,
    input: z.object({
      pred: z.union([z.record(z.string(), z.unknown()), z.null()]).describe('predicted canonical action (norm1000) or null when unparseable'),
      gt: z.record(z.string(), z.unknown()).describe('ground-truth canonical action'),
      boxes: z.array(box).optional().describe('valid target boxes; the best counts'),
      predBox: box.optional().describe('a predicted box (bbox reward)'),
      tau: z.number().nonnegative().optional().describe('point tolerance without a box (default 14)'),
      weights: z.object({ type: z.number(), value: z.number() }).strict().optional(),
    }).strict(),
    run: (i) => guiActionReward(parseGuiItem({ pred: i.pred, gt: i.gt, boxes: i.boxes, predBox: i.predBox }, ''), { tau: i.tau, weights: i.weights }),
  }),
];
