import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StepwiseError } from '../../src/core/errors.js';
import type { Step } from '../../src/core/trajectory.js';
import { tempPrefix } from '../../src/store/blobs.js';
import { migrate, MIGRATIONS, newTrajectoryId, openStore, SCHEMA_VERSION, sha256Hex } from '../../src/store/index.js';
import { bytes, tempDir } from './helpers.js';

function step(store: ReturnType<typeof openStore>, i: number): Step {
  const image = store.putBlob(bytes(`frame ${i}`));
  return {
    index: i,
    observation: { frameId: `f${i}`, image, format: 'png', width: 1080, height: 2400, app: 'com.example' },
    model: { raw: `<THINK>t${i}</THINK>action:CLICK\tpoint:${i},20`, thought: `t${i}`, action: { type: 'click', point: [i, 20] }, tokens: { prompt: 100, completion: 9 }, latencyMs: 321 },
    action: { type: 'click', point: [i, 20] },
    result: { ok: true },
    startedAt: 1000 + i,
    durationMs: 12.5,
  };
}

describe('blobs', () => {
  it('stores content-addressed, dedupes, and refuses paths that are not a sha', () => {
    const store = openStore(tempDir());
    const data = bytes('hello png');
    const sha = store.putBlob(data);
    expect(sha).toBe(sha256Hex(data));
    expect(store.blobPath(sha)).toBe(join(store.dir, 'blobs', sha.slice(0, 2), sha.slice(2)));
    expect(store.getBlob(sha).equals(data)).toBe(true);
    const mtime = statSync(store.blobPath(sha)).mtimeMs;
    // Overwrite the file by hand: a second put must not rewrite an existing blob.
    writeFileSync(store.blobPath(sha), 'tampered');
    expect(store.putBlob(data)).toBe(sha);
    expect(readFileSync(store.blobPath(sha), 'utf8')).toBe('tampered');
    expect(statSync(store.blobPath(sha)).mtimeMs).toBeGreaterThanOrEqual(mtime);
    // No temp files left behind.
    expect(readdirSync(join(store.dir, 'blobs', sha.slice(0, 2))).filter((f) => f.startsWith('.tmp'))).toEqual([]);
    for (const bad of ['../../etc/passwd', sha.toUpperCase(), sha.slice(1), `${sha.slice(0, 63)}/`, '']) {
      expect(() => store.blobPath(bad)).toThrow(/invalid blob id/);
      expect(() => store.getBlob(bad)).toThrow(StepwiseError);
    }
    expect(() => store.getBlob('0'.repeat(64))).toThrow(/not in the store/);
    store.close();
  });

  it('sweeps temp files of dead writers only', () => {
    const store = openStore(tempDir());
    const sub = join(store.dir, 'blobs', 'ab');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${tempPrefix(999999)}aaaa`), 'half');
    writeFileSync(join(sub, `${tempPrefix(process.pid)}bbbb`), 'live');
    writeFileSync(join(sub, `.tmp-999999-00000000-cccc`), 'other host');
    expect(store.blobs.sweepTemp((pid) => pid === 999999)).toBe(1);
    expect(readdirSync(sub).sort()).toEqual([`${tempPrefix(process.pid)}bbbb`, '.tmp-999999-00000000-cccc'].sort());
    store.close();
  });
});

describe('trajectories', () => {
  it('round-trips a trajectory with steps, outcomes (latest wins) and annotations', () => {
    const store = openStore(tempDir());
    const t = store.createTrajectory({
      task: { id: 'clock.alarm', instruction: 'Set an alarm for 7:30', app: 'clock' },
      device: { id: 'sandbox:1', platform: 'phone', backend: 'sandbox', width: 1080, height: 2400, rotation: 0 },
      policy: { name: 'gelab-zero', model: 'gelab-zero-4b', dialect: 'gelab' },
      meta: { round: 1 },
    });
    expect(t.status).toBe('running');
    expect(t.id).toMatch(/^[0-9a-f]{12}-[0-9a-z]{10}$/);
    const steps = [0, 1, 2].map((i) => step(store, i));
    for (const s of steps) store.appendStep(t.id, s);
    store.finishTrajectory(t.id, { stopReason: 'completed', answer: 'done', endedAt: 5000 });
    store.setOutcome(t.id, { verdict: 'failure', confidence: 0.6, source: 'rule', at: 10 });
    store.setOutcome(t.id, { verdict: 'success', confidence: 0.95, source: 'verifier', by: 'clock.alarm', at: 5 });
    store.addAnnotation({ trajectoryId: t.id, stepIndex: 1, kind: 'label', value: { good: false }, author: 'ann' });
    store.addAnnotation({ trajectoryId: t.id, kind: 'comment', value: 'fine' });

    const got = store.getTrajectory(t.id);
    expect(got.steps).toEqual(steps);
    expect(got).toMatchObject({ status: 'finished', stopReason: 'completed', answer: 'done', endedAt: 5000, meta: { round: 1 } });
    expect(got.policy?.name).toBe('gelab-zero');
    // Latest by insertion order, even though its `at` is earlier.
    expect(got.outcome).toMatchObject({ verdict: 'success', confidence: 0.95, source: 'verifier', by: 'clock.alarm' });
    expect(store.getOutcomes(t.id).map((o) => o.verdict)).toEqual(['failure', 'success']);
    const anns = store.getAnnotations(t.id);
    expect(anns.map((a) => [a.stepIndex, a.kind, a.value])).toEqual([[1, 'label', { good: false }], [undefined, 'comment', 'fine']]);
    store.close();

    const again = openStore(store.dir);
    expect(again.getTrajectory(t.id).steps).toHaveLength(3);
    again.close();
  });

  it('rejects bad steps with typed errors that say what to do', () => {
    const store = openStore(tempDir());
    const t = store.createTrajectory({ task: { instruction: 'x' } });
    expect(() => store.appendStep('nope', step(store, 0))).toThrow(/no trajectory "nope"/);
    store.appendStep(t.id, step(store, 0));
    expect(() => store.appendStep(t.id, step(store, 0))).toThrow(/already has step 0/);
    expect(() => store.appendStep(t.id, { index: -1 })).toThrow(/integer >= 0/);
    expect(() => store.appendStep(t.id, { index: 1, observation: { frameId: 'f', image: 'a'.repeat(64), width: 1, height: 1 } })).toThrow(/not in the store/);
    expect(() => store.appendStep(t.id, { index: 1, observation: { frameId: 'f', image: '../x', width: 1, height: 1 } })).toThrow(/invalid blob id/);
    expect(() => store.appendStep(t.id, { index: 1, action: { type: 'click' } as never })).toThrow(/invalid click action/);
    expect(() => store.setOutcome(t.id, { verdict: 'maybe' as never, confidence: 1, source: 'judge' })).toThrow(/success or failure/);
    expect(() => store.setOutcome(t.id, { verdict: 'success', confidence: 1.5, source: 'judge' })).toThrow(/0-1/);
    expect(() => store.setOutcome('missing', { verdict: 'success', confidence: 1, source: 'judge' })).toThrow(/no trajectory/);
    expect(() => store.addAnnotation({ trajectoryId: 'missing', kind: 'x' })).toThrow(/no trajectory/);
    expect(() => store.getTrajectory('missing')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => store.createTrajectory({ id: t.id, task: { instruction: 'y' } })).toThrow(/already exists/);
    store.finishTrajectory(t.id, { stopReason: 'aborted' });
    expect(() => store.appendStep(t.id, { index: 1 })).toThrow(/is finished/);
    expect(() => store.finishTrajectory(t.id, { stopReason: 'bored' as never })).toThrow(/unknown stop reason/);
    expect(() => store.finishTrajectory('missing')).toThrow(/no trajectory/);
    // Failed appends left nothing behind.
    expect(store.getTrajectory(t.id).steps.map((s) => s.index)).toEqual([0]);
    store.close();
  });

  it('lists with filters, latest verdict, paging and keyset iteration', () => {
    const store = openStore(tempDir());
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const t = store.createTrajectory({
        task: { id: i % 2 ? 'a' : 'b', instruction: `task ${i}`, app: i < 3 ? 'clock' : 'notes' },
        policy: { name: i % 3 === 0 ? 'p0' : 'p1' },
        startedAt: 1000 * (i + 1),
      });
      ids.push(t.id);
      if (i % 2 === 0) store.finishTrajectory(t.id, { stopReason: 'completed' });
    }
    store.setOutcome(ids[0], { verdict: 'success', confidence: 1, source: 'verifier' });
    store.setOutcome(ids[0], { verdict: 'failure', confidence: 1, source: 'human' });
    store.setOutcome(ids[1], { verdict: 'success', confidence: 1, source: 'verifier' });
    store.appendStep(ids[1], { index: 0 });
    store.appendStep(ids[1], { index: 1 });

    const all = store.listTrajectories();
    expect(all.map((s) => s.id)).toEqual([...ids].reverse());
    expect(all.find((s) => s.id === ids[1])).toMatchObject({ steps: 2, verdict: 'success', taskId: 'a', app: 'clock', policy: 'p1' });
    const pick = (f: Parameters<typeof store.listTrajectories>[0]) => store.listTrajectories(f).map((s) => ids.indexOf(s.id)).sort();
    expect(pick({ task: 'a' })).toEqual([1, 3, 5]);
    expect(pick({ app: 'clock' })).toEqual([0, 1, 2]);
    expect(pick({ status: 'finished' })).toEqual([0, 2, 4, 6]);
    expect(pick({ verdict: 'success' })).toEqual([1]);
    expect(pick({ verdict: 'failure' })).toEqual([0]);
    expect(pick({ verdict: 'none' })).toEqual([2, 3, 4, 5, 6]);
    expect(pick({ policy: 'p0' })).toEqual([0, 3, 6]);
    expect(pick({ since: 3000, until: 6000 })).toEqual([2, 3, 4]);
    expect(pick({ app: 'notes', status: 'running' })).toEqual([3, 5]);
    expect(store.listTrajectories({ limit: 2, offset: 1 }).map((s) => s.id)).toEqual([ids[5], ids[4]]);
    expect([...store.iterate({}, 3)].map((s) => s.id)).toEqual([...ids].reverse());
    expect([...store.iterate({ limit: 4 }, 3)].map((s) => s.id)).toEqual([ids[6], ids[5], ids[4], ids[3]]);
    expect([...store.iterate({ app: 'notes' }, 2)]).toHaveLength(4);
    expect(() => store.listTrajectories({ status: 'done' as never })).toThrow(/unknown status/);
    expect(() => store.listTrajectories({ limit: -1 })).toThrow(/non-negative integer/);
    store.close();
  });

  it('stores observations with their UI tree as blobs', () => {
    const store = openStore(tempDir());
    const png = bytes('png bytes');
    const ref = store.putObservation({
      frame: { id: 'fr1', width: 1080, height: 2400, rotation: 0 },
      image: { data: png, format: 'png', width: 1080, height: 2400 },
      uiTree: { nodes: [] } as never,
      app: 'com.x',
      at: 42,
    });
    expect(ref).toMatchObject({ frameId: 'fr1', image: sha256Hex(png), format: 'png', width: 1080, height: 2400, app: 'com.x', at: 42 });
    expect(JSON.parse(store.getBlob(ref.uiTree!).toString())).toEqual({ nodes: [] });
    store.close();
  });
});

describe('open and migrations', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = new Database(join(dir, 'stepwise.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(existsSync(join(dir, 'blobs'))).toBe(true);
  });

  it('migrates a store written at an older schema version', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'stepwise.db'));
    expect(migrate(db, 1)).toEqual([1]);
    db.prepare(`INSERT INTO trajectories (id, task, instruction, policy, status, started_at) VALUES ('old', '{"instruction":"hi"}', 'hi', '{"name":"legacy"}', 'finished', 1)`).run();
    db.close();
    const store = openStore(dir);
    expect(store.getTrajectory('old')).toMatchObject({ id: 'old', status: 'finished', task: { instruction: 'hi' } });
    // Migration 2 back-filled the policy name the list filter uses.
    expect(store.listTrajectories({ policy: 'legacy' }).map((s) => s.id)).toEqual(['old']);
    store.close();
    const check = new Database(join(dir, 'stepwise.db'));
    const versions = check.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    check.close();
  });

  it('refuses a store from a newer stepwise, and a missing store when create is false', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = new Database(join(dir, 'stepwise.db'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(SCHEMA_VERSION + 1, 'future', 0);
    db.close();
    expect(() => openStore(dir)).toThrow(/newer than this stepwise supports/);
    expect(() => openStore(join(dir, 'nothing'), { create: false })).toThrow(expect.objectContaining({ code: 'not_found' }));
    const junk = tempDir();
    writeFileSync(join(junk, 'stepwise.db'), 'this is not a database, just some text that is long enough'.repeat(20));
    expect(() => openStore(junk)).toThrow(/a stepwise store\?/);
  });

  it('makes sortable ids', () => {
    const a = newTrajectoryId(1000);
    const b = newTrajectoryId(1001);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newTrajectoryId(5))).size).toBe(1000);
  });
});
