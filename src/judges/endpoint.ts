/**
 * The one model endpoint a judge talks to, over the project's OpenAI client (agent/openai:
 * createClient, withRetries, endpointError): chat completions with top log-probs, completions
 * with prompt log-probs, and the root-level pooling/classify/predict routes of vLLM, SGLang
 * and TEI. Every request reserves budget first, is retried on 429/5xx/timeouts, and adds its
 * tokens and latency to the caller's cost.
 */
import OpenAI, { APIConnectionTimeoutError } from 'openai';
import { StepwiseError } from '../core/errors.js';
import { createClient, endpointError, withRetries } from '../agent/openai/index.js';
import { BadResponseError } from '../agent/openai/client.js';
import { BudgetMeter, estimateTokens } from './budget.js';
import type { JudgeCost } from './types.js';

export interface TopToken { token: string; logprob: number }
export interface TokenInfo { token: string; logprob: number; top: TopToken[] }

export interface ChatAnswer {
  content: string;
  reasoning?: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason?: string;
  /** Present only when asked for and the server sent them. */
  logprobs?: TokenInfo[];
  /** The assistant message as sent back (for tool-calling loops). */
  message: Record<string, unknown>;
}

export interface EndpointOptions {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  headers?: Record<string, string>;
  /** Default completion limit, used for budget reservations too. */
  maxTokens: number;
}

export const newCost = (): JudgeCost => ({ calls: 0, promptTokens: 0, completionTokens: 0, latencyMs: 0 });

export function addCost(to: JudgeCost, c: JudgeCost): JudgeCost {
  to.calls += c.calls;
  to.promptTokens += c.promptTokens;
  to.completionTokens += c.completionTokens;
  to.latencyMs += c.latencyMs;
  return to;
}

type Json = Record<string, any>;

export class JudgeEndpoint {
  readonly client: OpenAI;
  /** Server root (baseURL without a trailing /v1), where vLLM mounts /pooling and /classify. */
  readonly root: string;
  constructor(readonly opts: EndpointOptions, readonly budget: BudgetMeter) {
    this.client = createClient(opts);
    this.root = opts.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
  }

  get where(): string {
    return `model ${JSON.stringify(this.opts.model)} at ${this.opts.baseURL}`;
  }

  /** One request: budget reservation, per-attempt deadline, retries, cost, errors mapped. */
  private async request<T extends Json>(what: string, body: unknown, completionTokens: number, cost: JudgeCost, signal: AbortSignal | undefined, send: (signal: AbortSignal) => Promise<T>, valid: (res: any) => boolean): Promise<T> {
    const release = this.budget.reserve(estimateTokens(body), completionTokens);
    const started = Date.now();
    let attempts = 0;
    let usage: { prompt: number; completion: number } | undefined;
    try {
      const res = await withRetries(async (a) => {
        attempts = a + 1;
        const deadline = AbortSignal.timeout(this.opts.timeoutMs);
        const sig = signal ? AbortSignal.any([signal, deadline]) : deadline;
        try {
          const res = await send(sig);
          // A 200 that is not the expected shape (proxy page, wrong route) is retried like a dropped connection.
          if (!valid(res)) throw new BadResponseError(`${what}: ${(JSON.stringify(res) ?? String(res)).slice(0, 160)}`);
          return res;
        } catch (e) {
          if (deadline.aborted && !signal?.aborted) throw new APIConnectionTimeoutError({ message: `no answer within ${this.opts.timeoutMs} ms` });
          throw e;
        }
      }, { retries: this.opts.retries, baseDelayMs: this.opts.retryDelayMs, signal });
      const u = (res as Json).usage;
      if (u && typeof u === 'object') usage = { prompt: Number(u.prompt_tokens ?? 0), completion: Number(u.completion_tokens ?? 0) };
      return res;
    } catch (e) {
      if (e instanceof BadResponseError) {
        throw new StepwiseError('model_error', `${this.where} returned something that is not a ${e.message}${attempts > 1 ? ` (${attempts} attempts)` : ''}`, 'check that baseURL points at the right server and route', { attempts });
      }
      throw endpointError(e, this.opts, attempts);
    } finally {
      release(usage);
      cost.calls += 1;
      cost.promptTokens += usage?.prompt ?? 0;
      cost.completionTokens += usage?.completion ?? 0;
      cost.latencyMs += Date.now() - started;
    }
  }

