/** Box helpers for grounding rewards. Boxes are [x1, y1, x2, y2] with x1 <= x2, y1 <= y2. */
import type { Box, Point } from '../core/coords.js';
import { RewardInputError } from './util.js';

export type { Box, Point };

export function assertBox(field: string, b: readonly number[]): void {
  if (b.length !== 4 || b.some((v) => !Number.isFinite(v)) || b[2] < b[0] || b[3] < b[1]) {
    throw new RewardInputError(field, `${JSON.stringify(b)} is not a box`, 'give [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2');
  }
}

export function center(b: Box): Point {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** diff / scale where an exact match is 0 even at scale 0 (no NaN), any miss at scale 0 is Infinity. */
export function scaled(diff: number, scale: number): number {
  if (diff === 0) return 0;
  return scale > 0 ? diff / scale : Infinity;
}
