import { describe, expect, it } from 'vitest';
import { StepwiseError } from '../../src/core/errors.js';
import { createJudge } from '../../src/judges/index.js';
import { endpoint, fake, item, tokenAnswer } from './helpers.js';

describe('log-prob probes', () => {
  it('logit-probe: lp(Yes) - lp(No) from top_logprobs of a one-token answer', async () => {
    const s = await fake({ script: [tokenAnswer([['Yes', -0.1], ['No', -2.4], ['Maybe', -5]])] });
    const j = createJudge({ protocol: 'logit-probe', ...endpoint(s), topLogprobs: 5 });
    const r = await j.score(item('2+2?', '4'));
    expect(r.score).toBeCloseTo(2.3, 9);
    expect(r.confidence).toBeCloseTo(1 / (1 + Math.exp(-2.3)), 9);
    expect(r.verdict).toBe('success');
    expect(s.requests[0].body).toMatchObject({ max_tokens: 1, logprobs: true, top_logprobs: 5 });
  });

  it('spelling variants of a candidate are summed in probability', async () => {
    const s = await fake({ script: [tokenAnswer([[' No', Math.log(0.3)], ['no', Math.log(0.3)], ['Yes', Math.log(0.2)]])] });
    const r = await createJudge({ protocol: 'logit-probe', ...endpoint(s) }).score(item('q', 'a'));
    expect(r.confidence).toBeCloseTo(0.2 / 0.8, 9);
    expect(r.verdict).toBe('failure');
  });

  it('an endpoint without log-probs is a clear error that says how to serve the model', async () => {
    const s = await fake({ logprobs: false, script: ['Yes'] });
    const err = await createJudge({ protocol: 'logit-probe', ...endpoint(s) }).score(item('q', 'a')).catch((e) => e);
    expect(err).toBeInstanceOf(StepwiseError);
    expect(err.message).toMatch(/returned no token log-probs, which logit-probe needs/);
    expect(err.hint).toMatch(/--max-logprobs/);
  });

  it('an answer whose top tokens hold neither Yes nor No is a parse error', async () => {
    const s = await fake({ script: [tokenAnswer([['The', -0.2], ['I', -1.9]])] });
    await expect(createJudge({ protocol: 'logit-probe', ...endpoint(s) }).score(item('q', 'a'))).rejects.toThrow(/neither yes nor no is among the answer's top tokens/);
  });

  it('RLBFF appends the principle turn after the response', async () => {
    const s = await fake({ script: [tokenAnswer([['No', -0.05], ['Yes', -3.05]])] });
    const j = createJudge({ protocol: 'rlbff', ...endpoint(s) });
    const r = await j.score(item('Write a haiku', 'roses are red', { principle: 'the response is a haiku' }));
    expect(r.score).toBeCloseTo(-3, 9);
    const msgs = s.requests[0].body.messages;
    expect(msgs.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(msgs[2].content).toBe('Evaluate the response to the previous prompt in terms of whether it satisfies this principle: the response is a haiku. Only answer Yes or No.');
  });

  it('RLBFF generative variant parses "Final Judgment" and rejects answers without it', async () => {
    const s = await fake({ logprobs: false, script: ['The lines count 5-7-5.\nFinal Judgment: Yes', 'I think it is fine.'] });
    const j = createJudge({ protocol: 'rlbff', ...endpoint(s), mode: 'generative' });
    const r = await j.score(item('Write a haiku', 'an old silent pond'));
    expect(r.score).toBe(1);
    expect(r.rationale).toBe('The lines count 5-7-5.');
    await expect(j.score(item('Write a haiku', 'x'))).rejects.toThrow(/no "Final Judgment: Yes\|No"/);
  });

  it('RewardDance: P(yes) that the candidate beats the reference', async () => {
    const s = await fake({ script: [tokenAnswer([['yes', Math.log(0.6)], ['no', Math.log(0.2)]])] });
    const r = await createJudge({ protocol: 'rewarddance', ...endpoint(s) }).score(item('q', 'cand', { reference: 'ref' }));
    expect(r.score).toBeCloseTo(0.75, 9);
    expect(s.requests[0].text).toContain('Reference response:\nref');
  });
});

describe('pairwise with position swapping', () => {
  /** A judge that always prefers whichever response is shown first. */
  const firstLover = () => tokenAnswer([['1', Math.log(0.9)], ['2', Math.log(0.1)]]);

  it('asking in both orders cancels a judge that always prefers the first item', async () => {
    const s = await fake({ script: () => firstLover() });
    const j = createJudge({ protocol: 'pairwise-rl', ...endpoint(s) });
    const r = await j.compare(item('q', 'alpha'), item('q', 'beta'));
    expect(r.probability).toBeCloseTo(0.5, 9);
    expect(r.preferred).toBe('tie');
    expect(s.requests).toHaveLength(2);
    // The second request shows the pair swapped.
    expect(s.requests[0].text.indexOf('alpha')).toBeLessThan(s.requests[0].text.indexOf('beta'));
    expect(s.requests[1].text.indexOf('beta')).toBeLessThan(s.requests[1].text.indexOf('alpha'));
  });

  it('without swapping the same judge is biased (the bias the swap removes)', async () => {
    const s = await fake({ script: () => firstLover() });
    const r = await createJudge({ protocol: 'pairwise-rl', ...endpoint(s), swap: 'none' }).compare(item('q', 'alpha'), item('q', 'beta'));
    expect(r.preferred).toBe('a');
    expect(r.probability).toBeCloseTo(0.9, 9);
  });

  it('a judge with a real preference keeps it under swapping', async () => {
    // Prefers the response that says Paris, wherever it is shown, with a mild first-position bias.
    const s = await fake({ script: (req) => {
      const first = req.text.indexOf('[Response 1]\nParis') >= 0;
      return tokenAnswer(first ? [['1', Math.log(0.95)], ['2', Math.log(0.05)]] : [['2', Math.log(0.7)], ['1', Math.log(0.3)]]);
    } });
    const j = createJudge({ protocol: 'pairwise-rl', ...endpoint(s) });
    const r = await j.compare(item('Capital?', 'Lyon'), item('Capital?', 'Paris'));
    expect(r.preferred).toBe('b');
    expect(r.probability).toBeCloseTo(0.5 * (0.3 + 1 - 0.95), 9);
    const ranked = await j.rank([item('Capital?', 'Lyon'), item('Capital?', 'Paris'), item('Capital?', 'Nice')]);
    expect(ranked.order[0]).toBe(1);
  });
});

describe('transport faults', () => {
  it('429 with Retry-After is retried and the answer used', async () => {
    const s = await fake({ script: [{ fault: 'status', status: 429, retryAfter: 0 }, tokenAnswer([['Yes', -0.2], ['No', -1.2]])] });
    const r = await createJudge({ protocol: 'logit-probe', ...endpoint(s) }).score(item('q', 'a'));
    expect(r.score).toBeCloseTo(1, 9);
    expect(s.requests).toHaveLength(2);
  });

  it('429 beyond the retries is a model_error with a rate-limit hint', async () => {
    const s = await fake({ script: () => ({ fault: 'status', status: 429 }) });
    const err = await createJudge({ protocol: 'logit-probe', ...endpoint(s), retries: 2 }).score(item('q', 'a')).catch((e) => e);
    expect(err.code).toBe('model_error');
    expect(err.hint).toMatch(/rate limiting/);
    expect(s.requests).toHaveLength(3);
  });

  it('a hanging server times out with a timeout error', async () => {
    const s = await fake({ script: [{ fault: 'hang' }] });
    const err = await createJudge({ protocol: 'logit-probe', ...endpoint(s), timeoutMs: 200, retries: 0 }).score(item('q', 'a')).catch((e) => e);
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 200 ms/);
  });

  it('a 503 on a scalar route is retried too', async () => {
    const s = await fake({ script: [{ fault: 'status', status: 503 }], scorer: () => 0.5 });
    const r = await createJudge({ protocol: 'scalar', ...endpoint(s) }).score(item('q', 'a'));
    expect(r.score).toBe(0.5);
    expect(s.requests).toHaveLength(2);
  });
});
