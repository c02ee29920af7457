/** HelpSteer2 (nvidia/HelpSteer2) ratings and its preference file, and VerifyBench verdicts. */
import { z } from 'zod';
import { defineFormat, idOf } from './define.js';

const rating = z.number().min(0).max(4);
const ASPECTS = ['helpfulness', 'correctness', 'coherence', 'complexity', 'verbosity'] as const;

export const helpSteer2 = defineFormat({
  name: 'helpsteer2',
  description: 'HelpSteer2 ratings: within each prompt, pair accuracy of the judge against helpfulness order (equal ratings skipped)',
  fields: '{prompt, response, helpfulness, correctness, coherence, complexity, verbosity}',
  schema: z.object({ prompt: z.string(), response: z.string(), helpfulness: rating, correctness: rating, coherence: rating, complexity: rating, verbosity: rating }),
  toItems: (r, ctx) => [{
    kind: 'rated', id: idOf(undefined, ctx), subset: 'helpfulness', prompt: r.prompt, response: r.response, rating: r.helpfulness,
    aspects: Object.fromEntries(ASPECTS.map((a) => [a, r[a]])),
  }],
});

export const helpSteer2Preference = defineFormat({
  name: 'helpsteer2-preference',
  description: 'HelpSteer2-Preference: sign agreement with preference_strength (-3..3, negative = response_1 better; 0 skipped)',
  fields: '{prompt, response_1, response_2, preference_strength, split?}',
  schema: z.object({ prompt: z.string(), response_1: z.string(), response_2: z.string(), preference_strength: z.number().int().min(-3).max(3), split: z.string().optional() }),
  toItems: (r, ctx) => {
    if (r.preference_strength === 0) return { skip: 'preference_strength 0: no preferred response' };
    const first = r.preference_strength < 0;
    return [{ kind: 'choice', id: idOf(undefined, ctx), subset: r.split ?? 'preference', prompt: r.prompt, chosen: [first ? r.response_1 : r.response_2], rejected: [first ? r.response_2 : r.response_1] }];
  },
});

const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]);

export const verifyBench = defineFormat({
  name: 'verifybench',
  description: 'VerifyBench: accuracy of the binary verdict on (question, reference answer, completion); calibration of its confidence',
  fields: '{id?, question, answer, completion, correct, category?}',
  schema: z.object({
    id: z.union([z.string(), z.number()]).optional(), question: z.string(), answer: z.string(), completion: z.string(),
    correct: flag.optional(), gold_correct: flag.optional(), category: z.string().optional(), answer_type: z.string().optional(),
  }).refine((r) => r.correct !== undefined || r.gold_correct !== undefined, { message: 'needs the gold flag "correct" (true/false or 1/0)', path: ['correct'] }),
  toItems: (r, ctx) => [{
    kind: 'label', id: idOf(r.id, ctx), subset: r.category ?? r.answer_type ?? 'all', prompt: r.question, response: r.completion,
    reference: r.answer, correct: Boolean(r.correct ?? r.gold_correct),
  }],
});
