// CSRS benchmarks (run after `npm run build`):
//   node bench/csrs.mjs [SOURCE_STORE] [N]
// SOURCE_STORE: a store made by `stepwise run --noise 0.3 --sample 40 --devices 3 --store /tmp/csrs-store`.
// 1. Grounded engine throughput and peak RSS over N trajectories (copies of the source ones),
//    against a baseline that only loads each trajectory and parses its UI trees.
// 2. Judge cost: CSRS (one judge call per trajectory) vs a step-level judge (one call per
//    step) on the same trajectories, tokens counted by the fake OpenAI server's usage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../dist/store/index.js';
import { runCsrs, judgeTrajectory, judgeSteps } from '../dist/csrs/index.js';
import { startFakeOpenAI } from '../dist/agent/fake-openai/index.js';

const src = process.argv[2] ?? '/tmp/csrs-store';
const N = Number(process.argv[3] ?? 2000);
const source = openStore(src, { create: false });
const originals = source.listTrajectories({ status: 'finished' }).map((s) => source.getTrajectory(s.id));
if (originals.length === 0) throw new Error(`no finished trajectories in ${src}`);

// Build the big store: N copies that share blobs (tree parsing still runs per trajectory).
const dir = mkdtempSync(join(tmpdir(), 'csrs-bench-'));
const big = openStore(join(dir, 'store'));
const copied = new Set();
for (const t of originals) for (const s of t.steps) for (const sha of [s.observation?.image, s.observation?.uiTree]) {
  if (sha && !copied.has(sha)) { big.putBlob(source.getBlob(sha)); copied.add(sha); }
}
let steps = 0;
for (let i = 0; i < N; i++) {
  const t = originals[i % originals.length];
  big.putTrajectory({ ...t, id: `bench-${i}`, task: { ...t.task, id: `${t.task.id}/${i % 7}` } }, { outcomes: source.getOutcomes(t.id) });
  steps += t.steps.length;
}

let peak = 0;
const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const t0 = performance.now();
for (const s of big.iterate()) {
  const t = big.getTrajectory(s.id);
  for (const st of t.steps) if (st.observation?.uiTree) JSON.parse(big.getBlob(st.observation.uiTree).toString());
}
const baseMs = performance.now() - t0;
const t1 = performance.now();
const summary = await runCsrs({ store: big, out: join(dir, 'out'), queueReviews: false });
const csrsMs = performance.now() - t1;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(`grounded engine, ${N} trajectories, ${steps} steps (source ${originals.length} runs from ${src})`);
console.log('| run | ms | steps/s | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| baseline: load + parse trees | ${baseMs.toFixed(0)} | ${(steps / baseMs * 1000).toFixed(0)} | 1.00 |`);
console.log(`| csrs grounded (all exports) | ${csrsMs.toFixed(0)} | ${(steps / csrsMs * 1000).toFixed(0)} | ${(csrsMs / baseMs).toFixed(2)} |`);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB; samples ${Object.values(summary.samples_by_category).reduce((a, b) => a + b, 0)}`);

const server = await startFakeOpenAI({ script: () => JSON.stringify({ verdict: 'success', confidence: 0.9, reason: 'ok' }) });
const settings = { baseURL: server.url, apiKey: 'k', model: 'judge' };
const load = (sha) => source.getBlob(sha);
let once = 0, per = 0, calls = 0;
for (const t of originals) {
  once += (await judgeTrajectory(t, settings, load)).cost.tokens;
  const s = await judgeSteps(t, settings, load);
  per += s.tokens; calls += s.calls;
}
await server.close();
const n = originals.length;
console.log(`\njudge cost on ${n} trajectories (${calls} steps), tokens by the fake server's usage`);
console.log('| judge | calls | tokens/trajectory | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| step-level (baseline) | ${calls} | ${(per / n).toFixed(0)} | 1.00 |`);
console.log(`| csrs (once per trajectory) | ${n} | ${(once / n).toFixed(0)} | ${(once / per).toFixed(3)} (${(per / once).toFixed(1)}x cheaper) |`);
big.close(); source.close();
rmSync(dir, { recursive: true, force: true });
