import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { applyReview, checkRewardMethod, parseChain, parseDecision, reviewQueue, reviewSummary, runCsrs } from '../../csrs/index.js';
import { openStore, resolveStoreDir } from '../../store/index.js';

function num(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new StepwiseError('invalid_input', `--${name} ${v} is out of range`, `use a number from ${min} to ${max}`);
  return n;
}

/** `stepwise csrs`: trajectories -> calibrated verdicts -> seven categories -> datasets; `csrs review`: the human queue. */
export function register(program: Command): void {
  const csrs = program
    .command('csrs')
    .description('turn stored trajectories into training data (Calibrated Step Reward System, docs/CSRS.md)')
    .option('--store <dir>', 'trajectory store (default .stepwise or $STEPWISE_STORE)')
    .option('--out <dir>', 'output folder (resumable: re-runs add only new trajectories)')
    .option('--engine <name>', 'extraction engine: grounded', 'grounded')
    .option('--chain <list>', 'verdict sources in order: human,verifier,script,rules,judge', 'human,verifier,script,rules,judge')
    .option('--verifier-script <cmd>', 'shell command: trajectory JSON on stdin -> {"verdict","confidence","reason"} on stdout')
    .option('--judge-base-url <url>', 'OpenAI-compatible endpoint of the LLM judge (enables the judge)')
    .option('--judge-model <name>', 'judge model', 'judge')
    .option('--judge-api-key <key>', 'judge API key (default $OPENAI_API_KEY)')
    .option('--judge-samples <k>', 'judge votes per trajectory', '1')
    .option('--judge-always', 'call the judge even when another source is already sure')
    .option('--review-below <p>', 'queue for human review below this confidence', '0.7')
    .option('--no-intent-from-failures', 'failures feed categories 1-5 only')
    .option('--keep-wasted', 'baseline: wasted steps of successes also feed action prediction')
    .option('--reward <method>', 'step rewards: outcome, gated, pure-min-form, spa, grpo', 'outcome')
    .option('--limit <n>', 'at most this many trajectories')
    .option('--json', 'print one JSON summary on stdout')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      if (!o.out) throw new StepwiseError('invalid_input', 'csrs needs --out DIR', 'e.g. stepwise csrs --store .stepwise --out dataset');
      const store = openStore(resolveStoreDir(o.store as string | undefined), { create: false });
      try {
        const summary = await runCsrs({
          store,
          out: String(o.out),
          engine: String(o.engine),
          chain: parseChain(String(o.chain)),
          script: o.verifierScript as string | undefined,
          judge: o.judgeBaseUrl ? {
            baseURL: String(o.judgeBaseUrl), model: String(o.judgeModel), apiKey: String(o.judgeApiKey ?? process.env.OPENAI_API_KEY ?? 'none'),
            samples: num('judge-samples', o.judgeSamples as string, 1, 32),
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
