/**
 * The reward method registry, declared once: every method's name, citation, input schema and
 * function. The CLI (`stepwise reward`) and the reward server are generated from it.
 */
import { z } from 'zod';
import { RewardInputError } from '../util.js';
import { calibrationMethods } from './calibration-methods.js';
import { creditMethods } from './credit-methods.js';
import { designMethods } from './design-methods.js';
import { perceptionMethods } from './perception-methods.js';
import { parseInput, type RewardMethod } from './define.js';
import { groundingMethods } from './grounding-methods.js';

export type { RewardMethod, Tag } from './define.js';
export { parseInput, formatPath } from './define.js';

export const METHODS: readonly RewardMethod[] = [...creditMethods, ...groundingMethods, ...calibrationMethods, ...designMethods, ...perceptionMethods];
const BY_NAME = new Map(METHODS.map((m) => [m.name, m]));

export const METHOD_NAMES: readonly string[] = METHODS.map((m) => m.name);

export function getMethod(name: string): RewardMethod {
  const m = BY_NAME.get(name);
  if (!m) throw new RewardInputError('method', `unknown reward method ${JSON.stringify(name)}`, `use one of: ${METHOD_NAMES.join(', ')}`);
  return m;
}

/** Validate input against the method's schema, then run it. */
export function runMethod(name: string, input: unknown, fieldPrefix = ''): unknown {
  const m = getMethod(name);
  return m.run(parseInput(m.input, input, fieldPrefix));
}

export interface MethodInfo {
  name: string;
  citation: string;
  tag: string;
  description: string;
  input: unknown;
}

/** Methods with JSON Schemas of their inputs (what `--list --json` and GET /v1/methods return). */
export function describeMethods(): MethodInfo[] {
  return METHODS.map((m) => ({ name: m.name, citation: m.citation, tag: m.tag, description: m.description, input: z.toJSONSchema(m.input, { io: 'input', unrepresentable: 'any' }) }));
}
