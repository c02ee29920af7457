import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCsrs, reviewQueue, stepRewards, type IndexRecord } from '../../src/csrs/index.js';
import { button, putTrajectory, screen, tempStore, verifier } from './helpers.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const HOME = screen(['Inbox', 'Settings']);
const INBOX = screen(['Back', 'Mail from Ann', 'Mail from Bob']);
const ANN = screen(['Back', 'Reply', 'Hello from Ann']);
const BOB = screen(['Back', 'Reply', 'Hello from Bob']);

function fill() {
  const store = tempStore();
  const win = putTrajectory(store, { taskId: 'read-ann', stop: 'completed', outcome: verifier('success'), steps: [
    { screen: HOME, action: { type: 'click', point: button(0) } },
    { screen: INBOX, action: { type: 'click', point: button(1) } },
    { screen: ANN, action: { type: 'complete', answer: '' } },
  ] });
  const lose = putTrajectory(store, { taskId: 'read-ann', stop: 'completed', outcome: verifier('failure'), steps: [
    { screen: HOME, action: { type: 'click', point: button(0) } },
    { screen: INBOX, action: { type: 'click', point: button(2) } },
    { screen: BOB, action: { type: 'complete', answer: '' } },
  ] });
  const unsure = putTrajectory(store, { taskId: 'other', stop: 'completed', steps: [{ screen: HOME, action: { type: 'complete', answer: '' } }] });
  return { store, win, lose, unsure };
}
const lines = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter(Boolean) : []);

describe('csrs pipeline', () => {
  it('exports every format, a DPO pair at the fork, rewards, a card, and queues the unverified run for review', async () => {
    const { store, win, lose, unsure } = fill();
    const out = mkdtempSync(join(tmpdir(), 'csrs-out-'));
    const s = await runCsrs({ store, out, rewardMethod: 'gated' });
    expect(s).toMatchObject({ trajectories: 2, successes: 1, failures: 1, action_samples_from_failures: 0, review_queued: 1, pairs: 1 });
    expect(reviewQueue(store)).toEqual([unsure]);
    const pair = JSON.parse(lines(join(out, 'dpo.jsonl'))[0]);
    expect(pair).toMatchObject({ chosenFrom: win, rejectedFrom: lose, history: 1, chosen: { type: 'click', point: button(1) }, rejected: { type: 'click', point: button(2) } });
    for (const f of ['sharegpt', 'swift', 'openai', 'gelab']) expect(lines(join(out, 'data', `${f}.jsonl`)).length).toBeGreaterThan(0);
    expect(lines(join(out, 'data', 'gelab.jsonl'))).toHaveLength(3); // the success's three action samples
    const share = JSON.parse(lines(join(out, 'data', 'sharegpt.jsonl'))[0]);
    expect(share.messages[1].content.startsWith('<image>')).toBe(true);
    expect(existsSync(join(out, share.images[0]))).toBe(true);
    const rewards = lines(join(out, 'rewards.jsonl')).map((l) => JSON.parse(l));
    expect(rewards).toHaveLength(2);
    expect(readFileSync(join(out, 'card.md'), 'utf8')).toMatch(/\| action_prediction \| 3 \|/);
    expect(readFileSync(join(out, 'chart.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('resumes after a crash mid-trajectory without duplicates, and adds a reviewed run on the next pass', async () => {
    const { store } = fill();
    const out = mkdtempSync(join(tmpdir(), 'csrs-out-'));
    const first = await runCsrs({ store, out });
    const n = lines(join(out, 'samples.jsonl')).length;
    // Crash simulation: the last trajectory's state line is lost and a sample line is torn.
    const state = lines(join(out, 'state.jsonl'));
    writeFileSync(join(out, 'state.jsonl'), state.slice(0, -2).join('\n') + '\n');
    appendFileSync(join(out, 'samples.jsonl'), '{"torn":');
    const second = await runCsrs({ store, out });
    expect(second.samples_by_category).toEqual(first.samples_by_category);
    const ids = lines(join(out, 'samples.jsonl')).map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    // A reviewer approves the queued run through the CLI; the next pass takes it in.
    const stdout = execFileSync('node', [main, 'csrs', 'review', '--store', store.dir], { input: 'approve\n', encoding: 'utf8' });
    expect(stdout).toMatch(/1 review\(s\) recorded/);
    const third = await runCsrs({ store, out });
    expect(third.trajectories).toBe(3);
    expect(third.processed_now).toBe(1);
  });

  it('computes outcome-weighted and grouped step rewards', () => {
    const rec = (id: string, verdict: 'success' | 'failure', waste: (string | undefined)[]): IndexRecord => ({ id, taskId: 't', instruction: '', verdict, confidence: 1, steps: waste.map((w) => ({ waste: w, changed: !w })) });
    const group = [rec('a', 'success', [undefined, 'detour', undefined]), rec('b', 'failure', [undefined, undefined])];
    expect(stepRewards(group, 'outcome').map((r) => r.rewards)).toEqual([[1, 1, 1], [0, 0]]);
    const grpo = stepRewards(group, 'grpo');
    expect(grpo[0].rewards[0]).toBeGreaterThan(0);
    expect(grpo[1].rewards[0]).toBeLessThan(0);
    const spa = stepRewards(group, 'spa');
    expect(spa[0].rewards[1]).toBeLessThan(spa[0].rewards[0]); // the detour earns less
  });

  it('rejects bad options with typed errors', async () => {
    const { store } = fill();
    await expect(runCsrs({ store, out: mkdtempSync(join(tmpdir(), 'csrs-out-')), engine: 'magic' })).rejects.toThrow(/unknown engine "magic"/);
    expect(() => execFileSync('node', [main, 'csrs', '--store', store.dir], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/needs --out/);
  });
});
