import { describe, expect, it } from 'vitest';
import { ACTIONS, actionsFor } from '../../src/core/actions.js';
import { ParseError } from '../../src/core/errors.js';
import { json, toolsForOpenAI } from '../../src/formats/index.js';

describe('json parse', () => {
  it('reads {thought, action, summary} and keeps other keys as extras', () => {
    expect(json.parse('{"thought": "t", "action": {"type": "click", "point": [1, 2]}, "summary": "s", "confidence": 0.8}')).toEqual({
      thought: 't', action: { type: 'click', point: [1, 2] }, summary: 's', extras: { confidence: 0.8 },
    });
  });

  it('reads a bare action, fenced JSON and JSON after prose', () => {
    expect(json.parse('{"type": "key", "key": "back"}').action).toEqual({ type: 'key', key: 'back' });
    expect(json.parse('```json\n{"action": {"type": "wait", "seconds": 2}}\n```').action).toEqual({ type: 'wait', seconds: 2 });
    expect(json.parse('Sure! {"action": {"type": "wait", "seconds": 2}}').action).toEqual({ type: 'wait', seconds: 2 });
  });

  it('reads chat-completions tool calls in every shape', () => {
    const toolCall = { id: 'c1', type: 'function', function: { name: 'swipe', arguments: '{"from": [1, 2], "to": [3, 4]}' } };
    const want = { type: 'swipe', from: [1, 2], to: [3, 4] };
    expect(json.parse(JSON.stringify([toolCall])).action).toEqual(want);
    expect(json.parse(JSON.stringify(toolCall)).action).toEqual(want);
    expect(json.parse(JSON.stringify({ name: 'swipe', arguments: { from: [1, 2], to: [3, 4] } })).action).toEqual(want);
    const message = { role: 'assistant', content: 'swipe up to see more', tool_calls: [toolCall] };
    expect(json.parse(JSON.stringify(message))).toEqual({ thought: 'swipe up to see more', action: want, extras: {} });
    expect(json.parse(JSON.stringify({ choices: [{ message }] })).action).toEqual(want);
  });

  it('canonicalizes points: rounds half up, converts norm1 and image space', () => {
    expect(json.parse('{"type": "click", "point": [0.5, 999.5]}').action).toEqual({ type: 'click', point: [1, 1000] });
    expect(json.parse('{"type": "click", "point": [0.25, 0.5], "space": "norm1"}').action).toEqual({ type: 'click', point: [250, 500] });
    expect(json.parse('{"type": "click", "point": [546, 1204], "space": "image"}', { imageSize: { width: 1092, height: 2408 } }).action).toEqual({ type: 'click', point: [500, 500] });
    expect(json.parse('{"type": "click", "point": [5, 5], "frameId": "f9"}').action).toEqual({ type: 'click', point: [5, 5] });
  });

  it('rejects malformed output with a ParseError', () => {
    const bad: [string, RegExp][] = [
      ['no json here', /no JSON/],
      ['{"thought": "hmm"}', /holds no action/],
      ['{"action": "click"}', /"action" is "click"/],
      ['{"action": {"type": "fly"}}', /unknown action type "fly"/],
      ['{"action": {"type": "click", "point": [1]}}', /invalid click action: point/],
      ['{"action": {"type": "click", "point": [1, 2], "extra": 1}}', /invalid click action/],
      ['{"action": {"type": "click", "point": [1001, 2]}}', /outside/],
      ['{"type": "click", "point": [1, 1], "space": "image"}', /image size/],
      ['{"type": "click", "point": [1, 1], "space": "device"}', /device-pixel/],
      ['[{"name": "click", "arguments": "{}"}, {"name": "wait", "arguments": "{}"}]', /2 tool calls/],
      ['{"name": "click", "arguments": "[1,2]"}', /arguments of click/],
      ['{"thought": 5, "action": {"type": "key", "key": "back"}}', /thought is 5/],
    ];
    for (const [raw, re] of bad) {
      expect(() => json.parse(raw), raw).toThrow(ParseError);
      expect(() => json.parse(raw), raw).toThrow(re);
    }
  });
});

describe('json render and tools', () => {
  it('renders compact JSON without frame bookkeeping', () => {
    expect(json.render({ thought: 't', action: { type: 'click', point: [1, 2], frameId: 'f' }, summary: 's', extras: { note: 'n' } })).toBe(
      '{"thought":"t","action":{"type":"click","point":[1,2]},"summary":"s","note":"n"}',
    );
    expect(() => json.render({ action: { type: 'click', point: [1, 2] }, extras: { action: 'x' } })).toThrow(/extra field "action"/);
  });

  it('generates one tool per action from the registry', () => {
    const tools = toolsForOpenAI('phone');
    expect(tools.map((t) => t.function.name)).toEqual(actionsFor('phone'));
    const click = tools.find((t) => t.function.name === 'click')!;
    expect(click.function.description).toBe(ACTIONS.click.description);
    expect(click.function.parameters).toMatchObject({
      type: 'object', required: ['point'], additionalProperties: false,
      properties: { point: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
    });
    expect(JSON.stringify(tools)).not.toMatch(/prefixItems|\$schema|frameId/);
    for (const t of tools) expect(Object.keys(t.function.parameters.properties as object)).not.toContain('space');
    expect(toolsForOpenAI().length).toBe(Object.keys(ACTIONS).length);
  });

  it('a tool call shaped like the tools parses back', () => {
    const out = json.parse(JSON.stringify({ tool_calls: [{ type: 'function', function: { name: 'hotkey', arguments: '{"keys": ["Control", "a"]}' } }] }));
    expect(out.action).toEqual({ type: 'hotkey', keys: ['Control', 'a'] });
  });
});
