/**
 * GUI-G^2 Gaussian grounding rewards. Tang et al., "GUI-G^2: Gaussian Reward Modeling for GUI
 * Grounding", arXiv 2507.15846 [code].
 *
 * Each box becomes a 2-D Gaussian (centre mu, sigma = a * size per axis). The point reward is
 * the ground-truth density shape at the predicted centre; the coverage reward is the
 * Bhattacharyya coefficient between predicted and ground-truth Gaussians.
 */
import { center, scaled, type Box, type Point } from './geometry.js';

export interface Gaussian2 {
  mu: Point;
  sx: number;
  sy: number;
}

/** Box -> Gaussian with sigma_x = a (x2 - x1), sigma_y = a (y2 - y1); a = 0.5. */
export function boxGaussian(b: Box, a = 0.5): Gaussian2 {
  return { mu: center(b), sx: a * (b[2] - b[0]), sy: a * (b[3] - b[1]) };
}

/** exp(-0.5 [dx^2/sx^2 + dy^2/sy^2]) of a point under the ground-truth Gaussian; 0 for a degenerate box missed. */
export function gaussianPointReward(p: Point, gt: Box, a = 0.5): number {
  const g = boxGaussian(gt, a);
  const dx = scaled(p[0] - g.mu[0], g.sx);
  const dy = scaled(p[1] - g.mu[1], g.sy);
  return Math.exp(-0.5 * (dx * dx + dy * dy));
}

/**
 * Bhattacharyya coefficient exp(-D_B) of two axis-aligned Gaussians:
 * D_B = 1/8 dmu^T S^-1 dmu + 1/2 ln(det S / sqrt(det S_p det S_g)), S = (S_p + S_g) / 2.
 * A zero-width or zero-height box has no density: reward 0.
 */
export function gaussianCoverageReward(pred: Box, gt: Box, a = 0.5): number {
  const p = boxGaussian(pred, a);
  const g = boxGaussian(gt, a);
  const vpx = p.sx * p.sx, vpy = p.sy * p.sy, vgx = g.sx * g.sx, vgy = g.sy * g.sy;
  if (!(vpx > 0 && vpy > 0 && vgx > 0 && vgy > 0)) return 0;
  const vx = (vpx + vgx) / 2, vy = (vpy + vgy) / 2;
  const dx = p.mu[0] - g.mu[0], dy = p.mu[1] - g.mu[1];
  const maha = (dx * dx) / vx + (dy * dy) / vy;
  // Log-dets of diagonal covariances; computed as sums of logs to avoid overflow.
  const logDet = Math.log(vx) + Math.log(vy);
  const logDetP = Math.log(vpx) + Math.log(vpy);
  const logDetG = Math.log(vgx) + Math.log(vgy);
  const db = maha / 8 + 0.5 * (logDet - 0.5 * (logDetP + logDetG));
  return Math.exp(-db);
}

export interface GuiG2Result {
  point: number;
  coverage: number;
  /** wPoint * point + wCoverage * coverage (1, 1 in the paper). */
  total: number;
}

export function guiG2Reward(pred: Box, gt: Box, opts: { a?: number; wPoint?: number; wCoverage?: number } = {}): GuiG2Result {
  const a = opts.a ?? 0.5;
  const point = gaussianPointReward(center(pred), gt, a);
  const coverage = gaussianCoverageReward(pred, gt, a);
  return { point, coverage, total: (opts.wPoint ?? 1) * point + (opts.wCoverage ?? 1) * coverage };
}
