/**
 * The README's commands go through `npx stepwise`, which runs dist/cli/main.js as a program:
 * the build must leave it executable (tsc does not), or a fresh clone gets "Permission denied".
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('front door', () => {
  it('npx stepwise runs the built CLI', async () => {
    expect(() => accessSync(join(root, 'dist', 'cli', 'main.js'), constants.X_OK)).not.toThrow();
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'stepwise', '--version'], { cwd: root, encoding: 'utf8' });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);
});
