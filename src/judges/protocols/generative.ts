/**
 * Generative judges that reason in text and end with a parseable verdict: RM-R1 (pairwise,
 * <answer>[[A]]|[[B]]</answer>), ThinkPRM (\boxed{correct|incorrect} per step over k chains),
 * SPARK (ThinkPRM-style chains + a meta-critique + format gates), MM-RLHF (critique, then a
 * score with the critique in context) and gui-verdict (the GELab-style reference judge over a
 * GUI trajectory: quick rules, then a VLM answering JSON). A sample whose text does not parse
 * is recorded and dropped; no usable sample at all is an error.
 */
import { z } from 'zod';
import { ParseError, StepwiseError, errorMessage } from '../../core/errors.js';
import { debiasedCompare, pairwiseJudge, pointwiseJudge, type SwapMode } from '../base.js';
import type { CommonConfig } from '../config.js';
import { addCost, newCost, type ChatAnswer } from '../endpoint.js';
import { NO, pFirstOf, twoWay, YES } from '../logprob.js';
import { registerProtocol } from '../registry.js';
import { imagesOf, promptOf, responseOf, solutionSteps, userMessage } from '../render.js';
import { needEndpoint, type JudgeRuntime } from '../runtime.js';
import type { JudgeCost, JudgeItem, JudgeResult } from '../types.js';

/** k independent sampled answers; parse failures are kept as errors, not votes. */
async function sample<T>(rt: JudgeRuntime, k: number, messages: unknown[], temperature: number, cost: JudgeCost, parse: (a: ChatAnswer) => T, signal?: AbortSignal): Promise<{ ok: { value: T; raw: string }[]; errors: string[]; raw: string[] }> {
  const ep = needEndpoint(rt);
  const outs = await Promise.all(Array.from({ length: k }, async () => {
    const c = newCost();
    try {
      const a = await ep.chat({ messages, temperature }, c, signal);
      const text = a.content || a.reasoning || '';
      try {
        return { value: parse(a), raw: text };
      } catch (e) {
        return { error: errorMessage(e), raw: text };
      }
    } finally {
      addCost(cost, c);
    }
  }));
  return {
    ok: outs.filter((o): o is { value: T; raw: string } => 'value' in o),
    errors: outs.filter((o): o is { error: string; raw: string } => 'error' in o).map((o) => o.error),
    raw: outs.map((o) => o.raw),
  };
}

function noUsable(protocol: string, k: number, errors: string[], raw: string[], cost: JudgeCost): StepwiseError {
  return new StepwiseError('model_error', `${protocol} gave no usable answer in ${k} sample(s): ${errors[0] ?? ''}`, 'check the judge model and its prompt format (docs/JUDGES.md)', { errors, raw, cost });
}

const samplingOptions = {
  samples: z.number().int().min(1).max(64).default(1).describe('independent samples (votes)'),
  images: z.number().int().min(0).max(8).default(1),
};
const tempOf = (cfg: CommonConfig, k: number) => cfg.temperature ?? (k > 1 ? 0.7 : 0);

// --- RM-R1 --------------------------------------------------------------------------------
const RM_R1_SYSTEM = 'Please act as an impartial judge of two chatbot responses to the client question. First decide whether the task is ' +
  'Reasoning or Chat and say so in <type>Reasoning</type> or <type>Chat</type>. For Reasoning, solve the question yourself in <solution>...</solution>; ' +
  'for Chat, write evaluation criteria in <rubric>...</rubric>. Then compare both responses against them in <eval>...</eval>, and give your verdict as ' +
  '<answer>[[A]]</answer> if Chatbot A is better or <answer>[[B]]</answer> if Chatbot B is better.';

export function rmR1User(q: string, a: string, b: string): string {
  return `[Client Question]\n${q}\n\n[The Start of Chatbot A's Response]\n${a}\n[The End of Chatbot A's Response]\n\n[The Start of Chatbot B's Response]\n${b}\n[The End of Chatbot B's Response]`;
}

/** 'A' or 'B'; both or neither present is an error (a hedged answer must not count as a vote). */
export function parseRmR1(text: string): 'A' | 'B' {
  const a = /<answer>\s*\[\[A\]\]\s*<\/answer>/.test(text);
  const b = /<answer>\s*\[\[B\]\]\s*<\/answer>/.test(text);
  if (a && b) throw new ParseError('rm-r1: the answer names both [[A]] and [[B]]', 'exactly one of <answer>[[A]]</answer> or <answer>[[B]]</answer>');
  if (!a && !b) throw new ParseError(`rm-r1: no <answer>[[A]]</answer> or <answer>[[B]]</answer> in ${JSON.stringify(text.slice(-120))}`, 'exactly one of <answer>[[A]]</answer> or <answer>[[B]]</answer>');
  return a ? 'A' : 'B';
}

