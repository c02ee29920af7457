/**
 * UI tree nodes in one shape for every backend (uiautomator-like), so the same consumers
 * (reference solutions, MCP get_ui_tree, CSRS grounding, static-bench boxes) work on
 * Android, the sandbox phone and web pages.
 */
export interface UiNode {
  /** Stable within one tree: the node's position in document order. */
  index: number;
  /** Android-style class, e.g. android.widget.Button, android.widget.EditText. */
  class: string;
  text: string;
  /** content-desc on Android, aria-label on the web. */
  desc: string;
  /** resource-id on Android, data-id / id on the sandbox and web. */
  resourceId: string;
  /** Device pixels as displayed: [left, top, right, bottom]. */
  bounds: [number, number, number, number];
  clickable: boolean;
  focused: boolean;
  scrollable: boolean;
  checkable: boolean;
  checked: boolean;
  selected: boolean;
  enabled: boolean;
  /** Index of the parent node, -1 for the root. */
  parent: number;
  /** The app (package) the node belongs to. */
  package?: string;
}

/** Nodes in document order; a flat list is cheaper to serialize and search than a nested tree. */
export type UiTree = UiNode[];

/** Nodes whose text, desc or resourceId contains `query` (case-insensitive). */
export function findNodes(tree: UiTree, query: string): UiNode[] {
  const q = query.toLowerCase();
  return tree.filter(
    (n) => n.text.toLowerCase().includes(q) || n.desc.toLowerCase().includes(q) || n.resourceId.toLowerCase().includes(q),
  );
}

/**
 * The node a tap at a device-pixel point reaches: the topmost one containing it, preferring
 * clickable nodes. Nodes are in document order, and later nodes paint over earlier ones
 * (children over parents, overlays, keyboards and system bars over app content), so the
 * topmost is the one with the highest index.
 */
export function nodeAt(tree: UiTree, x: number, y: number): UiNode | undefined {
  let best: UiNode | undefined;
  for (const n of tree) {
    const [l, t, r, b] = n.bounds;
    if (x < l || x >= r || y < t || y >= b) continue;
    if (!best || n.clickable || !best.clickable) best = n;
  }
  return best;
}

/** What a tap at device pixel (x, y) activates: the node there, or its nearest clickable ancestor. */
export function tapTarget(tree: UiTree, x: number, y: number): UiNode | undefined {
  const hit = nodeAt(tree, x, y);
  return hit && (clickableAncestor(tree, hit) ?? hit);
}

/** The nearest clickable ancestor-or-self of a node (what a tap on it would activate). */
export function clickableAncestor(tree: UiTree, node: UiNode): UiNode | undefined {
  let cur: UiNode | undefined = node;
  while (cur) {
    if (cur.clickable) return cur;
    cur = cur.parent >= 0 ? tree[cur.parent] : undefined;
  }
  return undefined;
}
