/** The openai policy on a static set, against the fake OpenAI-compatible server (real HTTP). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeRequest, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { OpenAIPolicy } from '../../src/agent/openai/index.js';
import { readStaticSet } from '../../src/benchmarks/static-format.js';
import { runStatic } from '../../src/benchmarks/static-eval.js';
import { row, tempDir, writeSet } from './helpers.js';

let server: FakeServer;
const text = (req: FakeRequest) => JSON.stringify(req.messages);
beforeAll(async () => {
  server = await startFakeOpenAI({
    script: (req) => {
      const t = text(req);
      if (t.includes('tap the shoes')) return 'explain:x\taction:CLICK\tpoint:500,480\tsummary:tapped';
      if (t.includes('search for shoes')) return 'explain:x\taction:TYPE\tvalue:Red Shoes\tsummary:typed';
      if (t.includes('open the shop')) return 'explain:x\taction:AWAKE\tvalue:Mall\tsummary:opened';
      return 'I am not sure what to do.';
    },
  });
});
afterAll(() => server.close());

describe('static evaluation of an OpenAI-compatible model', () => {
  it('sends screenshot, task and history; parses and scores its answers; counts tokens', async () => {
    const dir = tempDir();
    const set = readStaticSet(await writeSet(dir, [
      row('s/0', { type: 'open_app', app: 'Shop' }, { task: 'open the shop' }),
      row('s/1', { type: 'click', point: [500, 500] }, { task: 'tap the shoes', boxes: [[400, 450, 600, 520]], history: [{ action: { type: 'open_app', app: 'Shop' }, summary: 'opened the Shop app' }] }),
      row('s/2', { type: 'type', text: 'red shoes' }, { task: 'search for shoes' }),
      row('s/3', { type: 'complete', answer: '' }, { task: 'say done' }),
    ]));
    const policy = new OpenAIPolicy({ baseURL: server.url, model: 'm', apiKey: 'k', dialect: 'gelab', parseRetries: 0, timeoutMs: 5000 });
    const r = await runStatic(set, policy, { concurrency: 2 });
    expect(r.per_type.CLICK.exact_acc).toBe(1);
    expect(r.per_type.TYPE.exact_acc).toBe(1);
    expect(r.per_type.AWAKE).toEqual({ n: 1, type_acc: 1, exact_acc: 0 });
    expect(r.per_type.COMPLETE.exact_acc).toBe(0);
    expect(r.errors.no_action).toBe(1);
    expect(r.steps.find((s) => s.id === 's/3')?.note).toMatch(/^no action/);
    expect(r.avg).toBe(0.5);
    expect(r.tokens.prompt).toBeGreaterThan(0);
    const tap = server.requests.find((q) => text(q).includes('tap the shoes'))!;
    expect(tap.images).toHaveLength(1);
    expect(text(tap)).toContain('opened the Shop app');
  });
});
