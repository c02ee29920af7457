import type { Command } from 'commander';
import { PLATFORMS, type Platform } from '../../core/actions.js';
import { DIALECT_NAMES, parseReport } from '../../formats/index.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `stepwise parse`: one raw model output on stdin -> one JSON object on stdout (exit 2 when it does not parse). */
export function register(program: Command): void {
  program
    .command('parse')
    .description('parse one raw model output (stdin) into a canonical action (JSON on stdout)')
    .requiredOption('--dialect <name>', `output dialect: ${DIALECT_NAMES.join(', ')}`)
    .option('--image-size <WxH>', 'size of the image the model saw (required by pixel dialects: uitars-1.5, qwen)')
    .option('--platform <platform>', `platform of the step: ${PLATFORMS.join(', ')} (default phone)`)
    .action(async (opts: { dialect: string; imageSize?: string; platform?: string }) => {
      const raw = await readStdin();
      const platform = opts.platform && (PLATFORMS as readonly string[]).includes(opts.platform) ? (opts.platform as Platform) : undefined;
      const report = opts.platform && !platform
        ? { ok: false as const, error: `unknown platform ${JSON.stringify(opts.platform)} (use one of: ${PLATFORMS.join(', ')})` }
        : parseReport(opts.dialect, raw, { imageSize: opts.imageSize, platform });
      process.stdout.write(JSON.stringify(report) + '\n');
      if (!report.ok) process.exitCode = 2;
    });
}
