/**
 * `stepwise evolve` with the demo policy and shell train/serve commands: the commands get the
 * round's dataset and checkpoint paths, a failing train command stops the loop with advice,
 * and the rerun resumes at the train step without rolling out round 1 again.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const run = promisify(execFile);

describe('stepwise evolve', () => {
  it('runs rollout -> CSRS -> train -> serve per round, and resumes after a failed train command', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'evolve-'));
    // The "trainer": records what it was given, fails while FAIL exists.
    writeFileSync(join(cwd, 'train.mjs'), `import { appendFileSync, existsSync, readFileSync } from 'node:fs';
if (existsSync('${join(cwd, 'FAIL')}')) process.exit(3);
const samples = readFileSync(process.env.STEPWISE_DATASET + '/samples.jsonl', 'utf8').trim().split('\\n').length;
appendFileSync('${join(cwd, 'log.txt')}', JSON.stringify({ kind: 'train', round: process.env.STEPWISE_ROUND, samples, ckpt: process.env.STEPWISE_CHECKPOINT }) + '\\n');`);
    writeFileSync(join(cwd, 'serve.mjs'), `import { appendFileSync } from 'node:fs';
appendFileSync('${join(cwd, 'log.txt')}', JSON.stringify({ kind: 'serve', round: process.env.STEPWISE_ROUND }) + '\\n');`);
    writeFileSync(join(cwd, 'FAIL'), '');
    const args = [main, 'evolve', '--rounds', '2', '--sample', '2', '--devices', '1', '--noise', '0.2', '--workdir', 'wd', '--store', 'st', '--no-progress', '--json',
      '--train-cmd', `node ${join(cwd, 'train.mjs')}`, '--serve-cmd', `node ${join(cwd, 'serve.mjs')}`];
    const failed = await run('node', args, { cwd, encoding: 'utf8' }).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toMatch(/train command failed \(exit 3\).*run stepwise evolve again with the same --workdir/s);
    const mid = JSON.parse(readFileSync(join(cwd, 'wd', 'evolve.json'), 'utf8'));
    expect(mid.rounds[0].done).toEqual(['rollout', 'csrs']);

    const { rmSync } = await import('node:fs');
    rmSync(join(cwd, 'FAIL'));
    const { stdout } = await run('node', args, { cwd, encoding: 'utf8' });
    const s = JSON.parse(stdout);
    expect(s.rounds.map((r: { done: string[] }) => r.done)).toEqual([['rollout', 'csrs', 'train', 'serve'], ['rollout', 'csrs']]);
    for (const r of s.rounds) expect(r.tasks).toBe(2);
    const log = readFileSync(join(cwd, 'log.txt'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.map((l) => `${l.kind}${l.round}`)).toEqual(['train1', 'serve1']); // no training after the last round
    expect(log[0].samples).toBe(s.rounds[0].samples);
    expect(log[0].ckpt).toBe(join(cwd, 'wd', 'round-1', 'checkpoint'));
    // Round 1 was rolled out once: 2 + 2 trajectories, tagged with their round.
    const store = openStore(join(cwd, 'st'));
    const rounds = store.listTrajectories().map((t) => store.getTrajectory(t.id).meta?.round).sort();
    store.close();
    expect(rounds).toEqual([1, 1, 2, 2]);
    expect(readFileSync(join(cwd, 'wd', 'evolve.md'), 'utf8')).toMatch(/\| 2 \| 2 \|/);
    expect(existsSync(join(cwd, 'wd', 'evolve.svg'))).toBe(true);
  }, 300_000);
});
