import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StepwiseError } from '../../src/core/errors.js';
import { BudgetExceededError, calibrateJudge, createJudge, listProtocols, scoreAll } from '../../src/judges/index.js';
import { endpoint, fake, item, tokenAnswer } from './helpers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((c) => c())); });

describe('config and registry', () => {
  it('lists every protocol with its kind and options; unknown and unbuilt ones are clear errors', () => {
    const ps = listProtocols();
    expect(ps.find((p) => p.name === 'scalar')).toMatchObject({ kind: 'scalar', implemented: true });
    expect(ps.find((p) => p.name === 'scalar')!.options).toContain('route');
    expect(() => createJudge({ protocol: 'nope' })).toThrow(/unknown judge protocol "nope".*use one of: scalar/);
    const err = (() => { try { createJudge({ protocol: 'capo', baseURL: 'http://127.0.0.1:1/v1', model: 'm' }); } catch (e) { return e; } })() as StepwiseError;
    expect(err.code).toBe('not_implemented');
  });

  it('a misspelt option or missing endpoint is a config error naming the key', () => {
    expect(() => createJudge({ protocol: 'scalar', baseURL: 'http://127.0.0.1:1/v1', model: 'm', rout: 'pooling' })).toThrow(/Unrecognized key.*rout/);
    expect(() => createJudge({ protocol: 'scalar', baseURL: 'http://127.0.0.1:1/v1', model: 'm', route: 'reward' })).toThrow(/route/);
    expect(() => createJudge({ protocol: 'rlbff', model: 'm' })).toThrow(/has no baseURL/);
  });

  it('reads a judge by name from the judges: section of stepwise.config.yaml', async () => {
    const s = await fake({ scorer: () => 1.5 });
    const dir = mkdtempSync(join(tmpdir(), 'judge-cfg-'));
    writeFileSync(join(dir, 'stepwise.config.yaml'), `judges:\n  rm:\n    protocol: scalar\n    baseURL: ${s.url}\n    model: fake-model\n    route: pooling\n    input: text\n`);
    const r = await createJudge('rm', { cwd: dir, env: {} }).score(item('q', 'a'));
    expect(r.score).toBe(1.5);
    expect(s.requests[0].path).toBe('/pooling');
    expect(() => createJudge('other', { cwd: dir, env: {} })).toThrow(/no judge named "other".*use one of: rm/);
  });
});

describe('FLR', () => {
  // A model that finds satisfied follow-ups likely after "Paris" and unlikely otherwise.
  const promptLogprob = (_tok: string, _pos: number, text: string, offset: number) => {
    const cut = text.lastIndexOf('User: ');
    if (offset < cut + 6) return -1;
    const good = text.includes('Assistant: Paris');
    const positive = /\b(?:exactly|correct|thank|informative|pleasure|learned|Interesting|Right|Great|Perfect|needed|understood)/i.test(text.slice(cut));
    return good === positive ? -0.2 : -2.2;
  };

  for (const via of ['prompt_logprobs', 'echo', 'tgi'] as const) {
    it(`scores positive minus negative follow-up likelihood via ${via}`, async () => {
      const s = await fake({ promptLogprob });
      const j = createJudge({ protocol: 'flr', ...endpoint(s), via, dimensions: ['correctness', 'relevance'] });
      const good = await j.score(item('Capital of France?', 'Paris'));
      const bad = await j.score(item('Capital of France?', 'Berlin'));
      expect(good.score).toBeCloseTo(2, 6);
      expect(bad.score).toBeCloseTo(-2, 6);
      expect(Object.keys(good.aspects!)).toEqual(['correctness', 'relevance']);
      if (via !== 'tgi') expect(s.requests).toHaveLength(2);
    });
  }

  it('a server without prompt log-probs is a clear error with the alternative', async () => {
    const s = await fake({ logprobs: false });
    const err = await createJudge({ protocol: 'flr', ...endpoint(s) }).score(item('q', 'a')).catch((e) => e);
    expect(err.message).toMatch(/returned no token log-probs, which flr needs/);
    expect(err.hint).toMatch(/via: echo/);
  });
});

