import { describe, expect, it } from 'vitest';
import { createJudge } from '../../src/judges/index.js';
import { endpoint, fake, item } from './helpers.js';

/** A reward model that likes answers mentioning "Paris". */
const scorer = (text: string) => (text.includes('Paris') ? 2.5 : -1.5);

describe('scalar reward heads', () => {
  it('vLLM /classify with messages: raw logit by default, sigmoid as confidence', async () => {
    const s = await fake({ scorer });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s) });
    const good = await j.score(item('Capital of France?', 'Paris.'));
    const bad = await j.score(item('Capital of France?', 'Lyon.'));
    expect(good.score).toBe(2.5);
    expect(bad.score).toBe(-1.5);
    expect(good.confidence).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 6);
    const req = s.requests[0];
    expect(req.path).toBe('/classify');
    expect(req.body.use_activation).toBe(false);
    expect(req.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(good.cost.calls).toBe(1);
    expect(good.cost.promptTokens).toBeGreaterThan(0);
  });

  it('activation on returns the server probability; older builds get `activation`', async () => {
    const s = await fake({ scorer });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s), activation: true });
    const r = await j.score(item('q', 'Paris'));
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 6);
    const old = createJudge({ protocol: 'scalar', ...endpoint(s), activationField: 'activation' });
    await old.score(item('q', 'Paris'));
    expect(s.requests[1].body.activation).toBe(false);
  });

  it('vLLM /pooling on a token-wise head reads the last token; text inputs are batched', async () => {
    const s = await fake({ scorer, tokenwise: true });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s), route: 'pooling', input: 'text', batchSize: 3 });
    const items = ['Paris', 'Lyon', 'Paris!', 'Nice', 'Paris?'].map((r, i) => item('Capital?', r, { id: `i${i}` }));
    const ranked = await j.rank(items);
    expect(s.requests).toHaveLength(2);
    expect(s.requests.every((r) => r.path === '/pooling')).toBe(true);
    expect(ranked.scores).toEqual([2.5, -1.5, 2.5, -1.5, 2.5]);
    expect(ranked.order.slice(0, 3).sort()).toEqual([0, 2, 4]);
  });

  it('TEI /predict with raw scores', async () => {
    const s = await fake({ scorer });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s), route: 'predict' });
    const r = await j.score(item('Capital?', 'Paris'));
    expect(r.score).toBe(2.5);
    expect(s.requests[0].body.raw_scores).toBe(true);
  });

  it('compare prefers the higher reward with a Bradley-Terry probability', async () => {
    const s = await fake({ scorer });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s) });
    const r = await j.compare(item('q', 'Lyon'), item('q', 'Paris'));
    expect(r.preferred).toBe('b');
    expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(4)), 6);
  });

  it('VerifyRM sends its tagged text and returns P(correct); needs a reference', async () => {
    const s = await fake({ scorer: (t) => (t.includes('<completion>42</completion>') && t.includes('<reference_answer>42<') ? 3 : -3) });
    const j = createJudge({ protocol: 'verifyrm', ...endpoint(s) });
    const r = await j.score(item('6*7?', '42', { reference: '42' }));
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(s.requests[0].body.input).toBe('<question>6*7?</question>\n<reference_answer>42</reference_answer>\n<completion>42</completion>');
    await expect(j.score(item('6*7?', '42'))).rejects.toThrow(/needs a reference/);
  });

  it('POLAR joins reference and output with its special tokens and reads /pooling', async () => {
    const s = await fake({ scorer: (t) => (t.endsWith('blue[UNUSED_TOKEN_130]') ? 1.25 : -0.5), tokenwise: true });
    const j = createJudge({ protocol: 'polar', ...endpoint(s) });
    const r = await j.score(item('Sky colour?', 'blue', { reference: 'It is blue' }));
    expect(r.score).toBe(1.25);
    expect(s.requests[0].body.input).toBe('Sky colour?\nIt is blue<|reward|>Sky colour?\nblue[UNUSED_TOKEN_130]');
  });

  it('a reply without scores is retried, and after the retries a clear model_error naming the endpoint', async () => {
    const s = await fake({ scorer });
    s.enqueue({ fault: 'wrong_json', body: { data: [{ index: 0, probs: [] }] } });
    const j = createJudge({ protocol: 'scalar', ...endpoint(s) });
    expect((await j.score(item('q', 'Paris'))).score).toBe(2.5);
    s.enqueue({ fault: 'wrong_json', body: { data: [{ index: 0, probs: [] }] } }, { fault: 'garbage' });
    const err = await createJudge({ protocol: 'scalar', ...endpoint(s), retries: 1 }).score(item('q', 'a')).catch((e) => e);
    expect(err.code).toBe('model_error');
    expect(err.message).toMatch(/model "fake-model" at .* returned something that is not a classify answer with 1 score\(s\) \(label 0\).*\(2 attempts\)/);
  });
});
