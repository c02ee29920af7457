/**
 * Mutated model outputs: every parse either returns a valid canonical step or throws a
 * ParseError. Any other exception (TypeError, RangeError, a plain Error) fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAction, type Action } from '../../src/core/actions.js';
import { ParseError, StepwiseError } from '../../src/core/errors.js';
import { DIALECTS, type Dialect, type ParsedOutput } from '../../src/formats/index.js';
import { stepOf } from './arbitraries.js';

const SIZE = { width: 1092, height: 2408 };

const JUNK = [
  'NaN', 'Infinity', '-1', '1e309', '99999999999999999999', '-0', '0x1F', '1,2,3', '\u0000', '\uFFFF', '\uD800',
  '<THINK>', '</THINK>', '<think>', '</tinking>', '<tool_call>', '</tool_call>', '{', '}', '[', ']', '(', ')', "'", '"',
  '\\', '\t', '\n', '：', '，', 'action:', 'Action:', 'Thought:', 'point:', '<|box_start|>', 'null', 'true', '{"action":',
  '"coordinate": [1e400, -5]', "start_box='(1,2,3)'", '微信', '😀', ' '.repeat(50), 'x'.repeat(2000),
];

type Mutation = (s: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (s) => s.slice(0, n % (s.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([at, len]): Mutation => (s) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + s.slice(i + len);
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: 'binary', maxLength: 6 }))).map(([at, ins]): Mutation => (s) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + ins + s.slice(i);
  }),
  fc.constantFrom(...JUNK).map((j): Mutation => (s) => s.replace(/\d+/, j)),
  fc.constantFrom(...JUNK).map((j): Mutation => (s) => s.replace(/\d+/g, j)),
  fc.constant<Mutation>((s) => s.toUpperCase()),
  fc.constant<Mutation>((s) => s.replace(/<\/?(THINK|think)>/g, '')),
  fc.constant<Mutation>((s) => s.replace(/\t/g, '  ')),
  fc.constant<Mutation>((s) => s + s),
);

function checkOutcome(d: Dialect, raw: unknown, opts: object): 'ok' | 'error' {
  let out: ParsedOutput;
  try {
    out = d.parse(raw as string, opts);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    expect(e.message.length).toBeGreaterThan(10);
    return 'error';
  }
  expect(validateAction(out.action)).toEqual(out.action);
  const a = out.action as Action & Record<string, unknown>;
  for (const f of ['point', 'from', 'to']) {
    const p = a[f] as [number, number] | undefined;
    if (p === undefined) continue;
    for (const c of p) {
      expect(Number.isInteger(c)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1000);
    }
  }
  expect(a.frameId).toBeUndefined();
  expect(a.space).toBeUndefined();
  if (out.thought !== undefined) expect(typeof out.thought).toBe('string');
  if (out.summary !== undefined) expect(typeof out.summary).toBe('string');
  expect(typeof out.extras).toBe('object');
  return 'ok';
}

describe.each(Object.values(DIALECTS))('$name fuzz', (d) => {
  const opts = { imageSize: SIZE, platform: 'phone' as const, lossy: true };
  // Even lossy rendering refuses a few steps (an app name of only spaces in GELab); use a click then.
  const seeds = stepOf(d.actions, fc.constant(undefined)).map((step) => {
    try {
      return d.render(step, opts);
    } catch (e) {
      if (!(e instanceof StepwiseError)) throw e;
      return d.render({ ...step, action: { type: 'click', point: [1, 2] } }, opts);
    }
  });

  it('mutated outputs parse to valid steps or throw ParseError', () => {
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(
        seeds,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (raw, muts, withSize) => {
          const text = muts.reduce((s, m) => m(s), raw);
          seen[checkOutcome(d, text, withSize ? { imageSize: SIZE } : {})]++;
        },
      ),
      { numRuns: 2500 },
    );
    // Both outcomes must occur, or the mutations are not reaching the parser.
    expect(seen.ok).toBeGreaterThan(100);
    expect(seen.error).toBeGreaterThan(100);
  }, 60_000);

  it('arbitrary text and non-text input give ParseError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...JUNK)), (raw) => {
        checkOutcome(d, raw, { imageSize: SIZE });
      }),
      { numRuns: 1000 },
    );
    for (const raw of [null, undefined, 42, {}, ['x']]) expect(() => d.parse(raw as never, { imageSize: SIZE })).toThrow(ParseError);
  });

  // Catastrophic regex backtracking would show up here as a test timeout.
  it('a huge output parses', () => {
    const raw = d.render({ action: { type: 'type', text: '字'.repeat(200_000) } }, { imageSize: SIZE, lossy: true });
    expect(checkOutcome(d, raw, { imageSize: SIZE })).toBe('ok');
    checkOutcome(d, 'x'.repeat(300_000) + raw, { imageSize: SIZE });
    checkOutcome(d, '<think>'.repeat(20_000), { imageSize: SIZE });
  });
});
