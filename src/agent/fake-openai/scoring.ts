/**
 * The scoring side of model servers, for judge tests: legacy /v1/completions with echo and
 * vLLM prompt_logprobs, vLLM's root /pooling and /classify, TEI's /predict and TGI's
 * /generate with decoder_input_details. Scores come from the server's `scorer` (default: a
 * hash of the text in [-2, 2]), prompt log-probs from `promptLogprob` (default: the same hash
 * the chat answers use), so tests can make one answer better than another.
 */
import { fnv1a, tokenize, tokenLogprob } from './tokens.js';

export interface ScoringOptions {
  /** Reward for a text (pooling/classify/predict); a list = one value per label. */
  scorer?: (text: string) => number | number[];
  /** Log-prob of the prompt token at `position` (start offset `offset` in `text`). */
  promptLogprob?: (token: string, position: number, text: string, offset: number) => number;
  /** /pooling answers per token ([[v] per token], the last one the score), as token-wise reward models do. */
  tokenwise?: boolean;
}

export const defaultScore = (text: string) => ((fnv1a(text) % 4001) - 2000) / 1000;

export function scoreOf(opts: ScoringOptions, text: string): number[] {
  const s = (opts.scorer ?? defaultScore)(text);
  return Array.isArray(s) ? s : [s];
}

export function promptLogprobs(opts: ScoringOptions, text: string): { token: string; logprob: number; offset: number }[] {
  const out: { token: string; logprob: number; offset: number }[] = [];
  let offset = 0;
  tokenize(text).forEach((token, i) => {
    out.push({ token, logprob: opts.promptLogprob ? opts.promptLogprob(token, i, text, offset) : tokenLogprob(token, i), offset });
    offset += token.length;
  });
  return out;
}

/** The text a pooling/classify request is about: `input` (string or list) or rendered `messages`. */
export function scoringInputs(body: any): string[] | undefined {
  if (typeof body?.input === 'string') return [body.input];
  if (Array.isArray(body?.input) && body.input.length > 0 && body.input.every((x: unknown) => typeof x === 'string')) return body.input;
  if (Array.isArray(body?.messages)) return [renderMessages(body.messages)];
  return undefined;
}

export function renderMessages(messages: { role?: string; content?: unknown }[]): string {
  return messages.map((m) => {
    const c = typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? (m.content as { type?: string; text?: string }[]).filter((p) => p.type === 'text').map((p) => p.text ?? '').join('\n') : '';
    return `<|${m.role ?? 'user'}|>\n${c}`;
  }).join('\n');
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const usage = (texts: string[]) => {
  const n = texts.reduce((a, t) => a + tokenize(t).length, 0);
  return { prompt_tokens: n, total_tokens: n, completion_tokens: 0 };
};

export function poolingBody(opts: ScoringOptions, body: any, texts: string[]): unknown {
  return {
    id: `pool-fake-${fnv1a(texts.join('\u0000'))}`,
    object: 'list',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'fake-model',
    data: texts.map((t, index) => {
      const s = scoreOf(opts, t);
      // Token-wise heads answer a row per token; the judge reads the last one.
      const rows = opts.tokenwise ? [...tokenize(t).slice(0, -1).map((tok, i) => [tokenLogprob(tok, i)]), s] : s;
      return { index, object: 'pooling', data: rows };
    }),
    usage: usage(texts),
  };
}

export function classifyBody(opts: ScoringOptions, body: any, texts: string[]): unknown {
  const raw = body.use_activation === false || body.activation === false;
  return {
    id: `classify-fake-${fnv1a(texts.join('\u0000'))}`,
    object: 'list',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'fake-model',
    data: texts.map((t, index) => {
      const s = scoreOf(opts, t);
      // One label: vLLM applies a sigmoid unless activation is turned off; several: softmax.
      const probs = raw ? s : s.length === 1 ? [sigmoid(s[0])] : softmax(s);
      const best = probs.indexOf(Math.max(...probs));
      return { index, label: `LABEL_${best}`, probs, num_classes: probs.length };
    }),
    usage: usage(texts),
  };
}

function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** The texts of a TEI /predict request (pairs joined by a newline). */
export function predictInputs(body: any): string[] | undefined {
  const one = (x: unknown): string | undefined => (typeof x === 'string' ? x : Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === 'string') ? `${x[0]}\n${x[1]}` : undefined);
  const single = one(body?.inputs);
  if (single !== undefined) return [single];
  if (!Array.isArray(body?.inputs) || body.inputs.length === 0) return undefined;
  const texts = body.inputs.map(one);
  return texts.every((t: string | undefined) => t !== undefined) ? texts : undefined;
}

