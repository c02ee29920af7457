import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeReply, type FakeRequest, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { OpenAIPolicy, type OpenAIPolicyOptions } from '../../src/agent/openai/index.js';
import { boxCentreIn, context, inside, normBox, observation } from './helpers.js';

/** The "Wi-Fi" switch on a 1080x2400 screen, device pixels. */
const BOX: [number, number, number, number] = [840, 1790, 1010, 1870];
const DEVICE = { width: 1080, height: 2400 };
const NBOX = normBox(BOX, DEVICE);

let server: FakeServer;
let answer: (req: FakeRequest) => FakeReply = () => 'unset';
beforeAll(async () => {
  server = await startFakeOpenAI({ script: (req) => answer(req) });
});
afterAll(() => server.close());

function policy(o: Partial<OpenAIPolicyOptions>): OpenAIPolicy {
  return new OpenAIPolicy({ baseURL: server.url, model: 'test-model', apiKey: 'k', timeoutMs: 5000, ...o });
}

/** The size of the screenshot in the request: what the fake model "sees". */
function seen(req: FakeRequest): { width: number; height: number } {
  const img = req.images[req.images.length - 1];
  return { width: img.width!, height: img.height! };
}

describe('openai policy: each dialect taps the right element after resizing', () => {
  it('gelab: norm1000 point, ~1 MP JPEG, summary history', async () => {
    answer = (req) => {
      const [x, y] = boxCentreIn(BOX, DEVICE, { width: 1000, height: 1000 });
      return `<THINK> The Wi-Fi switch is on the right. </THINK>\nexplain:turn on wifi\taction:CLICK\tpoint:${x},${y}\tsummary:Tapped the Wi-Fi switch (${req.images.length} image)`;
    };
    const d = await policy({ dialect: 'gelab' }).decide(context(await observation()));
    expect(d.action?.type).toBe('click');
    expect(inside((d.action as { point: [number, number] }).point, NBOX)).toBe(true);
    expect(d.action).toMatchObject({ frameId: 'f1' });
    expect(d.thought).toBe('The Wi-Fi switch is on the right.');
    expect(d.summary).toBe('Tapped the Wi-Fi switch (1 image)');
    const req = server.requests.at(-1)!;
    expect(req.images).toHaveLength(1);
    expect(req.images[0].mediaType).toBe('image/jpeg');
    const { width, height } = seen(req);
    expect(width * height).toBeLessThanOrEqual(1_000_000);
    expect(Math.abs(width / height - 1080 / 2400)).toBeLessThan(0.002);
    expect(d.meta).toMatchObject({ imageSize: `${width}x${height}`, requests: 1, parseRounds: 1 });
    expect(d.extras).toEqual({ explain: 'turn on wifi' });
    expect(d.tokens?.prompt).toBeGreaterThan(0);
  });

  for (const maxPixels of [undefined, 1280 * 28 * 28]) {
    it(`uitars-1.5: pixels of the 28-grid image (maxPixels ${maxPixels ?? 'default'}) map back into the box`, async () => {
      answer = (req) => {
        const [x, y] = boxCentreIn(BOX, DEVICE, seen(req));
        return `Thought: Tap the Wi-Fi switch.\nAction: click(start_box='(${x},${y})')`;
      };
      const d = await policy({ dialect: 'uitars-1.5', maxPixels }).decide(context(await observation()));
      const size = seen(server.requests.at(-1)!);
      expect(size).toEqual(maxPixels ? { width: 672, height: 1484 } : { width: 1092, height: 2408 });
      expect(size.width % 28 + size.height % 28).toBe(0);
      const p = (d.action as { point: [number, number] }).point;
      expect(inside(p, NBOX)).toBe(true);
      // Exact mapping: the canonical point is the same fraction of the frame as the pixel of the image.
      const cx = ((BOX[0] + BOX[2]) / 2 / 1080) * 1000;
      const cy = ((BOX[1] + BOX[3]) / 2 / 2400) * 1000;
      expect(Math.abs(p[0] - cx)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(p[1] - cy)).toBeLessThanOrEqual(1.5);
      expect(d.thought).toBe('Tap the Wi-Fi switch.');
    });
  }

  it('uitars (1.0): 0-1000 points', async () => {
    answer = () => {
      const [x, y] = boxCentreIn(BOX, DEVICE, { width: 1000, height: 1000 });
      return `Thought: switch\nAction: click(start_box='(${x},${y})')`;
    };
    const d = await policy({ dialect: 'uitars' }).decide(context(await observation()));
    expect(inside((d.action as { point: [number, number] }).point, NBOX)).toBe(true);
  });

  it('qwen: mobile_use tool call in pixels of the smart-resized image', async () => {
    answer = (req) => {
      const [x, y] = boxCentreIn(BOX, DEVICE, seen(req));
      return `Thought: the switch\nAction: Tap Wi-Fi\n<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    };
    const d = await policy({ dialect: 'qwen' }).decide(context(await observation()));
    const req = server.requests.at(-1)!;
    expect(seen(req)).toEqual({ width: 1092, height: 2408 });
    // The prompt states the resolution the coordinates refer to.
    expect(req.text).toContain("resolution is 1092x2408");
    expect(inside((d.action as { point: [number, number] }).point, NBOX)).toBe(true);
    expect(d.summary).toBe('Tap Wi-Fi');
  });

  it('qwen with coordinates norm1000 (Qwen3-VL): the prompt says 1000x1000 and points are read on that grid', async () => {
    answer = () => {
      const [x, y] = boxCentreIn(BOX, DEVICE, { width: 1000, height: 1000 });
      return `<tool_call>\n{"name": "mobile_use", "arguments": {"action": "click", "coordinate": [${x}, ${y}]}}\n</tool_call>`;
    };
    const d = await policy({ dialect: 'qwen', profile: 'gelab', coordinates: 'norm1000' }).decide(context(await observation()));
    const req = server.requests.at(-1)!;
    expect(req.text).toContain('resolution is 1000x1000');
    expect(seen(req)).toEqual({ width: 670, height: 1490 });
    expect(inside((d.action as { point: [number, number] }).point, NBOX)).toBe(true);
  });

  it('json: sends the generated tools and parses the tool call', async () => {
    answer = () => ({ content: 'The switch is at the right.', tool_calls: [{ name: 'click', arguments: { point: boxCentreIn(BOX, DEVICE, { width: 1000, height: 1000 }) } }] });
    const d = await policy({ dialect: 'json' }).decide(context(await observation()));
    const req = server.requests.at(-1)!;
    const names = (req.tools as { function: { name: string } }[]).map((t) => t.function.name);
    expect(names).toContain('click');
    expect(names).not.toContain('hover'); // phone tools only
    expect(req.body.tool_choice).toBe('auto');
    expect(inside((d.action as { point: [number, number] }).point, NBOX)).toBe(true);
    expect(d.thought).toBe('The switch is at the right.');
    expect(JSON.parse(d.raw!).tool_calls[0].function.name).toBe('click');
  });

  it('json without tools: a plain JSON answer', async () => {
    answer = () => '{"thought": "go back", "action": {"type": "key", "key": "back"}, "summary": "back"}';
    const d = await policy({ dialect: 'json', toolChoice: 'none' }).decide(context(await observation()));
    expect(server.requests.at(-1)!.tools).toBeUndefined();
    expect(d.action).toEqual({ type: 'key', key: 'back' });
  });

  it('streams, records logprobs, and keeps reasoning_content as the thought when the dialect has none', async () => {
    answer = () => ({ content: 'action:BACK\tsummary:went back', reasoning_content: 'The dialog is in the way.' });
    const d = await policy({ dialect: 'gelab', stream: true, logprobs: 2 }).decide(context(await observation()));
    const req = server.requests.at(-1)!;
    expect(req.stream).toBe(true);
    expect(req.body).toMatchObject({ logprobs: true, top_logprobs: 2, stream_options: { include_usage: true } });
    expect(d.action).toEqual({ type: 'key', key: 'back' });
    expect(d.thought).toBe('The dialog is in the way.');
    const lp = d.meta!.logprobs as { tokens: number; mean: number };
    expect(lp.tokens).toBeGreaterThan(3);
    expect(lp.mean).toBeLessThanOrEqual(0);
    expect(d.tokens?.completion).toBeGreaterThan(0);
  });

  it('records cost from the configured prices and the reported usage', async () => {
    answer = () => ({ content: 'action:HOME', usage: { prompt_tokens: 1000, completion_tokens: 500 } });
    const d = await policy({ dialect: 'gelab', price: { prompt: 1, completion: 2 } }).decide(context(await observation()));
    expect(d.tokens).toEqual({ prompt: 1000, completion: 500 });
    expect(d.costUsd).toBeCloseTo(0.002, 10);
    expect(d.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
