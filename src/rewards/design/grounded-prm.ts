/**
 * GroundedPRM: step labels verified by a tool, aggregated over a search tree. arXiv 2510.14942
 * (REWARDS-2.md 22, read in third-party code). For GUI trajectories the "tool" is the device:
 * a step is verified against the state it produced (a callback, or recorded state diffs).
 */
import { RewardInputError } from '../util.js';

/** V = (1/N) sum_i v_i (N - i) / N over 0-based i (earlier verdicts weigh more); value = V + F / N. */
export function rolloutValue(verdicts: readonly number[], final: number): { v: number; value: number } {
  const n = verdicts.length;
  if (n === 0) return { v: 0, value: final };
  let s = 0;
  verdicts.forEach((x, i) => (s += x * (n - i) / n));
  const v = s / n;
  return { v, value: v + final / n };
}

/** What each ancestor receives: decay^d value at distance d = 1, 2, ... (code: decay 0.9). */
export function ancestorCredits(value: number, depth: number, decay = 0.9): number[] {
  return Array.from({ length: depth }, (_, d) => decay ** (d + 1) * value);
}

/** A search tree whose nodes accumulate decayed rollout values (MCTS-style backup). */
export class GroundedTree {
  private readonly parent = new Map<string, string | null>();
  private readonly total = new Map<string, number>();
  private readonly visits = new Map<string, number>();

  add(id: string, parent: string | null): void {
    if (parent !== null && !this.parent.has(parent)) throw new RewardInputError('parent', `node ${JSON.stringify(parent)} is unknown`, 'add a parent before its children');
    this.parent.set(id, parent);
  }

  /** Credit value to the node a rollout started from, and decay^d value to its ancestors. */
  backup(from: string, value: number, decay = 0.9): void {
    if (!this.parent.has(from)) throw new RewardInputError('from', `node ${JSON.stringify(from)} is unknown`, 'back up from a node of the tree');
    let node: string | null = from, w = 1;
    while (node !== null) {
      this.total.set(node, (this.total.get(node) ?? 0) + w * value);
      this.visits.set(node, (this.visits.get(node) ?? 0) + 1);
      w *= decay;
      node = this.parent.get(node) ?? null;
    }
  }

  /** Accumulated credit and visit count per node. */
  stats(): Record<string, { total: number; visits: number; mean: number }> {
    const out: Record<string, { total: number; visits: number; mean: number }> = {};
    for (const id of this.parent.keys()) {
      const total = this.total.get(id) ?? 0, visits = this.visits.get(id) ?? 0;
      out[id] = { total, visits, mean: visits === 0 ? 0 : total / visits };
    }
    return out;
  }
}

export interface GroundedRollout {
  /** The tree node the rollout started from (the step being labelled). */
  from: string;
  verdicts: readonly number[];
  final: number;
}

/**
 * Build the tree, back up every rollout's value, and label each node: +1 when its mean backed-up
 * value is above the threshold (OURS, default 0), -1 below or at it, null when no rollout reached it.
 */
export function groundedTreeLabels(nodes: readonly { id: string; parent: string | null }[], rollouts: readonly GroundedRollout[], decay = 0.9, threshold = 0) {
  const t = new GroundedTree();
  // Parents first, whatever order the caller listed them in: breadth-first from the roots.
  const children = new Map<string | null, string[]>();
  for (const n of nodes) (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n.id);
  const queue: [string, string | null][] = (children.get(null) ?? []).map((id) => [id, null]);
  for (let i = 0; i < queue.length; i++) {
    const [id, parent] = queue[i];
    t.add(id, parent);
    for (const c of children.get(id) ?? []) queue.push([c, id]);
  }
  if (queue.length !== nodes.length) throw new RewardInputError('nodes', `${nodes.length - queue.length} node(s) have an unknown parent, sit on a cycle or repeat an id`, 'give each node a unique id and a parent that is a node of the tree (null for the root)');
  rollouts.forEach((r) => t.backup(r.from, rolloutValue(r.verdicts, r.final).value, decay));
  const stats = t.stats();
  const labels: Record<string, number | null> = {};
  for (const [id, s] of Object.entries(stats)) labels[id] = s.visits === 0 ? null : s.mean > threshold ? 1 : -1;
  return { stats, labels };
}

/** Verdict +1 / -1 for a GUI step from the device state it produced. */
export type StepVerifier<S> = (step: number, before: S, after: S) => boolean;

/** Verify every step of a recorded trajectory (states has steps + 1 entries). */
export function verifySteps<S>(states: readonly S[], verify: StepVerifier<S>): number[] {
  return states.slice(1).map((after, i) => (verify(i, states[i], after) ? 1 : -1));
}

/**
 * Verdicts from recorded state diffs (e.g. CSRS `diffScreens` output, or a sandbox app-state
 * diff): a step passes when every key it expects is present in its diff and matches. An
 * expected array matches when the recorded array contains all its items (so `appeared:
 * ['Wi-Fi']` accepts a screen where more text appeared); anything else must be JSON-equal.
 * A step with no expectation (null) passes.
 */
export function verifyDiffs(diffs: readonly Record<string, unknown>[], expect: readonly (Record<string, unknown> | null)[]): number[] {
  if (diffs.length !== expect.length) throw new RewardInputError('expect', `has ${expect.length} entries for ${diffs.length} diffs`, 'give one expectation (or null) per recorded step');
  return diffs.map((d, i) => {
    const e = expect[i];
    if (!e) return 1;
    return Object.entries(e).every(([k, v]) => k in d && matches(d[k], v)) ? 1 : -1;
  });
}

function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const have = new Set(actual.map((x) => JSON.stringify(x)));
    return expected.every((x) => have.has(JSON.stringify(x)));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}