/** TEI /predict: {inputs: string | [a, b] | list of those, raw_scores?} -> [{score, label}] (or a list of those). */
export function predictBody(opts: ScoringOptions, body: any): unknown | undefined {
  const one = (x: unknown): string | undefined => (typeof x === 'string' ? x : Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === 'string') ? `${x[0]}\n${x[1]}` : undefined);
  const answer = (text: string) => {
    const s = scoreOf(opts, text);
    const vals = body.raw_scores === true ? s : s.length === 1 ? [sigmoid(s[0])] : softmax(s);
    return vals.map((score, i) => ({ score, label: `LABEL_${i}` }));
  };
  const single = one(body?.inputs);
  if (single !== undefined) return answer(single);
  if (Array.isArray(body?.inputs) && body.inputs.length > 0) {
    const texts = body.inputs.map(one);
    if (texts.every((t: string | undefined) => t !== undefined)) return texts.map((t: string) => answer(t));
  }
  return undefined;
}

/** Legacy /v1/completions choice: the scripted text, echo and/or vLLM prompt_logprobs. */
export function completionChoice(opts: ScoringOptions, body: any, prompt: string, text: string, withLogprobs: boolean): Record<string, unknown> {
  const echo = body.echo === true;
  const gen = tokenize(text).map((token, i) => ({ token, logprob: tokenLogprob(token, 1000 + i) }));
  const promptLps = promptLogprobs(opts, prompt);
  const choice: Record<string, unknown> = { index: 0, text: echo ? prompt + text : text, finish_reason: 'stop', logprobs: null };
  if (withLogprobs && Number.isInteger(body.logprobs)) {
    const pre = echo ? promptLps.map((p, i) => ({ ...p, logprob: i === 0 ? null : p.logprob })) : [];
    let off = prompt.length;
    const post = gen.map((g) => {
      const o = { ...g, offset: echo ? off : off - prompt.length };
      off += g.token.length;
      return o;
    });
    const all = [...pre, ...post];
    choice.logprobs = {
      tokens: all.map((t) => t.token),
      token_logprobs: all.map((t) => t.logprob),
      top_logprobs: all.map((t) => (t.logprob === null ? null : { [t.token]: t.logprob })),
      text_offset: all.map((t) => t.offset),
    };
  }
  if (withLogprobs && body.prompt_logprobs !== undefined && body.prompt_logprobs !== null) {
    choice.prompt_logprobs = [null, ...promptLps.slice(1).map((p, i) => ({ [String(fnv1a(p.token) % 50000)]: { logprob: p.logprob, rank: 1 + (i % 3), decoded_token: p.token } }))];
  }
  return choice;
}

/** TGI /generate with details: prefill (prompt) log-probs when decoder_input_details is set. */
export function tgiGenerateBody(opts: ScoringOptions, body: any, text: string, withLogprobs: boolean): unknown {
  const p = body.parameters ?? {};
  const gen = tokenize(text).map((t, i) => ({ id: fnv1a(t) % 50000, text: t, logprob: tokenLogprob(t, 1000 + i), special: false }));
  const out: Record<string, unknown> = { generated_text: text };
  if (p.details === true) {
    const prefill = p.decoder_input_details === true ? promptLogprobs(opts, String(body.inputs)).map((t, i) => ({ id: fnv1a(t.token) % 50000, text: t.token, logprob: i === 0 || !withLogprobs ? null : t.logprob })) : [];
    out.details = {
      finish_reason: 'eos_token',
      generated_tokens: gen.length,
      seed: null,
      prefill,
      tokens: withLogprobs ? gen : gen.map((g) => ({ ...g, logprob: null })),
      ...(Number.isInteger(p.top_n_tokens) && p.top_n_tokens > 0 && { top_tokens: gen.map((g) => [g]) }),
    };
  }
  return out;
}
