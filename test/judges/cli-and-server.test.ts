import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/judge.js';
import { startRewardServer } from '../../src/rewards/server/server.js';
import { endpoint, fake } from './helpers.js';

/** Run `stepwise judge ...` in-process; returns stdout, stderr and the exit code set. */
async function judgeCli(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const program = new Command('stepwise').exitOverride();
    register(program);
    await program.parseAsync(['node', 'stepwise', 'judge', ...args]);
    return { out, err, code: process.exitCode as number | undefined };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = before;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('stepwise judge', () => {
  it('--list shows every protocol, --json machine-readable', async () => {
    const text = await judgeCli(['--list']);
    expect(text.out).toMatch(/^scalar\s+scalar\s+reward-model head/m);
    expect(text.out).toMatch(/capo .*\(not implemented\)/);
    const json = JSON.parse((await judgeCli(['--list', '--json'])).out);
    expect(json.find((p: { name: string }) => p.name === 'themis').implemented).toBe(true);
  });

  it('scores a JSONL; a bad line is reported with its number and the rest are scored', async () => {
    const s = await fake({ scorer: (t) => (t.includes('Paris') ? 2 : -1) });
    const dir = mkdtempSync(join(tmpdir(), 'judge-cli-'));
    const input = join(dir, 'items.jsonl');
    writeFileSync(input, ['{"id":"a","prompt":"Capital?","response":"Paris"}', '{"id":"b","prompt":"Capital?"', '', '{"id":"c","prompt":"Capital?","response":"Lyon"}'].join('\n'));
    const outFile = join(dir, 'out.jsonl');
    const r = await judgeCli(['scalar', '--base-url', s.url, '--model', 'fake-model', '--set', 'route=pooling', '--set', 'input="text"', '--in', input, '--out', outFile, '--json', '--no-progress']);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ ok: false, protocol: 'scalar', items: 3, scored: 2, failed: 1 });
    expect(r.code).toBe(1);
    const rows = readFileSync(outFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(rows[0]).toMatchObject({ ok: true, id: 'a', result: { score: 2 } });
    expect(rows[1]).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^line 2: not JSON/) } });
    expect(rows[2].result.score).toBe(-1);
    expect(s.requests.every((q) => q.path === '/pooling')).toBe(true);
  });

  it('a judge config file with a judges: section is used by name; missing --in is a clear error', async () => {
    const s = await fake({ scorer: () => 0.25 });
    const dir = mkdtempSync(join(tmpdir(), 'judge-cli-'));
    const cfg = join(dir, 'judges.yaml');
    writeFileSync(cfg, `judges:\n  verifier:\n    protocol: verifyrm\n    baseURL: ${s.url}\n    model: fake-model\n    retryDelayMs: 1\n`);
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '{"id":"x","prompt":"6*7?","response":"42","reference":"42"}\n');
    const r = await judgeCli(['verifier', '--config', cfg, '--in', input, '--no-progress']);
    const row = JSON.parse(r.out.trim());
    expect(row.result.protocol).toBe('verifyrm');
    expect(row.result.score).toBeCloseTo(1 / (1 + Math.exp(-0.25)), 9);
    expect(r.err).toMatch(/judge verifyrm: 1\/1 scored/);
    await expect(judgeCli(['verifier', '--config', cfg])).rejects.toThrow(/no items given/);
    await expect(judgeCli(['other', '--config', cfg, '--in', input])).rejects.toThrow(/no judge named "other".*use one of: verifier/);
  });
});

describe('reward server /v1/judge/<name>', () => {
  it('scores items with a configured judge and names bad items', async () => {
    const s = await fake({ scorer: (t) => (t.includes('Paris') ? 1 : -1) });
    const srv = await startRewardServer({ port: 0, judges: { rm: { protocol: 'scalar', ...endpoint(s) } } });
    try {
      const post = (path: string, body: unknown) => fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ok = await post('/v1/judge/rm', { items: [{ prompt: 'Capital?', response: 'Paris' }, { prompt: 'Capital?', response: 'Rome' }] });
      const body = await ok.json();
      expect(body.results.map((x: { result: { score: number } }) => x.result.score)).toEqual([1, -1]);
      const bad = await post('/v1/judge/rm', { items: [{ prompt: 'only a prompt' }] });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/items\[0\]: expected prompt and response/);
      expect((await post('/v1/judge/nope', { items: [] })).status).toBe(404);
    } finally {
      await srv.close();
    }
  });
});
