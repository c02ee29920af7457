/**
 * The seven CSRS data categories (Step-GUI section 1) as zod schemas: what one training
 * target of each category holds. Every target carries a `reasoning` field that says, in
 * words, why the target is what it is.
 */
import { z } from 'zod';
import { ActionSchema } from '../core/actions.js';

export const CATEGORIES = [
  'progress_tracking',
  'state_summary',
  'effect_prediction',
  'self_reflection',
  'state_verification',
  'intent_execution',
  'action_prediction',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Knowledge categories (1-5) are kept from failed trajectories; 6 is configurable; 7 never. */
export const KNOWLEDGE: readonly Category[] = CATEGORIES.slice(0, 5);

const reasoning = z.string().min(1);
const element = z.object({ text: z.string(), desc: z.string(), resourceId: z.string(), class: z.string() });

export const SCHEMAS = {
  progress_tracking: z.object({
    step: z.number().int().min(0),
    done: z.array(z.string()),
    next: z.string().optional(),
    reasoning,
  }),
  state_summary: z.object({
    app: z.string(),
    keyboard_open: z.boolean(),
    key_texts: z.array(z.string()),
    actionable: z.array(z.string()),
    reasoning,
  }),
  effect_prediction: z.object({
    action: z.string(),
    target: z.string(),
    app_changed: z.boolean(),
    screen_changed: z.boolean(),
    appeared: z.array(z.string()),
    disappeared: z.array(z.string()),
    reasoning,
  }),
  self_reflection: z.object({
    action: z.string(),
    assessment: z.enum(['useful', 'no_effect', 'detour', 'undo', 'loop', 'dead_end', 'mistyped', 'off_task', 'failed_action', 'unparsed', 'wrong_end', 'right_end']),
    should_repeat: z.boolean(),
    reasoning,
  }),
  state_verification: z.object({
    task_complete: z.boolean(),
    evidence: z.array(z.string()),
    reasoning,
  }),
  intent_execution: z.object({
    intent: z.string(),
    action: ActionSchema,
    element: element.optional(),
    reasoning,
  }),
  action_prediction: z.object({
    thought: z.string(),
    action: ActionSchema,
    reasoning,
  }),
} as const satisfies Record<Category, z.ZodType>;

export type Target<C extends Category> = z.infer<(typeof SCHEMAS)[C]>;

/** The question each category's training sample asks (the user turn beside the screenshot). */
export const QUESTIONS: Record<Category, string> = {
  progress_tracking: 'Which steps of the task are done so far, and what comes next?',
  state_summary: 'Summarize the current screen: app, keyboard, key texts and what can be tapped.',
  effect_prediction: 'Predict the effect of the given action on this screen.',
  self_reflection: 'Was the given action a good step toward the task? Should it be repeated?',
  state_verification: 'Is the task complete on this screen? Give the evidence.',
  intent_execution: 'Carry out the given intent on this screen as one action.',
  action_prediction: 'What is the next action toward the task?',
};

export interface Sample<C extends Category = Category> {
  /** Content hash of (trajectory, step, category, target): the dedup key. */
  id: string;
  category: C;
  trajectoryId: string;
  stepIndex: number;
  taskId?: string;
  instruction: string;
  app?: string;
  verdict: 'success' | 'failure';
  /** Screenshot blob shas the sample shows (before the step). */
  images: string[];
  /** Extra input beyond task + screen: the action to judge, the intent to execute, history. */
  input: Record<string, unknown>;
  target: Target<C>;
}

export function validateTarget<C extends Category>(category: C, value: unknown): Target<C> {
  return SCHEMAS[category].parse(value) as Target<C>;
}
