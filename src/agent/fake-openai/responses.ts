/**
 * Chat-completion bodies in the OpenAI wire format: the whole object, or the SSE chunk
 * sequence a streaming server sends (role, reasoning, content and tool-call deltas, the
 * finish reason, the usage chunk when asked, then [DONE]).
 */
import { estimatePromptTokens, logprobsFor, tokenize, type TokenLogprob } from './tokens.js';
import type { FakeAnswer, FakeRequest } from './types.js';

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

interface Prepared {
  id: string;
  created: number;
  model: string;
  content: string | null;
  reasoning?: string;
  toolCalls?: WireToolCall[];
  finishReason: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  tokens: string[];
  /** Number of top alternatives per token, or undefined when logprobs were not asked for. */
  top?: number;
  /** Scripted log-probs that replace the computed ones. */
  explicit?: TokenLogprob[];
}

export function prepare(req: FakeRequest, answer: FakeAnswer, seq: number, logprobsSupported = true): Prepared {
  const toolCalls = answer.tool_calls?.map((t, i) => ({
    id: t.id ?? `call_${seq}_${i}`,
    type: 'function' as const,
    function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
  }));
  const content = answer.content ?? (toolCalls?.length ? null : '');
  const tokens = tokenize(content ?? '');
  const completionTokens = tokens.length + tokenize(answer.reasoning_content ?? '').length + (toolCalls ?? []).reduce((a, t) => a + tokenize(t.function.arguments).length + 1, 0);
  const promptTokens = estimatePromptTokens(req.text, req.images, req.messages.length);
  const usage = answer.usage ?? { prompt_tokens: promptTokens, completion_tokens: completionTokens };
  const body = req.body ?? {};
  return {
    id: `chatcmpl-fake-${seq}`,
    created: Math.floor(Date.now() / 1000),
    model: typeof body.model === 'string' ? body.model : 'fake-model',
    content,
    ...(answer.reasoning_content !== undefined && { reasoning: answer.reasoning_content }),
    ...(toolCalls?.length && { toolCalls }),
    finishReason: answer.finish_reason ?? (toolCalls?.length ? 'tool_calls' : 'stop'),
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    tokens,
    ...(body.logprobs === true && logprobsSupported && { top: Number.isInteger(body.top_logprobs) ? Math.min(20, Math.max(0, body.top_logprobs)) : 0 }),
    ...(answer.logprobs && { explicit: answer.logprobs.map((t) => ({ token: t.token, logprob: t.logprob, bytes: [...Buffer.from(t.token, 'utf8')], top_logprobs: (t.top_logprobs ?? []).map((x) => ({ ...x, bytes: [...Buffer.from(x.token, 'utf8')] })) })) }),
  };
}

export function completionBody(p: Prepared): Record<string, unknown> {
  return {
    id: p.id,
    object: 'chat.completion',
    created: p.created,
    model: p.model,
    choices: [{
      index: 0,
      message: {
        role: 'assistant',
        content: p.content,
        ...(p.reasoning !== undefined && { reasoning_content: p.reasoning }),
        ...(p.toolCalls && { tool_calls: p.toolCalls }),
      },
      logprobs: p.top !== undefined ? { content: p.explicit ?? logprobsFor(p.tokens, p.top) } : null,
      finish_reason: p.finishReason,
    }],
    usage: p.usage,
  };
}

/** The `data:` payloads of a streamed answer, [DONE] last. */
export function streamChunks(p: Prepared, includeUsage: boolean): string[] {
  const base = { id: p.id, object: 'chat.completion.chunk', created: p.created, model: p.model };
  const chunk = (delta: Record<string, unknown>, extra: { logprobs?: TokenLogprob[]; finish?: string } = {}) =>
    JSON.stringify({
      ...base,
      choices: [{ index: 0, delta, logprobs: extra.logprobs ? { content: extra.logprobs } : null, finish_reason: extra.finish ?? null }],
    });
  const out = [chunk({ role: 'assistant', content: '' })];
  for (const r of tokenize(p.reasoning ?? '')) out.push(chunk({ reasoning_content: r }));
  p.tokens.forEach((t, i) => {
    out.push(chunk({ content: t }, p.top !== undefined ? { logprobs: logprobsFor([t], p.top, i) } : {}));
  });
  (p.toolCalls ?? []).forEach((tc, index) => {
    out.push(chunk({ tool_calls: [{ index, id: tc.id, type: 'function', function: { name: tc.function.name, arguments: '' } }] }));
    // Arguments arrive in pieces, as real servers send them.
    for (const piece of tokenize(tc.function.arguments)) out.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  out.push(chunk({}, { finish: p.finishReason }));
  if (includeUsage) out.push(JSON.stringify({ ...base, choices: [], usage: p.usage }));
  out.push('[DONE]');
  return out;
}
