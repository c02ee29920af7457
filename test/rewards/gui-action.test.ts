import { describe, expect, it } from 'vitest';
import { guiActionReward, guiActionRewardAsync, cosineReward, DEFAULT_GUI_WEIGHTS } from '../../src/rewards/gui-action.js';
import { parseGuiItem } from '../../src/rewards/gui-action-input.js';
import { editSimilarity, tokenF1, textSimilarity, tokens } from '../../src/rewards/text-sim.js';
import type { Action } from '../../src/core/actions.js';

const click = (x: number, y: number): Action => ({ type: 'click', point: [x, y] });

describe('text similarity', () => {
  it('edit similarity and token F1', () => {
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 12);
    expect(tokenF1('the cat sat', 'the cat')).toBeCloseTo(0.8, 12);
    expect(textSimilarity('  Hello   World ', 'hello world')).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('abc', '')).toBe(0);
  });
  it('treats CJK characters as tokens', () => {
    expect(tokens('打开微信 app')).toEqual(['打', '开', '微', '信', 'app']);
    expect(tokenF1('北京天气', '北京的天气')).toBeCloseTo((2 * 1 * 0.8) / 1.8, 12);
  });
});

describe('GUI action reward', () => {
  it('an exact click earns 1, a wrong type 0, an unparsed output 0', () => {
    expect(guiActionReward({ pred: click(500, 500), gt: click(500, 500) }).total).toBe(1);
    expect(guiActionReward({ pred: { type: 'key', key: 'back' }, gt: click(500, 500) })).toEqual({ typeMatch: 0, value: 0, kind: 'none', total: 0 });
    expect(guiActionReward({ pred: null, gt: click(1, 1) }).total).toBe(0);
  });
  it('scores points with tau 14 without a box and half the box with boxes (best box wins)', () => {
    const r = guiActionReward({ pred: click(507, 500), gt: click(500, 500) });
    expect(r.value).toBeCloseTo(Math.exp(-0.0625), 12);
    expect(r.total).toBeCloseTo(DEFAULT_GUI_WEIGHTS.type + DEFAULT_GUI_WEIGHTS.value * Math.exp(-0.0625), 12);
    const boxes: [number, number, number, number][] = [[0, 0, 100, 100], [400, 400, 600, 440]];
    const b = guiActionReward({ pred: click(550, 420), gt: click(50, 50), boxes });
    expect(b.kind).toBe('point');
    expect(b.value).toBeCloseTo(Math.exp(-((50 / 100) ** 4)), 12);
  });
  it('uses the bbox reward for a predicted box', () => {
    const r = guiActionReward({ pred: click(500, 420), gt: click(500, 420), boxes: [[400, 400, 600, 440]], predBox: [400, 400, 600, 440] });
    expect(r.kind).toBe('bbox');
    expect(r.value).toBeCloseTo(1, 12);
  });
  it('maps swipe cosine to [0, 1] and scroll directions alike', () => {
    const swipe = (dx: number, dy: number): Action => ({ type: 'swipe', from: [500, 500], to: [500 + dx, 500 + dy] });
    expect(guiActionReward({ pred: swipe(0, -300), gt: swipe(0, -200) }).value).toBeCloseTo(1, 12);
    expect(guiActionReward({ pred: swipe(0, 300), gt: swipe(0, -200) }).value).toBeCloseTo(0, 12);
    expect(guiActionReward({ pred: swipe(300, 0), gt: swipe(0, -200) }).value).toBeCloseTo(0.5, 12);
    expect(guiActionReward({ pred: { type: 'scroll', direction: 'down' }, gt: { type: 'scroll', direction: 'left' } }).value).toBeCloseTo(0.5, 12);
    expect(cosineReward([0, 0], [0, 0])).toBe(1);
    expect(cosineReward([0, 0], [1, 0])).toBe(0);
  });
  it('compares text, keys, hotkeys and apps', () => {
    expect(guiActionReward({ pred: { type: 'type', text: 'Hello  world' }, gt: { type: 'type', text: 'hello world' } }).value).toBe(1);
    expect(guiActionReward({ pred: { type: 'complete', answer: '42 yuan' }, gt: { type: 'complete', answer: '42' } }).value).toBeCloseTo(textSimilarity('42 yuan', '42'), 12);
    expect(guiActionReward({ pred: { type: 'key', key: 'home' }, gt: { type: 'key', key: 'back' } }).value).toBe(0);
    expect(guiActionReward({ pred: { type: 'hotkey', keys: ['a', 'Control'] }, gt: { type: 'hotkey', keys: ['control', 'A'] } }).value).toBe(1);
    expect(guiActionReward({ pred: { type: 'open_app', app: 'wechat' }, gt: { type: 'open_app', app: 'WeChat' } }).value).toBe(1);
    expect(guiActionReward({ pred: { type: 'wait', seconds: 1 }, gt: { type: 'wait', seconds: 3 } }).total).toBe(1);
  });
  it('honours custom weights and an async text scorer', async () => {
    expect(guiActionReward({ pred: click(0, 0), gt: click(900, 900) }, { weights: { type: 1, value: 0 } }).total).toBe(1);
    const calls: string[] = [];
    const r = await guiActionRewardAsync({ pred: { type: 'info', question: 'which size?' }, gt: { type: 'info', question: 'what size?' } }, async (p, g, ctx) => {
      calls.push(`${ctx.type}:${p}|${g}`);
      return 0.9;
    });
    expect(calls).toEqual(['info:which size?|what size?']);
    expect(r.value).toBe(0.9);
    const nonText = await guiActionRewardAsync({ pred: click(1, 1), gt: click(1, 1) }, async () => { throw new Error('must not be called'); });
    expect(nonText.total).toBe(1);
  });
  it('validates JSON items and names the bad field', () => {
    expect(() => parseGuiItem({ pred: { type: 'click', point: [1] }, gt: click(1, 1) }, 'items[3]')).toThrow(/items\[3\]\.pred\.point/);
    expect(() => parseGuiItem({ pred: null, gt: { type: 'fly' } }, 'items[0]')).toThrow(/items\[0\]\.gt\.type: unknown action type "fly"/);
    expect(() => parseGuiItem({ pred: null, gt: click(1, 1), boxes: [[5, 5, 1, 1]] }, 'x')).toThrow(/x\.boxes\[0\]/);
    expect(() => parseGuiItem({ pred: null, gt: click(1, 1), extra: 1 }, 'x')).toThrow(/x\.extra: unknown field/);
    expect(() => parseGuiItem({ pred: { type: 'click', point: [1, 1], space: 'device' }, gt: click(1, 1) }, 'x')).toThrow(/x\.pred\.space/);
  });
});

