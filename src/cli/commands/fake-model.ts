import type { Command } from 'commander';
import { StepwiseError } from '../../core/errors.js';
import { loadFakeScript, startFakeOpenAI, type FakeRequest } from '../../agent/fake-openai/index.js';

/** `stepwise fake-model serve`: a scripted OpenAI-compatible endpoint for demos and tests. */
export function register(program: Command): void {
  const fake = program.command('fake-model').description('a fake OpenAI-compatible model server (scripted answers, fault injection)');
  fake
    .command('serve')
    .description('serve /v1/chat/completions, /v1/models and /v1/embeddings from a script until interrupted')
    .requiredOption('--script <file>', 'replies: JSON/YAML list (or {replies, loop}), or an .mjs module exporting a list or a function (request -> reply)')
    .option('--port <n>', 'port (0 = any free port)', '8000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--api-key <key>', 'require this bearer token')
    .option('--model <id...>', 'model ids listed by GET /v1/models', ['fake-model'])
    .option('--log', 'print one line per request to stderr')
    .action(async (opts: { script: string; port: string; host: string; apiKey?: string; model: string[]; log?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StepwiseError('config_error', `--port ${opts.port} is not a port number`, 'use 0-65535');
      const { script, loop } = await loadFakeScript(opts.script);
      const onRequest = opts.log
        ? (r: FakeRequest) => process.stderr.write(`#${r.seq} ${r.model ?? '-'} messages=${r.messages.length} images=${r.images.map((i) => `${i.width}x${i.height}`).join(',') || 0}${r.stream ? ' stream' : ''}\n`)
        : undefined;
      const server = await startFakeOpenAI({ script, port, host: opts.host, apiKey: opts.apiKey, models: opts.model, onRequest });
      process.stdout.write(`fake model listening: ${server.url} (${Array.isArray(script) ? `${script.length} replies` : loop ? 'looping replies' : 'script function'})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
