/**
 * The action space, declared once. Each entry: a zod schema, a description, the platforms
 * that support it and which fields hold points. MCP tools, CLI help and prompt text are
 * generated from ACTIONS; nothing else lists actions by hand.
 *
 * Canonical form: points are integer [x, y] pairs on the 0-1000 grid of the observed frame.
 * An action may carry `frameId` (the frame its coordinates were computed on; checked) and
 * `space` (the coordinate space of its points, default norm1000; converted by canonicalize).
 */
import { z } from 'zod';
import { SPACES, type Frame, type Point, toNorm1000 } from './coords.js';
import { StaleFrameError, StepwiseError, UnsupportedActionError } from './errors.js';

export type Platform = 'phone' | 'web' | 'desktop';
export const PLATFORMS: readonly Platform[] = ['phone', 'web', 'desktop'];

export const KEYS = [
  'back', 'home', 'enter', 'recent', 'volume_up', 'volume_down', 'power',
  'delete', 'tab', 'escape', 'space', 'menu', 'search',
] as const;
export type KeyName = (typeof KEYS)[number];

export const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const point = z
  .tuple([z.number(), z.number()])
  .describe('[x, y]; integers 0-1000 on the observed frame unless `space` says otherwise');

/** Fields every action may carry. */
const common = {
  frameId: z.string().optional().describe('id of the frame the coordinates were computed on; a stale frame is rejected'),
  space: z.enum(SPACES as [string, ...string[]]).optional().describe('coordinate space of the points (default norm1000)'),
};

const ALL: readonly Platform[] = PLATFORMS;
const PHONE: readonly Platform[] = ['phone'];
const POINTER: readonly Platform[] = ['web', 'desktop'];

function spec<T extends string, S extends z.ZodRawShape>(
  type: T,
  shape: S,
  description: string,
  platforms: readonly Platform[],
  pointFields: readonly ('point' | 'from' | 'to')[] = [],
) {
  const schema = z.object({ type: z.literal(type), ...common, ...shape }).strict();
  return { type, schema, description, platforms, pointFields } as const;
}

export const ACTIONS = {
  click: spec('click', { point }, 'Tap or left-click at a point.', ALL, ['point']),
  double_click: spec('double_click', { point }, 'Double tap or double click at a point.', ALL, ['point']),
  long_press: spec(
    'long_press',
    { point, duration_ms: z.number().int().positive().max(60_000).optional() },
    'Press and hold at a point (default 800 ms).',
    PHONE,
    ['point'],
  ),
  type: spec(
    'type',
    { text: z.string(), point: point.optional() },
    'Type text into the focused field, or first tap `point` to focus a field.',
    ALL,
    ['point'],
  ),
  swipe: spec(
    'swipe',
    { from: point, to: point, duration_ms: z.number().int().positive().max(60_000).optional() },
    'Swipe from one point to another (finger drag; content moves with the finger).',
    PHONE,
    ['from', 'to'],
  ),
  scroll: spec(
    'scroll',
    { direction: z.enum(DIRECTIONS), point: point.optional(), amount: z.number().positive().max(10).optional() },
    'Scroll the content so that more of it in `direction` comes into view (down = see what is below).',
    ALL,
    ['point'],
  ),
  key: spec('key', { key: z.enum(KEYS) }, 'Press a system or keyboard key: back, home, enter, recent, volume...', ALL),
  open_app: spec('open_app', { app: z.string().min(1) }, 'Open an app by its name as shown under its icon.', ['phone', 'desktop']),
  wait: spec('wait', { seconds: z.number().nonnegative().max(600) }, 'Wait for the screen to change (seconds).', ALL),
  info: spec('info', { question: z.string() }, 'Ask the user a question and wait for the reply.', ALL),
  complete: spec('complete', { answer: z.string() }, 'Finish the task; `answer` reports the result or the answer to a question.', ALL),
  abort: spec('abort', { reason: z.string() }, 'Give up: the task cannot be done; `reason` says why.', ALL),
  right_click: spec('right_click', { point }, 'Right-click at a point (context menu).', POINTER, ['point']),
  hover: spec('hover', { point }, 'Move the pointer to a point without clicking.', POINTER, ['point']),
  drag: spec('drag', { from: point, to: point }, 'Press at `from`, move to `to`, release (mouse drag).', POINTER, ['from', 'to']),
  hotkey: spec('hotkey', { keys: z.array(z.string().min(1)).min(1) }, 'Press a key combination, e.g. ["Control", "a"].', POINTER),
  navigate: spec('navigate', { url: z.string().min(1) }, 'Load a URL in the browser.', ['web']),
} as const;

