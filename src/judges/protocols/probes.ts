/**
 * One-token log-prob probes: logit-probe (a configurable Yes/No question), RLBFF (principle
 * satisfied?), RewardDance (better than the reference?) and Pairwise-RL (which of two is
 * better, both orders averaged). Each asks for max_tokens 1 with top_logprobs and reads the
 * decision token; an endpoint without log-probs is a clear error, or for RLBFF the generative
 * "Final Judgment: Yes|No" variant when configured.
 */
import { z } from 'zod';
import { ParseError } from '../../core/errors.js';
import { debiasedCompare, pairwiseJudge, pointwiseJudge, sigmoid, type SwapMode } from '../base.js';
import type { CommonConfig } from '../config.js';
import { newCost, type ChatAnswer } from '../endpoint.js';
import { NO, normToken, pFirstOf, twoWay, YES } from '../logprob.js';
import { registerProtocol } from '../registry.js';
import { fill, imagesOf, needReference, promptOf, responseOf, userMessage } from '../render.js';
import { needEndpoint, type JudgeRuntime } from '../runtime.js';
import type { JudgeCost, JudgeItem, JudgeResult } from '../types.js';

const probeOptions = {
  topLogprobs: z.number().int().min(1).max(20).default(10).describe('alternatives per token asked for'),
  images: z.number().int().min(0).max(8).default(1).describe('screenshots / images shown (VLMs)'),
};

async function ask(rt: JudgeRuntime, cfg: CommonConfig & { topLogprobs: number }, messages: unknown[], cost: JudgeCost, signal?: AbortSignal): Promise<ChatAnswer> {
  return needEndpoint(rt).chat({ messages, max_tokens: 1, logprobs: true, top_logprobs: cfg.topLogprobs, temperature: 0 }, cost, signal);
}

/** A pointwise Yes/No judge: score = lp(yes) - lp(no), confidence = P(yes) over the two. */
function yesNoJudge(protocol: string, cfg: CommonConfig & { topLogprobs: number }, rt: JudgeRuntime, messagesOf: (item: JudgeItem) => unknown[], opts: { fallbackHint?: string; generative?: (item: JudgeItem, cost: JudgeCost, signal?: AbortSignal) => Promise<JudgeResult> } = {}) {
  return pointwiseJudge({
    protocol,
    concurrency: cfg.concurrency,
    async score(item, o) {
      if (opts.generative) return opts.generative(item, newCost(), o?.signal);
      const cost = newCost();
      const ans = await ask(rt, cfg, messagesOf(item), cost, o?.signal);
      const c = twoWay(ans, needEndpoint(rt), protocol, YES, NO, opts.fallbackHint ?? '');
      const margin = c.lp[0] - c.lp[1];
      const p = sigmoid(margin);
      const bounded = c.bounded.some(Boolean) ? ` (${c.bounded[0] ? 'yes' : 'no'} outside the top ${cfg.topLogprobs}: margin is a bound)` : '';
      return { id: item.id, protocol, score: margin, confidence: p, verdict: p >= 0.5 ? 'success' : 'failure', rationale: `P(yes)=${p.toFixed(3)}${bounded}`, raw: [ans.content], cost };
    },
  });
}

// --- logit-probe --------------------------------------------------------------------------
const LogitProbeOptions = z.object({
  ...probeOptions,
  question: z.string().min(1).default('Does the response correctly and completely fulfil the request? Answer Yes or No.'),
  template: z.string().min(1).default('{prompt}\n\nResponse:\n{response}\n\n{question}'),
  system: z.string().optional(),
});
registerProtocol<z.infer<typeof LogitProbeOptions>>({
  name: 'logit-probe', options: LogitProbeOptions, needsEndpoint: true,
  build: (cfg, rt) => yesNoJudge('logit-probe', cfg, rt, (item) => [
    ...(cfg.system ? [{ role: 'system', content: cfg.system }] : []),
    userMessage(fill(cfg.template, { prompt: promptOf(item.target), response: responseOf(item.target), question: cfg.question, reference: item.reference ?? '', principle: item.principle ?? '' }), imagesOf(item.target, rt.ctx, cfg.images)),
  ]),
});

