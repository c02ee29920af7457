import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { buildCases } from '../../src/verifiers/cases.js';
import { critique } from '../../src/verifiers/critic.js';
import { measureSynthesis, synthesizeVerifier } from '../../src/verifiers/synth.js';
import { staticCheck } from '../../src/verifiers/static.js';
import { BAD, GOOD, reply, templateOf } from './fixtures.js';

const T = (id: string) => TEMPLATES.find((t) => t.id === id)!;
let fake: FakeServer;
const ep = () => ({ baseURL: fake.url, apiKey: 'k', model: 'designer', retries: 0 });

beforeAll(async () => { fake = await startFakeOpenAI(); });
afterAll(async () => { await fake.close(); });

describe('end-state cases', () => {
  it('labels the reference end accepted and the hand-made wrong ends rejected, plus generated ends', () => {
    const { cases } = buildCases(T('notes.delete-note-about'), 1, APPS);
    expect(cases[0]).toMatchObject({ origin: 'reference', expected: true });
    expect(cases.filter((c) => c.origin === 'hand-made').every((c) => !c.expected)).toBe(true);
    const nothing = cases.find((c) => c.origin === 'nothing-done')!;
    expect(nothing.expected).toBe(false);
    // deleting the note is the last effective step (the confirm tap); skipping it leaves the note
    expect(cases.find((c) => c.origin === 'skip-last')).toMatchObject({ expected: false });
    expect(cases.find((c) => c.origin === 'other-params')).toMatchObject({ expected: false });
  });
});

describe('critic', () => {
  const sets = () => [buildCases(T('notes.tick-checklist-item'), 1, APPS)];

  it('accepts a correct verifier: it agrees on every case', async () => {
    const c = await critique(GOOD['notes.tick-checklist-item'], sets());
    expect(c.problems).toEqual([]);
    expect(c).toMatchObject({ accepted: true, checked: true, agreement: 1 });
  });

  it('rejects a planted wrong verifier and names the wrong end it accepts', async () => {
    const c = await critique(BAD.tickTargetOnly, sets());
    expect(c.accepted).toBe(false);
    expect(c.problems.join('\n')).toMatch(/another item ticked too.*should reject.*but accepts/);
    const always = await critique(BAD.alwaysTrue, sets());
    expect(always.accepted).toBe(false);
    expect(always.cases.filter((x) => !x.agree).every((x) => x.expected === false && x.got === true)).toBe(true);
  });

  it('rejects a verifier that reads files, statically and, when hidden, in the sandbox', async () => {
    const s = await critique(BAD.readsFiles, sets());
    expect(s).toMatchObject({ accepted: false });
    expect(s.static.map((f) => f.rule)).toContain('require');
    expect(staticCheck(BAD.readsFilesHidden)).toEqual([]);
    const h = await critique(BAD.readsFilesHidden, sets());
    expect(h.accepted).toBe(false);
    expect(h.cases.every((x) => x.error !== undefined && x.got === undefined)).toBe(true);
  });

  it('rejects a verifier that loops forever, each call stopped at the limit', async () => {
    const c = await critique(BAD.loopsForever, sets(), { limits: { callTimeoutMs: 100 } });
    expect(c.accepted).toBe(false);
    expect(c.cases.every((x) => /timeout/.test(x.error ?? ''))).toBe(true);
  });

  it('flags import(), process and unbounded loops before running', () => {
    expect(staticCheck('function verify() { return import("fs"); }').map((f) => f.rule)).toContain('import');
    expect(staticCheck('function verify() { return process.env; }').map((f) => f.rule)).toContain('process');
    expect(staticCheck('function verify() { while (true) {} }').map((f) => f.rule)).toContain('endless');
    expect(staticCheck('const x = 1;').map((f) => f.rule)).toEqual(['contract']);
    expect(staticCheck('function verify( {').map((f) => f.rule)).toEqual(['syntax']);
  });
});

describe('synthesis loop against the fake model server', () => {
  it('redesigns after the analyzer reports the misjudged ends, then accepts', async () => {
    fake.enqueue(reply(BAD.alwaysTrue), reply(GOOD['notes.delete-note-about']));
    const before = fake.requests.length;
    const r = await synthesizeVerifier({ task: 'Delete the note about gift ideas.', template: T('notes.delete-note-about'), designer: ep(), rounds: 3 });
    expect(r.accepted).toBe(true);
    expect(r.rounds.length).toBe(2);
    const second = fake.requests[before + 1].text;
    expect(second).toContain('Your previous verifier');
    expect(second).toMatch(/On "kept" it accepted .* but should reject/);
    expect(second).toMatch(/State changes in this end:/);
  });

  it('gives up after the rounds with the last candidate unaccepted', async () => {
    fake.enqueue(reply(BAD.alwaysTrue), reply(BAD.alwaysTrue));
    const r = await synthesizeVerifier({ task: 'Tick it.', template: T('notes.tick-checklist-item'), designer: ep(), rounds: 2 });
    expect(r).toMatchObject({ accepted: false, checked: true });
    expect(r.source).toContain('looks done');
  });

  it('without a template checks statically and by a smoke run only, and says so', async () => {
    fake.enqueue(reply('function verify(final) { return { ok: final.apps.notes.notes.length > 0, reason: "has notes" }; }'));
    const r = await synthesizeVerifier({ task: 'Keep at least one note.', designer: ep(), rounds: 1 });
    expect(r).toMatchObject({ accepted: true, checked: false });
    expect(r.rounds[0].critique?.checked).toBe(false);
  });

  it('measures the share of templates whose verifier agrees on held-out seeds', async () => {
    const planted: Record<string, string> = { 'notes.write-shopping-list': BAD.alwaysTrue, 'notes.count-folder': BAD.readsFiles };
    const ids = [...Object.keys(GOOD), ...Object.keys(planted)];
    for (const id of ids) expect(TEMPLATES.some((t) => t.id === id), id).toBe(true);
    fake.respondWith((req) => {
      const id = templateOf(req.text)!;
      return reply(GOOD[id] ?? planted[id]);
    });
    try {
      const m = await measureSynthesis(ids.map(T), { designer: ep(), rounds: 1, seeds: [1], heldOutSeeds: [2, 3] });
      expect(m.templates).toBe(5);
      expect(m.results.filter((r) => r.agrees).map((r) => r.template).sort()).toEqual(Object.keys(GOOD).sort());
      expect(m.agreementShare).toBeCloseTo(3 / 5);
      expect(m.acceptedAgreeing).toBe(3);
    } finally {
      fake.respondWith(undefined);
    }
  });
});
