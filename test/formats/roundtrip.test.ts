/**
 * parse(render(step)) == step for every dialect and every action type it can express; render
 * of anything else throws a typed unsupported_action error (never a silent change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, type Action, type ActionType, type Platform } from '../../src/core/actions.js';
import { StepwiseError } from '../../src/core/errors.js';
import { DIALECTS, type Dialect, type RenderStep } from '../../src/formats/index.js';
import { actionOf, extrasFrom, imageSizeAtLeast1000, point, smallImageSize, stepOf } from './arbitraries.js';

const POINTER_ONLY: readonly ActionType[] = ['drag', 'right_click', 'hover', 'hotkey', 'navigate'];
const platformFor = (a: Action): Platform => (POINTER_ONLY.includes(a.type) ? 'desktop' : 'phone');

const EXTRAS: Record<string, readonly string[]> = {
  gelab: ['explain', 'verify', 'note', 'point', 'value'],
  uitars: ['reflection'],
  'uitars-1.5': ['reflection'],
  qwen: ['note', 'confidence', 'text', 'time'],
  json: ['note', 'confidence', 'explain'],
};

function expected(step: RenderStep) {
  return {
    ...(step.thought !== undefined && { thought: step.thought }),
    action: step.action,
    ...(step.summary !== undefined && { summary: step.summary }),
    extras: step.extras ?? {},
  };
}

/** Render; a typed refusal returns undefined, anything else fails the test. */
function tryRender(d: Dialect, step: RenderStep, opts: object): string | undefined {
  try {
    return d.render(step, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(StepwiseError);
    expect((e as StepwiseError).code).toBe('unsupported_action');
    return undefined;
  }
}

describe.each(Object.values(DIALECTS))('$name round trip', (d) => {
  const sizes = d.coordinates === 'pixels' ? imageSizeAtLeast1000 : fc.constant(undefined);

  it('parse(render(step)) returns the step, or render refuses with unsupported_action', () => {
    let rendered = 0;
    let runs = 0;
    fc.assert(
      fc.property(stepOf(d.actions, extrasFrom(EXTRAS[d.name])), sizes, (step, imageSize) => {
        runs++;
        const opts = { imageSize, platform: platformFor(step.action) };
        const text = tryRender(d, step, opts);
        if (text === undefined) return;
        rendered++;
        expect(d.parse(text, opts)).toEqual(expected(step));
      }),
      { numRuns: 600, seed: 20261126 },
    );
    // The property must mostly exercise real round trips, not refusals.
    expect(rendered / runs).toBeGreaterThan(0.3);
  });

  it.each(d.actions.map((t) => [t]))('every %s action the dialect expresses comes back (plain text)', (t) => {
    fc.assert(
      fc.property(actionOf(t as ActionType), sizes, (action, imageSize) => {
        const opts = { imageSize, platform: platformFor(action), lossy: true };
        // Lossy render drops only what the dialect cannot say; what it keeps must come back exactly.
        const text = tryRender(d, { action }, opts);
        if (text === undefined) return;
        const back = d.parse(text, opts).action;
        expect(back.type === action.type || (action.type === 'hotkey' && back.type === 'key')).toBe(true);
        expect(d.render({ action: back }, opts)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('render refuses the action types it cannot express', () => {
    const missing = ACTION_TYPES.filter((t) => !d.actions.includes(t));
    for (const t of missing) {
      const action = fc.sample(actionOf(t), { numRuns: 1, seed: 7 })[0];
      expect(() => d.render({ action }, { imageSize: { width: 1080, height: 2400 }, platform: platformFor(action) })).toThrow(StepwiseError);
    }
  });
});

describe.each(Object.values(DIALECTS).filter((d) => d.coordinates === 'pixels'))('$name on small images', (d) => {
  it('points move by at most 500/size + 0.5 and a second render is identical', () => {
    fc.assert(
      fc.property(point, smallImageSize, ([x, y], imageSize) => {
        const step = { action: { type: 'click', point: [x, y] } as Action };
        const text = d.render(step, { imageSize });
        const back = d.parse(text, { imageSize }).action as Action & { point: [number, number] };
        expect(Math.abs(back.point[0] - x)).toBeLessThanOrEqual(500 / imageSize.width + 0.5);
        expect(Math.abs(back.point[1] - y)).toBeLessThanOrEqual(500 / imageSize.height + 0.5);
        expect(d.render({ action: back }, { imageSize })).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('an image exactly 1000 wide maps pixels to the grid one to one', () => {
    const imageSize = { width: 1000, height: 1000 };
    const text = d.render({ action: { type: 'click', point: [123, 999] } }, { imageSize });
    expect(d.parse(text, { imageSize }).action).toEqual({ type: 'click', point: [123, 999] });
  });
});
