// Static benchmark harness cost (run after `npm run build`):
//   node bench/bench-static.mjs [--store DIR] [--steps 3146] [--rounds 3]
// Scores AndroidDaily's size (3,146 steps, cycling the built-in sandbox set; it is built into
// the store on first use) with the replay policy end to end, three ways, rounds interleaved:
//   score only    scoreStep on rows already in memory (the baseline)
//   load + score  runStatic with replay: read each screenshot, build the policy context, score
//   full          runStatic with a replay policy that also prepares the image for a model
//                 (gelab resize profile) and builds the gelab prompt, as the openai policy does
// Prints one JSON line: seconds (best round) and ms per step of each, and ratios vs the baseline.
import { parseArgs } from 'node:util';
import { ensureBuiltinSet } from '../dist/benchmarks/builtin.js';
import { readStaticSet } from '../dist/benchmarks/static-format.js';
import { runStatic } from '../dist/benchmarks/static-eval.js';
import { StaticReplayPolicy } from '../dist/benchmarks/static-policies.js';
import { scoreStep } from '../dist/benchmarks/scoring.js';
import { buildMessages, getProfile, prepareImage } from '../dist/agent/openai/index.js';
import { getDialect } from '../dist/formats/index.js';
import { resolveStoreDir } from '../dist/store/index.js';

const { values: a } = parseArgs({ options: { store: { type: 'string' }, steps: { type: 'string', default: '3146' }, rounds: { type: 'string', default: '3' } } });
const STEPS = Number(a.steps);
const ROUNDS = Number(a.rounds);

const built = await ensureBuiltinSet({ storeDir: resolveStoreDir(a.store), onTask: (d, t) => { if (d % 20 === 0) process.stderr.write(`building the built-in set: ${d}/${t}\n`); } });
const base = readStaticSet(built.path);
// Cycle the set to STEPS rows with unique ids (the replay policy looks steps up by id).
const rows = Array.from({ length: STEPS }, (_, i) => {
  const r = base.rows[i % base.rows.length];
  return { ...r, id: `${r.id}#${Math.floor(i / base.rows.length)}` };
});
const set = { ...base, rows };

const replay = new StaticReplayPolicy(rows);
const dialect = getDialect('gelab');
const profile = getProfile('gelab');
/** Replay, after doing what a model policy does before its request. */
const prompting = {
  name: 'replay+prompt',
  describe: () => ({}),
  async decide(ctx) {
    const img = await prepareImage(ctx.observation.image, profile);
    const messages = buildMessages(dialect, { instruction: ctx.task.instruction, history: ctx.history, image: { dataUrl: img.dataUrl, width: 1000, height: 1000 }, platform: 'phone', userReplies: [], hints: [], historyImages: 1, pastImages: [] });
    if (!messages.length) throw new Error('no prompt');
    return replay.decide(ctx);
  },
};

const best = { score: Infinity, load: Infinity, full: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  let exact = 0;
  for (const r of rows) if (scoreStep(r.gt, r).exact_ok) exact++;
  best.score = Math.min(best.score, (performance.now() - t) / 1000);
  if (exact !== STEPS) throw new Error(`replay scored ${exact}/${STEPS}`);

  t = performance.now();
  const load = await runStatic(set, replay);
  best.load = Math.min(best.load, (performance.now() - t) / 1000);
  t = performance.now();
  const full = await runStatic(set, prompting);
  best.full = Math.min(best.full, (performance.now() - t) / 1000);
  if (load.avg !== 1 || full.avg !== 1) throw new Error(`replay must score 100%: ${load.avg}, ${full.avg}`);
  process.stderr.write(`round ${round + 1}: score ${best.score.toFixed(3)} s, load+score ${best.load.toFixed(2)} s, full ${best.full.toFixed(2)} s\n`);
}
const ms = (s) => Number(((1000 * s) / STEPS).toFixed(4));
console.log(JSON.stringify({
  bench: 'static', steps: STEPS, set_steps: base.rows.length, rounds: ROUNDS, avg: 1,
  seconds: { score_only: Number(best.score.toFixed(4)), load_score: Number(best.load.toFixed(3)), full: Number(best.full.toFixed(3)) },
  ms_per_step: { score_only: ms(best.score), load_score: ms(best.load), full: ms(best.full) },
  overhead_ms_per_step: { load_vs_score: ms(best.load - best.score), full_vs_score: ms(best.full - best.score), prompt_vs_load: ms(best.full - best.load) },
  ratio_vs_score_only: { load_score: Number((best.load / best.score).toFixed(1)), full: Number((best.full / best.score).toFixed(1)) },
}));
