import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { parseListen } from '../../mcp/http.js';
import { openStore, resolveStoreDir } from '../../store/index.js';
import { startStudio } from '../../studio/server.js';
import { contactSheet, trajectoryGif } from '../../studio/share.js';

const split = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** `stepwise studio`: browse, review and share trajectories in the browser; export GIFs and contact sheets. */
export function register(program: Command): void {
  const studio = program.command('studio').description('browse, review and share trajectories in the browser (localhost)');

  studio.command('serve', { isDefault: true }).description('serve the Studio UI and API (default)')
    .option('--store <dir>', 'store folder (default: $STEPWISE_STORE or ./.stepwise)')
    .option('--listen <[host:]port>', 'address to serve on (default host 127.0.0.1)', '127.0.0.1:7860')
    .option('--token <secret>', 'token (or $STEPWISE_STUDIO_TOKEN); required to bind beyond localhost')
    .option('--csrs <dir>', 'a `stepwise csrs --out` folder: show its step data and rewards in the viewer')
    .option('--reviewer <name>', 'default reviewer name written with decisions', process.env.USER || 'human')
    .option('--allow-host <names>', 'extra Host header names to accept, comma-separated')
    .option('--allow-origin <origins>', 'extra browser Origins to accept, comma-separated')
    .action(async (o: Record<string, string | undefined>) => {
      let listen: { host: string; port: number };
      try { listen = parseListen(String(o.listen)); } catch {
        throw new StepwiseError('config_error', `--listen ${o.listen} is not [host:]port`, 'e.g. --listen 7860 or --listen 127.0.0.1:7860');
      }
      const { host, port } = listen;
      const token = o.token ?? process.env.STEPWISE_STUDIO_TOKEN;
      const s = await startStudio({
        store: resolveStoreDir(o.store), host, port, token, csrs: o.csrs, reviewer: o.reviewer,
        allowedHosts: split(o.allowHost), allowedOrigins: split(o.allowOrigin),
      });
      process.stderr.write(`stepwise studio: ${s.url}${token ? '?token=<your token>' : ''} (store ${resolveStoreDir(o.store)}; Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
      await s.close();
    });

  const exporter = (name: string, what: string, make: (store: ReturnType<typeof openStore>, id: string) => Promise<Buffer>) =>
    studio.command(name).description(`write a trajectory as ${what}, with the actions drawn`)
      .argument('<id>', 'trajectory id').argument('<out>', 'output file')
      .option('--store <dir>', 'store folder (default: $STEPWISE_STORE or ./.stepwise)')
      .action(async (id: string, out: string, o: { store?: string }) => {
        const store = openStore(resolveStoreDir(o.store), { create: false, recoverInterrupted: false });
        try {
          const bytes = await make(store, id);
          writeFileSync(out, bytes);
          process.stdout.write(`${out} (${(bytes.length / 1024).toFixed(0)} KiB)\n`);
        } finally {
          store.close();
        }
      });
  exporter('export-gif', 'an animated GIF', trajectoryGif);
  exporter('export-sheet', 'a contact-sheet PNG', contactSheet);
}
