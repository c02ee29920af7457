/**
 * Follow-up likelihood (FLR): after the response, how likely is a satisfied follow-up turn
 * ("That makes sense, thanks!") versus a dissatisfied one ("That's not what I asked")? Each
 * follow-up's mean token log-likelihood comes from prompt log-probs: vLLM `prompt_logprobs`
 * (default), OpenAI-style `echo` + `logprobs`, or TGI `decoder_input_details`. Score = mean
 * over positives minus mean over negatives, per dimension and overall (nats per token).
 */
import { z } from 'zod';
import { StepwiseError } from '../../core/errors.js';
import { pointwiseJudge, sigmoid } from '../base.js';
import { newCost, type JudgeEndpoint } from '../endpoint.js';
import { missingLogprobs } from '../logprob.js';
import { registerProtocol } from '../registry.js';
import { fill, promptOf, responseOf } from '../render.js';
import { needEndpoint } from '../runtime.js';
import type { JudgeCost } from '../types.js';

/** Our own short follow-up sets per dimension (the FLR paper uses ten of each; configure `followups` to use more). */
export const FOLLOWUPS: Record<string, { positive: string[]; negative: string[] }> = {
  understanding: { positive: ['Yes, that is exactly what I meant.', 'Great, you understood my question.'], negative: ['No, you misunderstood my question.', 'That is not what I was asking.'] },
  relevance: { positive: ['That is exactly the information I needed.', 'Thanks, that answers it directly.'], negative: ['That is off topic.', 'How is that related to my question?'] },
  correctness: { positive: ['That is correct, thank you.', 'Right, that checks out.'], negative: ['That is wrong.', 'I am pretty sure that is incorrect.'] },
  engagingness: { positive: ['That was a pleasure to read.', 'Interesting, tell me more!'], negative: ['That was boring.', 'You sound like a robot.'] },
  informativeness: { positive: ['That was very informative.', 'I learned something useful from that.'], negative: ['That tells me nothing new.', 'Can you give me actual details?'] },
  instruction_following: { positive: ['Perfect, you did exactly what I asked.', 'Thanks for following my instructions.'], negative: ['You did not do what I asked.', 'Please follow my instructions this time.'] },
};

const Options = z.object({
  via: z.enum(['prompt_logprobs', 'echo', 'tgi']).default('prompt_logprobs').describe('vLLM prompt_logprobs, OpenAI-style echo+logprobs, or TGI /generate decoder_input_details'),
  dimensions: z.array(z.enum(Object.keys(FOLLOWUPS) as [string, ...string[]])).min(1).default(Object.keys(FOLLOWUPS)),
  followups: z.record(z.string(), z.object({ positive: z.array(z.string().min(1)).min(1), negative: z.array(z.string().min(1)).min(1) })).optional().describe('replaces the built-in sets (keys = dimensions)'),
  template: z.string().default('User: {prompt}\nAssistant: {response}\nUser: ').describe('text before the follow-up; the model\'s chat format'),
});

/** Mean log-prob of the tokens starting at or after `from` (characters into the text). */
function tailMean(tokens: { text: string; logprob: number | null }[], from: number): number | undefined {
  let off = 0;
  const lps: number[] = [];
  for (const t of tokens) {
    if (off + t.text.length > from && t.logprob !== null && Number.isFinite(t.logprob)) lps.push(t.logprob);
    off += t.text.length;
  }
  return lps.length ? lps.reduce((a, b) => a + b, 0) / lps.length : undefined;
}

