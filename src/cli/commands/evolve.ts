import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runCsrs } from '../../csrs/index.js';
import { evolve } from '../../csrs/evolve.js';
import { openStore, resolveStoreDir } from '../../store/index.js';
import { runSandboxBatch } from '../sandbox-batch.js';
import { addRunOptions, batchOptions } from './run.js';

/** `stepwise evolve`: rounds of rollout -> CSRS -> train (your command) -> serve (your command). */
export function register(program: Command): void {
  addRunOptions(program
    .command('evolve')
    .description('rounds of rollout -> CSRS -> train -> serve; resumable; success per round in evolve.md/html (docs/CSRS.md)'))
    .option('--rounds <n>', 'rounds', '3')
    .option('--workdir <dir>', 'state, cumulative dataset and reports', 'evolve')
    .option('--train-cmd <cmd>', 'shell command that trains on $STEPWISE_DATASET and writes $STEPWISE_CHECKPOINT')
    .option('--serve-cmd <cmd>', 'shell command that serves the new checkpoint at the policy\'s --base-url and returns when it is ready')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const base = batchOptions(o);
      const store = resolveStoreDir(base.store);
      const workdir = resolve(String(o.workdir));
      const state = await evolve({
        workdir,
        rounds: Number(o.rounds),
        trainCmd: o.trainCmd as string | undefined,
        serveCmd: o.serveCmd as string | undefined,
        env: { STEPWISE_STORE: store },
        log: (l) => process.stderr.write(`stepwise evolve: ${l}\n`),
        rollout: async (round) => {
          const s = await runSandboxBatch({ ...base, store, report: false, meta: { round } });
          return { run: 'run' in s ? s.run : s.continued, tasks: s.runs.length, success_rate: s.success_rate };
        },
        csrs: async (_round, dataset) => {
          const st = openStore(store);
          try { return await runCsrs({ store: st, out: dataset }); } finally { st.close(); }
        },
      });
      if (o.json) process.stdout.write(JSON.stringify({ workdir, ...state }) + '\n');
      else process.stderr.write(state.rounds.map((r) => `round ${r.round}: success ${r.success_rate?.toFixed(3) ?? '-'} on ${r.tasks ?? '-'} tasks, ${r.samples ?? '-'} samples\n`).join('') + `report: ${workdir}/evolve.md\n`);
    });
}
