/**
 * What a step really shows: the UI trees before and after it (the after screen is the next
 * step's observation), the element under its point, and what changed between the two.
 * System bars are left out of comparisons: their clock and battery change on their own.
 */
import { createHash } from 'node:crypto';
import type { Action } from '../core/actions.js';
import { toDevicePixel, type Frame } from '../core/coords.js';
import type { ObservationRef, Trajectory } from '../core/trajectory.js';
import { tapTarget, type UiNode, type UiTree } from '../core/uitree.js';

const SYSTEM_PACKAGES = new Set(['com.android.systemui']);
const KEYBOARD_HINT = /inputmethod|keyboard/i;

export interface Screen {
  tree: UiTree;
  app?: string;
  /** Hash of the app's own nodes: equal signatures = the same screen. */
  signature: string;
  /**
   * Hash of what the screen says (ids and texts, no keyboard, no positions or focus): equal
   * when a back only restored the content but the keyboard or a scroll offset differs.
   */
  content: string;
  /** The items behind `content`, sorted: for similarity when content is almost equal. */
  items: string[];
  /** Visible texts (text or desc) of app nodes, deduplicated, document order. */
  texts: string[];
  image?: string;
}

export interface ElementInfo {
  text: string;
  desc: string;
  resourceId: string;
  class: string;
  clickable: boolean;
  bounds: [number, number, number, number];
}

export interface ScreenDiff {
  changed: boolean;
  appChanged: boolean;
  appeared: string[];
  disappeared: string[];
}

/** Loads a UI tree blob (JSON) by sha; undefined when the step kept no tree. */
export type TreeLoader = (sha: string) => UiTree;

export function screenOf(ref: ObservationRef | undefined, load: TreeLoader): Screen | undefined {
  if (!ref?.uiTree) return undefined;
  const tree = load(ref.uiTree);
  const own = tree.filter((n) => !n.package || !SYSTEM_PACKAGES.has(n.package));
  const h = createHash('sha256');
  const texts: string[] = [];
  const content: string[] = [];
  const seen = new Set<string>();
  for (const n of own) {
    h.update(`${n.package}|${n.class}|${n.text}|${n.desc}|${n.resourceId}|${n.bounds.join(',')}|${+n.checked}${+n.selected}${+n.focused}\n`);
    if (!KEYBOARD_HINT.test(n.package ?? '') && (n.text || n.desc || n.resourceId)) content.push(`${n.resourceId}|${n.text}|${n.desc}|${+n.checked}${+n.selected}`);
    const t = (n.text || n.desc).trim();
    if (t && !seen.has(t)) { seen.add(t); texts.push(t); }
  }
  const items = [...new Set(content)].sort();
  const c = createHash('sha256').update(items.join('\n')).digest('hex');
  return { tree, app: ref.app, signature: h.digest('hex'), content: c, items, texts, image: ref.image };
}

export function diffScreens(before: Screen, after: Screen): ScreenDiff {
  const a = new Set(before.texts);
  const b = new Set(after.texts);
  return {
    changed: before.signature !== after.signature,
    appChanged: (before.app ?? '') !== (after.app ?? ''),
    appeared: after.texts.filter((t) => !a.has(t)),
    disappeared: before.texts.filter((t) => !b.has(t)),
  };
}

/** Jaccard similarity of two screens' content items (1 = same content). */
export function similarity(a: Screen, b: Screen): number {
  if (a.content === b.content) return 1;
  const set = new Set(a.items);
  const both = b.items.filter((x) => set.has(x)).length;
  const union = set.size + b.items.length - both;
  return union === 0 ? 1 : both / union;
}

export function keyboardOpen(s: Screen): boolean {
  return s.tree.some((n) => KEYBOARD_HINT.test(n.package ?? ''));
}

/** The element a pointing action lands on (its clickable ancestor when there is one). */
export function elementUnder(action: Action | undefined, ref: ObservationRef | undefined, screen: Screen | undefined): ElementInfo | undefined {
  if (!action || !screen || !ref || !('point' in action) || !action.point) return undefined;
  const frame: Frame = { id: ref.frameId, width: ref.width, height: ref.height, rotation: ref.rotation ?? 0 };
  let px: [number, number];
  try {
    px = toDevicePixel(action.point as [number, number], frame);
  } catch {
    return undefined; // a point off the grid lands on nothing
  }
  const n = tapTarget(screen.tree, px[0], px[1]);
  if (!n) return undefined;
  // A clickable row often has no text itself: name it by its first texted descendant.
  const label = n.text || n.desc ? n : screen.tree.find((c) => isInside(c, n) && (c.text || c.desc)) ?? n;
  return { text: label.text, desc: label.desc, resourceId: n.resourceId, class: n.class, clickable: n.clickable, bounds: n.bounds };
}

function isInside(c: UiNode, n: UiNode): boolean {
  return c.index > n.index && c.bounds[0] >= n.bounds[0] && c.bounds[1] >= n.bounds[1] && c.bounds[2] <= n.bounds[2] && c.bounds[3] <= n.bounds[3];
}

/** Screens before each step plus the screen after the last step, when the trajectory has it. */
export function screensOf(t: Trajectory, load: TreeLoader): (Screen | undefined)[] {
  return t.steps.map((s) => screenOf(s.observation, load));
}

/** A short human name for an element: its text, desc or id. */
export function elementName(e: ElementInfo | undefined): string {
  if (!e) return 'nothing';
  const id = e.resourceId.replace(/^.*:id\//, '');
  return e.text ? `"${e.text}"` : e.desc ? `"${e.desc}"` : id ? `#${id}` : e.class.replace(/^.*\./, '');
}
