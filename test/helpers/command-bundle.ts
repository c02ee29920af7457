/**
 * One CLI command file bundled with esbuild into a tiny program (as src/cli/main.ts would
 * register it) and run as a child process: CLI tests of a command without building dist/.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export interface RunResult { code: number | null; stdout: string; stderr: string }

export interface BundledCommand {
  dir: string;
  program: string;
  /** Runs the program with args; the model endpoint variables of the caller's shell are removed. */
  run(args: string[], o?: { stdin?: string; cwd?: string }): Promise<RunResult>;
  cleanup(): void;
}

export async function bundleCommand(command: string): Promise<BundledCommand> {
  const dir = mkdtempSync(join(tmpdir(), `stepwise-${command}-cli-`));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `
import { Command } from 'commander';
import { register } from ${JSON.stringify(resolve(`src/cli/commands/${command}.ts`))};
const program = new Command('stepwise');
register(program);
program.parseAsync(process.argv).catch((e) => { process.stderr.write(String(e.message) + '\\n'); process.exit(2); });
`);
  const program = join(dir, 'cli.cjs');
  // Native packages stay outside the bundle (found through NODE_PATH); import.meta.url is the bundle's own.
  const banner = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: program, banner: { js: banner }, define: { 'import.meta.url': '__importMetaUrl' },
    external: ['sharp', 'better-sqlite3', 'playwright-core'], nodePaths: [resolve('node_modules')], logLevel: 'silent', absWorkingDir: resolve('.'),
  });
  const run = (args: string[], o: { stdin?: string; cwd?: string } = {}) => new Promise<RunResult>((res, rej) => {
    const env = { ...process.env, NODE_PATH: resolve('node_modules') };
    for (const k of ['STEPWISE_CONFIG', 'STEPWISE_PROVIDER', 'STEPWISE_BASE_URL', 'STEPWISE_MODEL']) delete env[k];
    const p = spawn(process.execPath, [program, ...args], { cwd: o.cwd ?? resolve('.'), env });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', rej);
    p.on('close', (code) => res({ code, stdout, stderr }));
    p.stdin.end(o.stdin ?? '');
  });
  return { dir, program, run, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
