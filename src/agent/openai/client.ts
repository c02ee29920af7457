/**
 * One chat-completions request through the official `openai` SDK, streaming or not, reduced to
 * the few facts a policy needs. Each attempt has its own deadline (covering a stream that stalls
 * halfway), the caller's AbortSignal cancels it, and SDK errors become StepwiseErrors that say
 * which endpoint failed and what to check.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { short } from '../../formats/common.js';

export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface TokenLogprob {
  token: string;
  logprob: number;
}

export interface Completion {
  content: string;
  /** vLLM / DeepSeek `reasoning_content` (or `reasoning`), when the server separates it. */
  reasoning?: string;
  toolCalls: ToolCall[];
  finishReason?: string;
  usage?: { prompt: number; completion: number };
  logprobs?: TokenLogprob[];
}

export interface EndpointSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  headers?: Record<string, string>;
}

export function createClient(s: EndpointSettings): OpenAI {
  // Retries are ours (retry.ts); the SDK's would multiply them.
  return new OpenAI({ baseURL: s.baseURL, apiKey: s.apiKey, timeout: s.timeoutMs, maxRetries: 0, defaultHeaders: s.headers });
}

/** A 200 response that is not a chat completion (HTML error page, wrong JSON): retried. */
export class BadResponseError extends APIConnectionError {
  constructor(message: string) {
    super({ message });
    this.name = 'BadResponseError';
  }
}

type Body = Omit<ChatCompletionCreateParamsNonStreaming, 'stream'> & Record<string, unknown>;

export async function complete(client: OpenAI, body: Body, opts: { timeoutMs: number; stream: boolean; signal?: AbortSignal }): Promise<Completion> {
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  try {
    const c = opts.stream ? await streamed(client, body, signal, opts.timeoutMs) : await whole(client, body, signal, opts.timeoutMs);
    // An aborted stream can end quietly; its partial text must not pass for an answer.
    if (signal.aborted) throw new APIUserAbortError();
    return c;
  } catch (e) {
    // Our deadline fires as a user abort inside the SDK; report it as the timeout it is.
    if (deadline.aborted && !opts.signal?.aborted) throw new APIConnectionTimeoutError({ message: `no complete answer within ${opts.timeoutMs} ms` });
    if (e instanceof SyntaxError) throw new BadResponseError(`the response body is not valid JSON: ${e.message}`);
    throw e;
  }
}

