/**
 * One chat call to an OpenAI-compatible model for the designer and the analyzer, through the
 * shared client (retries, deadlines, endpoint errors that say what to check).
 */
import { complete, createClient, endpointError, withRetries } from '../agent/openai/index.js';

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
}

export async function chat(ep: ChatEndpoint, system: string, user: string, signal?: AbortSignal): Promise<ChatReply> {
  const settings = { baseURL: ep.baseURL, apiKey: ep.apiKey, model: ep.model, timeoutMs: ep.timeoutMs ?? 120_000 };
  const client = createClient(settings);
  let attempts = 0;
  try {
    const c = await withRetries((a) => {
      attempts = a + 1;
      return complete(client, {
        model: ep.model,
        messages: [{ role: 'system', content: system }, { role: 'user', content: user }],
        temperature: ep.temperature ?? 0.2,
        ...(ep.maxTokens !== undefined && { max_tokens: ep.maxTokens }),
      }, { timeoutMs: settings.timeoutMs, stream: false, signal });
    }, { retries: ep.retries ?? 2, baseDelayMs: 300, signal });
    return { text: c.content, tokens: (c.usage?.prompt ?? 0) + (c.usage?.completion ?? 0) };
  } catch (e) {
    throw endpointError(e, settings, attempts);
  }
}
