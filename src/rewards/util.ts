/**
 * Small numeric helpers shared by the reward methods. Pure, no I/O. Every helper is total on
 * empty input (returns 0 or []), so no method produces NaN from an empty or one-element list.
 */
import { StepwiseError } from '../core/errors.js';

/** Bad input to a reward method: says which field and what to send instead. */
export class RewardInputError extends StepwiseError {
  constructor(field: string, message: string, hint: string) {
    super('config_error', `${field}: ${message}`, hint, { field });
    this.name = 'RewardInputError';
  }
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Mean; 0 for an empty list. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : sum(xs) / xs.length;
}

export type StdKind = 'population' | 'sample';

/** Standard deviation: population (divide by n) or sample (n - 1); 0 when undefined. */
export function std(xs: readonly number[], kind: StdKind = 'population'): number {
  const n = xs.length;
  const d = kind === 'sample' ? n - 1 : n;
  if (d <= 0) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / d);
}

export function sigmoid(x: number): number {
  // Two branches keep exp() from overflowing for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Numerically stable softmax (max subtracted). */
export function softmax(xs: readonly number[]): number[] {
  if (xs.length === 0) return [];
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  const e = xs.map((x) => Math.exp(x - m));
  const z = sum(e);
  return e.map((v) => v / z);
}

/** Suffix sums: out[t] = sum_{t' >= t} xs[t']. */
export function suffixSums(xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length);
  let acc = 0;
  for (let t = xs.length - 1; t >= 0; t--) {
    acc += xs[t];
    out[t] = acc;
  }
  return out;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Round half to even (banker's rounding), as Python's round() does. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Throw when two lists that must align do not. */
export function assertSameLength(aName: string, a: readonly unknown[], bName: string, b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new RewardInputError(bName, `has ${b.length} entries but ${aName} has ${a.length}`, `give one ${bName} entry per ${aName} entry`);
  }
}

/** Throw unless x is in [lo, hi]. */
export function assertInRange(field: string, x: number, lo: number, hi: number): void {
  if (!(x >= lo && x <= hi)) throw new RewardInputError(field, `${x} is outside [${lo}, ${hi}]`, `give a value between ${lo} and ${hi}`);
}
