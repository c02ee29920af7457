import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaticReportSchema } from '../../src/benchmarks/report-types.js';
import { loadReportFile, saveReport } from '../../src/benchmarks/save.js';
import { compareReports } from '../../src/benchmarks/render.js';
import { parseStaticJsonl, readStaticSet } from '../../src/benchmarks/static-format.js';
import { runStatic } from '../../src/benchmarks/static-eval.js';
import { CenterPolicy, staticPolicy } from '../../src/benchmarks/static-policies.js';
import type { Policy } from '../../src/agent/policy.js';
import { row, tempDir, writeSet } from './helpers.js';

const ROWS = [
  row('e1/0', { type: 'open_app', app: 'Shop' }),
  row('e1/1', { type: 'click', point: [500, 480] }, { boxes: [[400, 450, 600, 520]], history: [{ action: { type: 'open_app', app: 'Shop' }, summary: 'opened Shop' }] }),
  row('e1/2', { type: 'click', point: [100, 100] }, { boxes: [[50, 50, 150, 150]] }),
  row('e1/3', { type: 'type', text: 'red shoes' }),
  row('e1/4', { type: 'complete', answer: '' }),
];

describe('static runs', () => {
  it('replay scores 100%, centre scores its clicks that land in a box; the report follows the schema and is saved', async () => {
    const dir = tempDir();
    const set = readStaticSet(await writeSet(dir, ROWS));
    const replay = await runStatic(set, staticPolicy('replay', set.rows));
    expect(replay.avg).toBe(1);
    expect(replay.per_type.CLICK).toEqual({ n: 2, type_acc: 1, exact_acc: 1 });
    const center = await runStatic(set, new CenterPolicy());
    expect(center.per_type.CLICK).toEqual({ n: 2, type_acc: 1, exact_acc: 0.5 });
    expect(center.per_type.AWAKE).toEqual({ n: 1, type_acc: 0, exact_acc: 0 });
    expect(center.avg).toBeCloseTo(1 / 5);
    expect(StaticReportSchema.safeParse(center).success).toBe(true);
    const saved = saveReport(center, join(dir, 'store'));
    expect(saved.json).toMatch(/reports[/\\]bench-static-\d{8}T\d{6}Z-\d{3}\.json$/);
    expect(loadReportFile(saved.json).avg).toBeCloseTo(1 / 5);
    const cmp = compareReports([{ ...replay, label: 'replay run' }, { ...center, label: 'centre run' }]);
    expect(cmp.md).toContain('| replay run | 100.0 |');
    expect(cmp.html).toContain('<svg');
  });

  it('the policy sees the screenshot, task and history of the row', async () => {
    const dir = tempDir();
    const set = readStaticSet(await writeSet(dir, ROWS));
    const seen: unknown[] = [];
    const spy: Policy = { name: 'spy', describe: () => ({}), decide: async (ctx) => { seen.push({ id: ctx.observation.frame.id, bytes: ctx.observation.image.data.length, w: ctx.observation.image.width, hist: ctx.history.map((h) => h.model?.summary), task: ctx.task.instruction }); return {}; } };
    const r = await runStatic(set, spy);
    expect(seen).toContainEqual({ id: 'e1/1', bytes: expect.any(Number), w: 108, hist: ['opened Shop'], task: 'a task' });
    expect(r.errors.no_action).toBe(5);
    expect(r.avg).toBe(0);
  });

  it('a policy that throws is scored as a miss with the error, and the run goes on', async () => {
    const dir = tempDir();
    const set = readStaticSet(await writeSet(dir, ROWS));
    const flaky: Policy = { name: 'flaky', describe: () => ({}), decide: async (ctx) => { if (ctx.stepIndex === 2) throw new Error('endpoint down'); return { action: { type: 'complete', answer: '' } }; } };
    const r = await runStatic(set, flaky);
    expect(r.errors.policy_error).toBe(1);
    expect(r.steps.find((s) => s.id === 'e1/2')?.note).toMatch(/endpoint down/);
    expect(r.per_type.COMPLETE.exact_acc).toBe(1);
  });
});

describe('bad input', () => {
  it('broken JSONL lines are reported with their line numbers, and reading fails unless skipBad', async () => {
    const dir = tempDir();
    const good = JSON.stringify(ROWS[0]);
    const file = await writeSet(dir, ROWS.slice(0, 1), [good, '{"id": "x"', JSON.stringify({ ...ROWS[1], gt: { type: 'fly' } }), JSON.stringify({ ...ROWS[2], boxes: [[10, 10, 5, 5]] }), good]);
    expect(() => readStaticSet(file)).toThrow(/4 bad line\(s\): line 2: not valid JSON.*line 3: unknown action type "fly".*line 4: boxes/);
    const { rows, errors } = parseStaticJsonl(readFileSync(file, 'utf8'));
    expect(rows.map((r) => r.id)).toEqual(['e1/0']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[3].message).toMatch(/duplicate id "e1\/0"/);
    expect(readStaticSet(file, { skipBad: true }).rows).toHaveLength(1);
  });

  it('a missing screenshot stops the run before scoring, naming the file', async () => {
    const dir = tempDir();
    const set = readStaticSet(await writeSet(dir, ROWS));
    rmSync(join(dir, 'images', 'e1-3.png'));
    await expect(runStatic(set, new CenterPolicy())).rejects.toThrow(/1 screenshot\(s\).*missing.*e1-3\.png \(step e1\/3\)/);
  });

  it('unknown and unsuitable policies are clear errors', () => {
    expect(() => staticPolicy('gpt', [])).toThrow(/unknown policy "gpt".*replay, center, openai/);
    expect(() => staticPolicy('demo', [])).toThrow(expect.objectContaining({ code: 'not_implemented' }));
  });

  it('a file that is not there, or has no steps, says so', async () => {
    const dir = tempDir();
    expect(() => readStaticSet(join(dir, 'nope.jsonl'))).toThrow(/cannot read static set/);
    const empty = await writeSet(dir, [], ['# only a comment']);
    expect(() => readStaticSet(empty)).toThrow(/has no steps/);
  });

  it('a report file that is not a bench report is refused', async () => {
    const dir = tempDir();
    const f = join(dir, 'r.json');
    writeFileSync(f, JSON.stringify({ kind: 'static', avg: 2 }));
    expect(() => loadReportFile(f)).toThrow(/not a stepwise bench report/);
  });
});
