/**
 * Every test's temporary files (stores, phones' profiles, datasets: ~1 GB per run) go under one
 * folder per run, removed when the run ends. STEPWISE_KEEP_TEST_TMP=1 keeps it to look inside.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-test-'));
  // Read by os.tmpdir() in the test processes (forked after this) and by what they spawn.
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.STEPWISE_KEEP_TEST_TMP === '1') console.log(`test files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
