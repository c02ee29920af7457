/** Step-level sets: ProcessBench (Qwen/ProcessBench) and PRM800K (openai/prm800k phase files). */
import { z } from 'zod';
import { defineFormat, idOf } from './define.js';

export const processBench = defineFormat({
  name: 'processbench',
  description: 'ProcessBench: predict the first wrong step (-1 = none); F1 of accuracy on erroneous and correct samples, per split',
  fields: '{id, problem, steps[], final_answer_correct, label}',
  schema: z.object({
    id: z.union([z.string(), z.number()]).optional(), problem: z.string(), steps: z.array(z.string()).min(1),
    final_answer_correct: z.boolean().optional(), label: z.number().int().min(-1), split: z.string().optional(),
  }).refine((r) => r.label < r.steps.length, { message: 'label points past the last step', path: ['label'] }),
  toItems: (r, ctx) => [{ kind: 'process', id: idOf(r.id, ctx), subset: r.split ?? ctx.stem, problem: r.problem, steps: r.steps, firstError: r.label }],
});

const completion = z.object({ text: z.string(), rating: z.union([z.literal(-1), z.literal(0), z.literal(1), z.null()]) });

export const prm800k = defineFormat({
  name: 'prm800k',
  description: 'PRM800K: human step ratings turned into first-error labels, scored like ProcessBench',
  fields: '{question:{problem}, label:{steps[{completions[{text, rating}], chosen_completion}], finish_reason}}',
  schema: z.object({
    question: z.object({ problem: z.string() }),
    label: z.object({
      steps: z.array(z.object({ completions: z.array(completion).min(1), chosen_completion: z.number().int().min(0).nullable() })).min(1),
      finish_reason: z.enum(['found_error', 'solution', 'bad_problem', 'give_up']),
    }),
    timestamp: z.string().optional(),
  }),
  toItems: (r, ctx) => {
    const { steps, finish_reason } = r.label;
    if (finish_reason === 'bad_problem' || finish_reason === 'give_up') return { skip: `finish_reason ${finish_reason}: no verdict on the solution` };
    const texts: string[] = [];
    let firstError = -1;
    for (const s of steps) {
      // The labeller's path: the chosen completion; at a found error, the step rated -1.
      const c = s.chosen_completion !== null ? s.completions[s.chosen_completion] : s.completions.find((x) => x.rating === -1);
      if (!c) return { skip: 'a step has neither a chosen completion nor one rated -1' };
      texts.push(c.text);
      if (c.rating === -1) { firstError = texts.length - 1; break; }
    }
    if (finish_reason === 'found_error' && firstError < 0) return { skip: 'found_error without a step rated -1' };
    return [{ kind: 'process', id: idOf(r.timestamp, ctx), subset: ctx.stem, problem: r.question.problem, steps: texts, firstError }];
  },
});
