/**
 * `stepwise run` as a user runs it (built CLI, real Chromium): task files with bad lines, the
 * needs_reply -> --continue round trip, and kill -9 mid-run leaving a readable store.
 * Needs `npm run build` first (npm test does it).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

const exec = promisify(execFile);
const tmp = () => mkdtempSync(join(tmpdir(), 'sw-cli-'));

async function run(args: string[]) {
  const { stdout, stderr } = await exec(process.execPath, ['dist/cli/main.js', 'run', '--no-progress', '--json', ...args], { maxBuffer: 1 << 24 });
  return { summary: JSON.parse(stdout.trim().split('\n').at(-1)!), stderr };
}

describe('stepwise run (CLI)', () => {
  it('runs a task file on 2 phones: sandbox lines verified, free-text lines unverified, bad lines reported and skipped', async () => {
    const dir = tmp();
    const file = join(dir, 'tasks.jsonl');
    writeFileSync(file, [
      '{"template": "settings.dark-mode-on", "seed": 2}',
      '{"template": "settings.change-ringtone-ask", "seed": 3}',
      '{"oops": 1}',
      '{"instruction": "Look at the home screen", "id": "free-1"}',
      'not json',
    ].join('\n'));
    const { summary, stderr } = await run(['--tasks', file, '--device', 'sandbox*2', '--store', join(dir, 'store')]);
    expect(summary.skipped_lines.map((e: { line: number }) => e.line)).toEqual([3, 5]);
    expect(stderr).toMatch(/tasks\.jsonl:3: skipped: unknown field\(s\) oops/);
    const byTask = Object.fromEntries(summary.runs.map((r: { task: string }) => [r.task, r]));
    expect(byTask['settings.dark-mode-on#2'].success).toBe(true);
    expect(byTask['settings.change-ringtone-ask#3'].success).toBe(true); // auto reply from the template
    // The demo policy has no reference solution for free text: the run ends in error, without a verdict.
    expect(byTask['free-1'].stop_reason).toBe('error');
    const store = openStore(join(dir, 'store'));
    expect(store.getOutcomes(byTask['free-1'].trajectory_id)).toEqual([]);
    store.close();
  }, 300_000);

  it('--on-info return stops with the question; --continue with --reply finishes the same trajectory', async () => {
    const dir = tmp();
    const s = join(dir, 'store');
    const task = ['--tasks', 'settings.change-ringtone-ask', '--sample', '1', '--seed', '9', '--store', s];
    const demo = (await run(task)).summary.runs[0];
    expect(demo.success).toBe(true);
    const paused = (await run([...task, '--policy', 'replay', '--replay', demo.trajectory_id, '--on-info', 'return'])).summary.runs[0];
    expect(paused.stop_reason).toBe('needs_reply');
    expect(paused.question).toBe('Which ringtone would you like?');
    const done = (await run(['--continue', paused.trajectory_id, '--reply', 'that one', '--policy', 'replay', '--replay', demo.trajectory_id, '--store', s])).summary;
    expect(done.continued).toBe(paused.trajectory_id);
    expect(done.runs[0]).toMatchObject({ trajectory_id: paused.trajectory_id, stop_reason: 'completed', success: true });
    const store = openStore(s);
    const t = store.getTrajectory(paused.trajectory_id);
    expect(t.steps.map((x) => x.action?.type)).toEqual(store.getTrajectory(demo.trajectory_id).steps.map((x) => x.action?.type));
    store.close();
    await expect(run(['--continue', paused.trajectory_id, '--reply', 'again', '--store', s])).rejects.toThrow(/not needs_reply/);
  }, 300_000);

  it('kill -9 mid-run leaves a readable store with the steps so far, marked interrupted on the next open', async () => {
    const dir = tmp();
    const child = spawn(process.execPath, ['dist/cli/main.js', 'run', '--tasks', 'all', '--sample', '20', '--devices', '2', '--store', dir, '--no-progress', '--json'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    let steps = 0;
    for (let i = 0; i < 600 && steps < 5; i++) {
      await new Promise((r) => setTimeout(r, 200));
      try {
        const peek = openStore(dir, { create: false, recoverInterrupted: false });
        steps = peek.listTrajectories().reduce((n, t) => n + peek.getTrajectory(t.id).steps.length, 0);
        peek.close();
      } catch { /* the store is not created yet */ }
    }
    expect(steps).toBeGreaterThanOrEqual(5);
    child.kill('SIGKILL');
    await exited;
    const store = openStore(dir);
    expect(store.integrityCheck()).toBe('ok');
    const all = store.listTrajectories().map((t) => store.getTrajectory(t.id));
    expect(all.some((t) => t.status === 'interrupted')).toBe(true);
    expect(all.every((t) => t.status !== 'running')).toBe(true);
    for (const t of all.filter((x) => x.status === 'interrupted')) {
      expect(t.stopReason).toBe('interrupted');
      t.steps.forEach((s, i) => expect(s.index).toBe(i));
      for (const s of t.steps) if (s.observation?.image) expect(store.hasBlob(s.observation.image)).toBe(true);
    }
    expect(all.reduce((n, t) => n + t.steps.length, 0)).toBeGreaterThanOrEqual(steps);
    store.close();
  }, 300_000);
});
