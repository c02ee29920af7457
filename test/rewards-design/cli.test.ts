/**
 * `stepwise reward <design method>` end to end: the command file bundled as main.ts would
 * register it, run as a child process with JSON on stdin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCommand, type BundledCommand } from '../helpers/command-bundle.js';

let cli: BundledCommand;

beforeAll(async () => { cli = await bundleCommand('reward'); });
afterAll(() => cli.cleanup());

const run = (args: string[], stdin = '') => cli.run(args, { stdin });

describe('stepwise reward with the design methods', () => {
  it('lists them with JSON schemas', async () => {
    const r = await run(['reward', '--list', '--json']);
    const list = JSON.parse(r.stdout) as { name: string; citation: string; input: { type: string } }[];
    for (const name of ['vsrm', 'revibranch', 'oprl', 'capo', 'behavior-alignment', 'potential-shaping', 'teacher-potential', 'l2calib', 'morec', 'hrm', 'hnc', 'hybrid-reward', 'vector-reward', 'mah-dpo', 'reward-spec', 'rpr', 'noisy-flip', 'find', 'srum', 'tp-grpo', 'glore-sorm', 'grounded-prm', 'grounded-tree', 'parm', 'cooper']) {
      const m = list.find((x) => x.name === name);
      expect(m?.input.type, name).toBe('object');
      expect(m?.citation, name).toMatch(/^REWARDS-2\.md \d+; arXiv \d{4}\.\d{5}$/);
    }
  });

  it('round-trips a worked example: VSRM on stdin, rewards on stdout', async () => {
    const r = await run(['reward', 'vsrm'], JSON.stringify({ acc: [0.2, 0.2, 0.2, 0.6, 0.4] }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; method: string; result: { rewards: number[] } };
    expect(out.ok).toBe(true);
    expect(out.method).toBe('vsrm');
    [0.196, 0.28, 0.4, -0.2].forEach((x, i) => expect(out.result.rewards[i]).toBeCloseTo(x, 12));
  });

  it('a composable reward spec runs from the command line', async () => {
    const spec = { components: [{ name: 'decision' }, { name: 'closeness', weight: 0.5 }, { name: 'format', weight: 0.2 }, { name: 'penalty', weight: 0.1, role: 'penalty' }] };
    const r = await run(['reward', 'reward-spec'], JSON.stringify({ spec, values: { decision: 1, closeness: 0.9, format: 1, penalty: 1 } }));
    expect(JSON.parse(r.stdout).result.total).toBeCloseTo(1.55, 12);
  });

  it('bad input: exit code 2 and an error naming the field', async () => {
    const r = await run(['reward', 'revibranch'], JSON.stringify({ terminal: 1, importance: [1, 'x'] }));
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: string; field: string };
    expect(out.ok).toBe(false);
    expect(out.field).toBe('importance[1]');
    expect(out.error).toMatch(/importance\[1\]/);
  });
});
