import { afterEach } from 'vitest';
import { startFakeOpenAI, type FakeServer, type FakeServerOptions } from '../../src/agent/fake-openai/index.js';
import type { JudgeItem } from '../../src/judges/index.js';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A fake model server closed after the test. */
export async function fake(opts: FakeServerOptions = {}): Promise<FakeServer> {
  const s = await startFakeOpenAI(opts);
  servers.push(s);
  return s;
}

export function item(prompt: string, response: string, extra: Partial<JudgeItem> = {}): JudgeItem {
  return { id: extra.id ?? response.slice(0, 12), target: { kind: 'text', prompt, response }, ...extra };
}

/** Endpoint keys for a fake server, with fast retries so fault tests stay quick. */
export function endpoint(s: FakeServer, extra: Record<string, unknown> = {}) {
  return { baseURL: s.url, model: 'fake-model', retryDelayMs: 1, timeoutMs: 5_000, ...extra };
}

/** A one-token answer whose top log-probs are the given candidates (most likely first). */
export function tokenAnswer(top: [string, number][]) {
  return { content: top[0][0], logprobs: [{ token: top[0][0], logprob: top[0][1], top_logprobs: top.map(([token, logprob]) => ({ token, logprob })) }] };
}
