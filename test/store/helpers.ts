import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];
/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'stepwise-store-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tiny valid PNG-like payload; the store treats blobs as opaque bytes. */
export function bytes(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}
