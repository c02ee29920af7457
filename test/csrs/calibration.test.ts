import { describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../../src/agent/fake-openai/index.js';
import { calibrate, calibrateOnGold, judgeSteps, judgeTrajectory, parseChain, parseJudgeReply, scriptVerdict, applyCalibrator, type JudgedItem } from '../../src/csrs/index.js';
import { Rng } from '../../src/core/random.js';
import type { Outcome, Trajectory } from '../../src/core/trajectory.js';
import { PNG } from './helpers.js';

const traj = (over: Partial<Trajectory> = {}): Trajectory => ({
  id: 't1', task: { instruction: 'Turn on Wi-Fi' }, status: 'finished', stopReason: 'completed', startedAt: 0,
  steps: [0, 1, 2].map((i) => ({ index: i, observation: { frameId: `f${i}`, image: 'a'.repeat(64), width: 10, height: 10 }, action: { type: 'key', key: 'back' } as const, result: { ok: true } })),
  ...over,
});
const img = () => PNG;
const judgeReply = (verdict: string, confidence: number) => JSON.stringify({ verdict, confidence, reason: 'looked at the screen' });

describe('calibration chain', () => {
  it('lets the verifier decide and skips the judge when a source is already sure', async () => {
    const server = await startFakeOpenAI({ script: () => judgeReply('failure', 0.6) });
    try {
      const stored: Outcome[] = [{ verdict: 'success', confidence: 1, source: 'verifier' }];
      const c = await calibrate(traj(), stored, { judge: { baseURL: server.url, apiKey: 'k', model: 'j' } }, img);
      expect(c.final).toMatchObject({ verdict: 'success', source: 'verifier' });
      expect(server.requests).toHaveLength(0);
      expect(c.review).toBeUndefined();
    } finally { await server.close(); }
  });

  it('routes to review when the judge is unsure, or when sources disagree below trust', async () => {
    const server = await startFakeOpenAI({ script: () => judgeReply('success', 0.55) });
    try {
      const c = await calibrate(traj(), [], { judge: { baseURL: server.url, apiKey: 'k', model: 'j' } }, img);
      expect(c.final).toMatchObject({ verdict: 'success', source: 'judge' });
      expect(c.final!.cost!.tokens).toBeGreaterThan(0);
      expect(c.review).toMatch(/below 0.7/);
      const d = await calibrate(traj({ answer: 'I cannot do that' }), [], { judge: { baseURL: server.url, apiKey: 'k', model: 'j' }, judgeWhen: 'always' }, img);
      expect(d.final).toMatchObject({ verdict: 'failure', source: 'rule' });
      expect(d.review).toMatch(/disagree/);
      const h = await calibrate(traj(), [{ verdict: 'failure', confidence: 1, source: 'human' }], { judge: { baseURL: server.url, apiKey: 'k', model: 'j' }, judgeWhen: 'always' }, img);
      expect(h.final?.source).toBe('human');
      expect(h.review).toBeUndefined();
    } finally { await server.close(); }
  });

  it('rejects unknown sources in a chain spec', () => {
    expect(parseChain('verifier, rules')).toEqual(['verifier', 'rules']);
    expect(() => parseChain('verifier,oracle')).toThrow(/unknown verdict source "oracle"/);
  });

  it('runs a user verifier script over the trajectory JSON and reports a broken one', async () => {
    const ok = `node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const t=JSON.parse(s);console.log(JSON.stringify({verdict:t.steps.length===3?'success':'failure',confidence:0.8}))})"`;
    await expect(scriptVerdict(ok, traj())).resolves.toMatchObject({ verdict: 'success', confidence: 0.8, source: 'verifier' });
    await expect(scriptVerdict('echo not-json', traj())).rejects.toThrow(/not a verdict/);
    await expect(scriptVerdict('exit 3', traj())).rejects.toThrow(/exited with 3/);
  });
});

describe('judge against the fake OpenAI server', () => {
  it('sends the task, the action log and the final screenshot, and votes over k samples', async () => {
    const server = await startFakeOpenAI({ script: [judgeReply('success', 0.9), judgeReply('failure', 0.7), judgeReply('success', 0.8)] });
    try {
      const o = await judgeTrajectory(traj(), { baseURL: server.url, apiKey: 'k', model: 'j', samples: 3 }, img);
      expect(o.verdict).toBe('success');
      expect(o.confidence).toBeCloseTo((0.9 + 0.3 + 0.8) / 3, 6);
      expect(server.requests).toHaveLength(3);
      expect(server.requests[0].text).toContain('Turn on Wi-Fi');
      expect(server.requests[0].text).toContain('key key="back"');
      expect(server.requests[0].images).toHaveLength(1);
    } finally { await server.close(); }
  });

  it('survives garbage, wrong JSON and a hanging server, and fails clearly when nothing usable came back', async () => {
    const server = await startFakeOpenAI({ script: [{ fault: 'garbage' }, 'no json here', { fault: 'hang' }, judgeReply('failure', 0.95)] });
    try {
      // 1st call: garbage then the retry gets prose -> no vote; 2nd call: hang (timeout) then a verdict.
      const o = await judgeTrajectory(traj(), { baseURL: server.url, apiKey: 'k', model: 'j', samples: 1, retries: 1, timeoutMs: 1500 }, img).catch((e: Error) => e);
      expect(o).toBeInstanceOf(Error);
      expect((o as Error).message).toMatch(/no usable verdict/);
      const p = await judgeTrajectory(traj(), { baseURL: server.url, apiKey: 'k', model: 'j', samples: 1, retries: 1, timeoutMs: 1500 }, img);
      expect(p).toMatchObject({ verdict: 'failure', confidence: 0.95 });
    } finally { await server.close(); }
    expect(() => parseJudgeReply('{"verdict":"maybe","confidence":2}')).toThrow(/not a verdict/);
  }, 30_000);

  it('costs one call per trajectory where a step-level judge pays one per step', async () => {
    const server = await startFakeOpenAI({ script: () => judgeReply('success', 0.9) });
    try {
      const t = traj({ steps: Array.from({ length: 12 }, (_, i) => ({ index: i, observation: { frameId: `f${i}`, image: 'a'.repeat(64), width: 10, height: 10 }, action: { type: 'key', key: 'back' } as const })) });
      const once = await judgeTrajectory(t, { baseURL: server.url, apiKey: 'k', model: 'j' }, img);
      const steps = await judgeSteps(t, { baseURL: server.url, apiKey: 'k', model: 'j' }, img);
      expect(steps.calls).toBe(12);
      expect(steps.tokens / once.cost!.tokens!).toBeGreaterThan(3);
    } finally { await server.close(); }
  });
});

describe('gold-slice calibration', () => {
  it('improves ECE and Brier of an over-confident judge and estimates its accuracy with an interval', () => {
    const rng = new Rng('gold');
    const items: JudgedItem[] = [];
    for (let i = 0; i < 200; i++) {
      const gold = rng.chance(0.5) ? 'success' : 'failure';
      const right = rng.chance(0.75); // the judge is right 75% of the time but always says 0.95
      const verdict = right ? gold : gold === 'success' ? 'failure' : 'success';
      items.push({ verdict, confidence: 0.95, gold: i < 80 ? gold : undefined });
    }
    const r = calibrateOnGold(items);
    expect(r.gold).toBe(80);
    expect(r.before.ece).toBeGreaterThan(0.1);
    expect(r.after.ece).toBeLessThan(r.before.ece);
    expect(r.after.brier).toBeLessThan(r.before.brier);
    const [lo, hi] = r.annotationAccuracy.ci;
    expect(lo).toBeLessThan(0.75);
    expect(hi).toBeGreaterThan(0.75);
    expect(applyCalibrator(r.calibrator, 'success', 0.95).confidence).toBeLessThan(0.9);
    expect(() => calibrateOnGold(items.slice(100))).toThrow(/gold verdict/);
  });
});
