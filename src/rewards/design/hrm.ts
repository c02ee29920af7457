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

function index(nodes: readonly TreeNode[]) {
  const byId = new Map<string, TreeNode>();
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (byId.has(n.id)) throw new RewardInputError('nodes', `id ${JSON.stringify(n.id)} appears twice`, 'give every node a unique id');
    byId.set(n.id, n);
  }
  for (const n of nodes) {
    if (n.parent === null) continue;
    if (!byId.has(n.parent)) throw new RewardInputError('nodes', `node ${JSON.stringify(n.id)} has unknown parent ${JSON.stringify(n.parent)}`, 'every parent must be a node of the tree (null for the root)');
    (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n.id);
  }
  // Breadth-first from the roots; a node never reached sits on a parent cycle. Iterative, so deep trees cannot overflow the stack.
  const order: string[] = nodes.filter((n) => n.parent === null).map((n) => n.id);
  for (let i = 0; i < order.length; i++) for (const k of children.get(order[i]) ?? []) order.push(k);
  if (order.length !== nodes.length) {
    const reached = new Set(order);
    const stuck = nodes.find((n) => !reached.has(n.id))!;
    throw new RewardInputError('nodes', `cycle through ${JSON.stringify(stuck.id)}`, 'the parent links must form a tree');
  }
  return { byId, children, order };
}

/** MC label per node: correct leaves / leaves in its subtree (a leaf: 1 or 0). */
export function mcTreeLabels(nodes: readonly TreeNode[]): Record<string, number> {
  const { byId, children, order } = index(nodes);
  const counts = new Map<string, [number, number]>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i], kids = children.get(id) ?? [];
    counts.set(id, kids.length === 0 ? [byId.get(id)!.correct ? 1 : 0, 1] : kids.reduce<[number, number]>((a, k) => { const c = counts.get(k)!; return [a[0] + c[0], a[1] + c[1]]; }, [0, 0]));
  }
  const labels: Record<string, number> = {};
  for (const n of nodes) {
    const [c, l] = counts.get(n.id)!;
    labels[n.id] = c / l;
  }
  return labels;
}

/** Training examples: every non-root node as a single step and, with a parent step, as a merged pair. */
export function hrmExamples(nodes: readonly TreeNode[], separator = '\n'): HrmExample[] {
  const { byId } = index(nodes);
  const labels = mcTreeLabels(nodes);
  const pathOf = (id: string): string[] => {
    const steps: string[] = [];
    for (let n = byId.get(id); n && n.parent !== null; n = byId.get(n.parent)) steps.unshift(n.step);
    return steps;
  };
  const out: HrmExample[] = [];
  for (const n of nodes) {
    if (n.parent === null) continue;
    const path = pathOf(n.id);
    out.push({ node: n.id, kind: 'single', context: path.slice(0, -1), unit: path[path.length - 1], label: labels[n.id] });
    if (path.length >= 2) out.push({ node: n.id, kind: 'merged', context: path.slice(0, -2), unit: path.slice(-2).join(separator), label: labels[n.id] });
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
  const { byId, children, order } = index(nodes);
  const p = opts.p ?? 0.5, minChildren = opts.minChildren ?? 4, minHeight = opts.minHeight ?? 2, sep = opts.separator ?? '\n';
  const heights = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) heights.set(order[i], (children.get(order[i]) ?? []).reduce((h, k) => Math.max(h, heights.get(k)! + 1), 0));
  const height = (id: string) => heights.get(id)!;
  const out = new Map(nodes.map((n) => [n.id, { ...n }]));
  for (const n of nodes) {
    const kids = children.get(n.id) ?? [];
    if (n.parent === null || kids.length < minChildren) continue;
    const eligible = kids.filter((k) => height(k) >= minHeight);
    if (eligible.length === 0 || !opts.rng.chance(p)) continue;
    const moved = out.get(opts.rng.pick(eligible))!;
    moved.parent = n.parent;
    moved.step = `${byId.get(n.id)!.step}${sep}${byId.get(moved.id)!.step}`;
  }
  return [...out.values()];
}
