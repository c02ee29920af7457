/** Synthetic trajectories in a real temp store: tiny UI trees and a 1x1 screenshot per step. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Action } from '../../src/core/actions.js';
import type { Outcome, Step, StopReason } from '../../src/core/trajectory.js';
import type { UiNode } from '../../src/core/uitree.js';
import { openStore, type Store } from '../../src/store/index.js';

// The smallest valid PNG (1x1), so copied images are real files.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function tempStore(): Store {
  return openStore(mkdtempSync(join(tmpdir(), 'csrs-store-')));
}

/** A screen: one clickable button per label, stacked 200 px apart on a 1000x2000 phone. */
export function screen(labels: string[], app = 'com.test.app'): UiNode[] {
  const root: UiNode = node(0, '', '', [0, 0, 1000, 2000], false, -1, app);
  return [root, ...labels.map((l, i) => node(i + 1, l, `${app}:id/${l.toLowerCase().replace(/\W+/g, '-')}`, [0, 200 * i, 1000, 200 * i + 180], true, 0, app))];
}

function node(index: number, text: string, resourceId: string, bounds: [number, number, number, number], clickable: boolean, parent: number, pkg: string): UiNode {
  return { index, class: clickable ? 'android.widget.Button' : 'android.widget.FrameLayout', text, desc: '', resourceId, bounds, clickable, focused: false, scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent, package: pkg };
}

/** Norm1000 point at the centre of button `k` of a screen() tree. */
export const button = (k: number): [number, number] => [500, Math.round((200 * k + 90) / 2)];

export interface FakeStep { screen: UiNode[]; action: Action; injected?: string; ok?: boolean }

export function putTrajectory(store: Store, o: { taskId?: string; instruction?: string; steps: FakeStep[]; stop: StopReason; answer?: string; outcome?: Outcome; expect?: string; params?: Record<string, unknown> }): string {
  const t = store.createTrajectory({ task: { id: o.taskId ?? 'task-1', instruction: o.instruction ?? 'Do the thing', app: 'test', params: o.params, meta: o.expect ? { expect: o.expect } : {} } });
  const img = store.putBlob(PNG);
  o.steps.forEach((s, i) => {
    const tree = store.putBlob(Buffer.from(JSON.stringify(s.screen)));
    const step: Step = {
      index: i,
      observation: { frameId: `f${i}`, image: img, format: 'png', width: 1000, height: 2000, rotation: 0, uiTree: tree, app: s.screen[0]?.package },
      model: { raw: '', thought: `step ${i}`, action: s.action },
      action: s.action,
      result: { ok: s.ok ?? true },
      ...(s.injected ? { meta: { injected: s.injected } } : {}),
    };
    store.appendStep(t.id, step);
  });
  store.finishTrajectory(t.id, { stopReason: o.stop, answer: o.answer });
  if (o.outcome) store.setOutcome(t.id, o.outcome);
  return t.id;
}

export const verifier = (verdict: 'success' | 'failure'): Outcome => ({ verdict, confidence: 1, source: 'verifier', by: 'test' });
