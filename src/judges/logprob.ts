/**
 * Reading decisions out of token log-probs. Candidate tokens are compared after normalising
 * tokenizer spelling (leading space, Ġ, ▁, case, trailing punctuation), and the variants of a
 * candidate are summed in probability. A candidate missing from the top-k is bounded by the
 * smallest top-k log-prob (it is at most that likely), which is recorded.
 */
import { ParseError, StepwiseError } from '../core/errors.js';
import type { ChatAnswer, JudgeEndpoint, TokenInfo } from './endpoint.js';

export function normToken(t: string): string {
  return t.replace(/^[\sĠ▁]+/u, '').replace(/[\s.,:;!"'*)\]]+$/u, '').toLowerCase();
}

export function logSumExp(xs: number[]): number {
  if (xs.length === 0) return -Infinity;
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((a, x) => a + Math.exp(x - m), 0));
}

export interface ChoiceLogprobs {
  /** Log-prob of each candidate (summed over spelling variants). */
  lp: number[];
  /** Candidates absent from the top-k (their lp is an upper bound). */
  bounded: boolean[];
  /** Position of the decision token in the answer. */
  position: number;
}

/** The answer had no log-probs although they were asked for: the endpoint cannot run this protocol as configured. */
export function missingLogprobs(ep: JudgeEndpoint, protocol: string, fallbackHint: string): StepwiseError {
  return new StepwiseError('model_error', `${ep.where} returned no token log-probs, which ${protocol} needs`,
    `serve the model with log-probs enabled (vLLM: --max-logprobs 20; llama.cpp: --n-probs; ollama and some hosted APIs have none)${fallbackHint ? `, or ${fallbackHint}` : ''}`);
}

/**
 * Log-probs of candidates (each a list of accepted spellings, already normalised) at the first
 * answer position whose top-k holds any of them.
 */
export function choiceLogprobs(tokens: TokenInfo[], candidates: string[][]): ChoiceLogprobs | undefined {
  for (let pos = 0; pos < tokens.length; pos++) {
    const top = tokens[pos].top.length ? tokens[pos].top : [{ token: tokens[pos].token, logprob: tokens[pos].logprob }];
    const hits = candidates.map((c) => top.filter((t) => c.includes(normToken(t.token))).map((t) => t.logprob));
    if (hits.every((h) => h.length === 0)) continue;
    const floor = Math.min(...top.map((t) => t.logprob));
    return { lp: hits.map((h) => (h.length ? logSumExp(h) : floor)), bounded: hits.map((h) => h.length === 0), position: pos };
  }
  return undefined;
}

/** Yes/No (or any two candidates) from an answer with log-probs, or a clear error. */
export function twoWay(ans: ChatAnswer, ep: JudgeEndpoint, protocol: string, first: string[], second: string[], fallbackHint: string): ChoiceLogprobs {
  if (!ans.logprobs || ans.logprobs.length === 0) throw missingLogprobs(ep, protocol, fallbackHint);
  const c = choiceLogprobs(ans.logprobs, [first, second]);
  if (!c) {
    const seen = ans.logprobs[0].top.map((t) => JSON.stringify(t.token)).join(', ') || JSON.stringify(ans.logprobs[0].token);
    throw new ParseError(`${protocol}: neither ${first[0]} nor ${second[0]} is among the answer's top tokens (${seen})`, `the model to answer ${first[0]} or ${second[0]}; raise topLogprobs or check the prompt template`, { answer: ans.content.slice(0, 200) });
  }
  return c;
}

/** P(first) normalised over the two candidates. */
export function pFirstOf(c: ChoiceLogprobs): number {
  return 1 / (1 + Math.exp(c.lp[1] - c.lp[0]));
}

export const YES = ['yes', 'true', 'correct', 'y'];
export const NO = ['no', 'false', 'incorrect', 'n'];
