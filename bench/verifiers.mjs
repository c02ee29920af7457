// Verifier synthesis, perception and ONI rewards.
//
// 1. Critic strength over the whole sandbox suite (seed 1): how many end states each template
//    gives the critic, and whether they catch the two trivial verifiers (always accept: needs a
//    case the hand-written verifier rejects; always reject: needs one it accepts). Generated
//    wrong ends (nothing done, last step skipped, other params) are counted with the share the
//    hand-written verifier really rejects.
// 2. The synthesis loop against the fake model server on one app's templates: the designer
//    returns the example verifiers of test/verifiers/examples for three Notes templates and an
//    always-accept verifier for the rest; reported: share agreeing on held-out seeds.
// 3. Sandbox cost: critic on one template's cases in the sandbox vs the hand-written verifier
//    run in-process on the same cases (baseline, same run).
// 4. Reward throughput: perceptual progress and ONI classifier scoring vs an ONI hash lookup
//    (baseline, same run).
//
// Usage: npm run build && node bench/verifiers.mjs [--app notes] [--reps 5]
import { readFileSync } from 'node:fs';
import { startFakeOpenAI } from '../dist/agent/fake-openai/index.js';
import { APPS } from '../dist/sandbox/apps/index.js';
import { TEMPLATES } from '../dist/sandbox/tasks/index.js';
import { verifyInstance } from '../dist/sandbox/tasks/instance.js';
import { buildCases, critique, measureSynthesis } from '../dist/verifiers/index.js';
import { learnPerceptualRewards, progressRewards } from '../dist/rewards/perception/index.js';
import { intrinsicReward, trainClassifier, trainHashModel } from '../dist/rewards/oni/index.js';
import { Rng } from '../dist/core/random.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const APP = arg('app', 'notes');
const REPS = Number(arg('reps', 5));
const example = (name) => readFileSync(new URL(`../test/verifiers/examples/${name}.js`, import.meta.url), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. critic strength
const suite = { templates: TEMPLATES.length, built: 0, failed: [], cases: 0, catchesAlwaysAccept: 0, catchesAlwaysReject: 0, generated: 0, generatedRejected: 0 };
for (const t of TEMPLATES) {
  let set;
  try { set = buildCases(t, 1, APPS); } catch (e) { suite.failed.push(`${t.id}: ${e.message.slice(0, 80)}`); continue; }
  suite.built++;
  suite.cases += set.cases.length;
  if (set.cases.some((c) => !c.expected)) suite.catchesAlwaysAccept++;
  if (set.cases.some((c) => c.expected)) suite.catchesAlwaysReject++;
  const gen = set.cases.filter((c) => ['nothing-done', 'skip-last', 'other-params'].includes(c.origin));
  suite.generated += gen.length;
  suite.generatedRejected += gen.filter((c) => !c.expected).length;
}

// 2. synthesis loop on one app against the fake
const good = Object.fromEntries(['notes.delete-note-about', 'notes.look-up-fact', 'notes.tick-checklist-item'].map((id) => [id, example(id)]));
const fake = await startFakeOpenAI({ script: (req) => {
  const id = /^Template: (\S+)$/m.exec(req.text)?.[1] ?? '';
  return '```js\n' + (good[id] ?? example('bad-always-true')) + '\n```';
} });
const appTemplates = TEMPLATES.filter((t) => t.app === APP);
const t0 = performance.now();
const m = await measureSynthesis(appTemplates, { designer: { baseURL: fake.url, apiKey: 'k', model: 'fake', retries: 0 }, rounds: 1, seeds: [1], heldOutSeeds: [2, 3] });
const synthMs = performance.now() - t0;
await fake.close();

// 3. sandbox cost vs in-process hand-written verifier
const tpl = TEMPLATES.find((t) => t.id === 'notes.delete-note-about');
const sets = [buildCases(tpl, 1, APPS)];
const sandboxMs = [], inProcMs = [];
for (let r = 0; r < REPS; r++) {
  let s = performance.now();
  const c = await critique(good['notes.delete-note-about'], sets);
  sandboxMs.push(performance.now() - s);
  if (!c.accepted) throw new Error('the example verifier must be accepted');
  s = performance.now();
  for (const cs of sets[0].cases) verifyInstance(sets[0].instance, cs.final, cs.answer);
  inProcMs.push(performance.now() - s);
}

// 4. reward throughput on synthetic features
const rng = new Rng('bench-verifiers');
const demo = () => Array.from({ length: 12 }, (_, t) => Array.from({ length: 256 }, (_, j) => ((j % 4 === Math.floor(t / 3)) ? 1 : 0) + rng.next() * 0.05));
const upr = learnPerceptualRewards([demo(), demo(), demo()], { steps: 4, features: 32 });
const frames = Array.from({ length: 2000 }, () => demo()[rng.int(0, 11)]);
let s = performance.now();
progressRewards(upr, frames);
const uprMs = performance.now() - s;
const msgs = Array.from({ length: 2000 }, (_, i) => `shop screen ${i % 50} cart ${rng.pick(['milk', 'eggs', 'bread'])} ${i % 2 ? 'checkout' : 'home'}`);
const labelled = msgs.slice(0, 200).map((x) => ({ message: x, label: x.includes('checkout') ? 1 : 0 }));
const cls = trainClassifier(labelled), hash = trainHashModel(labelled);
s = performance.now();
for (const x of msgs) intrinsicReward(cls, x);
const clsMs = performance.now() - s;
s = performance.now();
for (const x of msgs) intrinsicReward(hash, x);
const hashMs = performance.now() - s;

console.log(JSON.stringify({
  bench: 'verifiers',
  suite: { ...suite, failed: suite.failed.length, failedTemplates: suite.failed, generatedRejectedShare: +(suite.generatedRejected / suite.generated).toFixed(3) },
  synthesis: { app: APP, templates: m.templates, accepted: m.accepted, agreeing: m.agreeing, agreementShare: +m.agreementShare.toFixed(3), seconds: +(synthMs / 1000).toFixed(1) },
  sandbox: { cases: sets[0].cases.length, critiqueMs: +median(sandboxMs).toFixed(1), inProcessMs: +median(inProcMs).toFixed(2), ratio: +(median(sandboxMs) / median(inProcMs)).toFixed(0) },
  rewards: {
    uprProgressPerSec: Math.round(frames.length / (uprMs / 1000)),
    oniClassifierPerSec: Math.round(msgs.length / (clsMs / 1000)),
    oniHashPerSec: Math.round(msgs.length / (hashMs / 1000)),
    classifierVsHash: +(clsMs / hashMs).toFixed(1),
  },
}));
