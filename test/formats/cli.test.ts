/** `stepwise parse` end to end: a spawned CLI, raw output on stdin, one JSON object on stdout. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = join(root, 'dist', 'cli', 'main.js');

beforeAll(() => {
  // Build once so `vitest run test/formats` works without `npm test`; tsc still emits when
  // someone else's file has a type error, which is not this test's concern.
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], { stdio: 'ignore' });
  } catch {
    // checked below
  }
  expect(existsSync(join(root, 'dist', 'cli', 'commands', 'parse.js'))).toBe(true);
}, 120_000);

function run(args: string[], input: string) {
  const r = spawnSync(process.execPath, [main, 'parse', ...args], { input, encoding: 'utf8', cwd: root });
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return { code: r.status, out: JSON.parse(lines[0]) as Record<string, unknown> };
}

describe('stepwise parse', () => {
  it('gelab: canonical JSON, exit 0', () => {
    const r = run(['--dialect', 'gelab'], '<THINK> 打开设置 </THINK>\nexplain:点击设置\taction:CLICK\tpoint:500,300\tsummary:已点击设置\n');
    expect(r.code).toBe(0);
    expect(r.out).toEqual({ ok: true, thought: '打开设置', summary: '已点击设置', action: { type: 'click', point: [500, 300] }, extras: { explain: '点击设置' } });
  });

  it('uitars-1.5 and qwen convert pixels with --image-size', () => {
    const u = run(['--dialect', 'uitars-1.5', '--image-size', '1092x2408'], "Thought: t\nAction: drag(start_box='(546,1204)', end_box='(546,0)')");
    expect(u).toEqual({ code: 0, out: { ok: true, thought: 't', action: { type: 'swipe', from: [500, 500], to: [500, 0] } } });
    const q = run(['--dialect', 'qwen', '--image-size', '1092x2408'], '<tool_call>\n{"name": "mobile_use", "arguments": {"action": "type", "text": "hi"}}\n</tool_call>');
    expect(q).toEqual({ code: 0, out: { ok: true, action: { type: 'type', text: 'hi' } } });
  });

  it('uitars and json', () => {
    expect(run(['--dialect', 'uitars'], 'Action: press_back()')).toEqual({ code: 0, out: { ok: true, action: { type: 'key', key: 'back' } } });
    expect(run(['--dialect', 'json'], '{"action": {"type": "scroll", "direction": "down", "frameId": "f1"}}')).toEqual({
      code: 0, out: { ok: true, action: { type: 'scroll', direction: 'down' } },
    });
  });

  it('errors are one JSON object with exit 2', () => {
    const cases: [string[], string, RegExp][] = [
      [['--dialect', 'gelab'], 'I think I should click', /no action field/],
      [['--dialect', 'qwen'], '{"action": "click", "coordinate": [1, 1]}', /--image-size/],
      [['--dialect', 'qwen', '--image-size', 'big'], '{"action": "click", "coordinate": [1, 1]}', /not an image size/],
      [['--dialect', 'klingon'], 'x', /unknown dialect "klingon".*gelab/],
      [['--dialect', 'json', '--platform', 'toaster'], '{}', /unknown platform/],
      [['--dialect', 'uitars'], '', /no "Action:" line/],
    ];
    for (const [args, input, re] of cases) {
      const r = run(args, input);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out.ok).toBe(false);
      expect(r.out.error).toMatch(re);
    }
  });
});
