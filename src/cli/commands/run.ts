import type { Command } from 'commander';
import { addModelOptions, modelFlags } from '../../config/flags.js';
import { runSandboxBatch, type BatchOptions } from '../sandbox-batch.js';

/** `stepwise run`: tasks on devices with a policy; trajectories stored. */
export function register(program: Command): void {
  const cmd = program
    .command('run')
    .description('run tasks on devices with a policy and store the trajectories')
    .option('--device <spec>', 'device: sandbox (sandbox*K for K phones)', 'sandbox')
    .option('--devices <k>', 'number of parallel devices', '1')
    .option('--policy <name>', 'policy: demo (reference solutions, synthetic) or openai (any OpenAI-compatible model)', 'demo')
    .option('--tasks <spec>', 'task templates: all, ids, app ids, scenarios or prefix* (comma-separated)', 'all')
    .option('--sample <n>', 'number of task instances to sample', '10')
    .option('--seed <n>', 'sampling and noise seed', '1')
    .option('--noise <p>', 'demo policy: probability of an injected mistake per step', '0')
    .option('--max-steps <n>', 'steps per task before stopping with max_steps', '40')
    .option('--store <dir>', 'trajectory store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--json', 'print one JSON summary on stdout')
    .option('--no-progress', 'no progress bar');
  addModelOptions(cmd).action(async (o: Record<string, string | boolean | undefined>) => {
      const summary = await runSandboxBatch(batchOptions(o));
      if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
    });
}

export function batchOptions(o: Record<string, string | boolean | undefined>): BatchOptions {
  return {
    device: String(o.device),
    devices: Number(o.devices),
    policy: String(o.policy),
    tasks: String(o.tasks),
    sample: Number(o.sample),
    seed: Number(o.seed),
    noise: Number(o.noise),
    maxSteps: Number(o.maxSteps),
    store: o.store as string | undefined,
    progress: o.progress !== false,
    report: !o.json,
    model: modelFlags(o),
  };
}