export type ActionType = keyof typeof ACTIONS;
export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

const schemas = ACTION_TYPES.map((t) => ACTIONS[t].schema);
export const ActionSchema = z.discriminatedUnion('type', schemas as unknown as [
  (typeof ACTIONS)['click']['schema'],
  ...(typeof ACTIONS)[ActionType]['schema'][],
]);

export type ActionOf<T extends ActionType> = z.infer<(typeof ACTIONS)[T]['schema']>;
export type Action = { [T in ActionType]: ActionOf<T> }[ActionType];

/** Actions that end a task. */
export const TERMINAL_ACTIONS: readonly ActionType[] = ['complete', 'abort'];
export function isTerminal(a: Action): boolean {
  return TERMINAL_ACTIONS.includes(a.type);
}

export function actionsFor(platform: Platform): ActionType[] {
  return ACTION_TYPES.filter((t) => ACTIONS[t].platforms.includes(platform));
}

/** Validate an unknown value as an action; a typed error names the offending field. */
export function validateAction(value: unknown): Action {
  const r = ActionSchema.safeParse(value);
  if (r.success) return r.data as Action;
  const type = (value as { type?: unknown })?.type;
  if (typeof type !== 'string' || !(type in ACTIONS)) {
    throw new StepwiseError('invalid_action', `unknown action type ${JSON.stringify(type)}`, `use one of: ${ACTION_TYPES.join(', ')}`);
  }
  const issue = r.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : '(action)';
  throw new StepwiseError('invalid_action', `invalid ${type} action: ${where}: ${issue.message}`, describeAction(type as ActionType));
}

/** One-line signature, e.g. `click {point:[x,y]}`, for hints and prompt text. */
export function describeAction(t: ActionType): string {
  const shape = ACTIONS[t].schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape)
    .filter((k) => k !== 'type' && k !== 'frameId' && k !== 'space')
    .map((k) => (shape[k].safeParse(undefined).success ? `${k}?` : k));
  return `${t} {${fields.join(', ')}}`;
}

/**
 * Check an action against the frame it acts on and convert its points to canonical
 * norm1000 integers. Rejects stale frames, unknown spaces and points off the frame.
 */
export function canonicalize(action: Action, frame: Frame): Action {
  if (action.frameId && action.frameId !== frame.id) throw new StaleFrameError(action.frameId, frame.id);
  const space = action.space ?? 'norm1000';
  const out: Record<string, unknown> = { ...action };
  delete out.space;
  for (const f of ACTIONS[action.type].pointFields) {
    const p = (action as Record<string, unknown>)[f] as [number, number] | undefined;
    if (p) out[f] = toNorm1000(p, space as never, frame) satisfies Point;
  }
  return out as Action;
}

/** Throws UnsupportedActionError when a platform lacks the action. */
export function assertSupported(action: Action, platform: Platform): void {
  if (!ACTIONS[action.type].platforms.includes(platform)) {
    throw new UnsupportedActionError(action.type, platform, actionsFor(platform));
  }
}

/** Canonical action for output: drops frame bookkeeping, keeps the contract's fields. */
export function stripMeta(a: Action): Action {
  const { frameId: _f, space: _s, ...rest } = a as Action & { frameId?: string; space?: string };
  return rest as Action;
}
