/**
 * HRM hierarchical step rewards and HNC node-compression augmentation. arXiv 2503.13551
 * (REWARDS-2.md 8, read in the authors' code). A reasoning (or GUI) tree is labelled by Monte
 * Carlo: a node's label is the share of correct leaves below it. HRM trains on single steps and
 * on merged consecutive pairs, so a wrong click followed by a corrective back counts as one unit.
 */
import type { Rng } from '../../core/random.js';
import { RewardInputError } from '../util.js';

export interface TreeNode {
  id: string;
  /** null for the root (the task prompt). */
  parent: string | null;
  step: string;
  /** For leaves: did the finished trajectory succeed. */
  correct?: boolean;
}

export interface HrmExample {
  node: string;
  kind: 'single' | 'merged';
  /** Steps before the unit being labelled (root excluded). */
  context: string[];
  /** The labelled unit: one step, or the last two steps joined. */
  unit: string;
  label: number;
}

/** Integer-indexed view of the tree: positions, parent positions, children lists and a root-first order. */
function index(nodes: readonly TreeNode[]) {
  const pos = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (pos.has(n.id)) throw new RewardInputError('nodes', `id ${JSON.stringify(n.id)} appears twice`, 'give every node a unique id');
    pos.set(n.id, i);
  });
  const parent = new Int32Array(nodes.length).fill(-1);
  const children: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    if (n.parent === null) return;
    const p = pos.get(n.parent);
    if (p === undefined) throw new RewardInputError('nodes', `node ${JSON.stringify(n.id)} has unknown parent ${JSON.stringify(n.parent)}`, 'every parent must be a node of the tree (null for the root)');
    parent[i] = p;
    children[p].push(i);
  });
  // Breadth-first from the roots; a node never reached sits on a parent cycle. Iterative, so deep trees cannot overflow the stack.
  const order: number[] = [];
  nodes.forEach((n, i) => { if (n.parent === null) order.push(i); });
  for (let k = 0; k < order.length; k++) for (const c of children[order[k]]) order.push(c);
  if (order.length !== nodes.length) {
    const reached = new Uint8Array(nodes.length);
    for (const i of order) reached[i] = 1;
    const stuck = nodes[reached.indexOf(0)];
    throw new RewardInputError('nodes', `cycle through ${JSON.stringify(stuck.id)}`, 'the parent links must form a tree');
  }
  return { parent, children, order };
}

/** Share of correct leaves under each node, by position. */
function leafShares(nodes: readonly TreeNode[], children: readonly number[][], order: readonly number[]): Float64Array {
  const correct = new Float64Array(nodes.length), leaves = new Float64Array(nodes.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (children[i].length === 0) { correct[i] = nodes[i].correct ? 1 : 0; leaves[i] = 1; continue; }
    for (const c of children[i]) { correct[i] += correct[c]; leaves[i] += leaves[c]; }
  }
  return correct.map((c, i) => c / leaves[i]);
}

/** MC label per node: correct leaves / leaves in its subtree (a leaf: 1 or 0). */
export function mcTreeLabels(nodes: readonly TreeNode[]): Record<string, number> {
  const { children, order } = index(nodes);
  const share = leafShares(nodes, children, order);
  const labels: Record<string, number> = {};
  nodes.forEach((n, i) => (labels[n.id] = share[i]));
  return labels;
}

/** Training examples: every non-root node as a single step and, with a parent step, as a merged pair. */
export function hrmExamples(nodes: readonly TreeNode[], separator = '\n'): HrmExample[] {
  const { parent, children, order } = index(nodes);
  const share = leafShares(nodes, children, order);
  // Root-first order: a node's path is its parent's path plus its own step (roots contribute none).
  const paths: string[][] = new Array(nodes.length);
  const out: HrmExample[] = [];
  for (const i of order) {
    const n = nodes[i];
    if (parent[i] < 0) { paths[i] = []; continue; }
    const path = (paths[i] = [...paths[parent[i]], n.step]);
    out.push({ node: n.id, kind: 'single', context: path.slice(0, -1), unit: n.step, label: share[i] });
    if (path.length >= 2) out.push({ node: n.id, kind: 'merged', context: path.slice(0, -2), unit: path.slice(-2).join(separator), label: share[i] });
  }
  return out;
}

export interface HncOptions {
  /** Probability of compressing an eligible node (code: 0.5). */
  p?: number;
  /** A node needs at least this many children (code: 4). */
  minChildren?: number;
  /** The moved child's height in edges down to its deepest leaf, at least (code: 2). */
  minHeight?: number;
  separator?: string;
  rng: Rng;
}

/**
 * HNC: for a node with >= minChildren children, with probability p move one child of height
 * >= minHeight up to the grandparent; its step becomes the node's step joined with its own,
 * so every path keeps its full text. Returns a new node list (input untouched).
 */
export function hncAugment(nodes: readonly TreeNode[], opts: HncOptions): TreeNode[] {
  const { parent, children, order } = index(nodes);
  const p = opts.p ?? 0.5, minChildren = opts.minChildren ?? 4, minHeight = opts.minHeight ?? 2, sep = opts.separator ?? '\n';
  const height = new Int32Array(nodes.length);
  for (let k = order.length - 1; k >= 0; k--) for (const c of children[order[k]]) height[order[k]] = Math.max(height[order[k]], height[c] + 1);
  const out = nodes.map((n) => ({ ...n }));
  nodes.forEach((n, i) => {
    if (parent[i] < 0 || children[i].length < minChildren) return;
    const eligible = children[i].filter((c) => height[c] >= minHeight);
    if (eligible.length === 0 || !opts.rng.chance(p)) return;
    const c = opts.rng.pick(eligible);
    out[c].parent = n.parent;
    out[c].step = `${n.step}${sep}${nodes[c].step}`;
  });
  return out;
}
