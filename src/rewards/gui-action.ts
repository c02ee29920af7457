/**
 * GUI action reward: the Step-GUI composite (arXiv 2512.15431, section 2.2.3) for a predicted
 * vs a ground-truth action on the canonical 0-1000 grid. The paper names the parts (action
 * type indicator, point / bbox rewards, SLIDE cosine, LLM-scored text); the weights, the
 * tolerances and the rules for other action types are OURS (docs/REWARDS.md, "gui-action").
 *
 *   total = wType * typeMatch + wValue * typeMatch * value      (value in [0, 1])
 */
import type { Action, ActionType } from '../core/actions.js';
import { center, type Box, type Point } from './geometry.js';
import { boxTau, DEFAULT_POINT_TAU, stepguiBboxReward, stepguiPointReward } from './stepgui.js';
import { normalizeText, textSimilarity } from './text-sim.js';

export interface GuiActionItem {
  /** Predicted action; null when the model output did not parse (reward 0). */
  pred: Action | null;
  gt: Action;
  /** Valid target boxes for the ground truth (norm1000 [x1,y1,x2,y2]); the best one counts. */
  boxes?: readonly Box[];
  /** A box the model predicted (grounding models); scored with the Step-GUI bbox reward. */
  predBox?: Box;
}

export interface GuiActionWeights {
  type: number;
  value: number;
}

/** OURS: a right action type earns 0.3, a right value the remaining 0.7. */
export const DEFAULT_GUI_WEIGHTS: GuiActionWeights = { type: 0.3, value: 0.7 };

export type ValueKind = 'point' | 'bbox' | 'direction' | 'text' | 'exact' | 'none';

export interface GuiActionComponents {
  typeMatch: 0 | 1;
  /** Value score in [0, 1]; 0 when the types differ. */
  value: number;
  /** Which rule scored the value. */
  kind: ValueKind;
  total: number;
}

export interface GuiActionOptions {
  weights?: GuiActionWeights;
  /** Point tolerance without a box (norm1000 units; default 14). */
  tau?: number;
}

const POINT_TYPES: ReadonlySet<ActionType> = new Set(['click', 'double_click', 'long_press', 'right_click', 'hover']);
const TEXT_FIELD: Partial<Record<ActionType, string>> = { type: 'text', info: 'question', complete: 'answer', navigate: 'url' };
const DIRS: Record<string, Point> = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };

/** Cosine of two vectors mapped to [0, 1]; two zero vectors agree, one zero vector scores 0. */
export function cosineReward(u: Point, v: Point): number {
  const nu = Math.hypot(u[0], u[1]), nv = Math.hypot(v[0], v[1]);
  if (nu === 0 && nv === 0) return 1;
  if (nu === 0 || nv === 0) return 0;
  const cos = (u[0] * v[0] + u[1] * v[1]) / (nu * nv);
  return (Math.min(1, Math.max(-1, cos)) + 1) / 2;
}

function pointValue(p: Point, item: GuiActionItem, tau: number): { value: number; kind: ValueKind } {
  const boxes = item.boxes;
  if (boxes && boxes.length > 0) {
    if (item.predBox) {
      let best = 0;
      for (const b of boxes) best = Math.max(best, stepguiBboxReward(item.predBox, b).total);
      return { value: best, kind: 'bbox' };
    }
    let best = 0;
    for (const b of boxes) best = Math.max(best, stepguiPointReward(p, center(b), boxTau(b)));
    return { value: best, kind: 'point' };
  }
  const g = (item.gt as { point?: Point }).point;
  return g ? { value: stepguiPointReward(p, g, tau), kind: 'point' } : { value: 0, kind: 'none' };
}

/** The part of the reward that needs no text scorer; text types return their strings for scoring. */
function valueOf(item: GuiActionItem, tau: number): { value: number; kind: ValueKind } | { text: [string, string] } {
  const pred = item.pred as Action;
  const gt = item.gt;
  if (POINT_TYPES.has(gt.type)) return pointValue((pred as { point: Point }).point, item, tau);
  const field = TEXT_FIELD[gt.type];
  if (field) return { text: [String((pred as Record<string, unknown>)[field] ?? ''), String((gt as Record<string, unknown>)[field] ?? '')] };
  switch (gt.type) {
    case 'swipe':
    case 'drag': {
      const p = pred as { from: Point; to: Point }, g = gt as { from: Point; to: Point };
      return { value: cosineReward([p.to[0] - p.from[0], p.to[1] - p.from[1]], [g.to[0] - g.from[0], g.to[1] - g.from[1]]), kind: 'direction' };
    }
    case 'scroll':
      return { value: cosineReward(DIRS[(pred as { direction: string }).direction], DIRS[gt.direction]), kind: 'direction' };
    case 'key':
      return { value: (pred as { key: string }).key === gt.key ? 1 : 0, kind: 'exact' };
    case 'hotkey': {
      const norm = (ks: readonly string[]) => [...new Set(ks.map((k) => k.toLowerCase()))].sort().join('+');
      return { value: norm((pred as { keys: string[] }).keys) === norm(gt.keys) ? 1 : 0, kind: 'exact' };
    }
    case 'open_app': {
      const a = normalizeText((pred as { app: string }).app), b = normalizeText(gt.app);
      return { value: a === b ? 1 : textSimilarity(a, b), kind: 'text' };
    }
    default:
      // wait, abort: the type is the whole answer.
      return { value: 1, kind: 'exact' };
  }
}

function combine(typeMatch: 0 | 1, value: number, kind: ValueKind, w: GuiActionWeights): GuiActionComponents {
  const v = typeMatch ? Math.min(1, Math.max(0, value)) : 0;
  return { typeMatch, value: v, kind: typeMatch ? kind : 'none', total: w.type * typeMatch + w.value * v };
}

/** Synchronous reward; text values use textSimilarity. */
export function guiActionReward(item: GuiActionItem, opts: GuiActionOptions = {}): GuiActionComponents {
  const w = opts.weights ?? DEFAULT_GUI_WEIGHTS;
  if (!item.pred || item.pred.type !== item.gt.type) return combine(0, 0, 'none', w);
  const v = valueOf(item, opts.tau ?? DEFAULT_POINT_TAU);
  if ('text' in v) return combine(1, textSimilarity(v.text[0], v.text[1]), 'text', w);
  return combine(1, v.value, v.kind, w);
}

/** Scores predicted vs ground-truth text in [0, 1], e.g. by asking an LLM. */
export type TextScorer = (pred: string, gt: string, ctx: { type: ActionType }) => Promise<number>;

/** Like guiActionReward, but text values go through `scoreText` (the paper's LLM scorer). */
export async function guiActionRewardAsync(item: GuiActionItem, scoreText: TextScorer, opts: GuiActionOptions = {}): Promise<GuiActionComponents> {
  const w = opts.weights ?? DEFAULT_GUI_WEIGHTS;
  if (!item.pred || item.pred.type !== item.gt.type) return combine(0, 0, 'none', w);
  const v = valueOf(item, opts.tau ?? DEFAULT_POINT_TAU);
  if ('text' in v) {
    const s = await scoreText(v.text[0], v.text[1], { type: item.gt.type });
    return combine(1, Number.isFinite(s) ? s : 0, 'text', w);
  }
  return combine(1, v.value, v.kind, w);
}
