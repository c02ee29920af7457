import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { describeMethods, runMethod } from '../../rewards/registry/index.js';
import { startRewardServer } from '../../rewards/server/server.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(error: string, field?: string): void {
  process.stdout.write(JSON.stringify({ ok: false, error, field }) + '\n');
  process.exitCode = 2;
}

/** `stepwise reward`: list methods, run one on a JSON object from stdin, or serve them over HTTP. */
export function register(program: Command): void {
  program
    .command('reward')
    .description('reward methods: --list, `reward <method>` (JSON on stdin -> JSON on stdout), or `reward serve --port P`')
    .argument('[method]', 'method name (see --list), or "serve" to start the reward server')
    .option('--list', 'list the methods with their input schemas')
    .option('--json', 'with --list: machine-readable JSON')
    .option('--port <port>', 'serve: port (0 = any free port)', '8787')
    .option('--host <host>', 'serve: address to bind', '127.0.0.1')
    .option('--dialect <name>', 'serve: model dialect for /get_reward outputs that are not JSON actions (e.g. gelab)')
    .option('--max-body <bytes>', 'serve: largest request body in bytes', String(32 * 1024 * 1024))
    .action(async (method: string | undefined, opts: { list?: boolean; json?: boolean; port: string; host: string; dialect?: string; maxBody: string }) => {
      if (opts.list || !method) {
        const methods = describeMethods();
        if (opts.json) {
          process.stdout.write(JSON.stringify(methods, null, 2) + '\n');
          return;
        }
        const text = methods.map((m) => `${m.name}  [${m.tag}] ${m.citation}\n  ${m.description}\n  input: ${JSON.stringify((m.input as { properties?: unknown }).properties ?? m.input)}\n`);
        process.stdout.write(text.join('\n'));
        return;
      }
      if (method === 'serve') {
        const port = Number(opts.port), maxBody = Number(opts.maxBody);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StepwiseError('config_error', `--port ${opts.port} is not a port number`, 'use 0-65535');
        if (!Number.isInteger(maxBody) || maxBody < 1) throw new StepwiseError('config_error', `--max-body ${opts.maxBody} is not a byte count`, 'use a positive integer');
        const s = await startRewardServer({ port, host: opts.host, dialect: opts.dialect, maxBodyBytes: maxBody, onError: (e) => process.stderr.write(`reward server: ${String(e)}\n`) });
        process.stderr.write(`stepwise reward server listening on ${s.url}\n`);
        const stop = () => void s.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(await readStdin());
      } catch (e) {
        fail(`stdin is not one JSON object: ${(e as Error).message}`, '(stdin)');
        return;
      }
      try {
        process.stdout.write(JSON.stringify({ ok: true, method, result: runMethod(method, input) }) + '\n');
      } catch (e) {
        if (!(e instanceof StepwiseError)) throw e;
        fail(e.message, (e.details as { field?: string }).field);
      }
    });
}
