/**
 * One chat call to an OpenAI-compatible model through the shared client (retries with backoff,
 * deadlines, endpoint errors that say what to check), for everything that is not a policy:
 * CSRS's llm engine, verifier designers, ONI annotators.
 */
import { complete, createClient, endpointError } from './client.js';
import { withRetries } from './retry.js';

export interface ChatEndpoint {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  retries?: number;
  temperature?: number;
  maxTokens?: number;
}

export interface ChatReply {
  text: string;
  tokens: number;
  /** HTTP attempts made (1 + retries used). */
  attempts: number;
}

/** Any messages (text or images), plus extra body fields such as response_format. */
export async function chatMessages(ep: ChatEndpoint, messages: unknown[], o: { signal?: AbortSignal; body?: Record<string, unknown> } = {}): Promise<ChatReply> {
  const settings = { baseURL: ep.baseURL, apiKey: ep.apiKey, model: ep.model, timeoutMs: ep.timeoutMs ?? 120_000 };
  const client = createClient(settings);
  let attempts = 0;
  try {
    const c = await withRetries((a) => {
      attempts = a + 1;
      return complete(client, {
        model: ep.model,
        messages: messages as never,
        temperature: ep.temperature ?? 0.2,
        ...(ep.maxTokens !== undefined && { max_tokens: ep.maxTokens }),
        ...o.body,
      }, { timeoutMs: settings.timeoutMs, stream: false, signal: o.signal });
    }, { retries: ep.retries ?? 2, baseDelayMs: 300, signal: o.signal });
    return { text: c.content, tokens: (c.usage?.prompt ?? 0) + (c.usage?.completion ?? 0), attempts };
  } catch (e) {
    throw Object.assign(endpointError(e, settings, attempts), { attempts });
  }
}

export function chat(ep: ChatEndpoint, system: string, user: string, signal?: AbortSignal): Promise<ChatReply> {
  return chatMessages(ep, [{ role: 'system', content: system }, { role: 'user', content: user }], { signal });
}
