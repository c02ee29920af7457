import { join } from 'node:path';
import type { Command } from 'commander';
import { runCsrs, type CsrsSummary } from '../../csrs/index.js';
import { openStore } from '../../store/index.js';
import { runSandboxBatch } from '../sandbox-batch.js';

/**
 * `stepwise demo`: the main job on a fresh machine, no phone and no model needed: a batch of
 * sandbox tasks on parallel sandbox phones with the (synthetic) demo policy and some injected
 * mistakes, trajectories stored with verifier verdicts, then CSRS (grounded engine) turns them
 * into the seven categories of training data on disk, and a summary of both is printed.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('run sandbox tasks on parallel sandbox phones with the demo policy, then CSRS into a dataset (no model needed)')
    .option('--sample <n>', 'task instances', '24')
    .option('--devices <k>', 'parallel sandbox phones', '3')
    .option('--noise <p>', 'probability of an injected mistake per step', '0.15')
    .option('--seed <n>', 'seed', '1')
    .option('--store <dir>', 'trajectory store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--dataset <dir>', 'CSRS output folder (default: csrs-dataset inside the store folder)')
    .option('--no-csrs', 'only run the tasks')
    .option('--json', 'print one JSON summary on stdout')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      process.stderr.write('stepwise demo: sandbox phones + demo policy (synthetic: follows reference solutions, with injected mistakes)\n');
      const summary = await runSandboxBatch({
        device: 'sandbox', devices: Number(o.devices), policy: 'demo', tasks: 'all', sample: Number(o.sample), seed: Number(o.seed),
        noise: Number(o.noise), maxSteps: 40, store: o.store as string | undefined, progress: true, report: !o.json,
      });
      let csrs: CsrsSummary | undefined;
      if (o.csrs !== false) {
        const store = openStore(summary.store);
        try {
          csrs = await runCsrs({ store, out: String(o.dataset ?? join(summary.store, 'csrs-dataset')) });
        } finally {
          store.close();
        }
        if (!o.json) process.stderr.write(csrsReport(csrs));
      }
      if (o.json) process.stdout.write(JSON.stringify({ ...summary, ...(csrs ? { csrs } : {}) }) + '\n');
    });
}

function csrsReport(s: CsrsSummary): string {
  const total = Object.values(s.samples_by_category).reduce((a, b) => a + b, 0);
  const width = Math.max(...Object.values(s.samples_by_category), 1);
  const rows = Object.entries(s.samples_by_category).map(([c, n]) => `  ${c.padEnd(20)} ${String(n).padStart(5)} ${'█'.repeat(Math.round((24 * n) / width))}`);
  return [
    '',
    `CSRS (grounded, no model): ${s.trajectories} trajectories (${s.successes} success, ${s.failures} failure) -> ${total} samples`,
    ...rows,
    `  wasted steps kept out of action data: ${s.wasted_steps}; action samples from failures: ${s.action_samples_from_failures}; DPO pairs: ${s.pairs}; queued for review: ${s.review_queued}`,
    `  dataset: ${s.out} (card.md, samples.jsonl, data/{sharegpt,swift,openai,gelab}.jsonl, dpo.jsonl, prm.jsonl, rewards.jsonl)`,
    '',
  ].join('\n');
}
