/**
 * The demo policy's mistake labels are CSRS's ground truth, so they must be honest: an
 * off-target tap that still lands in the target's clickable element does what the right tap
 * does and is labelled `injected_harmless`, not `injected`.
 */
import { describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import type { Observation } from '../../src/core/device.js';
import type { UiNode } from '../../src/core/uitree.js';

const PKG = 'com.test.app';
const node = (index: number, parent: number, bounds: [number, number, number, number], o: Partial<UiNode> = {}): UiNode => ({
  index, parent, bounds, class: 'android.view.View', text: '', desc: '', resourceId: '', clickable: false, focused: false, scrollable: false,
  checkable: false, checked: false, selected: false, enabled: true, package: PKG, ...o,
});
// A big clickable card with a small title: a tap just beside the title still opens the card.
const CARD = [node(0, -1, [0, 0, 1000, 2000]), node(1, 0, [0, 200, 1000, 900], { clickable: true, resourceId: `${PKG}:id/card` }), node(2, 1, [400, 500, 600, 560], { text: 'Title' })];
// A small stand-alone button: a tap beside it lands on nothing.
const BUTTON = [node(0, -1, [0, 0, 1000, 2000]), node(1, 0, [400, 500, 600, 560], { clickable: true, text: 'Title', resourceId: `${PKG}:id/btn` })];

/** The labels of every perturbed "Tap" over many seeds (noise 1: each seed injects something). */
async function tapLabels(tree: UiNode[]) {
  const out: Record<string, unknown>[] = [];
  for (let seed = 0; seed < 60; seed++) {
    const policy = new DemoPolicy({ noise: 1, seed, solutionFor: () => [{ do: 'tap', text: 'Title' }, { do: 'complete' }] });
    const observation: Observation = { frame: { id: 'f', width: 1000, height: 2000, rotation: 0 }, image: { format: 'png', data: Buffer.alloc(0) } as never, uiTree: tree, app: PKG, at: 0 };
    const d = await policy.decide({ task: { id: `t${seed}`, instruction: 'Open the card', app: PKG }, stepIndex: 0, observation, history: [], memory: {} });
    if (d.action?.type === 'click' && d.thought?.startsWith('Tap') && d.meta && ('injected' in d.meta || 'injected_harmless' in d.meta)) out.push(d.meta);
  }
  return out;
}

describe('demo policy mistake labels', () => {
  it('labels an off-target tap inside the same clickable element harmless, and one beside a button a mistake', async () => {
    const card = await tapLabels(CARD);
    expect(card.length).toBeGreaterThan(0);
    expect(card.every((m) => m.injected === undefined && m.injected_harmless === 'off_target')).toBe(true);
    const button = await tapLabels(BUTTON);
    expect(button.length).toBeGreaterThan(0);
    expect(button.every((m) => m.injected === 'off_target' && m.injected_harmless === undefined)).toBe(true);
  });
});
