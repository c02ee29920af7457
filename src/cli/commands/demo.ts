import type { Command } from 'commander';
import { runSandboxBatch } from '../sandbox-batch.js';

/**
 * `stepwise demo`: the main job on a fresh machine, no phone and no model needed: a batch of
 * sandbox tasks on parallel sandbox phones with the (synthetic) demo policy and some injected
 * mistakes, trajectories stored, a success summary by scenario.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('run a batch of sandbox tasks on parallel sandbox phones with the demo policy (no model needed)')
    .option('--sample <n>', 'task instances', '24')
    .option('--devices <k>', 'parallel sandbox phones', '3')
    .option('--noise <p>', 'probability of an injected mistake per step', '0.15')
    .option('--seed <n>', 'seed', '1')
    .option('--store <dir>', 'trajectory store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--json', 'print one JSON summary on stdout')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      process.stderr.write('stepwise demo: sandbox phones + demo policy (synthetic: follows reference solutions, with injected mistakes)\n');
      const summary = await runSandboxBatch({
        device: 'sandbox', devices: Number(o.devices), policy: 'demo', tasks: 'all', sample: Number(o.sample), seed: Number(o.seed),
        noise: Number(o.noise), maxSteps: 40, store: o.store as string | undefined, progress: true, report: !o.json,
      });
      if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
    });
}
