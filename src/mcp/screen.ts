/**
 * What a model reads about a screen without the pixels: a compact UI tree (one line per
 * useful node, boxes in norm1000) and a plain text summary of the visible texts. Both are
 * made here, on the device side; the privacy filter decides what of it leaves.
 */
import { deviceBoxToNorm, type Frame } from '../core/coords.js';
import { distance } from 'fastest-levenshtein';
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

/** A line of on-device OCR text, its box in device pixels. */
export interface ScreenTextLine {
  text: string;
  box: readonly [number, number, number, number];
}

const norm = (t: string) => t.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** OCR text the UI tree already says (same words on a node under it): not repeated. */
function coveredByTree(line: ScreenTextLine, nodes: readonly UiNode[]): boolean {
  const want = norm(line.text);
  if (!want) return true;
  const cx = (line.box[0] + line.box[2]) / 2, cy = (line.box[1] + line.box[3]) / 2;
  return nodes.some((n) => {
    const [l, t, r, b] = n.bounds;
    if (cx < l || cx > r || cy < t || cy > b) return false;
    const have = norm(`${n.text} ${n.desc}`);
    return have.includes(want) || want.includes(have) && have.length >= want.length * 0.6 || distance(have, want) <= Math.max(1, Math.floor(want.length * 0.25));
  }) || spannedTexts(line, nodes, want);
}

/** One OCR line across several small nodes (a status bar: "09:41", "82%"): covered when they make up most of it. */
function spannedTexts(line: ScreenTextLine, nodes: readonly UiNode[], want: string): boolean {
  const [l, t, r, b] = line.box;
  const within = nodes.filter((n) => {
    const cx = (n.bounds[0] + n.bounds[2]) / 2, cy = (n.bounds[1] + n.bounds[3]) / 2;
    return cx >= l && cx <= r && cy >= t && cy <= b;
  }).map((n) => norm(n.text || n.desc)).filter((x) => x && want.includes(x));
  return within.join('').length >= want.length * 0.6;
}

/**
 * Visible texts top to bottom, deduplicated: what a sighted user would read off the screen.
 * UI tree texts (clickable ones in [brackets]) merged with OCR lines the tree does not have
 * (text drawn into pictures or canvases, or a device without a UI tree).
 */
export function screenSummary(tree: UiTree | undefined, frame: Frame, app?: string, ocr: readonly ScreenTextLine[] = []): string {
  const nodes = (tree ?? []).filter((n) => visible(n, frame) && (n.text || n.desc));
  const items: { top: number; left: number; line: string; key: string }[] = [];
  for (const n of nodes) {
    const t = (n.text || n.desc).trim();
    if (t) items.push({ top: n.bounds[1], left: n.bounds[0], line: n.clickable ? `[${t}]` : t, key: t });
  }
  for (const o of ocr) if (!coveredByTree(o, nodes)) items.push({ top: o.box[1], left: o.box[0], line: o.text, key: o.text });
  items.sort((a, b) => a.top - b.top || a.left - b.left);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const it of items) {
    if (seen.has(it.key)) continue;
    seen.add(it.key);
    lines.push(it.line);
  }
  return `${app ? `app: ${app}\n` : ''}${lines.join('\n')}`;
}
