/** `stepwise demo` end to end on a fresh folder: tasks on a sandbox phone, then CSRS into a dataset on disk. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/csrs/index.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');

describe('stepwise demo', () => {
  it('runs tasks, then turns them into the seven categories of data with a card', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'demo-'));
    const out = execFileSync('node', [main, 'demo', '--sample', '3', '--devices', '1', '--seed', '4', '--json'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const s = JSON.parse(out);
    expect(s.store).toBe(join(cwd, '.stepwise'));
    expect(s.csrs.trajectories).toBe(3);
    expect(s.csrs.successes + s.csrs.failures).toBe(3);
    expect(Object.keys(s.csrs.samples_by_category).sort()).toEqual([...CATEGORIES].sort());
    expect(s.csrs.action_samples_from_failures).toBe(0);
    const dataset = join(cwd, '.stepwise', 'csrs-dataset');
    expect(s.csrs.out).toBe(dataset);
    const samples = readFileSync(join(dataset, 'samples.jsonl'), 'utf8').trim().split('\n');
    expect(samples.length).toBe(Object.values(s.csrs.samples_by_category as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(existsSync(join(dataset, 'card.md'))).toBe(true);
  }, 240_000);
});
