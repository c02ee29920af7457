import { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import {
  exportJsonl, importGelab, importJsonl, listFilterFrom, openStore, resolveStoreDir, summaryTable, trajectoryText,
  type FilterFlags,
} from '../../store/index.js';

type StoreFlag = { store?: string; json?: boolean };

const out = (s: string) => process.stdout.write(s);
const json = (v: unknown): void => { out(JSON.stringify(v, null, 2) + '\n'); };

function storeOption(c: Command): Command {
  return c.option('--store <dir>', 'store folder (default: $STEPWISE_STORE or ./.stepwise)');
}

function filterOptions(c: Command): Command {
  return c
    .option('--task <id>', 'task id')
    .option('--app <app>', 'app')
    .option('--status <status>', 'running | finished | interrupted')
    .option('--verdict <verdict>', 'latest outcome: success | failure | none')
    .option('--policy <name>', 'policy name')
    .option('--since <time>', 'started at or after: epoch ms, ISO date, or 12h / 7d ago')
    .option('--until <time>', 'started before (same forms as --since)')
    .option('--limit <n>', 'at most n trajectories')
    .option('--offset <n>', 'skip the first n');
}

/** `stepwise traj list|show|export|import`: browse and move recorded trajectories. */
export function register(program: Command): void {
  const traj = program.command('traj').description('list, show, export and import recorded trajectories');

  filterOptions(storeOption(traj.command('list').description('list trajectories, newest first')))
    .option('--json', 'print JSON')
    .action((o: StoreFlag & FilterFlags) => {
      const filter = listFilterFrom({ limit: '50', ...o });
      const store = openStore(resolveStoreDir(o.store), { create: false });
      try {
        const rows = store.listTrajectories(filter);
        if (o.json) json(rows);
        else out(summaryTable(rows));
      } finally {
        store.close();
      }
    });

  storeOption(traj.command('show').description('one trajectory with its steps').argument('<id>', 'trajectory id'))
    .option('--json', 'print JSON (with the outcome history and annotations)')
    .action((id: string, o: StoreFlag) => {
      const store = openStore(resolveStoreDir(o.store), { create: false });
      try {
        const t = store.getTrajectory(id);
        if (o.json) json({ ...t, outcomes: store.getOutcomes(id), annotations: store.getAnnotations(id) });
        else out(trajectoryText(t));
      } finally {
        store.close();
      }
    });

  filterOptions(storeOption(traj.command('export').description('write trajectories.jsonl plus images/ to a folder')))
    .requiredOption('--out <dir>', 'output folder')
    .option('--json', 'print the report as JSON')
    .action(async (o: StoreFlag & FilterFlags & { out: string }) => {
      const filter = listFilterFrom(o);
      const store = openStore(resolveStoreDir(o.store), { create: false });
      try {
        const r = await exportJsonl(store, o.out, filter);
        if (o.json) json(r);
        else out(`exported ${r.trajectories} trajectories, ${r.steps} steps, ${r.files} new image/tree files to ${r.file}\n`);
      } finally {
        store.close();
      }
    });

  storeOption(traj.command('import').description('import a stepwise export or GELab-Zero logs').argument('<file>', 'trajectories.jsonl, or a GELab-Zero .jsonl file / log folder'))
    .option('--format <format>', 'stepwise | gelab', 'stepwise')
    .option('--images <dir...>', 'gelab: extra folders to look for screenshots in')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: StoreFlag & { format: string; images?: string[] }) => {
      if (o.format !== 'stepwise' && o.format !== 'gelab') {
        throw new StepwiseError('config_error', `unknown import format ${JSON.stringify(o.format)}`, 'use --format stepwise or --format gelab');
      }
      const store = openStore(resolveStoreDir(o.store));
      try {
        if (o.format === 'gelab') {
          const r = await importGelab(store, file, { imageDirs: o.images });
          if (o.json) return json(r);
          out(`imported ${r.imported} steps in ${r.trajectories} trajectories (${r.parsed} actions parsed${r.parser ? '' : '; gelab dialect not available, raw output kept'})\n`);
          for (const s of r.skipped) out(`skipped ${s.file}:${s.line}: ${s.reason}\n`);
          for (const w of r.warnings) out(`warning ${w.file}:${w.line}: ${w.reason}\n`);
        } else {
          const r = await importJsonl(store, file);
          if (o.json) return json(r);
          out(`imported ${r.imported} trajectories (${r.steps} steps)\n`);
          for (const s of r.skipped) out(`skipped line ${s.line}${s.id ? ` (${s.id})` : ''}: ${s.reason}\n`);
        }
      } finally {
        store.close();
      }
    });
}