describe('quick action check compiled from the zod schemas', () => {
  it('accepts exactly what the core validator accepts', async () => {
    const { validateAction } = await import('../../src/core/actions.js');
    const { parseActionJson } = await import('../../src/rewards/gui-action-input.js');
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.double(), fc.string(), fc.constant(undefined), fc.constant(null), fc.tuple(fc.integer(), fc.integer()), fc.tuple(fc.integer()), fc.constantFrom('back', 'up', 'norm1000', 'device'));
    const bases = [
      { type: 'click', point: [1, 2] }, { type: 'long_press', point: [3, 4], duration_ms: 500 }, { type: 'type', text: 'hi', point: [5, 5] },
      { type: 'swipe', from: [1, 1], to: [9, 9] }, { type: 'scroll', direction: 'up', amount: 2 }, { type: 'key', key: 'back' },
      { type: 'wait', seconds: 1 }, { type: 'hotkey', keys: ['a'] }, { type: 'open_app', app: 'Mail' }, { type: 'click', point: [1, 2], frameId: 'f', space: 'norm1000' },
    ];
    const keys = ['type', 'point', 'from', 'to', 'text', 'key', 'direction', 'seconds', 'duration_ms', 'space', 'keys', 'app', 'amount', 'frameId', 'extra'];
    // A valid action, then zero to two edits: delete a field or set it to an arbitrary value.
    const action = fc.tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(value, { nil: undefined }), fc.boolean()), { maxLength: 2 })).map(([b, edits]) => {
      const a: Record<string, unknown> = { ...b };
      for (const [k, v, del] of edits) if (del) delete a[k]; else a[k] = v;
      return a;
    });
    fc.assert(fc.property(action, (a) => {
      let core = true, ours = true;
      try { validateAction(a); } catch { core = false; }
      try { parseActionJson(a, 'a'); } catch { ours = false; }
      // Ours additionally refuses non-norm1000 spaces (rewards compare canonical points).
      if (a.space !== undefined && a.space !== 'norm1000') expect(ours).toBe(false);
      else expect(ours).toBe(core);
    }), { numRuns: 3000 });
  });
});
