import OpenAI, { APIConnectionError, APIConnectionTimeoutError, AuthenticationError, BadRequestError, RateLimitError } from 'openai';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, tokenize, type FakeServer, type FakeServerOptions } from '../../src/agent/fake-openai/index.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(opts: FakeServerOptions): Promise<OpenAI> {
  server = await startFakeOpenAI(opts);
  return new OpenAI({ baseURL: server.url, apiKey: opts.apiKey ?? 'k', maxRetries: 0, timeout: 2000 });
}

const ask = (extra: Record<string, unknown> = {}) => ({ model: 'fake-model', messages: [{ role: 'user' as const, content: 'hi' }], ...extra });

describe('fake OpenAI server (through the official SDK)', () => {
  it('answers a non-streaming completion with content, reasoning_content and usage', async () => {
    const client = await start({ script: [{ content: 'Thought: go\nAction: click()', reasoning_content: 'hidden chain' }] });
    const r = await client.chat.completions.create(ask());
    expect(r.object).toBe('chat.completion');
    expect(r.choices[0].message.content).toBe('Thought: go\nAction: click()');
    expect((r.choices[0].message as unknown as { reasoning_content: string }).reasoning_content).toBe('hidden chain');
    expect(r.choices[0].finish_reason).toBe('stop');
    expect(r.usage!.completion_tokens).toBe(tokenize('Thought: go\nAction: click()').length + tokenize('hidden chain').length);
    expect(r.usage!.total_tokens).toBe(r.usage!.prompt_tokens + r.usage!.completion_tokens);
  });

  it('streams SSE chunks that the SDK reassembles, with the usage chunk when asked', async () => {
    const text = 'explain:tap it\taction:CLICK\tpoint:500,500\tsummary:tapped';
    const client = await start({ script: [{ content: text, reasoning_content: 'why' }] });
    const stream = await client.chat.completions.create({ ...ask(), stream: true, stream_options: { include_usage: true } });
    let content = '';
    let reasoning = '';
    let chunks = 0;
    let usage: unknown;
    let finish: string | null = null;
    for await (const c of stream) {
      chunks++;
      if (c.usage) usage = c.usage;
      const d = c.choices[0]?.delta as { content?: string; reasoning_content?: string } | undefined;
      content += d?.content ?? '';
      reasoning += d?.reasoning_content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(content).toBe(text);
    expect(reasoning).toBe('why');
    expect(finish).toBe('stop');
    expect(chunks).toBeGreaterThan(5);
    expect(usage).toMatchObject({ completion_tokens: tokenize(text).length + 1 });
  });

  it('serves logprobs with top_logprobs, identical streamed and not', async () => {
    const text = 'action:BACK\tsummary:went back';
    const client = await start({ script: [text, text] });
    const r = await client.chat.completions.create(ask({ logprobs: true, top_logprobs: 3 }));
    const lp = r.choices[0].logprobs!.content!;
    expect(lp.map((t) => t.token).join('')).toBe(text);
    for (const t of lp) {
      expect(t.logprob).toBeLessThanOrEqual(0);
      expect(t.top_logprobs).toHaveLength(3);
      expect(t.top_logprobs[0]).toMatchObject({ token: t.token, logprob: t.logprob });
      expect(t.top_logprobs[1].logprob).toBeLessThan(t.logprob);
    }
    const s = await client.chat.completions.create({ ...ask({ logprobs: true, top_logprobs: 3 }), stream: true });
    const streamed: { token: string; logprob: number }[] = [];
    for await (const c of s) for (const t of c.choices[0]?.logprobs?.content ?? []) streamed.push({ token: t.token, logprob: t.logprob });
    expect(streamed).toEqual(lp.map((t) => ({ token: t.token, logprob: t.logprob })));
    const plain = await (await start({ script: ['x'] })).chat.completions.create(ask());
    expect(plain.choices[0].logprobs).toBeNull();
  });

  it('returns tool calls, streamed in pieces and whole', async () => {
    const call = { name: 'click', arguments: { point: [120, 340] } };
    const client = await start({ script: [{ content: 'tap the button', tool_calls: [call] }, { tool_calls: [call] }] });
    const r = await client.chat.completions.create(ask({ tools: [{ type: 'function', function: { name: 'click', parameters: { type: 'object' } } }] }));
    expect(r.choices[0].finish_reason).toBe('tool_calls');
    const tc = r.choices[0].message.tool_calls![0] as { function: { name: string; arguments: string } };
    expect(tc.function.name).toBe('click');
    expect(JSON.parse(tc.function.arguments)).toEqual({ point: [120, 340] });
    expect(server!.requests[0].tools).toHaveLength(1);
    const s = await client.chat.completions.create({ ...ask(), stream: true });
    let args = '';
    let name = '';
    for await (const c of s) for (const d of c.choices[0]?.delta?.tool_calls ?? []) { args += d.function?.arguments ?? ''; name += d.function?.name ?? ''; }
    expect(name).toBe('click');
    expect(JSON.parse(args)).toEqual({ point: [120, 340] });
  });

  it('lists models and serves deterministic, normalized hash embeddings (float and base64)', async () => {
    const client = await start({ models: ['gelab-zero-4b', 'ui-tars-1.5-7b'] });
    const list = await client.models.list();
    expect(list.data.map((m) => m.id)).toEqual(['gelab-zero-4b', 'ui-tars-1.5-7b']);
    // The SDK asks for base64 by default and decodes it.
    const e = await client.embeddings.create({ model: 'emb', input: ['open the settings app', 'open settings', 'buy a train ticket'] });
    const [a, b, c] = e.data.map((d) => d.embedding);
    expect(a).toHaveLength(256);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    const f = await client.embeddings.create({ model: 'emb', input: 'open settings', encoding_format: 'float', dimensions: 32 });
    expect(f.data[0].embedding).toHaveLength(32);
    const again = await client.embeddings.create({ model: 'emb', input: 'open settings', encoding_format: 'float', dimensions: 32 });
    expect(again.data[0].embedding).toEqual(f.data[0].embedding);
  });

  it('logs requests with decoded image sizes', async () => {
    const client = await start({ script: ['ok'] });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).png().toBuffer();
    await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: [{ type: 'text', text: 'task' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }] }],
    });
    const r = server!.requests[0];
    expect(r.images).toEqual([expect.objectContaining({ message: 1, mediaType: 'image/png', width: 64, height: 48, bytes: png.length })]);
    expect(r.text).toBe('sys\ntask');
    expect(r.model).toBe('m');
  });

  it('injects faults: 429 with Retry-After, 500, garbage, wrong JSON, reset, hang', async () => {
    const client = await start({
      script: [{ fault: 'status', status: 429, retryAfter: 7 }, { fault: 'status', status: 500 }, { fault: 'garbage' }, { fault: 'wrong_json' }, { fault: 'reset' }, { fault: 'hang' }],
    });
    const e429 = await client.chat.completions.create(ask()).catch((e: unknown) => e);
    expect(e429).toBeInstanceOf(RateLimitError);
    expect((e429 as RateLimitError).headers.get('retry-after')).toBe('7');
    expect(await client.chat.completions.create(ask()).catch((e: { status?: number }) => e.status)).toBe(500);
    // Non-JSON 200 bodies come back as text: the policy has to notice it is no completion.
    expect(typeof (await client.chat.completions.create(ask()))).toBe('string');
    expect((await client.chat.completions.create(ask())).choices).toBeUndefined();
    expect(await client.chat.completions.create(ask()).catch((e: unknown) => e)).toBeInstanceOf(APIConnectionError);
    const t0 = Date.now();
    const hang = await client.chat.completions.create(ask(), { timeout: 150 }).catch((e: unknown) => e);
    expect(hang).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('resets a stream midway, delays answers, checks the API key and reports an exhausted script', async () => {
    const client = await start({ apiKey: 'secret', script: [{ fault: 'reset', afterChunks: 3 }, { content: 'slow', delayMs: 120 }] });
    const s = await client.chat.completions.create({ ...ask(), stream: true });
    const err = await (async () => { for await (const _ of s) { /* drain */ } })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const t0 = Date.now();
    expect((await client.chat.completions.create(ask())).choices[0].message.content).toBe('slow');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    const exhausted = await client.chat.completions.create(ask()).catch((e: unknown) => e);
    expect(exhausted).toBeInstanceOf(BadRequestError);
    expect(String((exhausted as Error).message)).toMatch(/script is exhausted/);
    const wrongKey = new OpenAI({ baseURL: server!.url, apiKey: 'nope', maxRetries: 0 });
    expect(await wrongKey.chat.completions.create(ask()).catch((e: unknown) => e)).toBeInstanceOf(AuthenticationError);
  });

  it('falls back to a script function after the queue', async () => {
    const client = await start({ script: (req) => `echo ${req.messages.length}` });
    server!.enqueue('first');
    expect((await client.chat.completions.create(ask())).choices[0].message.content).toBe('first');
    expect((await client.chat.completions.create(ask())).choices[0].message.content).toBe('echo 1');
    expect(server!.pending()).toBe(0);
  });
});
