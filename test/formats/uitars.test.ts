import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors.js';
import { uitars, uitars15 } from '../../src/formats/index.js';

const a = (raw: string, platform?: 'phone' | 'desktop') => uitars.parse(raw, { platform }).action;

describe('uitars parse (0-1000 grid)', () => {
  it('reads Thought and Action', () => {
    expect(uitars.parse("Thought: 点击设置图标\nAction: click(start_box='(235,512)')")).toEqual({
      thought: '点击设置图标', action: { type: 'click', point: [235, 512] }, extras: {},
    });
  });

  it('accepts every point notation', () => {
    for (const box of ["'(235,512)'", "'<|box_start|>(235,512)<|box_end|>'", "'(235, 512)'", '"(235,512)"', "'[230,500,240,524]'", "'<bbox>230 500 240 524</bbox>'"]) {
      expect(a(`Action: click(start_box=${box})`)).toEqual({ type: 'click', point: [235, 512] });
    }
    expect(a("Action: click(point='<point>235 512</point>')")).toEqual({ type: 'click', point: [235, 512] });
  });

  it('maps the action space', () => {
    expect(a("Action: left_double(start_box='(1,2)')")).toEqual({ type: 'double_click', point: [1, 2] });
    expect(a("Action: right_single(start_box='(1,2)')", 'desktop')).toEqual({ type: 'right_click', point: [1, 2] });
    expect(a("Action: long_press(start_box='(1,2)')")).toEqual({ type: 'long_press', point: [1, 2] });
    expect(a("Action: type(content='it\\'s \\\"ok\\\"\\n')")).toEqual({ type: 'type', text: 'it\'s "ok"\n' });
    expect(a("Action: scroll(start_box='(5,6)', direction='down')")).toEqual({ type: 'scroll', direction: 'down', point: [5, 6] });
    expect(a("Action: scroll(direction='up')")).toEqual({ type: 'scroll', direction: 'up' });
    expect(a("Action: drag(start_box='(1,2)', end_box='(3,4)')")).toEqual({ type: 'swipe', from: [1, 2], to: [3, 4] });
    expect(a("Action: drag(start_box='(1,2)', end_box='(3,4)')", 'desktop')).toEqual({ type: 'drag', from: [1, 2], to: [3, 4] });
    expect(a("Action: hotkey(key='enter')")).toEqual({ type: 'key', key: 'enter' });
    expect(a("Action: hotkey(key='back')")).toEqual({ type: 'key', key: 'back' });
    expect(a("Action: hotkey(key='ctrl c')", 'desktop')).toEqual({ type: 'hotkey', keys: ['ctrl', 'c'] });
    expect(a("Action: hotkey(key='ctrl+shift+t')", 'desktop')).toEqual({ type: 'hotkey', keys: ['ctrl', 'shift', 't'] });
    expect(a('Action: press_home()')).toEqual({ type: 'key', key: 'home' });
    expect(a('Action: press_back()')).toEqual({ type: 'key', key: 'back' });
    expect(a('Action: wait()')).toEqual({ type: 'wait', seconds: 5 });
    expect(a("Action: finished(content='The price is 42')")).toEqual({ type: 'complete', answer: 'The price is 42' });
    expect(a('Action: finished()')).toEqual({ type: 'complete', answer: '' });
    expect(a('Action: call_user()')).toEqual({ type: 'info', question: '' });
    expect(a("Action: open_app(app_name='设置')")).toEqual({ type: 'open_app', app: '设置' });
  });

  it('keeps an unescaped apostrophe that does not end the value', () => {
    expect(a("Action: type(content='I'm here')")).toEqual({ type: 'type', text: "I'm here" });
    expect(a("Action: finished(content='it's done, isn't it')")).toEqual({ type: 'complete', answer: "it's done, isn't it" });
  });

  it('reads Reflection and Action_Summary sections', () => {
    expect(uitars.parse("Reflection: the last tap missed\nAction_Summary: tap Settings again\nAction: click(start_box='(1,2)')")).toEqual({
      action: { type: 'click', point: [1, 2] }, summary: 'tap Settings again', extras: { reflection: 'the last tap missed' },
    });
  });

  it('reads a multi-line thought, a <think> block and a bare call', () => {
    expect(uitars.parse("Thought: line one\nline two\nAction: press_back()").thought).toBe('line one\nline two');
    expect(uitars.parse("<think>reasoning</think>\nAction: press_back()").thought).toBe('reasoning');
    expect(uitars.parse("press_back()")).toEqual({ action: { type: 'key', key: 'back' }, extras: {} });
    expect(uitars.parse("Thought: x\r\nAction: press_back()\r\n").thought).toBe('x');
  });

  it('keeps leftover arguments in extras', () => {
    expect(uitars.parse("Action: long_press(start_box='(1,2)', time='2')").extras).toEqual({ time: '2' });
  });

  it('rejects malformed output with a ParseError that says what was expected', () => {
    const bad: [string, RegExp][] = [
      ['Thought: hmm, nothing to do', /no "Action:" line/],
      ["Action: click(start_box='(1,2)'", /no closing quote|not closed/],
      ["Action: click(start_box='(1,2)') click(start_box='(3,4)')", /more after/],
      ["Action: teleport(start_box='(1,2)')", /unknown UI-TARS action "teleport"/],
      ['Action: click()', /no start_box/],
      ["Action: click(start_box='(1,2,3)')", /two numbers/],
      ["Action: click(start_box='(1200,5)')", /outside/],
      ['Action: click(start_box=)', /no start_box|two numbers/],
      ["Action: scroll(direction='sideways')", /direction/],
      ['Action: 42', /not a call/],
    ];
    for (const [raw, re] of bad) {
      expect(() => uitars.parse(raw), raw).toThrow(ParseError);
      expect(() => uitars.parse(raw), raw).toThrow(re);
    }
  });
});

