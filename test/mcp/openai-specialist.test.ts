/**
 * execute_task with the openai specialist against the project's fake OpenAI server: a free-text
 * task, an info question that pauses the run (needs_reply), and the continuation, in which the
 * model must see the user's reply and the earlier steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { openStore } from '../../src/store/index.js';
import { call, data, errorText, openHarness, type Harness } from './harness.js';

let h: Harness;
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  h = await openHarness(1, { policy: 'openai', model: { baseURL: fake.url, apiKey: 'k', model: 'fake-gui', dialect: 'json' } });
}, 180_000);
afterAll(async () => { await h?.close(); await fake?.close(); });

describe('execute_task with --policy openai', () => {
  it('runs a free-text task, pauses on a question and continues with the reply', async () => {
    const c = await h.connect();
    expect(c.getInstructions()).toMatch(/local GUI model/);
    fake.enqueue(
      { content: 'Open the notes app.', tool_calls: [{ name: 'open_app', arguments: { app: 'Notes' } }] },
      { content: 'Which note?', tool_calls: [{ name: 'info', arguments: { question: 'Which note should I open?' } }] },
    );
    const first = data(await call(c, 'execute_task', { task: 'Open my note about the trip' }));
    expect(first).toMatchObject({ stop_reason: 'needs_reply', question: 'Which note should I open?', steps: 2 });
    expect(first.log[0]).toMatch(/open_app.*Notes/);

    // The continuation's first request must carry the reply; answer with it so the test can see it arrived.
    fake.respondWith((req) => ({ content: 'Done.', tool_calls: [{ name: 'complete', arguments: { answer: req.text.includes('the Tokyo one') ? 'opened the Tokyo note' : 'reply missing' } }] }));
    const second = await call(c, 'execute_task', { session_id: first.session_id, reply: 'the Tokyo one' });
    const d = data(second);
    expect(d, errorText(second)).toMatchObject({ stop_reason: 'completed', answer: 'opened the Tokyo note', steps: 3 });
    expect(d.log.map((l: string) => l.split(' ')[1])).toEqual(['open_app', 'info', 'complete']);
    // Same trajectory, continued: the stored run holds all three steps.
    expect(d.trajectory_id).toBe(first.trajectory_id);
    const store = openStore(h.store);
    try {
      const t = store.getTrajectory(d.trajectory_id);
      expect(t.steps.map((s) => s.action?.type)).toEqual(['open_app', 'info', 'complete']);
      expect(t.stopReason).toBe('completed');
    } finally { store.close(); }
  });
});
