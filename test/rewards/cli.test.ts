/**
 * `stepwise reward` end to end: the command file is bundled with esbuild into a tiny program
 * (as main.ts would register it) and run as a child process with JSON on stdin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { bundleCommand, type BundledCommand } from '../helpers/command-bundle.js';

let cli: BundledCommand;

beforeAll(async () => { cli = await bundleCommand('reward'); });
afterAll(() => cli.cleanup());

const run = (args: string[], stdin = '') => cli.run(args, { stdin });

describe('stepwise reward', () => {
  it('lists methods with JSON schemas', async () => {
    const r = await run(['reward', '--list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; input: { type: string } }[];
    for (const name of ['pure-min-form', 'pure-strict', 'clip', 'delta', 'gated', 'prof-filter', 'spa', 'implicit-prm', 'pav', 'gui-g2', 'stepgui-point', 'stepgui-bbox', 'par', 'renorm', 'rlcr', 'brier', 'ece', 'isotonic', 'cje', 'mc-labels', 'consensus-filter', 'processbench-f1', 'grpo', 'grpo-process', 'thought-units', 'ppo-c', 'starc', 'portool', 'gui-action']) {
      expect(list.find((m) => m.name === name)?.input.type, name).toBe('object');
    }
    const text = await run(['reward', '--list']);
    expect(text.stdout).toMatch(/^pure-min-form {2}\[code\] REWARDS.md 1; arXiv 2504.15275/);
  });

  it('runs a method: one JSON object in, one out', async () => {
    const r = await run(['reward', 'gui-g2'], JSON.stringify({ pred: [10, 5, 110, 55], gt: [0, 0, 100, 50] }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.result.point).toBeCloseTo(0.960789, 6);
  });

  it('exits 2 with {ok:false} naming the bad field', async () => {
    const bad = await run(['reward', 'stepgui-bbox'], JSON.stringify({ pred: [0, 0, 1], gt: [0, 0, 1, 1] }));
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, field: 'pred' });
    const notJson = await run(['reward', 'grpo'], '{r: [1]}');
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.stdout).error).toMatch(/stdin is not one JSON object/);
  });

  it('serves over HTTP', async () => {
    const p = spawn(process.execPath, [cli.program, 'reward', 'serve', '--port', '0']);
    try {
      const url = await new Promise<string>((res, rej) => {
        let err = '';
        p.stderr.on('data', (d) => {
          err += d;
          const m = err.match(/listening on (http:\/\/\S+)/);
          if (m) res(m[1]);
        });
        p.on('close', () => rej(new Error(`server exited: ${err}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const res = await fetch(url + '/v1/rewards/grpo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ r: [1, 0, 0, 1] }) });
      expect((await res.json()).result.advantages[0]).toBeCloseTo(0.866025, 5);
    } finally {
      p.kill('SIGTERM');
    }
  });
});