async function likelihoods(ep: JudgeEndpoint, via: string, texts: string[], from: number, cost: JudgeCost, signal?: AbortSignal): Promise<number[]> {
  const fail = () => missingLogprobs(ep, 'flr', via === 'prompt_logprobs' ? 'set via: echo (OpenAI-style servers) or via: tgi' : 'set via: prompt_logprobs (vLLM)');
  if (via === 'tgi') {
    return Promise.all(texts.map(async (t) => {
      const res = await ep.postRoot('/generate', { inputs: t, parameters: { max_new_tokens: 1, details: true, decoder_input_details: true } }, cost, signal, 'TGI /generate answer with details', (r) => Array.isArray(r?.details?.prefill));
      const m = tailMean((res.details.prefill as { text: string; logprob: number | null }[]).map((p) => ({ text: String(p.text), logprob: p.logprob })), from);
      if (m === undefined) throw fail();
      return m;
    }));
  }
  const body = via === 'echo' ? { prompt: texts, max_tokens: 1, echo: true, logprobs: 0, temperature: 0 } : { prompt: texts, max_tokens: 1, prompt_logprobs: 0, temperature: 0 };
  const choices = await ep.completion(body, cost, signal);
  return choices.map((c, i) => {
    let toks: { text: string; logprob: number | null }[] | undefined;
    if (via === 'echo') {
      const lp = c.logprobs;
      if (lp && Array.isArray(lp.tokens) && Array.isArray(lp.token_logprobs)) {
        // Echoed prompt tokens come first; generated ones start at the prompt's length.
        const offs: number[] = Array.isArray(lp.text_offset) ? lp.text_offset : [];
        toks = lp.tokens.map((t: string, k: number) => ({ text: String(t), logprob: offs[k] !== undefined && offs[k] >= texts[i].length ? null : lp.token_logprobs[k] }));
      }
    } else if (Array.isArray(c.prompt_logprobs)) {
      toks = c.prompt_logprobs.map((d: Record<string, { logprob: number; decoded_token?: string }> | null, k: number) => {
        if (!d) return { text: k === 0 ? '' : '', logprob: null };
        const e = Object.values(d)[0];
        return { text: String(e?.decoded_token ?? ''), logprob: e?.logprob ?? null };
      });
      // The first prompt token has no log-prob and, with vLLM, no decoded text here; recover its length.
      const known = toks!.reduce((a, t) => a + t.text.length, 0);
      if (toks!.length) toks![0].text = texts[i].slice(0, Math.max(0, texts[i].length - known));
    }
    const m = toks ? tailMean(toks, from) : undefined;
    if (m === undefined) throw fail();
    return m;
  });
}

registerProtocol<z.infer<typeof Options>>({
  name: 'flr', options: Options, needsEndpoint: true,
  build: (cfg, rt) => pointwiseJudge({
    protocol: 'flr', concurrency: cfg.concurrency,
    async score(item, o) {
      const ep = needEndpoint(rt);
      const cost = newCost();
      const sets = cfg.followups ?? Object.fromEntries(cfg.dimensions.map((d) => [d, FOLLOWUPS[d]]));
      if (Object.keys(sets).length === 0) throw new StepwiseError('config_error', 'flr: no follow-up sets', 'set dimensions or followups');
      const context = fill(cfg.template, { prompt: promptOf(item.target), response: responseOf(item.target) });
      const dims = Object.keys(sets);
      const texts: string[] = [];
      const where: { dim: string; positive: boolean }[] = [];
      for (const d of dims) {
        for (const f of sets[d].positive) { texts.push(context + f); where.push({ dim: d, positive: true }); }
        for (const f of sets[d].negative) { texts.push(context + f); where.push({ dim: d, positive: false }); }
      }
      const lls = await likelihoods(ep, cfg.via, texts, context.length, cost, o?.signal);
      const aspects: Record<string, number> = {};
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      for (const d of dims) {
        const pos = lls.filter((_, k) => where[k].dim === d && where[k].positive);
        const neg = lls.filter((_, k) => where[k].dim === d && !where[k].positive);
        aspects[d] = mean(pos) - mean(neg);
      }
      const score = mean(Object.values(aspects));
      return { id: item.id, protocol: 'flr', score, confidence: sigmoid(score), aspects, rationale: `follow-up log-likelihood margin over ${dims.length} dimension(s), ${texts.length} follow-ups`, raw: lls.map((x) => x.toFixed(4)), cost };
    },
  }),
});