describe('sidecar contract', () => {
  it('posts items in batches and reads {results}', async () => {
    const seen: unknown[] = [];
    const srv = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c)).on('end', () => {
        const body = JSON.parse(b);
        seen.push({ path: req.url, body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ results: body.items.map((i: { response: string }) => ({ score: i.response.length, confidence: 0.5, rationale: 'len' })), usage: { prompt_tokens: 10, completion_tokens: 0 } }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise((r) => srv.close(() => r())));
    const port = (srv.address() as { port: number }).port;
    const j = createJudge({ protocol: 'sidecar', baseURL: `http://127.0.0.1:${port}`, model: 'ixc-reward', batchSize: 2, retryDelayMs: 1 });
    const out = await scoreAll(j, ['a', 'bbb', 'cc'].map((r) => item('q', r)), { batchSize: 2 });
    expect(out.outcomes.map((o) => (o.ok ? o.result.score : NaN))).toEqual([1, 3, 2]);
    expect(seen).toHaveLength(2);
    expect((seen[0] as { path: string; body: { model: string; items: unknown[] } })).toMatchObject({ path: '/score', body: { model: 'ixc-reward', items: [{ prompt: 'q', response: 'a' }, { prompt: 'q', response: 'bbb' }] } });
  });
});

describe('hybrid ensembles', () => {
  it('rules veto before models; members are weighted aspects', async () => {
    const s = await fake({ scorer: (t) => (t.includes('Paris') ? 3 : -3), script: () => tokenAnswer([['Yes', Math.log(0.6)], ['No', Math.log(0.4)]]) });
    const j = createJudge({
      protocol: 'hybrid',
      members: [
        { name: 'rm', weight: 3, judge: { protocol: 'scalar', ...endpoint(s) } },
        { name: 'probe', weight: 1, judge: { protocol: 'logit-probe', ...endpoint(s) } },
      ],
      rules: [{ kind: 'response-regex', name: 'no-apology', pattern: 'sorry' }],
    });
    const r = await j.score(item('Capital?', 'Paris'));
    const pRm = 1 / (1 + Math.exp(-3));
    expect(r.aspects).toMatchObject({ 'rule:no-apology': 1, probe: expect.closeTo(0.6, 9), rm: expect.closeTo(pRm, 9) });
    expect(r.score).toBeCloseTo((3 * pRm + 0.6) / 4, 9);
    const before = s.requests.length;
    const vetoed = await j.score(item('Capital?', 'Sorry, Paris'));
    expect(vetoed).toMatchObject({ score: 0, verdict: 'failure', rationale: 'rule failed: no-apology' });
    expect(s.requests.length).toBe(before);
    const vote = createJudge({ protocol: 'hybrid', aggregate: 'vote', members: [{ name: 'rm', judge: { protocol: 'scalar', ...endpoint(s) } }, { name: 'probe', judge: { protocol: 'logit-probe', ...endpoint(s) } }] });
    expect((await vote.score(item('Capital?', 'Lyon'))).score).toBe(0.5);
  });

  it('a member that fails is recorded and left out', async () => {
    const s = await fake({ scorer: () => 2, logprobs: false, script: () => 'Yes' });
    const j = createJudge({ protocol: 'hybrid', members: [{ name: 'rm', judge: { protocol: 'scalar', ...endpoint(s) } }, { name: 'probe', judge: { protocol: 'logit-probe', ...endpoint(s) } }] });
    const r = await j.score(item('q', 'a'));
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 9);
    expect(r.errors![0]).toMatch(/^probe: .*no token log-probs/);
  });
});