// --- RLBFF --------------------------------------------------------------------------------
const RlbffOptions = z.object({
  ...probeOptions,
  principle: z.string().min(1).default('the response completes the task correctly').describe('used when an item has no principle'),
  mode: z.enum(['logprobs', 'generative']).default('logprobs').describe('generative: sampled answer parsed with "Final Judgment: Yes|No"'),
});
const FINAL_JUDGMENT = /Final Judg(?:e?)ment\s*:\s*\**\s*(Yes|No)\b/i;
registerProtocol<z.infer<typeof RlbffOptions>>({
  name: 'rlbff', options: RlbffOptions, needsEndpoint: true,
  build: (cfg, rt) => {
    const messagesOf = (item: JudgeItem) => [
      userMessage(promptOf(item.target), imagesOf(item.target, rt.ctx, cfg.images)),
      { role: 'assistant', content: responseOf(item.target) },
      { role: 'user', content: `Evaluate the response to the previous prompt in terms of whether it satisfies this principle: ${item.principle ?? cfg.principle}. Only answer Yes or No.` },
    ];
    const generative = async (item: JudgeItem, cost: JudgeCost, signal?: AbortSignal): Promise<JudgeResult> => {
      const msgs = messagesOf(item);
      msgs[2] = { role: 'user', content: `Evaluate the response to the previous prompt in terms of whether it satisfies this principle: ${item.principle ?? cfg.principle}. Reason briefly, then end with "Final Judgment: Yes" or "Final Judgment: No".` };
      const ans = await needEndpoint(rt).chat({ messages: msgs, temperature: cfg.temperature ?? 0 }, cost, signal);
      const m = FINAL_JUDGMENT.exec(ans.content);
      if (!m) throw new ParseError(`rlbff: no "Final Judgment: Yes|No" in the answer: ${JSON.stringify(ans.content.slice(-160))}`, '"Final Judgment: Yes" or "Final Judgment: No" at the end', { raw: ans.content });
      const yes = m[1].toLowerCase() === 'yes';
      return { id: item.id, protocol: 'rlbff', score: yes ? 1 : 0, confidence: yes ? 1 : 0, verdict: yes ? 'success' : 'failure', rationale: ans.content.slice(0, m.index).trim(), raw: [ans.content], cost };
    };
    return yesNoJudge('rlbff', cfg, rt, messagesOf, { fallbackHint: 'set mode: generative', ...(cfg.mode === 'generative' && { generative }) });
  },
});

// --- RewardDance --------------------------------------------------------------------------
const RewardDanceOptions = z.object({
  ...probeOptions,
  criteria: z.string().min(1).default('correctness, completeness and faithfulness to the task'),
});
registerProtocol<z.infer<typeof RewardDanceOptions>>({
  name: 'rewarddance', options: RewardDanceOptions, needsEndpoint: true,
  build: (cfg, rt) => {
    const inner = yesNoJudge('rewarddance', cfg, rt, (item) => [userMessage(
      `Criteria: ${item.principle ?? cfg.criteria}\n\n${promptOf(item.target)}\n\nReference response:\n${needReference(item, 'rewarddance')}\n\nCandidate response:\n${responseOf(item.target)}\n\nIs the candidate response better than the reference response under the criteria? Answer yes or no.`,
      imagesOf(item.target, rt.ctx, cfg.images))]);
    // RewardDance's reward is P(yes) itself, not the log-odds.
    return { ...inner, score: async (item, o) => { const r = await inner.score(item, o); return { ...r, score: r.confidence ?? 0 }; } };
  },
});

// --- Pairwise-RL --------------------------------------------------------------------------
const PairwiseOptions = z.object({
  ...probeOptions,
  swap: z.enum(['both', 'random', 'none']).default('both').describe('both: ask in both orders and average (cancels position bias)'),
  criteria: z.string().min(1).default('Which response better fulfils the request?'),
});
registerProtocol<z.infer<typeof PairwiseOptions>>({
  name: 'pairwise-rl', options: PairwiseOptions, needsEndpoint: true,
  build: (cfg, rt) => {
    const once = async (first: JudgeItem, second: JudgeItem, signal?: AbortSignal) => {
      const cost = newCost();
      const text = `${promptOf(first.target)}\n\n[Response 1]\n${responseOf(first.target)}\n\n[Response 2]\n${responseOf(second.target)}\n\n${cfg.criteria} Answer 1 or 2.`;
      const ans = await ask(rt, cfg, [userMessage(text, imagesOf(first.target, rt.ctx, cfg.images))], cost, signal);
      const c = twoWay(ans, needEndpoint(rt), 'pairwise-rl', ['1', 'response 1', 'a'], ['2', 'response 2', 'b'], 'use rm-r1 (generative pairwise)');
      return { pFirst: pFirstOf(c), raw: [ans.content], cost };
    };
    return pairwiseJudge({
      protocol: 'pairwise-rl', concurrency: cfg.concurrency, promptOf: (i) => promptOf(i.target),
      compare: (a, b, o) => debiasedCompare('pairwise-rl', (x, y) => once(x, y, o?.signal), a, b, cfg.swap as SwapMode, rt.rng),
    });
  },
});

