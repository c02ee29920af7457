/**
 * Crash safety: a child process appends steps in a loop and prints each index after its
 * commit; we kill -9 it mid-way and check that the reopened store is sound and holds every
 * reported step, and that the dead writer's trajectory is marked interrupted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
// Inside the repo so the bundle resolves better-sqlite3 from node_modules.
const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'stepwise-store-test');
const CHILD = join(BUILD_DIR, 'crash-child.mjs');

const CHILD_SOURCE = `
import { randomBytes } from 'node:crypto';
import { openStore } from ${JSON.stringify(join(ROOT, 'src/store/store.ts'))};
const store = openStore(process.argv[2]);
const max = Number(process.argv[3] ?? Infinity);
const t = store.createTrajectory({ task: { instruction: 'crash me' } });
process.stdout.write('traj ' + t.id + '\\n');
for (let i = 0; i < max; i++) {
  // 64-256 KB random images: big enough that a kill often lands inside a blob write.
  const image = store.putBlob(randomBytes(65536 * (1 + (i % 4))));
  store.appendStep(t.id, { index: i, observation: { frameId: 'f' + i, image, format: 'png', width: 1080, height: 2400 }, action: { type: 'wait', seconds: 1 }, result: { ok: true }, startedAt: Date.now(), durationMs: 1 });
  process.stdout.write('step ' + i + '\\n');
}
store.finishTrajectory(t.id, { stopReason: 'completed' });
store.close();
`;

beforeAll(async () => {
  mkdirSync(BUILD_DIR, { recursive: true });
  const entry = join(BUILD_DIR, 'crash-child.src.mjs');
  writeFileSync(entry, CHILD_SOURCE);
  await build({ entryPoints: [entry], outfile: CHILD, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
});

/** Runs the child until it has reported `after` steps, then SIGKILLs it. */
function runAndKill(dir: string, after: number): Promise<{ trajectory: string; reported: number[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    let trajectory = '';
    const reported: number[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('traj ')) trajectory = line.slice(5);
        if (line.startsWith('step ')) reported.push(Number(line.slice(5)));
        if (reported.length === after) child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { err += c; });
    // 'exit' fires after the kernel reaped the child, so its pid is gone when we reopen.
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`child ended with ${code}/${signal}: ${err}`));
      else done({ trajectory, reported });
    });
  });
}

describe('crash safety', () => {
  it('keeps every reported step after kill -9 and marks the trajectory interrupted', async () => {
    const dir = tempDir();
    const runs: { trajectory: string; reported: number[] }[] = [];
    for (const after of [25, 60, 5]) runs.push(await runAndKill(dir, after));

    const store = openStore(dir);
    expect(store.integrityCheck()).toBe('ok');
    for (const run of runs) {
      expect(run.reported.length).toBeGreaterThan(0);
      const t = store.getTrajectory(run.trajectory);
      expect(t.status).toBe('interrupted');
      expect(t.stopReason).toBe('interrupted');
      const have = t.steps.map((s) => s.index);
      // Every reported commit is there; at most one more step committed but not yet printed.
      expect(have.slice(0, run.reported.length)).toEqual(run.reported);
      expect(have.length - run.reported.length).toBeGreaterThanOrEqual(0);
      expect(have.length - run.reported.length).toBeLessThanOrEqual(1);
      expect(have).toEqual(have.map((_, i) => i));
      for (const s of t.steps) expect(store.getBlob(s.observation!.image!).length).toBeGreaterThanOrEqual(65536);
    }
    // Temp files of the dead writers were swept on open.
    const temps = readdirSync(join(dir, 'blobs'), { recursive: true }).filter((f) => String(f).includes('.tmp-'));
    expect(temps).toEqual([]);
    store.close();
  }, 60_000);

  it('lets several processes write one store at the same time', async () => {
    const dir = tempDir();
    openStore(dir).close();
    const run = () => new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, [CHILD, dir, '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => { text += c; });
      child.stderr.setEncoding('utf8').on('data', (c: string) => { err += c; });
      child.on('exit', (code) => (code === 0 ? done(/traj (\S+)/.exec(text)![1]) : fail(new Error(`writer failed (${code}): ${err}`))));
    });
    const ids = await Promise.all([run(), run(), run()]);
    const store = openStore(dir);
    for (const id of ids) {
      const t = store.getTrajectory(id);
      expect(t.status).toBe('finished');
      expect(t.steps.map((s) => s.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    }
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  }, 60_000);

  it('leaves a live writer\'s running trajectory alone', () => {
    const dir = tempDir();
    const a = openStore(dir);
    const t = a.createTrajectory({ task: { instruction: 'still going' } });
    const b = openStore(dir);
    expect(b.getTrajectory(t.id).status).toBe('running');
    expect(b.markInterrupted()).toEqual([]);
    expect(b.markInterrupted({ ids: [t.id] })).toEqual([t.id]);
    expect(a.getTrajectory(t.id).status).toBe('interrupted');
    a.close();
    b.close();
  });
});
