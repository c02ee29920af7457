/**
 * Resolving a Target (an element named by id, text or partial text) against a UI tree, and
 * deciding whether it can be tapped right now or must first be scrolled into view.
 */
import type { Box } from '../core/coords.js';
import { deviceBoxToNorm } from '../core/coords.js';
import type { Frame } from '../core/coords.js';
import { nodeAt, type UiNode, type UiTree } from '../core/uitree.js';
import type { Target } from '../sandbox/framework.js';

export function idOf(n: UiNode): string {
  const i = n.resourceId.indexOf(':id/');
  return i >= 0 ? n.resourceId.slice(i + 4) : n.resourceId;
}

function isWithin(tree: UiTree, n: UiNode, ancestorId: string): boolean {
  let p = n.parent >= 0 ? tree[n.parent] : undefined;
  while (p) {
    if (idOf(p) === ancestorId) return true;
    p = p.parent >= 0 ? tree[p.parent] : undefined;
  }
  return false;
}

export function matches(tree: UiTree, n: UiNode, t: Target): boolean {
  if (t.id !== undefined && idOf(n) !== t.id) return false;
  if (t.text !== undefined && n.text.trim() !== t.text && n.desc.trim() !== t.text) return false;
  if (t.contains !== undefined && !n.text.includes(t.contains) && !n.desc.includes(t.contains)) return false;
  if (t.within !== undefined && !isWithin(tree, n, t.within)) return false;
  return t.id !== undefined || t.text !== undefined || t.contains !== undefined;
}

/**
 * The element a target names. Without `nth`, a match a tap can reach wins over one hidden under
 * a dialog or sheet (an app-bar "Delete" icon behind a "Delete" confirmation button).
 */
export function findTarget(tree: UiTree, t: Target, frame?: Frame): UiNode | undefined {
  const hits = tree.filter((n) => matches(tree, n, t));
  if (t.nth !== undefined || !frame || hits.length < 2) return hits[t.nth ?? 0];
  return hits.find((n) => reachability(tree, n, frame).kind === 'tappable') ?? hits[0];
}

export function describeTarget(t: Target): string {
  const parts = [t.id && `id=${t.id}`, t.text && `text="${t.text}"`, t.contains && `contains="${t.contains}"`, t.within && `within=${t.within}`, t.nth && `nth=${t.nth}`];
  return parts.filter(Boolean).join(' ');
}

function scrollAncestor(tree: UiTree, n: UiNode): UiNode | undefined {
  let p = n.parent >= 0 ? tree[n.parent] : undefined;
  while (p) {
    if (p.scrollable) return p;
    p = p.parent >= 0 ? tree[p.parent] : undefined;
  }
  return undefined;
}

function related(tree: UiTree, a: UiNode, b: UiNode): boolean {
  const isAncestor = (x: UiNode, y: UiNode) => {
    let p: UiNode | undefined = y;
    while (p) {
      if (p.index === x.index) return true;
      p = p.parent >= 0 ? tree[p.parent] : undefined;
    }
    return false;
  };
  return isAncestor(a, b) || isAncestor(b, a);
}

export type Reachability =
  | { kind: 'tappable'; point: [number, number]; box: Box }
  | { kind: 'covered'; by: UiNode }
  | { kind: 'clipped'; container: UiNode; direction: 'up' | 'down' | 'left' | 'right' };

/**
 * Whether a tap can reach the node: its centre must lie inside its scroll container's viewport,
 * and some point of it must not be under something else (a floating button, the keyboard, a
 * system bar). Like a person, it taps the centre when free, otherwise the nearest free part.
 */
export function reachability(tree: UiTree, n: UiNode, frame: Frame): Reachability {
  const [l, t, r, b] = n.bounds;
  const cx = Math.round((l + r) / 2);
  const cy = Math.round((t + b) / 2);
  const sc = scrollAncestor(tree, n);
  if (sc) {
    const [sl, st, sr, sb] = sc.bounds;
    const margin = 8;
    if (cy < st + margin) return { kind: 'clipped', container: sc, direction: 'up' };
    if (cy > sb - margin) return { kind: 'clipped', container: sc, direction: 'down' };
    if (cx < sl + margin) return { kind: 'clipped', container: sc, direction: 'left' };
    if (cx > sr - margin) return { kind: 'clipped', container: sc, direction: 'right' };
  }
  const reaches = (x: number, y: number) => {
    const hit = nodeAt(tree, x, y);
    return !hit || related(tree, hit, n) ? undefined : hit;
  };
  const blocker = reaches(cx, cy);
  let px = cx, py = cy;
  if (blocker) {
    const free = candidatePoints(n.bounds).find(([x, y]) => !reaches(x, y));
    if (!free) return { kind: 'covered', by: blocker };
    [px, py] = free;
  }
  const box = deviceBoxToNorm(n.bounds, frame);
  const point: [number, number] = [
    Math.min(1000, Math.max(0, Math.round((1000 * px) / frame.width))),
    Math.min(1000, Math.max(0, Math.round((1000 * py) / frame.height))),
  ];
  return { kind: 'tappable', point, box };
}

/** Points inside a box from the centre outwards, kept off the very edge. */
function candidatePoints([l, t, r, b]: readonly [number, number, number, number]): [number, number][] {
  const out: [number, number][] = [];
  for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85, 0.05]) {
    out.push([Math.round(l + fx * (r - l)), Math.round(t + fy * (b - t))]);
  }
  return out;
}

/** The main scroll container of a screen: the largest scrollable node. */
export function mainScrollable(tree: UiTree): UiNode | undefined {
  let best: UiNode | undefined;
  let area = 0;
  for (const n of tree) {
    if (!n.scrollable) continue;
    const a = (n.bounds[2] - n.bounds[0]) * (n.bounds[3] - n.bounds[1]);
    if (a > area) { best = n; area = a; }
  }
  return best;
}

export function nodeCenterNorm(n: UiNode, frame: Frame): [number, number] {
  const box = deviceBoxToNorm(n.bounds, frame);
  return [Math.round((box[0] + box[2]) / 2), Math.round((box[1] + box[3]) / 2)];
}
