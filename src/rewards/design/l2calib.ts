/**
 * L2Calib trajectory-alignment reward. arXiv 2508.06330 (REWARDS-2.md 6, read in the authors'
 * code): associate estimated and reference poses by timestamp, align them rigidly (Umeyama,
 * rotation + translation, no scale), take the RMSE of position errors e and reward
 * exp(-clip(e, 0, maxError) / scale). GUI: score a swipe or cursor path against a demonstration.
 */
import { RewardInputError } from '../util.js';

export type PathPoint = readonly number[];
export interface Stamped { t: number; p: PathPoint }

/**
 * Pairs (est index, ref index) with |dt| < maxDt: each estimate in order takes the nearest
 * unused reference (ties: the earlier one). Sorted search, so 10^5-pose trajectories stay fast.
 */
export function associateByTime(est: readonly Stamped[], ref: readonly Stamped[], maxDt = 0.01): [number, number][] {
  const byTime = ref.map((r, j) => j).sort((a, b) => ref[a].t - ref[b].t || a - b);
  const times = byTime.map((j) => ref[j].t);
  const used = new Uint8Array(ref.length);
  const pairs: [number, number][] = [];
  est.forEach((e, i) => {
    let lo = 0, hi = times.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (times[mid] < e.t) lo = mid + 1; else hi = mid; }
    // Nearest unused reference on each side within maxDt; the left one wins ties.
    let left = lo - 1, right = lo;
    while (left >= 0 && e.t - times[left] < maxDt && used[byTime[left]]) left--;
    while (right < times.length && times[right] - e.t < maxDt && used[byTime[right]]) right++;
    const leftOk = left >= 0 && e.t - times[left] < maxDt, rightOk = right < times.length && times[right] - e.t < maxDt;
    const best = leftOk && (!rightOk || e.t - times[left] <= times[right] - e.t) ? left : rightOk ? right : -1;
    if (best >= 0) { used[byTime[best]] = 1; pairs.push([i, byTime[best]]); }
  });
  return pairs;
}

const centroid = (ps: readonly PathPoint[]) => ps[0].map((_, k) => ps.reduce((s, p) => s + p[k], 0) / ps.length);

