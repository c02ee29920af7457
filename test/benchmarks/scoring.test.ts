import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions.js';
import { ACTION_TYPES } from '../../src/core/actions.js';
import { ACTION_TO_BENCH, benchTypeOf } from '../../src/benchmarks/bench-types.js';
import { fingerVector, scoreStep, SCORING, textRule } from '../../src/benchmarks/scoring.js';

const click = (x: number, y: number): Action => ({ type: 'click', point: [x, y] });

describe('CLICK and LONGPRESS: boxes and distance', () => {
  const boxes = [[100, 100, 200, 150]] as const;
  it('a point inside the box hits, on the edge too; outside misses with a reason', () => {
    expect(scoreStep(click(150, 120), { gt: click(150, 125), boxes })).toMatchObject({ type_ok: true, exact_ok: true, rule: 'box' });
    expect(scoreStep(click(200, 150), { gt: click(150, 125), boxes }).exact_ok).toBe(true);
    const out = scoreStep(click(201, 120), { gt: click(150, 125), boxes });
    expect(out).toMatchObject({ type_ok: true, exact_ok: false, rule: 'box' });
    expect(out.note).toMatch(/outside/);
  });
  it('with several valid boxes any one counts', () => {
    const many = [[0, 0, 10, 10], [500, 500, 600, 560]] as const;
    expect(scoreStep(click(550, 530), { gt: click(5, 5), boxes: many }).exact_ok).toBe(true);
    expect(scoreStep(click(5, 9), { gt: click(550, 530), boxes: many }).exact_ok).toBe(true);
    expect(scoreStep(click(300, 300), { gt: click(5, 5), boxes: many }).exact_ok).toBe(false);
  });
  it('without boxes a click within the stated distance hits', () => {
    const d = SCORING.clickDistance;
    expect(scoreStep(click(400 + d, 300), { gt: click(400, 300) })).toMatchObject({ exact_ok: true, rule: 'distance' });
    expect(scoreStep(click(400 + d + 1, 300), { gt: click(400, 300) }).exact_ok).toBe(false);
    expect(scoreStep(click(400, 300), { gt: click(400, 300) }, { ...SCORING, clickDistance: 0 }).exact_ok).toBe(true);
  });
  it('a double tap is a CLICK; a long press is not', () => {
    expect(scoreStep({ type: 'double_click', point: [150, 120] }, { gt: click(150, 125), boxes }).exact_ok).toBe(true);
    const lp = scoreStep({ type: 'long_press', point: [150, 120] }, { gt: click(150, 125), boxes });
    expect(lp).toMatchObject({ type_ok: false, exact_ok: false });
    expect(scoreStep({ type: 'long_press', point: [150, 120] }, { gt: { type: 'long_press', point: [150, 125] }, boxes }).exact_ok).toBe(true);
  });
});

describe('TYPE and INFO: text rules', () => {
  const gt: Action = { type: 'type', text: 'Beijing South' };
  it('exact after normalisation (case, spaces, width)', () => {
    expect(scoreStep({ type: 'type', text: '  beijing   SOUTH ' }, { gt })).toMatchObject({ exact_ok: true, rule: 'text:exact' });
    expect(textRule('ＡＢＣ', 'abc')).toBe('exact');
  });
  it('contains: the prediction holds the whole expected text', () => {
    expect(scoreStep({ type: 'type', text: 'Beijing South Railway Station' }, { gt })).toMatchObject({ exact_ok: true, rule: 'text:contains' });
  });
  it('token F1 at 0.5 passes, below fails', () => {
    // {beijing, west} vs {beijing, south}: P = R = 1/2 -> F1 0.5
    expect(scoreStep({ type: 'type', text: 'Beijing West' }, { gt })).toMatchObject({ exact_ok: true, rule: 'text:f1' });
    expect(scoreStep({ type: 'type', text: 'Shanghai' }, { gt })).toMatchObject({ type_ok: true, exact_ok: false });
    // one of three tokens: P = 1/3, R = 1/2 -> F1 0.4
    expect(scoreStep({ type: 'type', text: 'South gate entrance' }, { gt: { type: 'type', text: 'Beijing South' } }).exact_ok).toBe(false);
  });
  it('INFO questions use the same rules', () => {
    const q: Action = { type: 'info', question: 'Which size do you want?' };
    expect(scoreStep({ type: 'info', question: 'which size do you want' }, { gt: q }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'info', question: 'What colour?' }, { gt: q }).exact_ok).toBe(false);
  });
});

