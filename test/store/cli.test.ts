import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/traj.js';
import { openStore, resolveStoreDir } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

/** Runs `stepwise traj ...` in-process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('stepwise').exitOverride();
  register(program);
  let printed = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'stepwise', 'traj', ...args]);
  } finally {
    spy.mockRestore();
  }
  return printed;
}

function seed(dir: string): string[] {
  const store = openStore(dir);
  const ids: string[] = [];
  for (let k = 0; k < 3; k++) {
    const t = store.createTrajectory({ task: { id: `task${k}`, instruction: `instruction number ${k}`, app: 'clock' }, policy: { name: 'demo' }, startedAt: Date.now() - (3 - k) * 1000 });
    const image = store.putBlob(Buffer.from([0x89, 0x50, 0x4e, 0x47, k]));
    store.appendStep(t.id, { index: 0, observation: { frameId: 'f', image, format: 'png', width: 10, height: 20 }, model: { raw: 'r', summary: `opened clock ${k}` }, action: { type: 'open_app', app: 'Clock' }, result: { ok: true }, durationMs: 80 });
    if (k > 0) store.finishTrajectory(t.id, { stopReason: 'completed', answer: 'ok' });
    if (k === 2) store.setOutcome(t.id, { verdict: 'success', confidence: 0.875, source: 'verifier' });
    ids.push(t.id);
  }
  store.close();
  return ids;
}

describe('stepwise traj', () => {
  it('lists, shows, exports and imports', async () => {
    const dir = tempDir();
    const ids = seed(dir);
    const table = await run('list', '--store', dir);
    expect(table.split('\n')[0]).toMatch(/^ID\s+STATUS\s+VERDICT\s+STEPS\s+STARTED\s+TASK$/);
    expect(table).toContain(`${ids[2]}  finished/completed  success 0.88`);
    expect(table.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['ID', ids[2], ids[1], ids[0]]);
    const listed = JSON.parse(await run('list', '--store', dir, '--status', 'finished', '--json'));
    expect(listed.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(JSON.parse(await run('list', '--store', dir, '--verdict', 'none', '--limit', '1', '--json'))).toHaveLength(1);

    const shown = await run('show', ids[2], '--store', dir);
    expect(shown).toContain('[task2] instruction number 2');
    expect(shown).toContain('outcome:   success (confidence 0.875, verifier)');
    expect(shown).toContain('#0  open_app app="Clock"  ok 80ms');
    expect(shown).toContain('opened clock 2');
    const full = JSON.parse(await run('show', ids[2], '--store', dir, '--json'));
    expect(full.outcomes).toHaveLength(1);
    expect(full.steps[0].action).toEqual({ type: 'open_app', app: 'Clock' });

    const out = join(tempDir(), 'export');
    expect(await run('export', '--store', dir, '--out', out, '--status', 'finished')).toMatch(/^exported 2 trajectories, 2 steps, 2 new image\/tree files/);
    const dst = tempDir();
    expect(await run('import', join(out, 'trajectories.jsonl'), '--store', dst)).toBe('imported 2 trajectories (2 steps)\n');
    const again = JSON.parse(await run('import', join(out, 'trajectories.jsonl'), '--store', dst, '--json'));
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual(['already in the store', 'already in the store']);
  });

  it('imports GELab logs and reports skipped lines', async () => {
    const logs = tempDir();
    mkdirSync(join(logs, 'l'));
    writeFileSync(join(logs, 'l', 'abc.jsonl'), [
      JSON.stringify({ session_id: 'abc', timestamp: '2025-12-01 10:00:00', message: { log_type: 'session_start', task: 'open clock', task_type: 'x', model_config: { model_name: 'm' } } }),
      'nonsense',
      JSON.stringify({ session_id: 'abc', timestamp: '2025-12-01 10:00:01', message: { environment: { image: 'gone.jpeg', user_comment: '' }, action: { action: 'AWAKE', value: 'Clock' }, model_response: '<THINK>x</THINK>\nexplain:e\taction:AWAKE\tvalue:Clock\tsummary:s' } }),
    ].join('\n'));
    const dst = tempDir();
    const text = await run('import', join(logs, 'l'), '--format', 'gelab', '--store', dst);
    expect(text).toMatch(/^imported 1 steps in 1 trajectories/);
    expect(text).toContain('abc.jsonl:2: invalid JSON');
    expect(text).toContain('abc.jsonl:3: screenshot gone.jpeg not found');
    const store = openStore(dst);
    expect(store.getTrajectory('gelab-abc').task.instruction).toBe('open clock');
    store.close();
  });

  it('fails with typed errors on bad flags and missing stores', async () => {
    const dir = tempDir();
    seed(dir);
    await expect(run('list', '--store', dir, '--status', 'done')).rejects.toThrow(/unknown status "done"/);
    await expect(run('list', '--store', dir, '--limit', 'ten')).rejects.toThrow(/--limit must be a whole number/);
    await expect(run('list', '--store', dir, '--since', 'yesterday-ish')).rejects.toThrow(/cannot read time/);
    await expect(run('show', 'nope', '--store', dir)).rejects.toThrow(/no trajectory "nope"/);
    await expect(run('list', '--store', join(dir, 'missing'))).rejects.toThrow(/no trajectory store/);
    await expect(run('import', 'x.jsonl', '--store', dir, '--format', 'csv')).rejects.toThrow(/unknown import format/);
  });

  it('resolves the store folder: flag, then STEPWISE_STORE, then ./.stepwise', () => {
    expect(resolveStoreDir('/a/b', { STEPWISE_STORE: '/c' }, '/w')).toBe('/a/b');
    expect(resolveStoreDir(undefined, { STEPWISE_STORE: 'rel' }, '/w')).toBe(resolve('/w/rel'));
    expect(resolveStoreDir(undefined, {}, '/w')).toBe('/w/.stepwise');
    expect(resolveStoreDir('  ', {}, '/w')).toBe('/w/.stepwise');
  });
});