describe('operations', () => {
  it('a token budget stops the run before it overspends; the rest are reported, not lost', async () => {
    const s = await fake({ script: () => tokenAnswer([['Yes', -0.1], ['No', -3]]) });
    const j = createJudge({ protocol: 'logit-probe', ...endpoint(s), budget: { tokens: 120 } });
    const items = Array.from({ length: 10 }, (_, i) => item('Is this fine?', `answer ${i}`));
    const { outcomes, stopped } = await scoreAll(j, items, { concurrency: 1 });
    const ok = outcomes.filter((o) => o.ok).length;
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThan(10);
    expect(stopped).toMatch(/would exceed the limit of 120 tokens/);
    expect(outcomes).toHaveLength(10);
    expect(s.requests).toHaveLength(ok);
    const spent = outcomes.reduce((a, o) => a + (o.ok ? o.result.cost.promptTokens + o.result.cost.completionTokens : 0), 0);
    expect(spent).toBeLessThanOrEqual(120);
  });

  it('a USD budget needs a price, and refuses the first call that could cross it', async () => {
    expect(() => createJudge({ protocol: 'logit-probe', baseURL: 'http://127.0.0.1:1/v1', model: 'm', budget: { usd: 1 } })).toThrow(/needs a price/);
    const s = await fake({ script: () => tokenAnswer([['Yes', -0.1], ['No', -3]]) });
    const j = createJudge({ protocol: 'logit-probe', ...endpoint(s), price: { prompt: 1_000_000, completion: 0 }, budget: { usd: 5 } });
    await expect(j.score(item('q', 'a'.repeat(100)))).rejects.toBeInstanceOf(BudgetExceededError);
    expect(s.requests).toHaveLength(0);
  });

  it('the content-hash cache answers repeats without calling the model', async () => {
    const s = await fake({ scorer: (t) => t.length });
    const cache = join(mkdtempSync(join(tmpdir(), 'judge-cache-')), 'c.sqlite');
    const j = createJudge({ protocol: 'scalar', ...endpoint(s), cache });
    const a = await j.score(item('q', 'hello'));
    const b = await createJudge({ protocol: 'scalar', ...endpoint(s), cache, concurrency: 9 }).score(item('q', 'hello'));
    expect(b.score).toBe(a.score);
    expect(b.cost).toMatchObject({ cached: true, calls: 0 });
    expect(s.requests).toHaveLength(1);
    // A different option that changes the answer is a miss.
    await createJudge({ protocol: 'scalar', ...endpoint(s), cache, input: 'text' }).score(item('q', 'hello'));
    expect(s.requests).toHaveLength(2);
  });

  it('calibration on a gold slice gives a judge with better Brier, usable like the raw one', async () => {
    // An over-confident reward model: positive logits on many bad items.
    const s = await fake({ scorer: (t) => (t.includes('good') ? 4 : t.includes('meh') ? 3 : -4) });
    const raw = createJudge({ protocol: 'scalar', ...endpoint(s) });
    const gold = [
      ...Array.from({ length: 6 }, (_, i) => ({ item: item('q', `good ${i}`), label: true })),
      ...Array.from({ length: 6 }, (_, i) => ({ item: item('q', `meh ${i}`), label: i < 2 })),
      ...Array.from({ length: 6 }, (_, i) => ({ item: item('q', `bad ${i}`), label: false })),
    ];
    const { judge, report } = await calibrateJudge(raw, gold);
    expect(report.after.brier).toBeLessThan(report.before.brier);
    const r = await judge.score(item('q', 'meh again'));
    expect(r.confidence).toBeCloseTo(2 / 6, 6);
    expect(r.verdict).toBe('failure');
    expect(r.aspects!.raw).toBe(3);
    expect((await judge.compare(item('q', 'good x'), item('q', 'meh x'))).preferred).toBe('a');
    await expect(calibrateJudge(raw, gold.slice(0, 3))).rejects.toThrow(/at least 4 items with both labels/);
  });
});
