import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeReply, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { OpenAIPolicy, type OpenAIPolicyOptions } from '../../src/agent/openai/index.js';
import { StepwiseError } from '../../src/core/errors.js';
import { context, observation } from './helpers.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const OK = 'explain:go home\taction:HOME\tsummary:went home';

async function setup(script: FakeReply[], o: Partial<OpenAIPolicyOptions> = {}): Promise<OpenAIPolicy> {
  server = await startFakeOpenAI({ script });
  return new OpenAIPolicy({ baseURL: server.url, model: 'm', apiKey: 'k', dialect: 'gelab', timeoutMs: 3000, backoff: { baseDelayMs: 5, random: () => 0 }, ...o });
}

async function failure(p: Promise<unknown>): Promise<StepwiseError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(StepwiseError);
  return e as StepwiseError;
}

describe('openai policy: transient failures, timeouts, unparseable output', () => {
  it('retries 429 and 500 (and a non-completion body) and then succeeds', async () => {
    const p = await setup([{ fault: 'status', status: 429, retryAfter: 0 }, { fault: 'status', status: 500 }, { fault: 'wrong_json' }, { fault: 'garbage' }, { fault: 'reset' }, OK], { retries: 5 });
    const d = await p.decide(context(await observation()));
    expect(d.action).toEqual({ type: 'key', key: 'home' });
    expect(d.meta).toMatchObject({ requests: 6 });
    expect(server!.requests).toHaveLength(6);
  });

  it('waits as long as Retry-After asks', async () => {
    const p = await setup([{ fault: 'status', status: 429, retryAfter: 1 }, OK], { retries: 1 });
    const t0 = Date.now();
    await p.decide(context(await observation()));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the configured retries with an error naming the endpoint and status', async () => {
    const p = await setup([{ fault: 'status', status: 500 }, { fault: 'status', status: 503 }, OK], { retries: 1 });
    const e = await failure(p.decide(context(await observation())));
    expect(e.message).toMatch(/model "m" at http:\/\/127\.0\.0\.1:\d+\/v1 answered HTTP 503 \(2 attempts\)/);
    expect(e.details).toMatchObject({ status: 503, attempts: 2 });
    expect(server!.pending()).toBe(1);
  });

  it('does not retry client errors (400) and says what to check', async () => {
    const p = await setup([{ fault: 'status', status: 404, message: 'The model `m` does not exist.' }, OK], { retries: 3 });
    const e = await failure(p.decide(context(await observation())));
    expect(e.code).toBe('config_error');
    expect(e.message).toMatch(/HTTP 404/);
    expect(e.hint).toMatch(/model name/);
    expect(server!.requests).toHaveLength(1);
  });

  it('a hanging server gives a clear timeout error after the retries', async () => {
    const p = await setup([{ fault: 'hang' }, { fault: 'hang' }], { retries: 1, timeoutMs: 200 });
    const t0 = Date.now();
    const e = await failure(p.decide(context(await observation())));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 200 ms \(2 attempts\)/);
    expect(e.hint).toMatch(/timeoutMs/);
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('a stream that stalls halfway times out too', async () => {
    const p = await setup([{ content: OK, chunkDelayMs: 400 }, OK], { retries: 0, timeoutMs: 300, stream: true });
    const e = await failure(p.decide(context(await observation())));
    expect(e.code).toBe('timeout');
    expect(server!.requests).toHaveLength(1);
  });

  it('an unreachable endpoint is a config error that names the base URL', async () => {
    const dead = await startFakeOpenAI({});
    const url = dead.url;
    await dead.close();
    const p = new OpenAIPolicy({ baseURL: url, model: 'm', retries: 1, backoff: { baseDelayMs: 1 } });
    const e = await failure(p.decide(context(await observation())));
    expect(e.code).toBe('config_error');
    expect(e.message).toContain(`cannot reach model "m" at ${url}`);
  });

  it('cancels an in-flight request when the signal aborts', async () => {
    const p = await setup([{ fault: 'hang' }], { retries: 3, timeoutMs: 10_000 });
    const ac = new AbortController();
    const obs = await observation();
    const timer = setInterval(() => { if (server!.requests.length) ac.abort(); }, 5);
    const t0 = Date.now();
    const e = await failure(p.decide(context(obs, { signal: ac.signal })));
    clearInterval(timer);
    expect(e.code).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(server!.requests).toHaveLength(1);
  });

  it('garbage output gets one corrective retry carrying the parse error, then a parseError decision', async () => {
    const p = await setup(['I think we should tap somewhere', 'still no format', OK]);
    const d = await p.decide(context(await observation()));
    expect(d.action).toBeUndefined();
    expect(d.raw).toBe('still no format');
    expect(d.parseError).toMatch(/gelab: no action field/);
    expect(d.meta).toMatchObject({ parseRounds: 2, requests: 2 });
    const second = server!.requests[1].messages;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: 'I think we should tap somewhere' });
    expect(String(second.at(-1)!.content)).toMatch(/could not be read: gelab: no action field/);
    expect(server!.requests[1].images).toHaveLength(1);
  });

  it('a corrective retry that works yields the action, with tokens summed over both calls', async () => {
    const p = await setup([{ content: 'no format', usage: { prompt_tokens: 100, completion_tokens: 10 } }, { content: OK, usage: { prompt_tokens: 130, completion_tokens: 20 } }]);
    const d = await p.decide(context(await observation()));
    expect(d.action).toEqual({ type: 'key', key: 'home' });
    expect(d.tokens).toEqual({ prompt: 230, completion: 30 });
    expect(d.parseError).toBeUndefined();
  });

  it('parseRetries 0 returns the parse error at once', async () => {
    const p = await setup(['nonsense', OK], { parseRetries: 0 });
    const d = await p.decide(context(await observation()));
    expect(d.parseError).toBeDefined();
    expect(server!.requests).toHaveLength(1);
  });

  it('a point outside the image is a parse error, not a clamped tap', async () => {
    const p = await setup([`Thought: x\nAction: click(start_box='(5000,100)')`], { dialect: 'uitars-1.5', parseRetries: 0 });
    const d = await p.decide(context(await observation()));
    expect(d.action).toBeUndefined();
    expect(d.parseError).toMatch(/outside/);
  });
});
