import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
// Action-data precision of CSRS on demo-policy runs with injected mistakes, listing every
// injected step that still reached action data, and the recall of correct steps (as in
// test/csrs/sandbox.test.ts; `injected_harmless` taps count as correct). Usage: npm run build && N=200 SEED=11 node bench/csrs-precision.mjs [STORE]
const D = new URL('../dist', import.meta.url).pathname;
const { runSandboxBatch } = await import(D + '/cli/sandbox-batch.js');
const { runCsrs } = await import(D + '/csrs/index.js');
const { openStore } = await import(D + '/store/index.js');
const storeDir = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'leak-')), 'store');
if (!process.argv[2]) await runSandboxBatch({ device: 'sandbox', devices: 2, policy: 'demo', tasks: 'all', sample: Number(process.env.N ?? 60), seed: Number(process.env.SEED ?? 7), noise: 0.3, maxSteps: 40, store: storeDir, progress: false, report: false });
const store = openStore(storeDir);
const r = await runCsrs({ store, out: join(storeDir, '..', 'csrs-' + Date.now()), queueReviews: false });
const samples = readFileSync(join(r.out, 'samples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const acts = samples.filter((s) => s.category === 'action_prediction');
const byKey = new Map(acts.map((s) => [`${s.trajectoryId}#${s.stepIndex}`, s]));
let inj = 0, leaked = 0, correct = 0, harmless = 0; const kinds = {};
for (const s of store.listTrajectories({ verdict: 'success' })) {
  const t = store.getTrajectory(s.id);
  for (const st of t.steps) if (!st.meta?.injected) {
    if (st.action) correct++;
    if (st.meta?.injected_harmless) harmless++;
  } else {
    inj++;
    if (byKey.has(`${t.id}#${st.index}`)) { leaked++; kinds[st.meta.injected] = (kinds[st.meta.injected] ?? 0) + 1; console.log('LEAK', st.meta.injected, t.task.id, t.id, st.index, JSON.stringify(st.action), '| next:', JSON.stringify(t.steps[st.index + 1]?.action), t.steps.map(x=>x.action?.type).join(',')); }
  }
}
console.log({ storeDir, acts: acts.length, inj, leaked, kinds, harmless, precision: (acts.length - leaked) / acts.length, recall: (acts.length - leaked) / correct });
