import type { Command } from 'commander';
import { ACTIONS, ACTION_TYPES, describeAction, PLATFORMS } from '../../core/actions.js';

/** `stepwise actions`: the action space, generated from the registry. */
export function register(program: Command): void {
  program
    .command('actions')
    .description('list the action space (generated from the action registry)')
    .option('--json', 'print JSON (name, description, platforms)')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        const rows = ACTION_TYPES.map((t) => ({ type: t, signature: describeAction(t), description: ACTIONS[t].description, platforms: ACTIONS[t].platforms }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const width = Math.max(...ACTION_TYPES.map((t) => describeAction(t).length));
      for (const t of ACTION_TYPES) {
        const plat = PLATFORMS.filter((p) => ACTIONS[t].platforms.includes(p)).join(',');
        process.stdout.write(`${describeAction(t).padEnd(width)}  [${plat}]  ${ACTIONS[t].description}\n`);
      }
    });
}
