import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromStore } from '../../src/benchmarks/build-store.js';
import type { Action } from '../../src/core/actions.js';
import type { Step } from '../../src/core/trajectory.js';
import type { UiNode } from '../../src/core/uitree.js';
import { openStore, type Store } from '../../src/store/index.js';
import { png, tempDir } from './helpers.js';

function node(index: number, bounds: [number, number, number, number], clickable: boolean, parent = -1): UiNode {
  return { index, class: 'android.view.View', text: '', desc: '', resourceId: '', bounds, clickable, focused: false, scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent };
}

/** A 1000x2000 screen: a clickable card (its label a child) and, painted over it, a small button. */
const TREE = [node(0, [0, 0, 1000, 2000], false), node(1, [0, 400, 1000, 800], true, 0), node(2, [100, 500, 600, 600], false, 1), node(3, [800, 700, 900, 780], true, 0)];

async function record(store: Store, verdict: 'success' | 'failure', steps: { action: Action; ok?: boolean; meta?: Record<string, unknown>; summary?: string }[]): Promise<string> {
  const t = store.createTrajectory({ task: { id: `t-${verdict}`, instruction: 'open the card' } });
  const image = store.putBlob(await png(100, 200));
  const uiTree = store.putBlob(Buffer.from(JSON.stringify(TREE)));
  steps.forEach((s, index) => {
    const step: Step = {
      index, action: s.action, result: { ok: s.ok ?? true },
      observation: { frameId: `f${index}`, image, format: 'png', width: 1000, height: 2000, uiTree },
      model: { raw: '', action: s.action, ...(s.summary ? { summary: s.summary } : {}) },
      ...(s.meta ? { meta: s.meta } : {}),
    };
    store.appendStep(t.id, step);
  });
  store.finishTrajectory(t.id, { stopReason: 'completed' });
  store.setOutcome(t.id, { verdict, confidence: 1, source: 'verifier' });
  return t.id;
}

describe('static rows from store trajectories', () => {
  it('takes verified steps whose actions worked; boxes are the clickable element a tap reaches', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'store'));
    try {
      const id = await record(store, 'success', [
        { action: { type: 'open_app', app: 'Cards' }, summary: 'opened Cards' },
        { action: { type: 'click', point: [300, 275] }, meta: { injected: 'detour' } },
        { action: { type: 'key', key: 'back' }, meta: { injected: 'detour_undo' } },
        { action: { type: 'click', point: [300, 1000] }, ok: false },
        { action: { type: 'click', point: [300, 275] } },
        { action: { type: 'click', point: [850, 370] } },
        { action: { type: 'complete', answer: '' } },
      ]);
      await record(store, 'failure', [{ action: { type: 'click', point: [1, 1] } }]);
      const rows = await buildFromStore(store, { outDir: join(dir, 'set'), appNames: (a) => (a === 'Cards' ? ['Cards', 'Karten'] : undefined) });
      expect(rows.map((r) => r.id)).toEqual([`${id}/0`, `${id}/4`, `${id}/5`, `${id}/6`]);
      // The tap lands on the label (a child); the valid target is the clickable card around it.
      expect(rows[1].boxes).toEqual([[0, 200, 1000, 400]]);
      // The button painted over the card is what a tap there reaches.
      expect(rows[2].boxes).toEqual([[800, 350, 900, 390]]);
      expect(rows[0].app_names).toEqual(['Cards', 'Karten']);
      // History keeps every earlier action, injected ones included: they happened on the device.
      expect(rows[1].history.map((h) => h.action?.type)).toEqual(['open_app', 'click', 'key', 'click']);
      expect(rows[1].history[0].summary).toBe('opened Cards');
      expect(rows[1].screenshot).toMatch(/^images\/.+_4\.png$/);
      const all = await buildFromStore(store, { outDir: join(dir, 'set2'), anyVerdict: true });
      expect(all.some((r) => r.gt.type === 'click' && (r.gt as { point: number[] }).point[0] === 1)).toBe(true);
    } finally {
      store.close();
    }
  });
});