const RmR1Options = z.object({
  ...samplingOptions,
  swap: z.enum(['random', 'both', 'none']).default('random').describe('random: seeded A/B swap per pair, un-swapped; both: ask both orders'),
  system: z.string().default(RM_R1_SYSTEM).describe('empty string: the reasoning-distilled variant without a system prompt'),
});
registerProtocol<z.infer<typeof RmR1Options>>({
  name: 'rm-r1', options: RmR1Options, needsEndpoint: true,
  build: (cfg, rt) => {
    const once = async (first: JudgeItem, second: JudgeItem, signal?: AbortSignal) => {
      const cost = newCost();
      const messages = [...(cfg.system ? [{ role: 'system', content: cfg.system }] : []),
        userMessage(rmR1User(promptOf(first.target), responseOf(first.target), responseOf(second.target)), imagesOf(first.target, rt.ctx, cfg.images))];
      const r = await sample(rt, cfg.samples, messages, tempOf(cfg, cfg.samples), cost, (a) => parseRmR1(a.content), signal);
      if (r.ok.length === 0) throw noUsable('rm-r1', cfg.samples, r.errors, r.raw, cost);
      const votesA = r.ok.filter((o) => o.value === 'A').length;
      return { pFirst: votesA / r.ok.length, raw: r.raw, rationale: r.ok[0].raw.replace(/<answer>[\s\S]*$/, '').trim(), cost };
    };
    return pairwiseJudge({
      protocol: 'rm-r1', concurrency: cfg.concurrency, promptOf: (i) => promptOf(i.target),
      compare: (a, b, o) => debiasedCompare('rm-r1', (x, y) => once(x, y, o?.signal), a, b, cfg.swap as SwapMode, rt.rng),
    });
  },
});

// --- ThinkPRM and SPARK ------------------------------------------------------------------
export function thinkPrmPrompt(problem: string, steps: string[]): string {
  const solution = steps.map((s, i) => `Step ${i + 1}: ${s.replace(/^\s*Step\s*\d+\s*[:.]\s*/i, '')}`).join('\n');
  return `You are given a math problem and a proposed step-by-step solution:\n\n[Math Problem]\n\n${problem}\n\n[Solution]\n\n${solution}\n\n` +
    'Review and critique each step in the proposed solution to determine whether each step is correct. If the solution is incomplete, only verify the provided steps.';
}

/** Step verdicts in order of appearance: \boxed{correct}, \boxed{incorrect}, \boxed{\text{...}}. */
export function parseStepVerdicts(text: string): boolean[] {
  const out: boolean[] = [];
  for (const m of text.matchAll(/\\boxed\{\s*(?:\\text\{\s*)?(correct|incorrect)\s*\}?\s*\}/gi)) out.push(m[1].toLowerCase() === 'correct');
  if (out.length === 0) throw new ParseError(`no \\boxed{correct|incorrect} step verdict in ${JSON.stringify(text.slice(-120))}`, 'one \\boxed{correct} or \\boxed{incorrect} per verified step');
  return out;
}

/** Per step: share of chains that judged it correct (chains that did not reach a step do not vote on it). */
function stepShares(chains: boolean[][], n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const votes = chains.filter((c) => i < c.length).map((c) => c[i]);
    // A chain that stopped at an earlier incorrect step implies nothing about later ones; no votes = unknown, scored as 0.5.
    return votes.length ? votes.filter(Boolean).length / votes.length : 0.5;
  });
}

const chainCorrect = (c: boolean[], n: number) => c.length >= Math.min(n, 1) && c.every(Boolean);

