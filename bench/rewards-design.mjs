// Reward-design methods (REWARDS-2.md): cost of one validated call at realistic sizes.
//
// Baseline, measured in the same run for the same input: the JSON work any caller pays to hand
// the input over and read the result (JSON.stringify + JSON.parse of the input, stringify of the
// output). "vs JSON" = runMethod time / that baseline, so < 1x means the method costs less than
// moving its data. A second table compares L2Calib's sorted time association with the naive
// all-pairs search it replaced, on the same trajectories.
//
// Usage: npm run build && node bench/rewards-design.mjs [--reps 30]
import { runMethod } from '../dist/rewards/registry/index.js';
import { associateByTime } from '../dist/rewards/design/l2calib.js';
import { PLANNING_PHRASES } from '../dist/rewards/design/noisy-rpr.js';
import { Rng } from '../dist/core/random.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REPS = arg('reps', 30);
const rng = new Rng('bench-rewards-design');

const now = () => process.hrtime.bigint();
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
/** Minimum ms per call over REPS runs after warm-up (minimum: least noisy on a shared machine). */
function timeIt(fn) {
  for (let i = 0; i < 3; i++) fn();
  let best = Infinity;
  for (let i = 0; i < REPS; i++) {
    const t0 = now();
    fn();
    best = Math.min(best, ms(t0));
  }
  return best;
}

function poses(n) {
  const est = [], ref = [];
  const th = 0.4;
  for (let k = 0; k < n; k++) {
    const t = k / 100;
    const p = [Math.sin(t) * 5, Math.cos(t / 2) * 3, t / 10];
    ref.push({ t, p });
    const q = [Math.cos(th) * p[0] - Math.sin(th) * p[1] + 2, Math.sin(th) * p[0] + Math.cos(th) * p[1] - 1, p[2] + 0.5].map((x) => x + (rng.next() - 0.5) * 0.02);
    est.push({ t: t + (rng.next() - 0.5) * 0.004, p: q });
  }
  return { est, ref };
}

function tree(branching, depth) {
  const nodes = [{ id: 'r', parent: null, step: 'task' }];
  const grow = (id, d) => {
    for (let b = 0; b < branching; b++) {
      const c = `${id}.${b}`;
      nodes.push({ id: c, parent: id, step: `step ${c}`, ...(d === depth ? { correct: rng.chance(0.4) } : {}) });
      if (d < depth) grow(c, d + 1);
    }
  };
  grow('r', 1);
  return nodes;
}

function text(words) {
  const vocab = ['the', 'button', 'settings', 'screen', 'open', 'tap', 'scroll', 'list', 'value', 'menu', ...PLANNING_PHRASES];
  return Array.from({ length: words }, () => rng.pick(vocab)).join(' ');
}

const { est, ref } = poses(20_000);
const bigTree = tree(4, 7);
const cases = [
  ['l2calib', '20,000 3-D poses', { est, ref }],
  ['hrm', `tree of ${bigTree.length} nodes`, { nodes: bigTree }],
  ['hnc', `tree of ${bigTree.length} nodes`, { nodes: bigTree, seed: 1 }],
  ['oprl', '64 trajectories x 30 steps', { logRatioSums: Array.from({ length: 64 }, () => Array.from({ length: 30 }, () => rng.next() * 4 - 2)), success: Array.from({ length: 64 }, () => rng.chance(0.5)) }],
  ['morec', '1,000 candidates x 7 discriminators', { d: Array.from({ length: 1000 }, () => Array.from({ length: 7 }, () => rng.next())) }],
  ['srum', '400 x 200 map, 50 regions', { width: 400, height: 200, global: 0.3, regions: Array.from({ length: 50 }, () => { const x = rng.int(0, 380), y = rng.int(0, 180); return { box: [x, y, x + 20, y + 20], score: rng.next() * 2 - 1 }; }) }],
  ['rpr', '5,000-word reasoning text', { text: text(5000), score: 0.3 }],
  ['vsrm', '1,000 split points', { acc: Array.from({ length: 1001 }, () => Math.round(rng.next() * 5) / 5) }],
  ['grounded-prm', '1,000 verdicts', { verdicts: Array.from({ length: 1000 }, () => (rng.chance(0.7) ? 1 : -1)), final: 1, depth: 10 }],
  ['capo', '200 steps, 8 critiques', { steps: 200, correct: true, flags: Array.from({ length: 8 }, () => Array.from({ length: 10 }, () => rng.int(1, 200))) }],
];

const rows = cases.map(([name, size, input]) => {
  const out = runMethod(name, input);
  const baseline = timeIt(() => { JSON.parse(JSON.stringify(input)); JSON.stringify(out); });
  const method = timeIt(() => runMethod(name, input));
  return { name, size, methodMs: +method.toFixed(3), jsonMs: +baseline.toFixed(3), ratio: +(method / baseline).toFixed(2) };
});

// Naive association: every estimate scans every reference (what a first version would do).
function naiveAssociate(e, r, maxDt) {
  const used = new Uint8Array(r.length);
  const pairs = [];
  e.forEach((x, i) => {
    let best = -1, bestDt = maxDt;
    r.forEach((y, j) => { const dt = Math.abs(y.t - x.t); if (!used[j] && dt < bestDt) { best = j; bestDt = dt; } });
    if (best >= 0) { used[best] = 1; pairs.push([i, best]); }
  });
  return pairs;
}
const assoc = [2_000, 20_000].map((n) => {
  const { est: e, ref: r } = n === 20_000 ? { est, ref } : poses(n);
  const sorted = timeIt(() => associateByTime(e, r, 0.01));
  const naive = Math.min(...Array.from({ length: n > 5000 ? 2 : 5 }, () => { const t0 = now(); naiveAssociate(e, r, 0.01); return ms(t0); }));
  return { poses: n, sortedMs: +sorted.toFixed(3), naiveMs: +naive.toFixed(1), speedup: +(naive / sorted).toFixed(0) };
});

for (const r of rows) console.error(`${r.name.padEnd(13)} ${r.size.padEnd(36)} ${String(r.methodMs).padStart(9)} ms  JSON ${String(r.jsonMs).padStart(8)} ms  ${r.ratio}x`);
for (const a of assoc) console.error(`association ${a.poses} poses: sorted ${a.sortedMs} ms, naive ${a.naiveMs} ms (${a.speedup}x)`);
console.log(JSON.stringify({ bench: 'rewards-design', reps: REPS, methods: rows, association: assoc }));
