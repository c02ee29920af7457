import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_TYPES, actionsFor, canonicalize, describeAction, validateAction } from '../../src/core/actions.js';
import { StaleFrameError, StepwiseError, OutOfRangeError } from '../../src/core/errors.js';
import type { Frame } from '../../src/core/coords.js';

const frame: Frame = { id: 'f1', width: 1080, height: 2400, rotation: 0, image: { width: 540, height: 1200 } };

describe('action registry', () => {
  it('declares every action of the brief once, with platforms', () => {
    for (const t of ['click', 'double_click', 'long_press', 'type', 'swipe', 'scroll', 'key', 'open_app', 'wait', 'info', 'complete', 'abort', 'right_click', 'hover', 'drag', 'hotkey', 'navigate']) {
      expect(ACTION_TYPES).toContain(t);
    }
    expect(actionsFor('phone')).not.toContain('hover');
    expect(actionsFor('web')).toContain('navigate');
    expect(actionsFor('web')).not.toContain('long_press');
  });

  it('validates and names the bad field', () => {
    expect(validateAction({ type: 'click', point: [1, 2] })).toEqual({ type: 'click', point: [1, 2] });
    expect(() => validateAction({ type: 'click', point: [1] })).toThrow(/invalid click action: point/);
    expect(() => validateAction({ type: 'fly' })).toThrow(/unknown action type "fly"/);
    expect(() => validateAction({ type: 'key', key: 'banana' })).toThrow(StepwiseError);
  });

  it('describes actions for prompts and hints', () => {
    expect(describeAction('type')).toBe('type {text, point?}');
    expect(describeAction('swipe')).toBe('swipe {from, to, duration_ms?}');
  });

  it('canonicalizes points from any space and rejects stale frames and off-frame points', () => {
    expect(canonicalize({ type: 'click', point: [540, 1200], space: 'device' }, frame)).toEqual({ type: 'click', point: [500, 500] });
    expect(canonicalize({ type: 'swipe', from: [0, 0], to: [270, 600], space: 'image', frameId: 'f1' }, frame)).toEqual({
      type: 'swipe', from: [0, 0], to: [500, 500], frameId: 'f1',
    });
    expect(() => canonicalize({ type: 'click', point: [5, 5], frameId: 'f0' }, frame)).toThrow(StaleFrameError);
    expect(() => canonicalize({ type: 'click', point: [1001, 5] }, frame)).toThrow(OutOfRangeError);
    expect(() => canonicalize({ type: 'click', point: [1080.5, 5], space: 'device' }, frame)).toThrow(/outside the device frame/);
    expect(canonicalize({ type: 'wait', seconds: 1 }, frame)).toEqual({ type: 'wait', seconds: 1 });
  });

  it('every schema is strict (unknown fields rejected)', () => {
    for (const t of ACTION_TYPES) expect(ACTIONS[t].schema.safeParse({ type: t, bogus: 1 }).success).toBe(false);
  });
});
