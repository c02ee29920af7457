/**
 * The llm engine against the fake OpenAI-compatible server: valid samples in all seven
 * categories with every fact anchored (a lying model cannot change the action or claim
 * completion), garbage and timeouts fall back to grounded targets without losing a sample,
 * the answer cache makes a resumed run free, and tokens per trajectory are reported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { CATEGORIES, runCsrs, validateTarget, type Sample } from '../../src/csrs/index.js';
import { button, putTrajectory, screen, tempStore, verifier } from './helpers.js';

const HOME = screen(['Inbox', 'Settings']);
const INBOX = screen(['Back', 'Mail from Ann', 'Mail from Bob']);
const ANN = screen(['Back', 'Reply', 'Hello from Ann']);

function fill() {
  const store = tempStore();
  putTrajectory(store, { taskId: 'read-ann', instruction: 'Open the mail from Ann', params: { sender: 'Ann' }, stop: 'completed', outcome: verifier('success'), steps: [
    { screen: HOME, action: { type: 'click', point: button(0) } },
    { screen: INBOX, action: { type: 'click', point: button(1) } },
    { screen: ANN, action: { type: 'complete', answer: '' } },
  ] });
  putTrajectory(store, { taskId: 'read-ann', instruction: 'Open the mail from Ann', params: { sender: 'Ann' }, stop: 'completed', outcome: verifier('failure'), steps: [
    { screen: HOME, action: { type: 'click', point: button(0) } },
    { screen: INBOX, action: { type: 'complete', answer: '' } },
  ] });
  return store;
}

/** A model that writes every requested category and lies in every anchored field. */
function lyingAnswer(text: string): string {
  const wanted = [...text.matchAll(/"([a-z_]+)": \{/g)].map((m) => m[1]).filter((c) => (CATEGORIES as readonly string[]).includes(c));
  const lie = { type: 'click', point: [1, 1] };
  const body: Record<string, unknown> = {
    progress_tracking: { step: 99, done: ['opened the inbox'], next: 'open the mail', reasoning: 'The inbox is open; the mail is next.' },
    state_summary: { app: 'com.lie', keyboard_open: true, key_texts: ['Mail from Ann', 'Invented text'], actionable: ['Back'], reasoning: 'An inbox with two mails.' },
    effect_prediction: { screen_changed: false, appeared: ['nothing'], reasoning: 'Tapping opens the next screen.' },
    self_reflection: { assessment: 'loop', should_repeat: false, reasoning: 'It moved the task forward.' },
    state_verification: { task_complete: true, evidence: ['Hello from Ann', 'Not on screen'], reasoning: 'The mail is shown.' },
    intent_execution: { intent: 'Open the first item', action: lie, reasoning: 'The item is at the top.' },
    action_prediction: { thought: 'I should tap the inbox.', action: lie, reasoning: 'The inbox leads to the mail.' },
  };
  return JSON.stringify(Object.fromEntries(wanted.map((c) => [c, body[c]])));
}

const samplesOf = (out: string) => readFileSync(join(out, 'samples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Sample);
const textOf = (req: { body: any }) => (req.body.messages[1].content as { type: string; text?: string }[]).find((p) => p.type === 'text')!.text!;

let server: FakeServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

describe('csrs llm engine', () => {
  it('writes all seven categories in the model\'s words while every fact stays anchored', async () => {
    server = await startFakeOpenAI();
    server.respondWith((req) => ({ content: lyingAnswer(textOf(req)), usage: { prompt_tokens: 100, completion_tokens: 50 } }));
    const store = fill();
    const out = mkdtempSync(join(tmpdir(), 'csrs-llm-'));
    const s = await runCsrs({ store, out, engine: 'llm', llm: { baseURL: server.url, apiKey: 'k', model: 'fake-model' }, queueReviews: false });
    const grounded = samplesOf((await runCsrs({ store, out: mkdtempSync(join(tmpdir(), 'csrs-g-')), queueReviews: false })).out);
    expect(server.requests).toHaveLength(5); // one call per step
    expect(server.requests[0].body.messages[1].content.some((p: { type: string }) => p.type === 'image_url')).toBe(true);
    expect(s.llm).toMatchObject({ calls: 5, tokens: 750, failed_steps: 0, tokens_per_trajectory: 375 });
    const samples = samplesOf(out);
    expect(samples).toHaveLength(grounded.length);
    for (const c of CATEGORIES) expect(samples.filter((x) => x.category === c).length).toBeGreaterThan(0);
    for (const x of samples) expect(() => validateTarget(x.category, x.target)).not.toThrow();
    const byKey = new Map(grounded.map((g) => [`${g.trajectoryId}#${g.stepIndex}#${g.category}`, g]));
    for (const x of samples) {
      const g = byKey.get(`${x.trajectoryId}#${x.stepIndex}#${x.category}`)!.target as Record<string, unknown>;
      const t = x.target as Record<string, unknown>;
      if ('action' in g) expect(t.action).toEqual(g.action); // never the model's invented action
      if ('task_complete' in g) expect(t.task_complete).toBe(g.task_complete);
      if ('assessment' in g) expect(t.assessment).toBe(g.assessment);
      if (x.category === 'progress_tracking') expect(t.step).toBe(x.stepIndex);
      if (x.category === 'state_summary') expect(t.key_texts).not.toContain('Invented text');
      if (x.category === 'state_verification') expect(t.evidence).not.toContain('Not on screen');
    }
    const act = samples.find((x) => x.category === 'action_prediction')!;
    expect(act.target).toMatchObject({ thought: 'I should tap the inbox.', reasoning: 'The inbox leads to the mail.' });
    expect(s.action_samples_from_failures).toBe(0);
  });

  it('falls back to grounded targets on garbage, non-JSON and a hung endpoint, and says so', async () => {
    server = await startFakeOpenAI({ script: [{ fault: 'garbage' }, 'I am not JSON at all', { fault: 'hang' }, '{"progress_tracking": "wrong shape"}'] });
    server.respondWith((req) => lyingAnswer(textOf(req)));
    const store = fill();
    const out = mkdtempSync(join(tmpdir(), 'csrs-llm-bad-'));
    const s = await runCsrs({ store, out, engine: 'llm', llm: { baseURL: server.url, apiKey: 'k', model: 'fake-model', timeoutMs: 1500, retries: 0, concurrency: 1 }, queueReviews: false });
    const grounded = samplesOf((await runCsrs({ store, out: mkdtempSync(join(tmpdir(), 'csrs-g-')), queueReviews: false })).out);
    expect(s.llm.failed_steps).toBe(2); // the garbage body and the hang: no answer at all
    expect(s.llm.fallback_categories).toBeGreaterThanOrEqual(3 + 3 + 1); // two lost steps, the prose answer, the wrong shape
    const samples = samplesOf(out);
    expect(samples).toHaveLength(grounded.length);
    for (const x of samples) expect(() => validateTarget(x.category, x.target)).not.toThrow();
  }, 30_000);

  it('resumes from its answer cache without calling the model again', async () => {
    server = await startFakeOpenAI();
    server.respondWith((req) => lyingAnswer(textOf(req)));
    const store = fill();
    const out = mkdtempSync(join(tmpdir(), 'csrs-llm-cache-'));
    const llm = { baseURL: server.url, apiKey: 'k', model: 'fake-model' };
    await runCsrs({ store, out, engine: 'llm', llm, queueReviews: false });
    const first = samplesOf(out);
    rmSync(join(out, 'state.jsonl')); // as if the run crashed before recording anything
    const again = await runCsrs({ store, out, engine: 'llm', llm, queueReviews: false });
    expect(server.requests).toHaveLength(5);
    expect(again.llm).toMatchObject({ calls: 0, cached_steps: 5 });
    expect(samplesOf(out)).toEqual(first);
  });

  it('refuses the llm engine without an endpoint, with what to pass', async () => {
    await expect(runCsrs({ store: fill(), out: mkdtempSync(join(tmpdir(), 'csrs-x-')), engine: 'llm' })).rejects.toThrow(/--llm-base-url/);
  });
});