const ThinkPrmOptions = z.object({
  ...samplingOptions,
  samples: z.number().int().min(1).max(64).default(4),
  images: z.number().int().min(0).max(8).default(0),
  finalQuestion: z.boolean().default(false).describe('ask "Is the solution correct? Yes or No" after each chain and use P(Yes) (needs log-probs)'),
});
registerProtocol<z.infer<typeof ThinkPrmOptions>>({
  name: 'thinkprm', options: ThinkPrmOptions, needsEndpoint: true,
  build: (cfg, rt) => pointwiseJudge({
    protocol: 'thinkprm', concurrency: cfg.concurrency,
    async score(item, o) {
      const cost = newCost();
      const steps = solutionSteps(item.target);
      const messages = [userMessage(thinkPrmPrompt(promptOf(item.target), steps), imagesOf(item.target, rt.ctx, cfg.images))];
      const r = await sample(rt, cfg.samples, messages, tempOf(cfg, cfg.samples), cost, (a) => parseStepVerdicts(a.content), o?.signal);
      if (r.ok.length === 0) throw noUsable('thinkprm', cfg.samples, r.errors, r.raw, cost);
      let chainScores: number[] = r.ok.map((c) => (chainCorrect(c.value, steps.length) ? 1 : 0));
      if (cfg.finalQuestion) {
        chainScores = await Promise.all(r.ok.map(async (c) => {
          const a = await needEndpoint(rt).chat({ messages: [...messages, { role: 'assistant', content: c.raw }, { role: 'user', content: 'Is the solution correct? Answer Yes or No.' }], max_tokens: 1, logprobs: true, top_logprobs: 10, temperature: 0 }, cost, o?.signal);
          return pFirstOf(twoWay(a, needEndpoint(rt), 'thinkprm (finalQuestion)', YES, NO, 'set finalQuestion: false'));
        }));
      }
      const score = chainScores.reduce((x, y) => x + y, 0) / chainScores.length;
      return {
        id: item.id, protocol: 'thinkprm', score, confidence: score, verdict: score >= 0.5 ? 'success' : 'failure',
        stepScores: stepShares(r.ok.map((c) => c.value), steps.length),
        rationale: `${r.ok.length}/${cfg.samples} chains parsed; ${chainScores.filter((s) => s >= 0.5).length} judge the solution correct`,
        raw: r.raw, cost, ...(r.errors.length && { errors: r.errors }),
      };
    },
  }),
});

