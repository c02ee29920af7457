import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { exportJsonl, importJsonl, openStore, sha256Hex } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const PNG = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`png ${n}`)]);
const JPG = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jpg ${n}`)]);

/** Three trajectories; images shared between steps to check dedupe. */
function fill(store: Store): string[] {
  const ids: string[] = [];
  for (let k = 0; k < 3; k++) {
    const t = store.createTrajectory({ task: { id: `t${k}`, instruction: `do ${k}`, app: k === 2 ? 'notes' : 'clock' }, policy: { name: 'p' }, startedAt: 100 + k });
    for (let i = 0; i < 4; i++) {
      const png = i === 3 ? undefined : store.putBlob(i === 2 ? JPG(k) : PNG(i));
      const tree = i === 0 ? store.putBlob(Buffer.from(JSON.stringify({ k, i }))) : undefined;
      store.appendStep(t.id, {
        index: i,
        observation: { frameId: `f${k}.${i}`, width: 1080, height: 2400, ...(png ? { image: png } : {}), ...(i === 2 ? {} : { format: 'png' as const }), ...(tree ? { uiTree: tree } : {}) },
        model: { raw: 'action:CLICK\tpoint:1,2', action: { type: 'click', point: [1, 2] } },
        action: { type: 'click', point: [1, 2] },
        result: { ok: true },
      });
    }
    if (k < 2) store.finishTrajectory(t.id, { stopReason: 'completed', answer: `a${k}` });
    if (k === 0) {
      store.setOutcome(t.id, { verdict: 'failure', confidence: 0.7, source: 'rule' });
      store.setOutcome(t.id, { verdict: 'success', confidence: 0.9, source: 'human', by: 'me' });
      store.addAnnotation({ trajectoryId: t.id, stepIndex: 2, kind: 'label', value: 'wrong tap', author: 'me', at: 7 });
    }
    ids.push(t.id);
  }
  return ids;
}

describe('JSONL export/import', () => {
  it('round-trips trajectories, images, trees, outcome history and annotations', async () => {
    const src = openStore(tempDir());
    const ids = fill(src);
    const out = tempDir();
    const rep = await exportJsonl(src, out);
    expect(rep).toMatchObject({ trajectories: 3, steps: 12 });
    const lines = readFileSync(join(out, 'trajectories.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([...ids].reverse());
    const step0 = lines[2].steps[0];
    expect(step0.observation.imageFile).toBe(`images/${sha256Hex(PNG(0))}.png`);
    // No format recorded: the extension comes from the magic bytes.
    expect(lines[2].steps[2].observation.imageFile).toBe(`images/${sha256Hex(JPG(0))}.jpg`);
    expect(lines[2].steps[3].observation.imageFile).toBeUndefined();
    // PNG(0), PNG(1) shared by all three; JPG per trajectory: 5 distinct images.
    expect(readdirSync(join(out, 'images')).sort()).toHaveLength(5);
    expect(readdirSync(join(out, 'uitrees'))).toHaveLength(3);
    expect(readFileSync(join(out, 'images', `${sha256Hex(PNG(1))}.png`)).equals(PNG(1))).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);

    const dst = openStore(tempDir());
    const imp = await importJsonl(dst, join(out, 'trajectories.jsonl'));
    expect(imp).toEqual({ imported: 3, steps: 12, skipped: [] });
    for (const id of ids) {
      const a = src.getTrajectory(id);
      const b = dst.getTrajectory(id);
      // The unfinished one comes back interrupted: no process writes to it in the new store.
      if (a.status === 'running') {
        expect(b).toMatchObject({ status: 'interrupted', stopReason: 'interrupted' });
        expect({ ...b, status: a.status, stopReason: undefined }).toEqual({ ...a, stopReason: undefined });
      } else {
        expect(b).toEqual(a);
      }
      for (const s of b.steps) if (s.observation?.image) expect(dst.getBlob(s.observation.image).length).toBeGreaterThan(0);
      expect(dst.getOutcomes(id)).toEqual(src.getOutcomes(id));
      expect(dst.getAnnotations(id).map(({ seq: _s, ...a }) => a)).toEqual(src.getAnnotations(id).map(({ seq: _s, ...a }) => a));
    }
    // Idempotent: a second import skips every line and says why.
    const again = await importJsonl(dst, join(out, 'trajectories.jsonl'));
    expect(again.imported).toBe(0);
    expect(again.skipped).toEqual(lines.map((l, i) => ({ line: i + 1, id: l.id, reason: 'already in the store' })));
    src.close();
    dst.close();
  });

  it('exports only what the filter selects', async () => {
    const src = openStore(tempDir());
    const ids = fill(src);
    const out = tempDir();
    const rep = await exportJsonl(src, out, { app: 'clock', status: 'finished' });
    expect(rep.trajectories).toBe(2);
    const got = readFileSync(join(out, 'trajectories.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    expect(got).toEqual([ids[1], ids[0]]);
    const v = await exportJsonl(src, tempDir(), { verdict: 'success' });
    expect(v.trajectories).toBe(1);
    src.close();
  });

  it('fails an export with a clear error when a blob file is gone, leaving no partial JSONL', async () => {
    const src = openStore(tempDir());
    const ids = fill(src);
    const t = src.getTrajectory(ids[1]);
    rmSync(src.blobPath(t.steps[2].observation!.image!));
    const out = tempDir();
    await expect(exportJsonl(src, out)).rejects.toThrow(/is missing from the store/);
    expect(readdirSync(out).filter((f) => f.endsWith('.jsonl') || f.includes('.tmp'))).toEqual([]);
    src.close();
  });

  it('imports every good line of a damaged file and reports the bad ones', async () => {
    const src = openStore(tempDir());
    fill(src);
    const out = tempDir();
    await exportJsonl(src, out);
    const file = join(out, 'trajectories.jsonl');
    const good = readFileSync(file, 'utf8').trim().split('\n');
    const tampered = JSON.parse(good[1]);
    tampered.id = 'tampered';
    tampered.steps[0].observation.image = 'f'.repeat(64);
    const escaping = JSON.parse(good[1]);
    escaping.id = 'escaping';
    escaping.steps[0].observation.imageFile = '../../etc/passwd';
    const badAction = JSON.parse(good[1]);
    badAction.id = 'bad-action';
    badAction.steps[1].action = { type: 'fly' };
    const missing = JSON.parse(good[1]);
    missing.id = 'missing-image';
    missing.steps[1].observation.imageFile = 'images/nope.png';
    writeFileSync(file, [
      good[0], '{not json', '', JSON.stringify({ id: 'x' }), JSON.stringify(tampered), JSON.stringify(escaping), JSON.stringify(badAction), JSON.stringify(missing), good[2],
    ].join('\n') + '\n');
    appendFileSync(file, good[1].slice(0, 50)); // truncated last line, as after a crash
    const dst = openStore(tempDir());
    const rep = await importJsonl(dst, file);
    expect(rep.imported).toBe(2);
    const reasons = Object.fromEntries(rep.skipped.map((s) => [s.line, s.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 4, 5, 6, 7, 8, 10]);
    expect(reasons[2]).toMatch(/invalid JSON/);
    expect(reasons[4]).toMatch(/task/);
    expect(reasons[5]).toMatch(/does not match its sha256/);
    expect(reasons[6]).toMatch(/outside the export folder/);
    expect(reasons[7]).toMatch(/unknown action type "fly"/);
    expect(reasons[8]).toMatch(/images\/nope.png is missing/);
    expect(reasons[10]).toMatch(/invalid JSON/);
    // A rejected line leaves no partial trajectory.
    for (const id of ['tampered', 'escaping', 'bad-action', 'missing-image']) expect(dst.hasTrajectory(id)).toBe(false);
    expect(dst.integrityCheck()).toBe('ok');
    await expect(importJsonl(dst, join(out, 'none.jsonl'))).rejects.toThrow(/no such file/);
    expect(existsSync(file)).toBe(true);
    src.close();
    dst.close();
  });
});
