/**
 * Picks steps so the type distribution follows AndroidDaily's: per type, a seeded random
 * subset of at most share x target steps. Types the pool lacks stay short (reported, never
 * padded); LONGPRESS, "a few" in the paper, is capped at 1%.
 */
import { Rng } from '../core/random.js';
import { ANDROIDDAILY_COUNTS, ANDROIDDAILY_STEPS, benchTypeOf } from './bench-types.js';
import type { BenchType } from './report-types.js';
import type { StaticRow } from './static-format.js';

export const LONGPRESS_SHARE = 0.01;

export function targetShares(): Record<BenchType, number> {
  const out = { OTHER: 0 } as Record<BenchType, number>;
  for (const [t, n] of Object.entries(ANDROIDDAILY_COUNTS)) out[t as BenchType] = n / ANDROIDDAILY_STEPS;
  out.LONGPRESS = LONGPRESS_SHARE;
  return out;
}

export function quotaSample(rows: readonly StaticRow[], target: number, seed: string | number): StaticRow[] {
  const shares = targetShares();
  const byType = new Map<BenchType, StaticRow[]>();
  for (const r of rows) {
    const t = benchTypeOf(r.gt);
    byType.set(t, [...(byType.get(t) ?? []), r]);
  }
  const rng = new Rng(`bench/quota/${seed}`);
  const keep = new Set<StaticRow>();
  for (const [t, list] of byType) {
    const q = Math.round(shares[t] * target);
    for (const r of rng.fork(t).shuffle(list).slice(0, q)) keep.add(r);
  }
  return rows.filter((r) => keep.has(r));
}

/** Type counts of a set, in AndroidDaily's column order. */
export function typeCounts(rows: readonly Pick<StaticRow, 'gt'>[]): Record<BenchType, number> {
  const out = { CLICK: 0, TYPE: 0, SLIDE: 0, AWAKE: 0, INFO: 0, COMPLETE: 0, WAIT: 0, LONGPRESS: 0, OTHER: 0 } as Record<BenchType, number>;
  for (const r of rows) out[benchTypeOf(r.gt)]++;
  return out;
}
