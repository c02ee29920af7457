import { describe, expect, it } from 'vitest';
import { ParseError, StepwiseError } from '../../src/core/errors.js';
import { gelab } from '../../src/formats/index.js';

const p = (raw: string) => gelab.parse(raw);

describe('gelab parse: the documented form', () => {
  it('reads think, explain, action, point and summary', () => {
    expect(p('<THINK> 需要打开微信 </THINK>\nexplain:点击微信图标\taction:CLICK\tpoint:512,300\tsummary:已点击微信')).toEqual({
      thought: '需要打开微信',
      action: { type: 'click', point: [512, 300] },
      summary: '已点击微信',
      extras: { explain: '点击微信图标' },
    });
  });

  it('maps every GELab verb to its canonical action', () => {
    const a = (kv: string) => p(`explain:x\t${kv}`).action;
    expect(a('action:TYPE\tvalue:hello 世界\tpoint:10,20')).toEqual({ type: 'type', text: 'hello 世界', point: [10, 20] });
    expect(a('action:TYPE\tvalue:hello')).toEqual({ type: 'type', text: 'hello' });
    expect(a('action:COMPLETE\treturn:价格是 42 元')).toEqual({ type: 'complete', answer: '价格是 42 元' });
    expect(a('action:WAIT\tvalue:3')).toEqual({ type: 'wait', seconds: 3 });
    expect(a('action:AWAKE\tvalue:微信')).toEqual({ type: 'open_app', app: '微信' });
    expect(a('action:INFO\tvalue:Which city?')).toEqual({ type: 'info', question: 'Which city?' });
    expect(a('action:ABORT\tvalue:no network')).toEqual({ type: 'abort', reason: 'no network' });
    expect(a('action:SLIDE\tpoint1:500,800\tpoint2:500,200')).toEqual({ type: 'swipe', from: [500, 800], to: [500, 200] });
    expect(a('action:LONGPRESS\tpoint:1,2')).toEqual({ type: 'long_press', point: [1, 2] });
    expect(a('action:BACK')).toEqual({ type: 'key', key: 'back' });
    expect(a('action:HOME')).toEqual({ type: 'key', key: 'home' });
    expect(a('action:ENTER')).toEqual({ type: 'key', key: 'enter' });
    expect(a('action:HOT_KEY\tvalue:back')).toEqual({ type: 'key', key: 'back' });
    expect(a('action:HOT_KEY\tvalue:Volume Up')).toEqual({ type: 'key', key: 'volume_up' });
    expect(a('action:DOUBLE_CLICK\tpoint:3,4')).toEqual({ type: 'double_click', point: [3, 4] });
    expect(a('action:SCROLL\tdirection:down')).toEqual({ type: 'scroll', direction: 'down' });
    expect(a('action:SCROLL\tvalue:UP\tpoint:5,6')).toEqual({ type: 'scroll', direction: 'up', point: [5, 6] });
  });

  it('keeps SLIDE (a finger path) and SCROLL (content direction) apart', () => {
    expect(p('action:SLIDE\tpoint1:500,800\tpoint2:500,200').action.type).toBe('swipe');
    expect(p('action:SCROLL\tdirection:down').action.type).toBe('scroll');
  });
});

describe('gelab parse: real-world variants', () => {
  it('accepts <think>, <TINK>, <thinking> and spaces inside tags', () => {
    for (const [open, close] of [['<think>', '</think>'], ['<TINK>', '</TINK>'], ['<thinking>', '</thinking>'], ['< THINK >', '</ THINK >'], ['<Think>', '</think>']]) {
      expect(p(`${open} plan ${close}\naction:BACK`).thought).toBe('plan');
    }
  });

  it('accepts a closing tag whose opening tag the server stripped', () => {
    expect(p('plan here</think>\nexplain:e\taction:HOME')).toMatchObject({ thought: 'plan here', action: { type: 'key', key: 'home' } });
  });

  it('keeps a </think> typed inside a value', () => {
    expect(p('action:TYPE\tvalue:a </think> b').action).toEqual({ type: 'type', text: 'a </think> b' });
  });

  it('accepts spaces around ":" and keys separated by spaces or newlines', () => {
    expect(p('explain : tap\taction : CLICK\tpoint : 1,2')).toMatchObject({ action: { type: 'click', point: [1, 2] }, extras: { explain: 'tap' } });
    expect(p('explain:tap the box action:CLICK point:1,2 summary:done')).toEqual({
      action: { type: 'click', point: [1, 2] }, summary: 'done', extras: { explain: 'tap the box' },
    });
    expect(p('<THINK>t</THINK>\nexplain:tap\naction:CLICK\npoint:7,8\nsummary:s').action).toEqual({ type: 'click', point: [7, 8] });
  });

  it('accepts x,y / x y / (x, y) / [x,y] / full-width comma points', () => {
    for (const pt of ['100,200', '100 200', '(100, 200)', '[100,200]', '100，200', '（100，200）', ' 100 , 200 ']) {
      expect(p(`action:CLICK\tpoint:${pt}`).action).toEqual({ type: 'click', point: [100, 200] });
    }
  });

  it('rounds fractional grid points half up', () => {
    expect(p('action:CLICK\tpoint:100.5,200.49').action).toEqual({ type: 'click', point: [101, 200] });
  });

  it('accepts a missing summary, lowercase verbs and full-width colons', () => {
    expect(p('action:click\tpoint:1,2')).toEqual({ action: { type: 'click', point: [1, 2] }, extras: {} });
    expect(p('explain：点一下\taction：CLICK\tpoint：3,4\tsummary：好的')).toEqual({
      action: { type: 'click', point: [3, 4] }, summary: '好的', extras: { explain: '点一下' },
    });
    expect(p('action:long_press\tpoint:1,2').action.type).toBe('long_press');
  });

  it('keeps colons inside values and unknown keys in extras', () => {
    expect(p('action:COMPLETE\treturn:时间：10:30\tverify:ok\tnote:checked').extras).toEqual({ verify: 'ok', note: 'checked' });
    expect(p('action:COMPLETE\treturn:时间：10:30').action).toEqual({ type: 'complete', answer: '时间：10:30' });
    expect(p('action:CLICK\tpoint:1,2\tsearch_type:app').extras).toEqual({ search_type: 'app' });
  });

  it('accepts COMPLETE with value instead of return, and without either', () => {
    expect(p('action:COMPLETE\tvalue:done').action).toEqual({ type: 'complete', answer: 'done' });
    expect(p('action:COMPLETE').action).toEqual({ type: 'complete', answer: '' });
  });

  it('reads WAIT with units', () => {
    expect(p('action:WAIT\tvalue:5s').action).toEqual({ type: 'wait', seconds: 5 });
    expect(p('action:WAIT\tvalue:2 秒').action).toEqual({ type: 'wait', seconds: 2 });
    expect(p('action:WAIT\tvalue:1.5 seconds').action).toEqual({ type: 'wait', seconds: 1.5 });
  });
});

