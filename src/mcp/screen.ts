/**
 * What a model reads about a screen without the pixels: a compact UI tree (one line per
 * useful node, boxes in norm1000) and a plain text summary of the visible texts. Both are
 * made here, on the device side; the privacy filter decides what of it leaves.
 */
import { deviceBoxToNorm, type Frame } from '../core/coords.js';
import { findNodes, type UiNode, type UiTree } from '../core/uitree.js';

export interface CompactNode {
  index: number;
  role: string;
  text?: string;
  desc?: string;
  id?: string;
  /** norm1000 center: tap here to hit the node. */
  center: [number, number];
  box: [number, number, number, number];
  flags?: string[];
}

const shortClass = (c: string) => c.slice(c.lastIndexOf('.') + 1);

function useful(n: UiNode): boolean {
  return !!(n.text || n.desc || n.clickable || n.scrollable || n.checkable || /EditText/.test(n.class));
}

function visible(n: UiNode, frame: Frame): boolean {
  const [l, t, r, b] = n.bounds;
  return r > l && b > t && r > 0 && b > 0 && l < frame.width && t < frame.height;
}

export function compactTree(tree: UiTree, frame: Frame, query?: string, limit = 200): { nodes: CompactNode[]; total: number } {
  const pool = (query ? findNodes(tree, query) : tree).filter((n) => useful(n) && visible(n, frame));
  const nodes = pool.slice(0, limit).map((n): CompactNode => {
    const box = deviceBoxToNorm(n.bounds, frame);
    const flags = [
      n.clickable && 'clickable', n.scrollable && 'scrollable', /EditText/.test(n.class) && 'editable',
      n.checkable && (n.checked ? 'checked' : 'unchecked'), n.selected && 'selected', n.focused && 'focused', !n.enabled && 'disabled',
    ].filter((f): f is string => !!f);
    return {
      index: n.index,
      role: shortClass(n.class),
      ...(n.text ? { text: n.text } : {}),
      ...(n.desc ? { desc: n.desc } : {}),
      ...(n.resourceId ? { id: n.resourceId } : {}),
      center: [Math.round((box[0] + box[2]) / 2), Math.round((box[1] + box[3]) / 2)],
      box,
      ...(flags.length ? { flags } : {}),
    };
  });
  return { nodes, total: pool.length };
}

/** One line per node: `[12] Button "Add to cart" id=add-cart @(500,812) clickable`. */
export function treeLines(nodes: readonly CompactNode[]): string[] {
  return nodes.map((n) => {
    const label = [n.text && JSON.stringify(n.text), n.desc && n.desc !== n.text && `desc=${JSON.stringify(n.desc)}`].filter(Boolean).join(' ');
    return `[${n.index}] ${n.role}${label ? ' ' + label : ''}${n.id ? ' id=' + n.id : ''} @(${n.center[0]},${n.center[1]})${n.flags ? ' ' + n.flags.join(' ') : ''}`;
  });
}

/** Visible texts top to bottom, deduplicated: what a sighted user would read off the screen. */
export function screenSummary(tree: UiTree, frame: Frame, app?: string): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  const nodes = tree.filter((n) => visible(n, frame) && (n.text || n.desc)).sort((a, b) => a.bounds[1] - b.bounds[1] || a.bounds[0] - b.bounds[0]);
  for (const n of nodes) {
    const t = (n.text || n.desc).trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    lines.push(n.clickable ? `[${t}]` : t);
  }
  return `${app ? `app: ${app}\n` : ''}${lines.join('\n')}`;
}
