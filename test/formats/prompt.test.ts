import { describe, expect, it } from 'vitest';
import { actionsFor, describeAction, PLATFORMS } from '../../src/core/actions.js';
import { StepwiseError } from '../../src/core/errors.js';
import { actionSpace, DIALECTS, DIALECT_NAMES, getDialect, type ContentPart, type Dialect } from '../../src/formats/index.js';

const image = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', width: 1092, height: 2408 };
const imageSize = { width: image.width, height: image.height };

/** A full output around an action-space line, as the model would write it. */
function wrap(d: Dialect, line: string): string {
  switch (d.name) {
    case 'gelab': return `<THINK> t </THINK>\nexplain:e\t${line}\tsummary:s`;
    case 'qwen': return `Thought: t\n<tool_call>\n${line}\n</tool_call>`;
    case 'json': return `{"action": ${line}}`;
    default: return `Thought: t\nAction: ${line}`;
  }
}

describe('dialect registry', () => {
  it('lists the five dialects and rejects unknown names with the list', () => {
    expect(DIALECT_NAMES).toEqual(['gelab', 'uitars', 'uitars-1.5', 'qwen', 'json']);
    expect(getDialect('qwen')).toBe(DIALECTS.qwen);
    expect(() => getDialect('gpt')).toThrow(StepwiseError);
    expect(() => getDialect('gpt')).toThrow(/use one of: gelab, uitars, uitars-1.5, qwen, json/);
    expect(() => getDialect('__proto__')).toThrow(/unknown dialect/);
  });
});

describe.each(Object.values(DIALECTS))('$name prompt', (d) => {
  it.each(PLATFORMS.map((p) => [p]))('the %s action space is generated from the registry and parses back', (platform) => {
    const lines = actionSpace(d, platform, { imageSize });
    const offered = actionsFor(platform).filter((t) => d.actions.includes(t));
    // Every action the platform offers and the dialect expresses is listed, in registry order.
    expect(lines.map((l) => l.type)).toEqual(offered);
    for (const l of lines) {
      const back = d.parse(wrap(d, l.text), { imageSize, platform }).action;
      expect(back.type, l.text).toBe(l.type);
    }
  });

  it('builds a system message and a user message with the task, history and screenshot', () => {
    const msgs = d.buildPrompt({
      instruction: 'Turn on Wi-Fi',
      history: [{ summary: 'opened Settings' }, { action: { type: 'click', point: [1, 2] } }],
      image,
      userReplies: ['the home network'],
      hints: ['Settings is on the second home page'],
    });
    expect(msgs.map((m) => m.role)).toEqual(['system', 'user']);
    const system = msgs[0].content as string;
    const user = msgs[1].content as ContentPart[];
    expect(user[0]).toMatchObject({ type: 'text' });
    expect(user[1]).toEqual({ type: 'image_url', image_url: { url: image.dataUrl } });
    const userText = (user[0] as { text: string }).text;
    expect(userText).toContain('Turn on Wi-Fi');
    expect(userText).toContain('the home network');
    expect(system).toContain('Settings is on the second home page');
    // GELab shows only the latest summary; the others list the steps.
    if (d.name === 'gelab') expect(userText).toContain('opened Settings');
    else expect(userText).toMatch(/1\. opened Settings\n2\. \{"type":"click","point":\[1,2\]\}/);
    // The action descriptions come from the registry.
    expect(system).toContain('Tap or left-click at a point.');
    if (d.coordinates === 'pixels') expect(system).toContain('1092x2408');
  });

  it('refuses a prompt without instruction, and pixel dialects refuse one without image', () => {
    expect(() => d.buildPrompt({ instruction: ' ', image })).toThrow(/instruction/);
    if (d.coordinates === 'pixels') expect(() => d.buildPrompt({ instruction: 'x' })).toThrow(/screenshot/);
    else expect(d.buildPrompt({ instruction: 'x' })[1].content).toHaveLength(1);
  });
});

it('the json prompt lists optional fields as describeAction does', () => {
  const lines = actionSpace(DIALECTS.json, 'phone');
  const type = lines.find((l) => l.type === 'type')!;
  expect(describeAction('type')).toBe('type {text, point?}');
  expect(type.optional).toEqual(['point']);
});