describe('gelab parse: errors say what was found and what was expected', () => {
  const err = (raw: string) => {
    try {
      p(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      return (e as ParseError).message;
    }
    throw new Error(`parsed: ${raw}`);
  };
  it('names the problem', () => {
    expect(err('<THINK> no action here')).toMatch(/no closing tag/);
    expect(err('explain:hmm\tsummary:x')).toMatch(/no action field.*expected explain:/);
    expect(err('action:FLY\tpoint:1,2')).toMatch(/unknown action "FLY".*CLICK/);
    expect(err('action:CLICK')).toMatch(/CLICK has no point/);
    expect(err('action:CLICK\tpoint:1')).toMatch(/point is "1".*two numbers/);
    expect(err('action:CLICK\tpoint:NaN,5')).toMatch(/finite number/);
    expect(err('action:CLICK\tpoint:1001,5')).toMatch(/outside the norm1000 frame/);
    expect(err('action:CLICK\tpoint:-1,5')).toMatch(/outside/);
    expect(err('action:CLICK\tpoint:1,2\taction:BACK')).toMatch(/two action fields/);
    expect(err('action:HOT_KEY\tvalue:banana')).toMatch(/unknown key "banana"/);
    expect(err('action:WAIT\tvalue:forever')).toMatch(/WAIT value/);
    expect(err('action:WAIT\tvalue:9999')).toMatch(/seconds/);
    expect(err('action:AWAKE\tvalue:')).toMatch(/app/);
    expect(err('action:SCROLL\tdirection:sideways')).toMatch(/direction/);
  });
});

describe('gelab render', () => {
  it('writes the exact training target', () => {
    expect(
      gelab.render({
        thought: '需要打开微信',
        action: { type: 'click', point: [512, 300] },
        summary: '已点击微信',
        extras: { explain: '点击微信图标', verify: 'ok' },
      }),
    ).toBe('<THINK> 需要打开微信 </THINK>\nexplain:点击微信图标\taction:CLICK\tpoint:512,300\tverify:ok\tsummary:已点击微信\n');
    expect(gelab.render({ action: { type: 'type', text: 'hi', point: [1, 2] } })).toBe('action:TYPE\tvalue:hi\tpoint:1,2\n');
    expect(gelab.render({ action: { type: 'swipe', from: [1, 2], to: [3, 4] } })).toBe('action:SLIDE\tpoint1:1,2\tpoint2:3,4\n');
    expect(gelab.render({ action: { type: 'key', key: 'volume_up' } })).toBe('action:HOT_KEY\tvalue:volume_up\n');
    expect(gelab.render({ action: { type: 'complete', answer: '42' } })).toBe('action:COMPLETE\treturn:42\n');
  });

  it('refuses what GELab cannot say, unless lossy', () => {
    expect(() => gelab.render({ action: { type: 'hover', point: [1, 2] } })).toThrow(/cannot express the action "hover"/);
    expect(() => gelab.render({ action: { type: 'long_press', point: [1, 2], duration_ms: 900 } })).toThrow(StepwiseError);
    expect(gelab.render({ action: { type: 'long_press', point: [1, 2], duration_ms: 900 } }, { lossy: true })).toBe('action:LONGPRESS\tpoint:1,2\n');
    expect(() => gelab.render({ action: { type: 'type', text: 'a\tb' } })).toThrow(/tabs/);
    expect(gelab.render({ action: { type: 'type', text: 'a\tb' } }, { lossy: true })).toBe('action:TYPE\tvalue:a b\n');
    expect(() => gelab.render({ action: { type: 'type', text: 'see summary: x' } })).toThrow(/key:/);
    expect(() => gelab.render({ action: { type: 'click', point: [1, 2] }, extras: { value: 'x' } })).toThrow(/extra field/);
  });
});
