/** needs_reply -> continue without a store: the run still continues where it stopped (steps, memory), and no trajectory id is invented. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { instantiate } from '../../src/sandbox/tasks/instance.js';
import { call, data, errorText, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await openHarness(1, { store: false }); }, 120_000);
afterAll(async () => { await h?.close(); });

describe('execute_task continuation with --no-store', () => {
  it('continues the paused run in memory', async () => {
    const c = await h.connect();
    const first = data(await call(c, 'execute_task', { task: 'contacts.add-dentist-info#5' }));
    expect(first.stop_reason).toBe('needs_reply');
    expect(first.trajectory_id).toBeUndefined();
    const inst = instantiate(TEMPLATES.find((t) => t.id === 'contacts.add-dentist-info')!, 5, APPS);
    const r = await call(c, 'execute_task', { session_id: first.session_id, reply: inst.template.reply!(inst.params)! });
    const d = data(r);
    expect(d, errorText(r)).toMatchObject({ stop_reason: 'completed', verified: 'success', continued: true });
    expect(d.trajectory_id).toBeUndefined();
    expect(d.steps).toBeGreaterThan(first.steps);
    // The step log runs on from the first part: numbered continuously, the question among them.
    const numbers = d.log.map((l: string) => Number(l.split('.')[0]));
    expect(numbers).toEqual(numbers.map((_: number, i: number) => numbers[0] + i));
    expect(numbers.at(-1)).toBe(d.steps);
    expect(d.log.join('\n')).toMatch(/info/);
  });
});