describe('SLIDE: direction by cosine', () => {
  const up: Action = { type: 'swipe', from: [500, 800], to: [500, 200] };
  it('a swipe the same way at another length or place matches', () => {
    expect(scoreStep({ type: 'swipe', from: [300, 900], to: [300, 700] }, { gt: up })).toMatchObject({ exact_ok: true, rule: 'direction' });
  });
  it('within 45 degrees matches, beyond and opposite do not', () => {
    expect(scoreStep({ type: 'swipe', from: [500, 800], to: [700, 400] }, { gt: up }).exact_ok).toBe(true); // ~27 degrees
    expect(scoreStep({ type: 'swipe', from: [500, 800], to: [900, 700] }, { gt: up }).exact_ok).toBe(false); // ~76 degrees
    expect(scoreStep({ type: 'swipe', from: [500, 200], to: [500, 800] }, { gt: up }).exact_ok).toBe(false);
  });
  it('scroll down (see what is below) is a finger moving up', () => {
    expect(fingerVector({ type: 'scroll', direction: 'down' })).toEqual([-0, -1]);
    expect(scoreStep({ type: 'scroll', direction: 'down' }, { gt: up }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'scroll', direction: 'up' }, { gt: up }).exact_ok).toBe(false);
    expect(scoreStep({ type: 'scroll', direction: 'left' }, { gt: { type: 'scroll', direction: 'left' } }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'scroll', direction: 'right' }, { gt: { type: 'scroll', direction: 'left' } }).exact_ok).toBe(false);
  });
});

describe('AWAKE, COMPLETE, WAIT and other registry actions', () => {
  it('open_app matches normalised names and the accepted aliases', () => {
    const gt: Action = { type: 'open_app', app: 'Metro Go' };
    expect(scoreStep({ type: 'open_app', app: 'metro-go' }, { gt }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'open_app', app: '地铁' }, { gt, app_names: ['地铁', 'subway'] }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'open_app', app: 'Ride' }, { gt, app_names: ['地铁'] })).toMatchObject({ type_ok: true, exact_ok: false, rule: 'app' });
  });
  it('complete and wait are right by type alone', () => {
    expect(scoreStep({ type: 'complete', answer: 'anything' }, { gt: { type: 'complete', answer: 'Done: 3 items' } }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'wait', seconds: 9 }, { gt: { type: 'wait', seconds: 2 } }).exact_ok).toBe(true);
  });
  it('a wrong type is wrong whatever the value, and no action is wrong', () => {
    expect(scoreStep({ type: 'complete', answer: '' }, { gt: { type: 'wait', seconds: 2 } })).toMatchObject({ type_ok: false, exact_ok: false, note: 'expected WAIT, got COMPLETE' });
    expect(scoreStep(click(500, 500), { gt: { type: 'type', text: 'x' } }).type_ok).toBe(false);
    expect(scoreStep(undefined, { gt: click(1, 1) })).toMatchObject({ type_ok: false, exact_ok: false, note: 'no action' });
  });
  it('OTHER compares the registry type and value (keys exactly)', () => {
    expect(scoreStep({ type: 'key', key: 'back' }, { gt: { type: 'key', key: 'back' } }).exact_ok).toBe(true);
    expect(scoreStep({ type: 'key', key: 'home' }, { gt: { type: 'key', key: 'back' } })).toMatchObject({ type_ok: true, exact_ok: false });
    expect(scoreStep({ type: 'abort', reason: 'x' }, { gt: { type: 'key', key: 'back' } }).type_ok).toBe(false);
  });
  it('every registry action has an AndroidDaily column or OTHER', () => {
    for (const t of ACTION_TYPES) expect(ACTION_TO_BENCH[t]).toBeDefined();
    expect(benchTypeOf({ type: 'open_app' })).toBe('AWAKE');
    expect(benchTypeOf({ type: 'scroll' })).toBe('SLIDE');
  });
});
