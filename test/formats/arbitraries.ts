/** fast-check generators of canonical steps, with text full of the characters dialects trip on. */
import fc from 'fast-check';
import { DIRECTIONS, KEYS, type Action, type ActionType } from '../../src/core/actions.js';
import type { RenderStep } from '../../src/formats/index.js';

// Separators, quotes, escapes, tags and keys of every dialect, plus CJK and emoji.
const TRICKY = [
  '\t', '\n', '\r', ' ', '　', ':', '：', ',', '，', "'", '"', '\\', '\\n', '(', ')', '[', ']', '{', '}',
  '<THINK>', '</think>', '<tool_call>', ' summary:', ' action:', '\nAction: ', '\nThought:', ' point:',
  '微信', '打开', '😀', 'é', 'x', 'a b', '500,500', "', b='",
];

/** Text that is usually plain but often holds one of the tricky pieces. */
export const text = (minLength = 0): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }), { maxLength: 5 })
    .map((parts) => parts.join(''))
    .filter((s) => s.length >= minLength);

/** Mostly plain words, so most generated steps are expressible everywhere. */
export const plainText = (minLength = 0): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom('open', 'the', 'Settings', 'app', '微信', '搜索', 'ok', '42', 'é', '😀'), { minLength: 1, maxLength: 5 })
    .map((w) => w.join(' '))
    .filter((s) => s.length >= minLength);

const mixedText = (minLength = 0) => fc.oneof({ weight: 3, arbitrary: plainText(minLength) }, { weight: 2, arbitrary: text(minLength) });

export const point = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const seconds = fc.double({ min: 0, max: 600, noNaN: true }).map((x) => x + 0);

function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A canonical action of a type (no frameId/space), fields drawn over their full ranges. */
export function actionOf(t: ActionType): fc.Arbitrary<Action> {
  const a: Record<ActionType, fc.Arbitrary<Record<string, unknown>>> = {
    click: fc.record({ point }),
    double_click: fc.record({ point }),
    right_click: fc.record({ point }),
    hover: fc.record({ point }),
    long_press: fc.record({ point, duration_ms: opt(fc.integer({ min: 1, max: 60_000 })) }),
    type: fc.record({ text: mixedText(), point: opt(point) }),
    swipe: fc.record({ from: point, to: point, duration_ms: opt(fc.integer({ min: 1, max: 60_000 })) }),
    drag: fc.record({ from: point, to: point }),
    scroll: fc.record({ direction: fc.constantFrom(...DIRECTIONS), point: opt(point), amount: opt(fc.double({ min: 0.01, max: 10, noNaN: true })) }),
    key: fc.record({ key: fc.constantFrom(...KEYS) }),
    hotkey: fc.record({ keys: fc.array(fc.constantFrom('ctrl', 'shift', 'alt', 'a', 'c', 'F5', 'cmd', 'x y'), { minLength: 2, maxLength: 3 }) }),
    open_app: fc.record({ app: mixedText(1) }),
    wait: fc.record({ seconds: fc.oneof(seconds, fc.constant(5), fc.integer({ min: 0, max: 600 })) }),
    info: fc.record({ question: fc.oneof(mixedText(), fc.constant('')) }),
    complete: fc.record({ answer: fc.oneof(mixedText(), fc.constant('')) }),
    abort: fc.record({ reason: fc.oneof(mixedText(), fc.constant('')) }),
    navigate: fc.record({ url: fc.webUrl() }),
  };
  return a[t].map((fields) => clean({ type: t, ...fields }) as Action);
}

/** A full step of one of the given action types, with optional thought/summary/extras. */
export function stepOf(types: readonly ActionType[], extras: fc.Arbitrary<Record<string, unknown> | undefined>): fc.Arbitrary<RenderStep> {
  return fc
    .record({
      action: fc.constantFrom(...types).chain(actionOf),
      thought: opt(mixedText()),
      summary: opt(mixedText()),
      extras,
    })
    .map((s) => clean(s) as RenderStep);
}

/** Extras with fixed names (no __proto__ games) and text values. */
export const extrasFrom = (names: readonly string[]) =>
  opt(fc.dictionary(fc.constantFrom(...names), mixedText(), { maxKeys: 3 }));

export const imageSizeAtLeast1000 = fc.record({ width: fc.integer({ min: 1000, max: 4000 }), height: fc.integer({ min: 1000, max: 4000 }) });
export const smallImageSize = fc.record({ width: fc.integer({ min: 1, max: 999 }), height: fc.integer({ min: 1, max: 999 }) });
