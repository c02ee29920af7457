/**
 * SRUM global-local dual reward map. arXiv 2510.12784 (REWARDS-2.md 14, read in the authors'
 * code). GUI: a judge's per-element scores become a weight map over the screenshot.
 */
import { RewardInputError, assertInRange } from '../util.js';

export interface ScoredRegion {
  /** [x1, y1, x2, y2] in map cells, x2/y2 exclusive (clipped to the map). */
  box: readonly [number, number, number, number];
  /** Local score s in [-1, 1]. */
  score: number;
}

/** M = base everywhere; M_box = max(M_box, (s + 1) / 2) per region; then M *= (g + 1) / 2. Row-major rows[y][x]. */
export function srumRewardMap(width: number, height: number, regions: readonly ScoredRegion[], global: number, base = 0.5): number[][] {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) throw new RewardInputError('width', `${width}x${height} is not a map size`, 'give whole cell counts >= 0');
  assertInRange('global', global, -1, 1);
  const m = Array.from({ length: height }, () => new Array<number>(width).fill(base));
  regions.forEach((r, i) => {
    assertInRange(`regions[${i}].score`, r.score, -1, 1);
    const [x1, y1, x2, y2] = r.box.map(Math.round);
    const v = (r.score + 1) / 2;
    for (let y = Math.max(0, y1); y < Math.min(height, y2); y++) for (let x = Math.max(0, x1); x < Math.min(width, x2); x++) m[y][x] = Math.max(m[y][x], v);
  });
  const g = (global + 1) / 2;
  return m.map((row) => row.map((v) => v * g));
}

/** Scale a box on the 0-1000 grid (as GUI actions use) to map cells. */
export function gridBoxToCells(box: readonly [number, number, number, number], width: number, height: number, grid = 1000): [number, number, number, number] {
  return [Math.floor(box[0] / grid * width), Math.floor(box[1] / grid * height), Math.ceil(box[2] / grid * width), Math.ceil(box[3] / grid * height)];
}
