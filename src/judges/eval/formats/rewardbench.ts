/** RewardBench v1 and RewardBench 2 rows (allenai/reward-bench, allenai/reward-bench-2). */
import { z } from 'zod';
import { defineFormat, idOf } from './define.js';

const id = z.union([z.string(), z.number()]);
const text = z.string();

export const rewardBench2 = defineFormat({
  name: 'rewardbench2',
  description: 'RewardBench 2: best-of-4 accuracy per subset, Ties by its weighted score; overall = mean of subsets',
  fields: '{id, prompt, chosen[], rejected[], num_correct, subset}',
  schema: z.object({ id, prompt: text, chosen: z.array(text).min(1), rejected: z.array(text).min(1), num_correct: z.number().int().positive().optional(), subset: z.string().min(1) })
    .refine((r) => r.num_correct === undefined || r.num_correct === r.chosen.length, { message: 'num_correct must equal the number of chosen responses', path: ['num_correct'] })
    .refine((r) => !/^ties$/i.test(r.subset) || /^(ref|tied):.+/.test(String(r.id)), { message: 'a Ties row needs an id "ref:<n>" or "tied:<n>"', path: ['id'] }),
  toItems: (r, ctx) => {
    const ties = /^ties$/i.test(r.subset);
    const sid = String(r.id);
    const [type, group] = [sid.slice(0, sid.indexOf(':')), sid.slice(sid.indexOf(':') + 1)];
    return [{
      kind: 'choice', id: idOf(r.id, ctx), subset: r.subset, prompt: r.prompt, chosen: r.chosen, rejected: r.rejected,
      ...(ties ? { ties: { type: type as 'ref' | 'tied', group } } : {}),
    }];
  },
});

export const rewardBench = defineFormat({
  name: 'rewardbench',
  description: 'RewardBench v1: pair accuracy 1[s(chosen) > s(rejected)] per subset; sections Chat, Chat Hard, Safety, Reasoning',
  fields: '{id?, prompt, chosen, rejected, subset}',
  schema: z.object({ id: id.optional(), prompt: text, chosen: text, rejected: text, subset: z.string().min(1) }),
  toItems: (r, ctx) => [{ kind: 'choice', id: idOf(r.id, ctx), subset: r.subset, prompt: r.prompt, chosen: [r.chosen], rejected: [r.rejected] }],
});

/** RewardBench v1 subsets per section (the leaderboard's grouping). */
export const RB1_SECTIONS: Record<string, readonly string[]> = {
  Chat: ['alpacaeval-easy', 'alpacaeval-length', 'alpacaeval-hard', 'mt-bench-easy', 'mt-bench-med'],
  'Chat Hard': ['mt-bench-hard', 'llmbar-natural', 'llmbar-adver-neighbor', 'llmbar-adver-GPTInst', 'llmbar-adver-GPTOut', 'llmbar-adver-manual'],
  Safety: ['refusals-dangerous', 'refusals-offensive', 'xstest-should-refuse', 'xstest-should-respond', 'donotanswer'],
  Reasoning: ['math-prm', 'hep-cpp', 'hep-go', 'hep-java', 'hep-js', 'hep-python', 'hep-rust'],
};

export const rewardMath = defineFormat({
  name: 'rewardmath',
  description: 'RewardMATH: one correct vs several incorrect solutions; accuracy 1[s(chosen) > max s(rejected)] and MRR',
  fields: '{id?, prompt|problem, chosen, rejected[]}',
  schema: z.object({ id: id.optional(), unique_id: id.optional(), prompt: text.optional(), problem: text.optional(), chosen: text, rejected: z.array(text).min(1), subset: z.string().optional() })
    .refine((r) => r.prompt !== undefined || r.problem !== undefined, { message: 'needs the problem text in "prompt" or "problem"', path: ['prompt'] }),
  toItems: (r, ctx) => [{ kind: 'choice', id: idOf(r.id ?? r.unique_id, ctx), subset: r.subset ?? 'math', prompt: (r.prompt ?? r.problem)!, chosen: [r.chosen], rejected: r.rejected }],
});

export const pairs = defineFormat({
  name: 'pairs',
  description: 'Plain preference pairs: accuracy 1[s(chosen) > s(rejected)] (ties count 0), per subset when given',
  fields: '{id?, prompt, chosen, rejected, subset?}',
  schema: z.object({ id: id.optional(), prompt: text, chosen: text, rejected: text, subset: z.string().optional() }),
  toItems: (r, ctx) => [{ kind: 'choice', id: idOf(r.id, ctx), subset: r.subset ?? 'all', prompt: r.prompt, chosen: [r.chosen], rejected: [r.rejected] }],
});
