import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const fixtures = join(import.meta.dirname, 'fixtures');
const data = join(import.meta.dirname, '..', '..', 'data', 'judge-eval');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [main, 'judge-eval', '--no-progress', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('stepwise judge-eval', () => {
  test('--sample runs offline with the heuristic judge and writes JSON, Markdown and HTML that say which judge it was', async () => {
    const out = mkdtempSync(join(tmpdir(), 'je-cli-'));
    const r = await cli(['--sample', '--probes', 'consistency,hacking', '--pairs', '3', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['report.json', 'report.md', 'report.html']) expect(existsSync(join(out, f))).toBe(true);
    const rep = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(rep.judges).toEqual([expect.objectContaining({ name: 'heuristic', protocol: 'heuristic', description: expect.stringMatching(/not a model/) })]);
    expect(new Set(rep.datasets.map((d: { format: string }) => d.format))).toEqual(new Set(['rewardbench2', 'rewardbench', 'rewardmath', 'processbench', 'prm800k', 'helpsteer2', 'helpsteer2-preference', 'verifybench', 'pairs', 'gui']));
    expect(rep.probes.map((p: { probe: string }) => p.probe)).toEqual(['consistency', 'hacking']);
    expect(rep.probeSet.pairs).toBe(3);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg[\s\S]*Consistency on contrast pairs/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/built-in rules, not a model/);
  });

  test('a broken file is evaluated on its good records and its bad lines are listed', async () => {
    const r = await cli(['--judge', 'heuristic', '--data', `${join(fixtures, 'broken-pairs.jsonl')}:pairs`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.datasets[0].items).toBe(2);
    expect(rep.datasets[0].bad.map((b: { line: number }) => b.line)).toEqual([2, 3]);
  });

  test('two judges in one run, and two runs merged, compare side by side', async () => {
    const a = mkdtempSync(join(tmpdir(), 'je-a-')), b = mkdtempSync(join(tmpdir(), 'je-b-'));
    const ra0 = await cli(['--judge', 'heuristic', '--judge', 'verifier', '--probes', 'starc', '--probe-templates', 'chat.send-text', '--pairs', '2', '--data', join(data, 'pairs.jsonl'), '--out', a]);
    expect(ra0.code, ra0.stderr).toBe(0);
    const ra = JSON.parse(readFileSync(join(a, 'report.json'), 'utf8'));
    expect(ra.notes).toContain(`verifier skipped ${join(data, 'pairs.jsonl')}: it does not judge pairs items`);
    expect(ra.probes.find((p: { judgeName: string }) => p.judgeName === 'verifier').metrics.toVerifier).toBeLessThan(1e-9);
    const rb0 = await cli(['--judge', 'heuristic', '--data', join(data, 'verifybench.jsonl'), '--out', b]);
    expect(rb0.code, rb0.stderr).toBe(0);
    const m = await cli(['--merge', join(a, 'report.json'), join(b, 'report.json'), '--json']);
    expect(m.code, m.stderr).toBe(0);
    const rep = JSON.parse(m.stdout);
    expect(rep.datasets.map((d: { format: string }) => d.format).sort()).toEqual(['pairs', 'verifybench']);
    expect(rep.judges.map((j: { name: string }) => j.name)).toEqual(['heuristic', 'verifier']);
  });

  test('bad input is an actionable error', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs --judge SPEC.*--sample/);
    const missing = await cli(['--judge', 'heuristic', '--data', join(fixtures, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope.jsonl/);
    const probe = await cli(['--judge', 'heuristic', '--probes', 'vibes']);
    expect(probe.stderr).toMatch(/unknown probe "vibes".*consistency, hacking, noise, starc, ablation/);
    const judge = await cli(['--judge', 'no-such-judge', '--sample']);
    expect(judge.code).toBe(2);
    expect(judge.stderr).toMatch(/no-such-judge/);
    const merge = await cli(['--merge', join(data, 'pairs.jsonl')]);
    expect(merge.stderr).toMatch(/not a judge-eval report|cannot read report/);
  });

  test('--list-formats names every format with its fields', async () => {
    const r = await cli(['--list-formats']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['rewardbench2', 'processbench', 'prm800k', 'helpsteer2-preference', 'verifybench', 'gui']) expect(r.stdout).toContain(f);
  });
});
