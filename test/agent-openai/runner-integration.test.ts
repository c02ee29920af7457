import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeReply, type FakeRequest, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { OpenAIPolicy, type OpenAIPolicyOptions } from '../../src/agent/openai/index.js';
import { runTask } from '../../src/agent/runner.js';
import { openStore } from '../../src/store/index.js';
import { RecordingPhone } from './helpers.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: FakeReply[] | ((r: FakeRequest) => FakeReply), o: Partial<OpenAIPolicyOptions>): Promise<OpenAIPolicy> {
  server = await startFakeOpenAI({ script });
  return new OpenAIPolicy({ baseURL: server.url, model: 'm', dialect: 'gelab', timeoutMs: 5000, backoff: { baseDelayMs: 1 }, ...o });
}

const task = { instruction: 'Turn on dark mode' };
const roles = (r: FakeRequest) => r.messages.map((m) => `${m.role}${Array.isArray(m.content) ? `[${(m.content as { type: string }[]).map((p) => (p.type === 'image_url' ? 'img' : 'txt')).join(',')}]` : ''}`);

describe('openai policy in the runner', () => {
  it('gelab: the previous summary is the history and only the current screenshot is sent; steps are stored', async () => {
    const store = openStore(mkdtempSync(join(tmpdir(), 'sw-openai-')));
    const p = await setup([
      '<THINK> open it </THINK>\nexplain:open\taction:AWAKE\tvalue:Settings\tsummary:Opened Settings',
      'explain:tap\taction:CLICK\tpoint:500,300\tsummary:Opened Settings, tapped Display',
      'action:COMPLETE\treturn:done\tsummary:Dark mode is on',
    ], { dialect: 'gelab', price: { prompt: 0.5, completion: 1 } });
    const phone = new RecordingPhone();
    const r = await runTask({ device: phone, policy: p, task, store });
    expect(r.stopReason).toBe('completed');
    expect(r.answer).toBe('done');
    expect(phone.acted).toEqual([{ type: 'open_app', app: 'Settings' }, { type: 'click', point: [500, 300], frameId: 'f2' }]);
    const [, second, third] = server!.requests;
    expect(second.images).toHaveLength(1);
    expect(second.text).toContain('History: Opened Settings\n');
    expect(third.text).toContain('History: Opened Settings, tapped Display');
    const t = store.getTrajectory(r.trajectoryId!);
    expect(t.policy).toMatchObject({ name: 'openai', model: 'm', dialect: 'gelab', profile: 'gelab' });
    expect(t.steps[0].model).toMatchObject({ thought: 'open it', summary: 'Opened Settings' });
    expect(t.steps[0].model!.tokens!.prompt).toBeGreaterThan(0);
    expect(t.steps[0].model!.costUsd).toBeGreaterThan(0);
    expect(t.steps[1].meta).toMatchObject({ imageSize: '670x1490' });
  });

  it('uitars-1.5: the last k screenshots go as user/assistant turns, older steps as text', async () => {
    const outs = [0, 1, 2, 3].map((i) => `Thought: step ${i}\nAction: click(start_box='(${100 + i},200)')`);
    const p = await setup([...outs, "Thought: done\nAction: finished(content='ok')"], { dialect: 'uitars-1.5', historyImages: 3 });
    const r = await runTask({ device: new RecordingPhone(), policy: p, task });
    expect(r.stopReason).toBe('completed');
    const reqs = server!.requests;
    expect(reqs.map((q) => q.images.length)).toEqual([1, 2, 3, 3, 3]);
    expect(roles(reqs[0])).toEqual(['system', 'user[txt]', 'user[img]']);
    expect(roles(reqs[4])).toEqual(['system', 'user[txt]', 'user[img]', 'assistant', 'user[img]', 'assistant', 'user[img]']);
    // The assistant turns are the model's own last two outputs, verbatim.
    expect(reqs[4].messages[3].content).toBe(outs[2]);
    expect(reqs[4].messages[5].content).toBe(outs[3]);
    // Steps 0 and 1 fell out of the image window and appear in the text history.
    const text = (reqs[4].messages[1].content as { text: string }[])[0].text;
    expect(text).toMatch(/## History\n1\. .*"click".*\n2\. .*"click"/);
    expect(text).not.toMatch(/\n3\. /);
    expect(reqs.every((q) => q.images.every((im) => im.width === 1092 && im.height === 2408))).toBe(true);
  });

  it('user replies to info questions reach the next prompt', async () => {
    const p = await setup(['action:INFO\tvalue:Which ringtone?', 'action:COMPLETE\treturn:set'], { dialect: 'gelab' });
    const r = await runTask({ device: new RecordingPhone(), policy: p, task, onInfo: async () => 'Marimba' });
    expect(r.stopReason).toBe('completed');
    expect(server!.requests[1].text).toContain('- Marimba');
  });

  it('unparseable outputs are recorded by the runner with the raw text and parse error', async () => {
    const p = await setup(['what?', 'no idea', 'still nothing', 'nope'], { dialect: 'gelab', parseRetries: 1 });
    const r = await runTask({ device: new RecordingPhone(), policy: p, task, maxParseFailures: 2 });
    expect(r.stopReason).toBe('error');
    expect(r.steps).toHaveLength(2);
    expect(r.steps[0].model).toMatchObject({ raw: 'no idea' });
    expect(r.steps[0].result).toMatchObject({ ok: false, errorCode: 'parse_error' });
    expect(server!.requests).toHaveLength(4);
  });

  it('an endpoint that keeps failing ends the run with the error recorded on the step', async () => {
    const p = await setup([{ fault: 'status', status: 502 }, { fault: 'status', status: 502 }], { retries: 1 });
    const r = await runTask({ device: new RecordingPhone(), policy: p, task });
    expect(r.stopReason).toBe('error');
    expect(r.error).toMatch(/HTTP 502 \(2 attempts\)/);
    expect(r.steps[0].result).toMatchObject({ ok: false, errorCode: 'model_error' });
  });
});
