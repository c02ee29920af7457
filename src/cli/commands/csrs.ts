import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseVerifierFile, synthesizedVerifierSource } from '../../verifiers/index.js';
import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { applyReview, checkRewardMethod, parseChain, parseDecision, reviewQueue, reviewSummary, runCsrs } from '../../csrs/index.js';
import { goldCalibration, loadCalibrator, saveCalibrator } from '../../csrs/calibrate/gold-run.js';
import type { JudgeSettings } from '../../csrs/calibrate/judge.js';
import { progressBar, type Progress } from '../progress.js';
import { openStore, resolveStoreDir } from '../../store/index.js';

function num(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new StepwiseError('invalid_input', `--${name} ${v} is out of range`, `use a number from ${min} to ${max}`);
  return n;
}

type Opts = Record<string, string | boolean | undefined>;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read ${file}: ${(e as Error).message}`, 'pass a verifier file written by stepwise verifier synth --out FILE');
  }
}

function judgeSettings(o: Opts): JudgeSettings | undefined {
  if (!o.judgeBaseUrl) return undefined;
  return {
    baseURL: String(o.judgeBaseUrl), model: String(o.judgeModel), apiKey: String(o.judgeApiKey ?? process.env.OPENAI_API_KEY ?? 'none'),
    samples: num('judge-samples', o.judgeSamples as string, 1, 32),
  };
}

function judgeOptions(c: Command): Command {
  return c
    .option('--judge-base-url <url>', 'OpenAI-compatible endpoint of the LLM judge (enables the judge)')
    .option('--judge-model <name>', 'judge model', 'judge')
    .option('--judge-api-key <key>', 'judge API key (default $OPENAI_API_KEY)')
    .option('--judge-samples <k>', 'judge votes per trajectory', '1');
}

/** `stepwise csrs`: trajectories -> calibrated verdicts -> seven categories -> datasets; `csrs review`: the human queue. */
export function register(program: Command): void {
  const csrs = judgeOptions(program
    .command('csrs'))
    .description('turn stored trajectories into training data (Calibrated Step Reward System, docs/CSRS.md)')
    .option('--store <dir>', 'trajectory store (default .stepwise or $STEPWISE_STORE)')
    .option('--out <dir>', 'output folder (resumable: re-runs add only new trajectories)')
    .option('--engine <name>', 'extraction engine: grounded (no model) or llm', 'grounded')
    .option('--llm-base-url <url>', 'OpenAI-compatible endpoint of the llm engine\'s model')
    .option('--llm-model <name>', 'llm engine model', 'csrs')
    .option('--llm-api-key <key>', 'llm engine API key (default $OPENAI_API_KEY)')
    .option('--llm-concurrency <n>', 'steps in flight at once (llm engine)', '4')
    .option('--chain <list>', 'verdict sources in order: human,verifier,synth,script,rules,judge', 'human,verifier,synth,script,rules,judge')
    .option('--verifier-file <file...>', 'synthesized verifiers (stepwise verifier synth --out FILE) as the `synth` verdict source')
    .option('--verifier-script <cmd>', 'shell command: trajectory JSON on stdin -> {"verdict","confidence","reason"} on stdout')
    .option('--judge-calibrator <file>', 'apply a calibrator made by `stepwise csrs gold --save FILE` to the judge\'s confidence')
    .option('--judge-always', 'call the judge even when another source is already sure')
    .option('--review-below <p>', 'queue for human review below this confidence', '0.7')
    .option('--no-intent-from-failures', 'failures feed categories 1-5 only')
    .option('--keep-wasted', 'baseline: wasted steps of successes also feed action prediction')
    .option('--reward <method>', 'step rewards: outcome, gated, pure-min-form, spa, grpo', 'outcome')
    .option('--limit <n>', 'at most this many trajectories')
    .option('--json', 'print one JSON summary on stdout')
    .action(async (o: Opts) => {
      if (!o.out) throw new StepwiseError('invalid_input', 'csrs needs --out DIR', 'e.g. stepwise csrs --store .stepwise --out dataset');
      const store = openStore(resolveStoreDir(o.store as string | undefined), { create: false });
      try {
        const summary = await runCsrs({
          store,
          out: String(o.out),
          engine: String(o.engine),
          chain: parseChain(String(o.chain)),
          script: o.verifierScript as string | undefined,
          synthesized: ((o.verifierFile ?? []) as unknown as string[]).map((f) => synthesizedVerifierSource(parseVerifierFile(readText(f), f), { loadBlob: (sha) => store.getBlob(sha) })),
          judge: judgeSettings(o),
          judgeCalibrator: o.judgeCalibrator ? loadCalibrator(String(o.judgeCalibrator)).calibrator : undefined,
          llm: o.llmBaseUrl ? {
            baseURL: String(o.llmBaseUrl), model: String(o.llmModel), apiKey: String(o.llmApiKey ?? process.env.OPENAI_API_KEY ?? 'none'),
            concurrency: num('llm-concurrency', o.llmConcurrency as string, 1, 64),
          } : undefined,
          judgeWhen: o.judgeAlways ? 'always' : 'fallback',
          reviewBelow: num('review-below', o.reviewBelow as string, 0, 1),
          intentFromFailures: o.intentFromFailures !== false,
          filterWaste: !o.keepWasted,
          rewardMethod: checkRewardMethod(String(o.reward)),
          limit: num('limit', o.limit as string | undefined, 1, 1e9),
        });
        if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else process.stderr.write(`${summary.trajectories} trajectories (${summary.successes} ok, ${summary.failures} failed) -> ${Object.values(summary.samples_by_category).reduce((a, b) => a + b, 0)} samples in ${summary.out}; ${summary.review_queued} queued for review\n`);
      } finally {
        store.close();
      }
    });
  // The judge options are csrs's own (commander reads a parent's options after the subcommand too).
  csrs
    .command('gold')
    .description('calibrate the LLM judge (--judge-base-url, --judge-model, ...) on trajectories with a gold verdict (human or verifier): accuracy, ECE, Brier before/after, annotation accuracy with CI')
    .option('--store <dir>', 'trajectory store')
    .option('--save <file>', 'write the calibrator here (use it with stepwise csrs --judge-calibrator FILE)')
    .option('--limit <n>', 'judge at most this many trajectories')
    .option('--json', 'print the report as JSON')
    .action(async (own: Opts) => {
      const o = { ...csrs.opts(), ...own } as Opts;
      const judge = judgeSettings(o);
      if (!judge) throw new StepwiseError('invalid_input', 'csrs gold needs a judge', 'pass --judge-base-url URL (any OpenAI-compatible server) and --judge-model NAME');
      const store = openStore(resolveStoreDir((o.store as string | undefined) ?? (csrs.opts().store as string | undefined)), { create: false });
      let bar: Progress | undefined;
      try {
        const run = await goldCalibration(store, judge, { limit: num('limit', o.limit as string | undefined, 1, 1e9), onProgress: (_d, n) => (bar ??= progressBar(n, 'judging', !o.json)).tick() });
        if (o.save) saveCalibrator(String(o.save), judge.model, run);
        const r = run.report;
        if (o.json) process.stdout.write(JSON.stringify({ ...r, calibrator: undefined, judged: run.judged, tokens: run.tokens, errors: run.errors }) + '\n');
        else {
          const f = (s: { accuracy: number; ece: number; brier: number }) => `accuracy ${s.accuracy.toFixed(3)}  ECE ${s.ece.toFixed(3)}  Brier ${s.brier.toFixed(3)}`;
          process.stdout.write(`judged ${run.judged} trajectories (${r.gold} with gold), ${run.tokens} tokens\nbefore: ${f(r.before)}\nafter:  ${f(r.after)}\n` +
            `estimated annotation accuracy ${r.annotationAccuracy.estimate.toFixed(3)} [${r.annotationAccuracy.ci.map((x) => x.toFixed(3)).join(', ')}] at ${r.annotationAccuracy.level}\n` +
            (o.save ? `calibrator saved to ${o.save}\n` : '') + (run.errors.length ? `${run.errors.length} judge error(s), first: ${run.errors[0]}\n` : ''));
        }
      } finally {
        bar?.stop();
        store.close();
      }
    });
  csrs
    .command('review')
    .description('review queued trajectories: shows each one, reads approve / reject / skip from stdin')
    .option('--store <dir>', 'trajectory store')
    .option('--reviewer <name>', 'who reviews', process.env.USER ?? 'human')
    .action(async (o: { store?: string; reviewer: string }) => {
      const store = openStore(resolveStoreDir(o.store ?? (csrs.opts().store as string | undefined)), { create: false });
      const rl = createInterface({ input: process.stdin });
      const lines = rl[Symbol.asyncIterator]();
      let done = 0;
      try {
        for (const id of reviewQueue(store)) {
          process.stdout.write(reviewSummary(store, store.getTrajectory(id)) + 'approve / reject / skip? ');
          const next = await lines.next();
          if (next.done) break;
          const d = parseDecision(String(next.value));
          process.stdout.write('\n');
          if (d === 'skip') continue;
          applyReview(store, id, d, o.reviewer);
          done++;
        }
        process.stdout.write(`${done} review(s) recorded\n`);
      } finally {
        rl.close();
        store.close();
      }
    });
}
