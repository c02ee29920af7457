// Runner benchmarks (run after `npm run build`):
//   node bench/runner.mjs [STEPS] [ROUNDS]
// 1. Runner overhead per step: runTask with an instant policy (returns precomputed actions:
//    everything except inference), with and without a store, against the sandbox's own
//    observe + act cost for the same actions, measured in the same run, rounds interleaved.
// 2. Throughput (steps/s) of the device pool with 1, 2 and 4 sandbox phones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTask } from '../dist/agent/runner.js';
import { runPool } from '../dist/agent/pool.js';
import { openSandboxDevices } from '../dist/agent/sandbox-suite.js';
import { openStore } from '../dist/store/index.js';

const STEPS = Number(process.argv[2] ?? 40);
const ROUNDS = Number(process.argv[3] ?? 3);
// A realistic pair that changes the screen every step: open an app, go home.
const ACTIONS = [{ type: 'open_app', app: 'Settings' }, { type: 'key', key: 'home' }];
const instant = {
  name: 'instant',
  describe: () => ({}),
  decide: async (ctx) => ({ action: ctx.stepIndex < STEPS ? ACTIONS[ctx.stepIndex % 2] : { type: 'complete', answer: '' } }),
};
const task = { id: 'bench', instruction: 'bench' };

const { browser, devices } = await openSandboxDevices(4);
const d = devices[0];
const dirs = [];
const tmpStore = () => { const dir = mkdtempSync(join(tmpdir(), 'runner-bench-')); dirs.push(dir); return openStore(dir); };

async function sandboxOnly() {
  await d.reset();
  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) {
    await d.observe();
    await d.act(ACTIONS[i % 2]);
  }
  await d.observe(); // the runner observes once more before `complete`
  return (performance.now() - t0) / STEPS;
}
async function runner(store) {
  await d.reset();
  const t0 = performance.now();
  const r = await runTask({ device: d, policy: instant, task, store, maxSteps: STEPS + 1 });
  if (r.stopReason !== 'completed') throw new Error(`bench run stopped with ${r.stopReason}: ${r.error}`);
  return (performance.now() - t0) / STEPS;
}

const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await sandboxOnly(); await runner(); // warm-up
const base = [], bare = [], stored = [];
const store = tmpStore();
for (let r = 0; r < ROUNDS; r++) {
  base.push(await sandboxOnly());
  bare.push(await runner());
  stored.push(await runner(store));
}
store.close();
const b = med(base);
console.log(`\nrunner overhead per step (${STEPS} steps x ${ROUNDS} rounds, median ms/step)`);
console.log('case                          ms/step   vs sandbox observe+act');
for (const [name, v] of [['sandbox observe+act (base)', b], ['runTask, no store', med(bare)], ['runTask, SQLite store', med(stored)]]) {
  console.log(`${name.padEnd(30)}${v.toFixed(2).padStart(7)}   ${(v / b).toFixed(3)}x`);
}

console.log(`\npool throughput (8 tasks x ${STEPS} steps, SQLite store)`);
console.log('devices   steps/s   vs 1 device');
let one;
for (const k of [1, 2, 4]) {
  const s = tmpStore();
  const tasks = Array.from({ length: 8 }, (_, i) => ({ ref: { id: `b${i}`, instruction: 'bench' }, prepare: (dev) => dev.reset() }));
  const t0 = performance.now();
  const runs = await runPool({ tasks, devices: devices.slice(0, k), policy: instant, store: s, maxSteps: STEPS + 1 });
  const secs = (performance.now() - t0) / 1000;
  const steps = runs.reduce((n, r) => n + r.result.steps.length, 0);
  const rate = steps / secs;
  one ??= rate;
  console.log(`${String(k).padEnd(10)}${rate.toFixed(1).padStart(7)}   ${(rate / one).toFixed(2)}x`);
  s.close();
}
await browser.close();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
