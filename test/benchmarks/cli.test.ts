/** The command-line contract external checks rely on (runs the built CLI in dist/). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { row, tempDir, writeSet } from './helpers.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const run = (args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 170_000 });

describe('stepwise bench', () => {
  it('static --json prints one object with per_type {n, type_acc, exact_acc} and avg, and saves the report', async () => {
    const dir = tempDir();
    const file = await writeSet(dir, [row('a/0', { type: 'open_app', app: 'Shop' }), row('a/1', { type: 'click', point: [500, 500] }, { boxes: [[450, 450, 550, 550]] }), row('a/2', { type: 'type', text: 'hi' })]);
    const store = join(dir, 'store');
    const r = run(['bench', 'static', '--data', file, '--policy', 'center', '--json', '--store', store]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(out.per_type.CLICK).toEqual({ n: 1, type_acc: 1, exact_acc: 1 });
    expect(out.per_type.AWAKE).toEqual({ n: 1, type_acc: 0, exact_acc: 0 });
    expect(out.avg).toBeCloseTo(1 / 3);
    expect(out.saved.json.startsWith(join(store, 'reports', 'bench-static-'))).toBe(true);
    const cmp = run(['bench', 'compare', out.saved.json, out.saved.json]);
    expect(cmp.status, cmp.stderr).toBe(0);
    expect(cmp.stdout).toContain('| center | 100.0 |');
  });

  it('bad input exits 2 with a clear message', async () => {
    const dir = tempDir();
    const file = await writeSet(dir, [row('a/0', { type: 'wait', seconds: 1 })]);
    const bad = run(['bench', 'static', '--data', file, '--policy', 'oracle', '--json', '--store', join(dir, 's')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown policy "oracle"/);
    const missing = run(['bench', 'static', '--data', join(dir, 'none.jsonl'), '--store', join(dir, 's')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read static set/);
    const offPhone = run(['bench', 'e2e', '--sample', '1', '--device', 'adb:emulator-5554', '--store', join(dir, 's')]);
    expect(offPhone.status).toBe(2);
    expect(offPhone.stderr).toMatch(/is a sandbox task, but --device adb:emulator-5554 is not a sandbox phone/);
    const k0 = run(['bench', 'e2e', '--k', '0', '--store', join(dir, 's')]);
    expect(k0.status).toBe(2);
    expect(k0.stderr).toMatch(/--k 0 is out of range/);
  });

  it('e2e --suite sandbox --policy demo --json prints success_rate and by_scenario', () => {
    const dir = tempDir();
    const r = run(['bench', 'e2e', '--suite', 'sandbox', '--policy', 'demo', '--sample', '2', '--seed', '3', '--devices', '1', '--json', '--no-progress', '--store', dir]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.success_rate).toBe(1);
    expect(Object.values(out.by_scenario as Record<string, { n: number }>).reduce((a, b) => a + b.n, 0)).toBe(2);
  }, 180_000);
});