/** Rotation R and translation t minimising sum |R a_i + t - b_i|^2 (2-D closed form, 3-D via Horn's quaternion). */
export function rigidAlign(a: readonly PathPoint[], b: readonly PathPoint[]): { rotation: number[][]; translation: number[] } {
  if (a.length !== b.length) throw new RewardInputError('ref', `has ${b.length} points for ${a.length} estimated points`, 'align equally long point lists');
  const dim = a[0]?.length ?? 2;
  if (dim !== 2 && dim !== 3) throw new RewardInputError('p', `points have ${dim} coordinates`, 'give 2-D (screen) or 3-D points');
  for (const p of [...a, ...b]) if (p.length !== dim) throw new RewardInputError('p', 'points mix dimensions', `give every point ${dim} coordinates`);
  if (a.length === 0) return { rotation: identity(dim), translation: new Array(dim).fill(0) };
  const ca = centroid(a), cb = centroid(b);
  // Cross-covariance S_kl = sum (a_k - ca_k)(b_l - cb_l).
  const S = Array.from({ length: dim }, (_, k) => Array.from({ length: dim }, (_, l) => a.reduce((s, p, i) => s + (p[k] - ca[k]) * (b[i][l] - cb[l]), 0)));
  const rotation = dim === 2 ? rotation2d(S) : rotation3d(S);
  const translation = cb.map((c, k) => c - rotation[k].reduce((s, r, l) => s + r * ca[l], 0));
  return { rotation, translation };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function rotation2d(S: number[][]): number[][] {
  const th = Math.atan2(S[0][1] - S[1][0], S[0][0] + S[1][1]);
  const c = Math.cos(th), s = Math.sin(th);
  return [[c, -s], [s, c]];
}

/** Horn 1987: the rotation is the eigenvector of the largest eigenvalue of a symmetric 4x4 matrix. */
function rotation3d(S: number[][]): number[][] {
  const [[xx, xy, xz], [yx, yy, yz], [zx, zy, zz]] = S;
  const N = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const [w, x, y, z] = topEigenvector(N);
  return [
    [w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)],
    [2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)],
    [2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z],
  ];
}

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix; returns the top eigenvector. */
function topEigenvector(A0: number[][]): number[] {
  const n = A0.length;
  const A = A0.map((r) => r.slice());
  const V = identity(n);
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      if (Math.abs(A[p][q]) < 1e-300) continue;
      const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = A[k][p], akq = A[k][q];
        A[k][p] = c * akp - s * akq; A[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = A[p][k], aqk = A[q][k];
        A[p][k] = c * apk - s * aqk; A[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = V[k][p], vkq = V[k][q];
        V[k][p] = c * vkp - s * vkq; V[k][q] = s * vkp + c * vkq;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (A[i][i] > A[best][best]) best = i;
  return V.map((row) => row[best]);
}

/** RMSE of |R a_i + t - b_i| after rigid alignment. */
export function alignedRmse(a: readonly PathPoint[], b: readonly PathPoint[]): number {
  if (a.length === 0) return 0;
  const { rotation, translation } = rigidAlign(a, b);
  let s = 0;
  a.forEach((p, i) => {
    rotation.forEach((row, k) => {
      const d = row.reduce((acc, r, l) => acc + r * p[l], 0) + translation[k] - b[i][k];
      s += d * d;
    });
  });
  return Math.sqrt(s / a.length);
}

/** RMSE of already-aligned position errors (the sheet's worked example). */
export function rmse(errors: readonly number[]): number {
  return errors.length === 0 ? 0 : Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
}

export interface L2CalibOptions {
  maxDt?: number;
  /** clip bound on e (code: 300). */
  maxError?: number;
  /** divisor in exp(-e / scale) (code: 2). Screen paths on the 0-1000 grid want a larger scale, e.g. 50. */
  scale?: number;
}

export function alignmentReward(e: number, opts: L2CalibOptions = {}): number {
  return Math.exp(-Math.min(Math.max(e, 0), opts.maxError ?? 300) / (opts.scale ?? 2));
}

/** Associate by time, align, reward. No associated pair is an error: there is nothing to compare. */
export function l2calibReward(est: readonly Stamped[], ref: readonly Stamped[], opts: L2CalibOptions = {}): { pairs: number; rmse: number; reward: number } {
  const pairs = associateByTime(est, ref, opts.maxDt ?? 0.01);
  if (pairs.length === 0) throw new RewardInputError('est', 'no pose is within maxDt of a reference pose', 'check the timestamps share a clock, or raise maxDt');
  const e = alignedRmse(pairs.map(([i]) => est[i].p), pairs.map(([, j]) => ref[j].p));
  return { pairs: pairs.length, rmse: e, reward: alignmentReward(e, opts) };
}

/** Resample a path to n points evenly spaced by arc length, stamped 0..n-1 (for GUI paths without shared clocks). */
export function resampleByArcLength(path: readonly PathPoint[], n: number): Stamped[] {
  if (path.length === 0 || n < 1) return [];
  const cum = [0];
  for (let i = 1; i < path.length; i++) cum.push(cum[i - 1] + Math.hypot(...path[i].map((x, k) => x - path[i - 1][k])));
  const total = cum[cum.length - 1];
  return Array.from({ length: n }, (_, k) => {
    const target = n === 1 ? 0 : (total * k) / (n - 1);
    let i = 1;
    while (i < path.length - 1 && cum[i] < target) i++;
    const seg = path.length === 1 ? 0 : cum[i] - cum[i - 1];
    const f = seg === 0 ? 0 : (target - cum[i - 1]) / seg;
    const a = path[Math.max(0, i - 1)], b = path[Math.min(i, path.length - 1)];
    return { t: k, p: a.map((x, d) => x + f * (b[d] - x)) };
  });
}
