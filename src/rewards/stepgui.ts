/**
 * Step-GUI point and bbox rewards. StepFun GELab, "Step-GUI Technical Report", arXiv
 * 2512.15431, section 2.2.3 [paper].
 *
 * Quartic distance terms give a flat top (small misses cost almost nothing) and a steep fall
 * outside the tolerance tau. The paper does not publish tau or the bbox normalisation;
 * both defaults here are OURS and configurable.
 */
import { center, iou, scaled, type Box, type Point } from './geometry.js';

/** Default tolerance without a target box: 14 units of the 0-1000 grid (OURS). */
export const DEFAULT_POINT_TAU = 14;

/** Per-axis tolerance: half the box size per axis (OURS). */
export function boxTau(b: Box): [number, number] {
  return [(b[2] - b[0]) / 2, (b[3] - b[1]) / 2];
}

/** r = exp(-(dx^4 + dy^4)), d = |p - g| / tau per axis. */
export function stepguiPointReward(p: Point, g: Point, tau: number | readonly [number, number] = DEFAULT_POINT_TAU): number {
  const [tx, ty] = typeof tau === 'number' ? [tau, tau] : tau;
  const dx = scaled(p[0] - g[0], tx);
  const dy = scaled(p[1] - g[1], ty);
  return Math.exp(-(dx ** 4 + dy ** 4));
}

export interface StepGuiBboxOptions {
  /** Centre tolerance per axis; default half the ground-truth size (OURS). */
  tau?: readonly [number, number];
  /** Size-difference scale per axis; default the ground-truth width and height (OURS). */
  sizeScale?: readonly [number, number];
}

export interface StepGuiBboxResult {
  energy: number;
  iou: number;
  total: number;
}

/** E = dcx^4 + dcy^4 + 0.5 (dw^4 + dh^4); R = 0.8 exp(-E) + 0.2 IoU. */
export function stepguiBboxReward(pred: Box, gt: Box, opts: StepGuiBboxOptions = {}): StepGuiBboxResult {
  const [tx, ty] = opts.tau ?? boxTau(gt);
  const gw = gt[2] - gt[0], gh = gt[3] - gt[1];
  const [sw, sh] = opts.sizeScale ?? [gw, gh];
  const [pcx, pcy] = center(pred);
  const [gcx, gcy] = center(gt);
  const dcx = scaled(pcx - gcx, tx);
  const dcy = scaled(pcy - gcy, ty);
  const dw = scaled(pred[2] - pred[0] - gw, sw);
  const dh = scaled(pred[3] - pred[1] - gh, sh);
  const energy = dcx ** 4 + dcy ** 4 + 0.5 * (dw ** 4 + dh ** 4);
  const o = iou(pred, gt);
  return { energy, iou: o, total: 0.8 * Math.exp(-energy) + 0.2 * o };
}