describe('uitars-1.5 (pixels of the resized image)', () => {
  const size = { width: 1092, height: 2408 };
  it('converts pixels to the grid with round-half-up', () => {
    expect(uitars15.parse("Action: click(start_box='(546,1204)')", { imageSize: size }).action).toEqual({ type: 'click', point: [500, 500] });
    // 1000 * 1 / 1092 = 0.916 -> 1; 1000 * 1 / 2408 = 0.415 -> 0
    expect(uitars15.parse("Action: click(start_box='(1,1)')", { imageSize: size }).action).toEqual({ type: 'click', point: [1, 0] });
    // half up: 1000 * 1 / 2000 = 0.5 -> 1
    expect(uitars15.parse("Action: click(start_box='(1,1)')", { imageSize: { width: 2000, height: 2000 } }).action).toEqual({ type: 'click', point: [1, 1] });
  });

  it('requires the image size and never clamps', () => {
    expect(() => uitars15.parse("Action: click(start_box='(1,1)')")).toThrow(/--image-size/);
    expect(() => uitars15.parse("Action: click(start_box='(1093,5)')", { imageSize: size })).toThrow(/outside the image frame of 1092x2408/);
    expect(() => uitars15.parse("Action: click(start_box='(1,1)')", { imageSize: { width: 0, height: 5 } })).toThrow(ParseError);
  });

  it('renders pixels', () => {
    expect(uitars15.render({ thought: 't', action: { type: 'click', point: [500, 500] } }, { imageSize: size })).toBe("Thought: t\nAction: click(start_box='(546,1204)')");
    expect(() => uitars15.render({ action: { type: 'click', point: [500, 500] } })).toThrow(/image size/);
  });
});

describe('uitars render', () => {
  it('writes the exact training target', () => {
    expect(uitars.render({ thought: 'go', action: { type: 'type', text: "it's\n" } })).toBe("Thought: go\nAction: type(content='it\\'s\\n')");
    expect(uitars.render({ action: { type: 'swipe', from: [1, 2], to: [3, 4] } })).toBe("Action: drag(start_box='(1,2)', end_box='(3,4)')");
    expect(uitars.render({ action: { type: 'key', key: 'home' } })).toBe('Action: press_home()');
    expect(uitars.render({ action: { type: 'key', key: 'enter' } })).toBe("Action: hotkey(key='enter')");
    expect(uitars.render({ thought: 't', summary: 's', action: { type: 'wait', seconds: 5 }, extras: { reflection: 'r' } })).toBe(
      'Thought: t\nReflection: r\nAction_Summary: s\nAction: wait()',
    );
  });

  it('refuses what UI-TARS cannot say', () => {
    expect(() => uitars.render({ action: { type: 'abort', reason: 'x' } })).toThrow(/cannot express the action "abort"/);
    expect(() => uitars.render({ action: { type: 'wait', seconds: 2 } })).toThrow(/always 5 s/);
    expect(() => uitars.render({ action: { type: 'info', question: 'which?' } })).toThrow(/call_user/);
    expect(() => uitars.render({ action: { type: 'type', text: 'x', point: [1, 2] } })).toThrow(/type\.point/);
    expect(() => uitars.render({ thought: 'a\nAction: b', action: { type: 'wait', seconds: 5 } })).toThrow(/Action:/);
  });
});
