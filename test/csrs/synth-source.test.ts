/**
 * A synthesized verifier (src/verifiers) as CSRS's `synth` verdict source from the command
 * line: trajectories without any stored verdict get one from the verifier file instead of
 * going to human review; a file that is not accepted is refused with advice.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatVerifierFile } from '../../src/verifiers/index.js';
import { button, putTrajectory, screen, tempStore } from './helpers.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const TASK = 'Open the mail from Ann';
const INBOX = screen(['Back', 'Mail from Ann', 'Mail from Bob']);
const VERIFY = `function verify(screen, answer, task) {
  return screen.some((n) => n.text === 'Hello from Ann') ? { ok: true, reason: "Ann's mail is open" } : { ok: false, reason: "Ann's mail is not on screen" };
}`;

describe('csrs with a synthesized verifier', () => {
  it('gives unverified trajectories a verdict from the verifier file', async () => {
    const store = tempStore();
    for (const [open, name] of [[1, 'Ann'], [2, 'Bob']] as const) {
      putTrajectory(store, { instruction: TASK, stop: 'completed', steps: [
        { screen: INBOX, action: { type: 'click', point: button(open) } },
        { screen: screen(['Back', 'Reply', `Hello from ${name}`]), action: { type: 'complete', answer: '' } },
      ] });
    }
    const dir = store.dir;
    store.close();
    const tmp = mkdtempSync(join(tmpdir(), 'synth-'));
    const good = join(tmp, 'ann.js');
    writeFileSync(good, formatVerifierFile({ source: VERIFY, meta: { task: TASK, over: 'uitree', accepted: true, checked: true } }));
    const cli = (extra: string[], out: string) => promisify(execFile)('node', [main, 'csrs', '--store', dir, '--out', join(tmp, out), '--json', ...extra], { encoding: 'utf8' });
    const without = JSON.parse((await cli([], 'a')).stdout);
    expect(without).toMatchObject({ trajectories: 0, review_queued: 2 });
    const withIt = JSON.parse((await cli(['--verifier-file', good], 'b')).stdout);
    expect(withIt).toMatchObject({ trajectories: 2, successes: 1, failures: 1, action_samples_from_failures: 0 });

    const unchecked = join(tmp, 'unchecked.js');
    writeFileSync(unchecked, formatVerifierFile({ source: VERIFY, meta: { task: TASK, over: 'uitree', accepted: false } }));
    const err = await cli(['--verifier-file', unchecked], 'c').then(() => '', (e: { stderr: string }) => e.stderr);
    expect(err).toMatch(/not accepted by the critic/);
  }, 60_000);
});
