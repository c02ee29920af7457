#!/usr/bin/env node
/**
 * The `stepwise` command. Thin: each file in ./commands exports `register(program)` and
 * holds no logic beyond flag parsing; commands are discovered, so adding one touches no
 * shared file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { isStepwiseError } from '../core/errors.js';
import { VERSION } from './version.js';

export type Register = (program: Command) => void;

async function main(argv: string[]): Promise<void> {
  const program = new Command('stepwise')
    .description('GUI agents on phones, web pages and the built-in sandbox phone: run, record, reward, evaluate.')
    .version(VERSION)
    .showHelpAfterError();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: Register };
    mod.register?.(program);
  }
  await program.parseAsync(argv);
}

main(process.argv).catch((e: unknown) => {
  if (isStepwiseError(e)) {
    process.stderr.write(`stepwise: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`stepwise: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
