/** Shared helpers for the sandbox device tests: one browser per file, the fixture page, node lookup. */
import { fileURLToPath } from 'node:url';
import { toNorm1000, type Frame } from '../../src/core/coords.js';
import type { UiNode } from '../../src/core/uitree.js';
import { SandboxBrowser } from '../../src/devices/sandbox/browser.js';

export const FIXTURE_ENTRY = fileURLToPath(new URL('../sandbox-shell/fixtures/page.ts', import.meta.url));

export function fixtureBrowser(): SandboxBrowser {
  return new SandboxBrowser({ page: { entry: FIXTURE_ENTRY } });
}

export function byId(tree: readonly UiNode[], id: string): UiNode {
  const n = tree.find((x) => x.resourceId.endsWith(`:id/${id}`));
  if (!n) throw new Error(`no node with id ${id}; ids: ${tree.map((x) => x.resourceId).filter(Boolean).join(', ')}`);
  return n;
}

export function byText(tree: readonly UiNode[], text: string): UiNode {
  const n = tree.find((x) => x.text === text) ?? tree.find((x) => x.desc === text);
  if (!n) throw new Error(`no node with text ${text}; texts: ${tree.map((x) => x.text || x.desc).filter(Boolean).join(' | ')}`);
  return n;
}

export function center(n: UiNode, frame: Frame): [number, number] {
  const [l, t, r, b] = n.bounds;
  return toNorm1000([(l + r) / 2, (t + b) / 2], 'device', frame);
}
