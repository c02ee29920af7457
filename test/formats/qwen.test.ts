import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors.js';
import { qwen } from '../../src/formats/index.js';

const size = { width: 1092, height: 2408 };
const call = (args: object) => `<tool_call>\n${JSON.stringify({ name: 'mobile_use', arguments: args })}\n</tool_call>`;
const a = (args: object) => qwen.parse(call(args), { imageSize: size }).action;

describe('qwen parse', () => {
  it('reads the mobile_use action space in pixels', () => {
    expect(a({ action: 'click', coordinate: [546, 1204] })).toEqual({ type: 'click', point: [500, 500] });
    expect(a({ action: 'long_press', coordinate: [546, 1204], time: 2 })).toEqual({ type: 'long_press', point: [500, 500], duration_ms: 2000 });
    expect(a({ action: 'long_press', coordinate: [546, 1204] })).toEqual({ type: 'long_press', point: [500, 500] });
    expect(a({ action: 'swipe', coordinate: [546, 1204], coordinate2: [546, 0] })).toEqual({ type: 'swipe', from: [500, 500], to: [500, 0] });
    expect(a({ action: 'type', text: '你好' })).toEqual({ type: 'type', text: '你好' });
    expect(a({ action: 'system_button', button: 'Back' })).toEqual({ type: 'key', key: 'back' });
    expect(a({ action: 'system_button', button: 'Home' })).toEqual({ type: 'key', key: 'home' });
    expect(a({ action: 'system_button', button: 'Menu' })).toEqual({ type: 'key', key: 'menu' });
    expect(a({ action: 'system_button', button: 'Enter' })).toEqual({ type: 'key', key: 'enter' });
    expect(a({ action: 'key', text: 'volume_up' })).toEqual({ type: 'key', key: 'volume_up' });
    expect(a({ action: 'key', text: 'KEYCODE_BACK' })).toEqual({ type: 'key', key: 'back' });
    expect(a({ action: 'open', text: 'Settings' })).toEqual({ type: 'open_app', app: 'Settings' });
    expect(a({ action: 'wait', time: 1.5 })).toEqual({ type: 'wait', seconds: 1.5 });
    expect(a({ action: 'terminate', status: 'success' })).toEqual({ type: 'complete', answer: '' });
    expect(a({ action: 'terminate', status: 'failure' })).toEqual({ type: 'abort', reason: '' });
    expect(a({ action: 'answer', text: '42' })).toEqual({ type: 'complete', answer: '42' });
  });

  it('reads Thought/Action lines and <think> blocks', () => {
    const raw = `Thought: I need Settings.\nAction: "Open the Settings app"\n${call({ action: 'open', text: 'Settings' })}`;
    expect(qwen.parse(raw, { imageSize: size })).toEqual({
      thought: 'I need Settings.', summary: '"Open the Settings app"', action: { type: 'open_app', app: 'Settings' }, extras: {},
    });
    expect(qwen.parse(`<think>\nreason\n</think>\n\n${call({ action: 'wait', time: 2 })}`, { imageSize: size }).thought).toBe('reason');
  });

  it('accepts almost-JSON, string arguments, a missing closing tag and a bare call', () => {
    const opts = { imageSize: size };
    expect(qwen.parse(`<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [546, 1204],}}\n</tool_call>`, opts).action.type).toBe('click');
    expect(qwen.parse(`<tool_call>\n{'name': 'mobile_use', 'arguments': {'action': 'click', 'coordinate': [546, 1204]}}\n</tool_call>`, opts).action.type).toBe('click');
    expect(qwen.parse(`<tool_call>{"name": "mobile_use", "arguments": "{\\"action\\": \\"click\\", \\"coordinate\\": [546, 1204]}"}</tool_call>`, opts).action.type).toBe('click');
    expect(qwen.parse(`<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [546, 1204]}}`, opts).action.type).toBe('click');
    expect(qwen.parse(`{"action": "click", "coordinate": ["546", "1204"]}`, opts).action).toEqual({ type: 'click', point: [500, 500] });
  });

  it('keeps unknown arguments in extras', () => {
    expect(qwen.parse(call({ action: 'click', coordinate: [1, 1], confidence: 0.9 }), { imageSize: size }).extras).toEqual({ confidence: 0.9 });
  });

  it('Qwen3-VL 0-1000 coordinates read with a 1000x1000 image size', () => {
    expect(qwen.parse(call({ action: 'click', coordinate: [123, 987] }), { imageSize: { width: 1000, height: 1000 } }).action).toEqual({ type: 'click', point: [123, 987] });
  });

  it('rejects malformed output with a ParseError', () => {
    const bad: [string, RegExp][] = [
      ['I will click the button.', /no tool call/],
      [call({ action: 'click', coordinate: [1, 1] }) + call({ action: 'click', coordinate: [1, 1] }), /2 tool calls/],
      [`<tool_call>{"name": "computer_use", "arguments": {"action": "click"}}</tool_call>`, /computer_use/],
      [call({ action: 'fly' }), /unknown mobile_use action "fly"/],
      [call({ action: 'click' }), /"coordinate" is undefined/],
      [call({ action: 'click', coordinate: [1] }), /coordinate/],
      [call({ action: 'click', coordinate: [2000, 1] }), /outside the image frame/],
      [call({ action: 'click', coordinate: [-1, 1] }), /outside/],
      [call({ action: 'terminate', status: 'maybe' }), /success" or "failure/],
      [call({ action: 'system_button', button: 'Power2' }), /unknown key/],
      [call({ action: 'wait' }), /time/],
      [call({ action: 'long_press', coordinate: [1, 1], time: -1 }), /duration_ms/],
      ['<tool_call>\n', /found no JSON|not JSON/],
    ];
    for (const [raw, re] of bad) {
      expect(() => qwen.parse(raw, { imageSize: size }), raw).toThrow(ParseError);
      expect(() => qwen.parse(raw, { imageSize: size }), raw).toThrow(re);
    }
    expect(() => qwen.parse(call({ action: 'click', coordinate: [1, 1] }))).toThrow(/--image-size/);
  });
});

describe('qwen render', () => {
  it('writes the exact training target with Python json.dumps spacing', () => {
    expect(qwen.render({ thought: 'go', summary: 'tap', action: { type: 'click', point: [500, 500] } }, { imageSize: size })).toBe(
      'Thought: go\nAction: tap\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [546, 1204]}}\n</tool_call>',
    );
    expect(qwen.renderAction({ type: 'long_press', point: [0, 0], duration_ms: 800 }, { imageSize: size })).toBe(
      '{"name": "mobile_use", "arguments": {"action": "long_press", "coordinate": [0, 0], "time": 0.8}}',
    );
    expect(qwen.renderAction({ type: 'complete', answer: '' }, { imageSize: size })).toContain('"terminate", "status": "success"');
    expect(qwen.renderAction({ type: 'key', key: 'back' }, { imageSize: size })).toContain('"system_button", "button": "Back"');
  });

  it('refuses what mobile_use cannot say', () => {
    expect(() => qwen.render({ action: { type: 'scroll', direction: 'down' } }, { imageSize: size })).toThrow(/cannot express the action "scroll"/);
    expect(() => qwen.render({ action: { type: 'abort', reason: 'no wifi' } }, { imageSize: size })).toThrow(/abort reason/);
    expect(() => qwen.render({ action: { type: 'click', point: [1, 1] } })).toThrow(/image size/);
  });
});
