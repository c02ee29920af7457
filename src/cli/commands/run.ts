import type { Command } from 'commander';
import { addModelOptions, modelFlags } from '../../config/flags.js';
import { runSandboxBatch, type BatchOptions } from '../sandbox-batch.js';

/** `stepwise run`: tasks on devices with a policy; trajectories stored. */
export function register(program: Command): void {
  addRunOptions(program
    .command('run')
    .description('run tasks on devices with a policy and store the trajectories'))
    .option('--continue <trajectory-id>', 'continue a run that stopped with needs_reply (with --reply TEXT)')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const summary = await runSandboxBatch(batchOptions(o));
      if (o.json) process.stdout.write(JSON.stringify(summary) + '\n');
    });
}

/** The options of a batch of tasks (shared by run and evolve). */
export function addRunOptions(cmd: Command): Command {
  cmd
    .option('--device <spec>', 'devices: sandbox, sandbox*K, adb:SERIAL, browser:URL (comma-separated for several)', 'sandbox')
    .option('--devices <k>', 'number of parallel devices', '1')
    .option('--policy <name>', 'policy: demo (reference solutions, synthetic), openai (any OpenAI-compatible model) or replay (stored actions)', 'demo')
    .option('--replay <trajectory-id>', 'replay policy: the trajectory to re-execute (default: the newest stored run of the same task id)')
    .option('--tasks <spec>', 'a JSONL task file, or task templates: all, ids, app ids, scenarios or prefix* (comma-separated)', 'all')
    .option('--sample <n>', 'number of task instances to sample', '10')
    .option('--seed <n>', 'sampling and noise seed', '1')
    .option('--noise <p>', 'demo policy: probability of an injected mistake per step', '0')
    .option('--max-steps <n>', 'steps per task before stopping with max_steps', '40')
    .option('--store <dir>', 'trajectory store folder (default .stepwise or $STEPWISE_STORE)')
    .option('--on-info <mode>', 'when the agent asks the user: ask (terminal prompt), auto (--reply or the task reply), return (stop with needs_reply)', 'auto')
    .option('--reply <text>', 'the reply for --on-info auto, or for --continue')
    .option('--json', 'print one JSON summary on stdout')
    .option('--no-progress', 'no progress bar');
  return addModelOptions(cmd);
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
    replay: o.replay as string | undefined,
    onInfo: String(o.onInfo ?? 'auto'),
    reply: o.reply as string | undefined,
    continueId: o.continue as string | undefined,
  };
}