/** SPARK's format gates on the judged solution: one final answer, nothing after it, a step cap. */
export function sparkGates(item: JudgeItem, maxSteps: number): string | undefined {
  const t = item.target;
  if (t.kind !== 'text') {
    if (t.trajectory.steps.length > maxSteps) return `${t.trajectory.steps.length} steps exceed the cap of ${maxSteps}`;
    if (t.kind === 'trajectory' && t.trajectory.stopReason !== 'completed') return `the trajectory stopped with ${t.trajectory.stopReason ?? t.trajectory.status}, not a final answer`;
    return undefined;
  }
  const steps = solutionSteps(t);
  if (steps.length > maxSteps) return `${steps.length} steps exceed the cap of ${maxSteps}`;
  // "Final answer: \boxed{x}" is one answer, not two.
  const finals = [...t.response.matchAll(/(?:Final answer\s*:\s*)?\\boxed\{|Final answer\s*:/gi)];
  if (finals.length !== 1) return `${finals.length} final answers (expected exactly one \\boxed{} or "Final answer:")`;
  const after = t.response.slice(finals[0].index!).replace(/^(?:Final answer\s*:\s*)?\\boxed\{(?:[^{}]|\{[^{}]*\})*\}|^Final answer\s*:[^\n]*/i, '');
  if (after.trim().replace(/^[.$\s]+/, '') !== '') return 'text after the final answer';
  return undefined;
}

const SparkOptions = z.object({
  ...samplingOptions,
  samples: z.number().int().min(1).max(64).default(4),
  images: z.number().int().min(0).max(8).default(0),
  maxSteps: z.number().int().min(1).default(30),
  metaCritique: z.boolean().default(true),
});
registerProtocol<z.infer<typeof SparkOptions>>({
  name: 'spark', options: SparkOptions, needsEndpoint: true,
  build: (cfg, rt) => pointwiseJudge({
    protocol: 'spark', concurrency: cfg.concurrency,
    async score(item, o) {
      const cost = newCost();
      const gate = sparkGates(item, cfg.maxSteps);
      if (gate) return { id: item.id, protocol: 'spark', score: 0, confidence: 0, verdict: 'failure', rationale: `format gate failed: ${gate}`, raw: [], cost };
      const steps = solutionSteps(item.target);
      const prompt = thinkPrmPrompt(promptOf(item.target), steps);
      const messages = [userMessage(prompt, imagesOf(item.target, rt.ctx, cfg.images))];
      const r = await sample(rt, cfg.samples, messages, tempOf(cfg, cfg.samples), cost, (a) => parseStepVerdicts(a.content), o?.signal);
      if (r.ok.length === 0) throw noUsable('spark', cfg.samples, r.errors, r.raw, cost);
      let shares = stepShares(r.ok.map((c) => c.value), steps.length);
      const raw = [...r.raw];
      let note = 'majority of verifications';
      if (cfg.metaCritique) {
        const summary = r.ok.map((c, i) => `Verification ${i + 1}:\n${c.raw}`).join('\n\n');
        const meta = await sample(rt, 1, [userMessage(`${prompt}\n\nIndependent verifications of this solution follow. Critique them: point out where a verification is wrong, then give your own final verdict for every step, in order, as \\boxed{correct} or \\boxed{incorrect}.\n\n${summary}`)], 0, cost, (a) => parseStepVerdicts(a.content), o?.signal);
        raw.push(...meta.raw);
        const v = meta.ok[0]?.value;
        if (v && v.length >= steps.length) {
          // The meta-critique decides the side of 0.5; the verifications' share saying "correct" sets the distance.
          shares = v.slice(0, steps.length).map((ok, i) => (ok ? 0.55 + 0.45 * shares[i] : 0.45 * shares[i]));
          note = 'meta-critique over the verifications';
        } else note = `majority of verifications (meta-critique unusable: ${meta.errors[0] ?? `${v?.length ?? 0} of ${steps.length} step verdicts`})`;
      }
      const score = Math.min(...shares);
      return { id: item.id, protocol: 'spark', score, confidence: score, verdict: score >= 0.5 ? 'success' : 'failure', stepScores: shares, rationale: `${note}; ${r.ok.length}/${cfg.samples} verifications parsed`, raw, cost, ...(r.errors.length && { errors: r.errors }) };
    },
  }),
});

// --- MM-RLHF -----------------------------------------------------------------------------
const MmRlhfOptions = z.object({
  ...samplingOptions,
  samples: z.number().int().min(1).max(16).default(2),
  min: z.number().default(0),
  max: z.number().default(10),
});
export function parseScoreIn(text: string, min: number, max: number): number {
  const m = /-?\d+(?:\.\d+)?/.exec(text);
  const v = m ? Number(m[0]) : NaN;
  if (!Number.isFinite(v) || v < min || v > max) throw new ParseError(`no score in [${min}, ${max}] in ${JSON.stringify(text.slice(0, 80))}`, `a number from ${min} to ${max}`);
  return v;
}
registerProtocol<z.infer<typeof MmRlhfOptions>>({
  name: 'mm-rlhf', options: MmRlhfOptions, needsEndpoint: true,
  build: (cfg, rt) => pointwiseJudge({
    protocol: 'mm-rlhf', concurrency: cfg.concurrency,
    async score(item, o) {
      const cost = newCost();
      const ep = needEndpoint(rt);
      const ask = userMessage(`You are an unbiased and fair evaluator. Assess the response below for helpfulness, faithfulness to the ${item.target.kind === 'text' && !item.target.images?.length ? 'question' : 'screens and question'}, and correctness; name its concrete strengths and errors.\n\n[Question]: ${promptOf(item.target)}\n[LMM Response]: ${responseOf(item.target)}\n\n[Evaluation]:`, imagesOf(item.target, rt.ctx, cfg.images));
      const critiques = await sample(rt, cfg.samples, [ask], tempOf(cfg, cfg.samples), cost, (a) => { if (!a.content.trim()) throw new ParseError('empty critique', 'a critique text'); return a.content; }, o?.signal);
      const scored = await Promise.all(critiques.ok.map(async (c) => {
        const a = await ep.chat({ messages: [ask, { role: 'assistant', content: c.value }, { role: 'user', content: `Given your evaluation, score the response from ${cfg.min} to ${cfg.max}. Answer with the number only.` }], temperature: 0, max_tokens: 8 }, cost, o?.signal);
        try { return { v: parseScoreIn(a.content, cfg.min, cfg.max), raw: a.content }; } catch (e) { return { err: errorMessage(e), raw: a.content }; }
      }));
      const ok = scored.filter((s): s is { v: number; raw: string } => 'v' in s);
      const errors = [...critiques.errors, ...scored.filter((s): s is { err: string; raw: string } => 'err' in s).map((s) => s.err)];
      const raw = [...critiques.raw, ...scored.map((s) => s.raw)];
      if (ok.length === 0) throw noUsable('mm-rlhf', cfg.samples, errors, raw, cost);
      const score = ok.reduce((a, s) => a + s.v, 0) / ok.length;
      const p = (score - cfg.min) / (cfg.max - cfg.min);
      return { id: item.id, protocol: 'mm-rlhf', score, confidence: p, verdict: p >= 0.5 ? 'success' : 'failure', rationale: critiques.ok[0].value, raw, cost, ...(errors.length && { errors }) };
    },
  }),
});