async function whole(client: OpenAI, body: Body, signal: AbortSignal, timeout: number): Promise<Completion> {
  const res: unknown = await client.chat.completions.create({ ...body, stream: false } as ChatCompletionCreateParamsNonStreaming, { signal, timeout });
  const choice = (res as { choices?: unknown[] } | null)?.choices?.[0] as Record<string, unknown> | undefined;
  const msg = choice?.message as Record<string, unknown> | undefined;
  if (!msg || typeof msg !== 'object') throw new BadResponseError(`the response is not a chat completion: ${short(res)}`);
  const usage = (res as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
  const calls = Array.isArray(msg.tool_calls) ? (msg.tool_calls as { id?: string; function?: { name?: string; arguments?: string } }[]) : [];
  const lp = (choice?.logprobs as { content?: TokenLogprob[] } | null | undefined)?.content;
  return {
    content: typeof msg.content === 'string' ? msg.content : '',
    ...reasoningOf(msg),
    toolCalls: calls.map((c, i) => ({ id: c.id ?? `call_${i}`, name: c.function?.name ?? '', arguments: c.function?.arguments ?? '' })),
    ...(typeof choice?.finish_reason === 'string' && { finishReason: choice.finish_reason }),
    ...(usage && { usage: { prompt: usage.prompt_tokens ?? 0, completion: usage.completion_tokens ?? 0 } }),
    ...(Array.isArray(lp) && { logprobs: lp.map((t) => ({ token: t.token, logprob: t.logprob })) }),
  };
}

function reasoningOf(msg: Record<string, unknown>): { reasoning?: string } {
  const r = msg.reasoning_content ?? msg.reasoning;
  return typeof r === 'string' && r !== '' ? { reasoning: r } : {};
}

async function streamed(client: OpenAI, body: Body, signal: AbortSignal, timeout: number): Promise<Completion> {
  const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal, timeout });
  let content = '';
  let reasoning = '';
  let finishReason: string | undefined;
  let usage: Completion['usage'];
  const logprobs: TokenLogprob[] = [];
  const calls = new Map<number, ToolCall>();
  let chunks = 0;
  for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
    chunks++;
    if (chunk.usage) usage = { prompt: chunk.usage.prompt_tokens ?? 0, completion: chunk.usage.completion_tokens ?? 0 };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = (choice.delta ?? {}) as Record<string, unknown> & ChatCompletionChunk.Choice.Delta;
    if (typeof delta.content === 'string') content += delta.content;
    const r = delta.reasoning_content ?? delta.reasoning;
    if (typeof r === 'string') reasoning += r;
    for (const tc of delta.tool_calls ?? []) {
      const cur = calls.get(tc.index) ?? { id: tc.id ?? `call_${tc.index}`, name: '', arguments: '' };
      if (tc.id) cur.id = tc.id;
      if (tc.function?.name) cur.name += tc.function.name;
      if (tc.function?.arguments) cur.arguments += tc.function.arguments;
      calls.set(tc.index, cur);
    }
    for (const t of choice.logprobs?.content ?? []) logprobs.push({ token: t.token, logprob: t.logprob });
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  if (chunks === 0) throw new BadResponseError('the stream ended without any chunk');
  return {
    content,
    ...(reasoning !== '' && { reasoning }),
    toolCalls: [...calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c),
    ...(finishReason && { finishReason }),
    ...(usage && { usage }),
    ...(logprobs.length > 0 && { logprobs }),
  };
}

/** A failed request (after retries) as a StepwiseError naming the endpoint and what to check. */
export function endpointError(e: unknown, s: EndpointSettings, attempts: number): StepwiseError {
  if (e instanceof StepwiseError) return e;
  const where = `model ${JSON.stringify(s.model)} at ${s.baseURL}`;
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  if (e instanceof APIUserAbortError) return new StepwiseError('cancelled', `the request to ${where} was cancelled`);
  if (e instanceof APIConnectionTimeoutError) {
    return new StepwiseError('timeout', `${where} did not answer within ${s.timeoutMs} ms${tries}`, 'raise timeoutMs (--timeout), or check that the server is up and not overloaded', { attempts });
  }
  if (e instanceof BadResponseError) {
    return new StepwiseError('model_error', `${where} returned something that is not a chat completion${tries}: ${e.message}`, 'check that baseURL points at an OpenAI-compatible /v1 endpoint', { attempts });
  }
  if (e instanceof APIConnectionError) {
    return new StepwiseError('config_error', `cannot reach ${where}${tries}: ${errorMessage(e.cause ?? e)}`, 'check baseURL (--base-url / STEPWISE_BASE_URL) and that the server is running', { attempts });
  }
  if (e instanceof APIError) {
    const status = e.status ?? 0;
    const hint = status === 401 || status === 403 ? 'check the API key (--api-key / STEPWISE_API_KEY / apiKeyEnv)'
      : status === 404 ? 'check the model name and that baseURL ends with /v1'
      : status === 429 ? 'the endpoint is rate limiting: lower concurrency or raise retries'
      : status >= 500 ? 'the model server failed; check its logs'
      : 'the server rejected the request; check the model options';
    return new StepwiseError(status === 429 || status >= 500 ? 'model_error' : 'config_error', `${where} answered HTTP ${status}${tries}: ${e.message}`, hint, { status, attempts });
  }
  return new StepwiseError('config_error', `request to ${where} failed: ${errorMessage(e)}`, 'check the endpoint settings');
}
