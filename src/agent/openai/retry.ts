/**
 * Retrying transient model-endpoint failures: 408/409/429/5xx, timeouts and connection errors,
 * with exponential backoff and jitter, honouring Retry-After / retry-after-ms. Everything else
 * (400, 401, 404, cancellation) fails at once. The SDK's own retries are off so this is the
 * only retry loop and its count is the configured one.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { StepwiseError, errorMessage } from '../../core/errors.js';

export interface RetryOptions {
  retries: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After honoured; a server asking for more fails instead of stalling a run. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  /** 0..1 source for jitter (tests pass a fixed one). */
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export type Transience = { retry: true; retryAfterMs?: number } | { retry: false };

export function classify(e: unknown): Transience {
  if (e instanceof APIUserAbortError) return { retry: false };
  if (e instanceof APIConnectionTimeoutError || e instanceof APIConnectionError) return { retry: true };
  if (e instanceof APIError) {
    const s = e.status ?? 0;
    if (s === 408 || s === 409 || s === 429 || s >= 500) return { retry: true, retryAfterMs: retryAfter(e.headers) };
    return { retry: false };
  }
  return { retry: false };
}

function retryAfter(headers: Headers | undefined): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const v = headers.get('retry-after');
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

export function backoffMs(attempt: number, opts: RetryOptions, hinted?: number): number {
  const base = opts.baseDelayMs ?? 500;
  const cap = opts.maxDelayMs ?? 20_000;
  const rnd = (opts.random ?? Math.random)();
  // Half fixed, half jitter: spreads clients out but never retries instantly.
  const exp = Math.min(cap, base * 2 ** attempt) * (0.5 + 0.5 * rnd);
  return hinted !== undefined ? Math.max(hinted, Math.min(exp, hinted + base)) : exp;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new StepwiseError('cancelled', 'the model request was cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new StepwiseError('cancelled', 'the model request was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Run `fn`, retrying transient failures; the last failure is rethrown as it was. */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      const c = classify(e);
      if (!c.retry || attempt >= opts.retries) throw e;
      const maxAfter = opts.maxRetryAfterMs ?? 60_000;
      if (c.retryAfterMs !== undefined && c.retryAfterMs > maxAfter) {
        throw new StepwiseError('timeout', `the model endpoint asked to retry after ${Math.round(c.retryAfterMs / 1000)} s: ${errorMessage(e)}`, 'wait and run again, or use another endpoint');
      }
      const delayMs = backoffMs(attempt, opts, c.retryAfterMs);
      opts.onRetry?.({ attempt, delayMs, error: e });
      await sleep(delayMs, opts.signal);
    }
  }
}
