/**
 * Gold calibration from the command line: a judge that always says "success, 0.95" is judged
 * against verifier labels, its calibrator is saved, and a later CSRS run applies it, so the
 * overconfident judge's verdicts are no longer trusted blindly.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { calibrate } from '../../src/csrs/calibrate/chain.js';
import { goldOf, loadCalibrator } from '../../src/csrs/calibrate/gold-run.js';
import { button, putTrajectory, screen, tempStore, verifier } from './helpers.js';

const main = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js');
const HOME = screen(['Inbox']);
const judgeSays = (verdict: string, confidence: number) => JSON.stringify({ verdict, confidence, reason: 'looks done' });

let server: FakeServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

function labelledStore(n: number) {
  const store = tempStore();
  for (let i = 0; i < n; i++) {
    putTrajectory(store, { taskId: `t${i}`, stop: 'completed', outcome: verifier(i % 2 ? 'failure' : 'success'), steps: [
      { screen: HOME, action: { type: 'click', point: button(0) } },
      { screen: HOME, action: { type: 'complete', answer: '' } },
    ] });
  }
  return store;
}

describe('csrs gold', () => {
  it('takes a human verdict over a verifier as gold', () => {
    expect(goldOf([verifier('success'), { verdict: 'failure', confidence: 1, source: 'human' }, verifier('success')])).toBe('failure');
    expect(goldOf([{ verdict: 'success', confidence: 0.9, source: 'judge' }])).toBeUndefined();
  });

  it('calibrates an overconfident judge, saves the calibrator, and CSRS applies it', async () => {
    server = await startFakeOpenAI();
    server.respondWith(() => judgeSays('success', 0.95));
    const store = labelledStore(12);
    const dir = store.dir;
    store.close();
    const file = join(mkdtempSync(join(tmpdir(), 'gold-')), 'judge-cal.json');
    // Async: the fake judge answers from this process, so the test must not block its event loop.
    const { stdout: out } = await promisify(execFile)('node', [main, 'csrs', 'gold', '--store', dir, '--judge-base-url', server.url, '--judge-model', 'fake-model', '--save', file, '--json'], { encoding: 'utf8' });
    const r = JSON.parse(out);
    expect(r).toMatchObject({ items: 12, gold: 12, judged: 12 });
    expect(r.before.accuracy).toBeCloseTo(0.5, 5);
    expect(r.before.ece).toBeCloseTo(0.45, 5); // says 0.95, right half the time
    expect(r.after.ece).toBeLessThan(0.05);
    expect(r.tokens).toBeGreaterThan(0);
    const { calibrator, model } = loadCalibrator(file);
    expect(model).toBe('fake-model');
    // In the chain, the judge's "success 0.95" becomes a coin flip and goes to review.
    const s2 = labelledStore(1);
    const t = s2.getTrajectory(s2.listTrajectories()[0].id);
    const judge = { baseURL: server.url, apiKey: 'k', model: 'fake-model' };
    const raw = await calibrate(t, [], { chain: ['judge'], judge }, (sha) => s2.getBlob(sha));
    const cal = await calibrate(t, [], { chain: ['judge'], judge, judgeCalibrator: calibrator }, (sha) => s2.getBlob(sha));
    expect(raw.final?.confidence).toBeCloseTo(0.95, 5);
    expect(raw.review).toBeUndefined();
    expect(cal.final?.confidence).toBeCloseTo(0.5, 5);
    expect(cal.final?.reason).toMatch(/calibrated from success 0\.95/);
    expect(cal.review).toMatch(/below/);
  }, 60_000);

  it('explains a missing judge and a file that is not a calibrator', () => {
    const store = labelledStore(1);
    const run = (args: string[]) => { try { execFileSync('node', [main, ...args], { encoding: 'utf8', stdio: 'pipe' }); return ''; } catch (e) { return String((e as { stderr: string }).stderr); } };
    expect(run(['csrs', 'gold', '--store', store.dir])).toMatch(/--judge-base-url/);
    const bad = join(mkdtempSync(join(tmpdir(), 'gold-')), 'x.json');
    writeFileSync(bad, '{"kind":"other"}');
    expect(() => loadCalibrator(bad)).toThrow(/not a judge calibrator/);
    expect(run(['csrs', '--store', store.dir, '--out', join(tmpdir(), 'never'), '--judge-calibrator', bad])).toMatch(/not a judge calibrator/);
    expect(readFileSync(bad, 'utf8')).toBe('{"kind":"other"}');
  });
});