  /** POST /v1/chat/completions (never streamed: judges need the whole answer and its log-probs). */
  async chat(body: Json, cost: JudgeCost, signal?: AbortSignal): Promise<ChatAnswer> {
    const full = { model: this.opts.model, max_tokens: this.opts.maxTokens, ...body, stream: false };
    const res = await this.request('chat completion', full, full.max_tokens, cost, signal, (sig) => this.client.chat.completions.create(full as never, { signal: sig }) as unknown as Promise<Json>,
      (r) => r?.choices?.[0]?.message !== null && typeof r?.choices?.[0]?.message === 'object');
    const choice = res.choices[0];
    const msg = choice.message;
    const lp = choice.logprobs?.content;
    const reasoning = msg.reasoning_content ?? msg.reasoning;
    return {
      content: typeof msg.content === 'string' ? msg.content : '',
      ...(typeof reasoning === 'string' && reasoning !== '' && { reasoning }),
      toolCalls: (Array.isArray(msg.tool_calls) ? msg.tool_calls : []).map((c: Json, i: number) => ({ id: c.id ?? `call_${i}`, name: c.function?.name ?? '', arguments: c.function?.arguments ?? '' })),
      ...(typeof choice.finish_reason === 'string' && { finishReason: choice.finish_reason }),
      ...(Array.isArray(lp) && { logprobs: lp.map((t: Json) => ({ token: String(t.token), logprob: Number(t.logprob), top: (Array.isArray(t.top_logprobs) ? t.top_logprobs : []).map((x: Json) => ({ token: String(x.token), logprob: Number(x.logprob) })) })) }),
      message: msg,
    };
  }

  /** POST /v1/completions (prompt may be a list); returns the choices in prompt order. */
  async completion(body: Json, cost: JudgeCost, signal?: AbortSignal): Promise<Json[]> {
    const full: Json = { model: this.opts.model, ...body };
    const n = Array.isArray(full.prompt) ? full.prompt.length : 1;
    const res = await this.request(`completion with ${n} choice(s)`, full, Number(full.max_tokens ?? 16) * n, cost, signal, (sig) => this.client.completions.create(full as never, { signal: sig }) as unknown as Promise<Json>,
      (r) => Array.isArray(r?.choices) && r.choices.length === n && r.choices.every((c: unknown) => c !== null && typeof c === 'object'));
    return [...res.choices].sort((a: Json, b: Json) => (a.index ?? 0) - (b.index ?? 0));
  }

  /** POST to a route at the server root (e.g. /pooling, /classify, /predict). */
  /** POST to a route at the server root (e.g. /pooling, /classify, /predict); `valid` checks the reply's shape. */
  async postRoot(path: string, body: Json | unknown[], cost: JudgeCost, signal: AbortSignal | undefined, what: string, valid: (res: any) => boolean): Promise<any> {
    const url = `${this.root}${path.startsWith('/') ? path : `/${path}`}`;
    return this.request(what, body as Json, 0, cost, signal, (sig) => this.client.post(url, { body, signal: sig }) as unknown as Promise<Json>, valid);
  }

  malformed(what: string, res: unknown): StepwiseError {
    const text = JSON.stringify(res) ?? String(res);
    return new StepwiseError('model_error', `${this.where} returned something that is not a ${what}: ${text.slice(0, 160)}`, 'check that baseURL points at the right server and route');
  }
}
