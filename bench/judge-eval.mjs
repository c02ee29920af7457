// Judge evaluation (docs/JUDGE-EVAL.md): what the harness costs on top of the judge itself.
//
// 1. Scoring + metrics on a RewardBench 2-sized set (1865 prompts x 4 responses, Ties rows
//    included) with the built-in heuristic judge. Baseline, same run, same judge: calling
//    judge.score on every response directly. "vs judge" = harness time / baseline.
// 2. Calibration report (raw + cross-fitted isotonic + h-calibration, 10 bins) on N labelled
//    items. Baseline: ECE alone (src/rewards). "vs ECE" = report / baseline.
// 3. Sandbox probe set: ms per contrast pair (4 verified trajectories + a truncated one, all
//    headless). Baseline: one headless run of a reference solution with its verifier
//    (checkTemplate). "vs one run" = pair / baseline.
//
// Usage: npm run build && node bench/judge-eval.mjs [--reps 5] [--items 10000] [--pairs 12]
import { Rng } from '../dist/core/random.js';
import { heuristicJudge } from '../dist/judges/eval/judges/heuristic.js';
import { scoreItems } from '../dist/judges/eval/score.js';
import { evaluate } from '../dist/judges/eval/evaluate.js';
import { calibrationReport } from '../dist/judges/eval/metrics/calibration.js';
import { expectedCalibrationError } from '../dist/rewards/calibration.js';
import { buildProbeSet } from '../dist/judges/eval/run.js';
import { selectTemplateIds } from '../dist/judges/eval/gui-set.js';
import { checkTemplate } from '../dist/sandbox/headless.js';
import { APPS } from '../dist/sandbox/apps/index.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REPS = arg('reps', 5);
const N = arg('items', 10000);
const PAIRS = arg('pairs', 12);
const rng = new Rng('bench-judge-eval');
const now = () => process.hrtime.bigint();
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
async function best(fn) {
  await fn();
  let b = Infinity;
  for (let i = 0; i < REPS; i++) { const t0 = now(); await fn(); b = Math.min(b, ms(t0)); }
  return b;
}

// 1. RewardBench 2-sized set: 1763 best-of-4 rows + 102 Ties rows (51 ref/tied groups).
const SUBSETS = ['Factuality', 'Precise IF', 'Math', 'Safety', 'Focus'];
const sentence = () => `${rng.int(2, 99)} * ${rng.int(2, 99)} = ${rng.int(4, 9801)} and the answer follows from the steps above.`;
const items = [];
for (let i = 0; i < 1763; i++) items.push({ kind: 'choice', id: `r${i}`, subset: SUBSETS[i % 5], prompt: `question ${i}`, chosen: [sentence()], rejected: [sentence(), sentence(), sentence()] });
for (let g = 0; g < 51; g++) {
  items.push({ kind: 'choice', id: `ref:${g}`, subset: 'Ties', prompt: `tie ${g}`, chosen: [sentence()], rejected: [sentence(), sentence()], ties: { type: 'ref', group: String(g) } });
  items.push({ kind: 'choice', id: `tied:${g}`, subset: 'Ties', prompt: `tie ${g}`, chosen: [sentence(), sentence(), sentence()], rejected: [sentence(), sentence()], ties: { type: 'tied', group: String(g) } });
}
const set = { format: 'rewardbench2', source: 'bench', items, bad: [], skipped: [] };
const judge = heuristicJudge();
const responses = items.flatMap((it) => [...it.chosen, ...it.rejected].map((r) => ({ target: { kind: 'text', prompt: it.prompt, response: r } })));
const direct = await best(() => Promise.all(responses.map((x) => judge.score(x))));
const harness = await best(async () => evaluate(set, await scoreItems(judge, items, { concurrency: 4 }), 'heuristic'));

// 2. Calibration on N labelled items.
const p = Array.from({ length: N }, () => rng.next());
const y = p.map((q) => rng.next() < q * 0.8 + 0.1);
const ece = await best(() => expectedCalibrationError(p, y, 10));
const cal = await best(() => calibrationReport(p, y, { bins: 10, h: 0.1, folds: 5 }));

// 3. Probe set vs one headless reference run.
const templates = selectTemplateIds(undefined);
const t0 = now();
const ps = buildProbeSet(templates, PAIRS, 1);
const perPair = ms(t0) / Math.max(1, ps.pairs.length);
const chat = templates.find((t) => t.id === 'chat.send-text');
const oneRun = await best(() => checkTemplate(chat, APPS, 1));

console.log(JSON.stringify({
  bench: 'judge-eval', reps: REPS,
  rb2: { prompts: items.length, responses: responses.length, directMs: +direct.toFixed(1), harnessMs: +harness.toFixed(1), vsJudge: +(harness / direct).toFixed(2) },
  calibration: { items: N, eceMs: +ece.toFixed(2), reportMs: +cal.toFixed(1), vsEce: +(cal / ece).toFixed(1) },
  probeSet: { pairs: ps.pairs.length, msPerPair: +perPair.toFixed(0), oneRunMs: +oneRun.toFixed(1), vsOneRun: +(perPair / oneRun).toFixed(1) },
}));
