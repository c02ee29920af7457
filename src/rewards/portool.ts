/**
 * PORTool-style fork-relative step advantages on a rollout tree. After arXiv 2510.26020
 * (PORTool); the paper's exact formula is unverified, so the blend weight, the sibling
 * normalisation and the node value (mean outcome of the rollouts through a node) are OURS and
 * explicit parameters.
 *
 * Rollouts of one task that share a prefix share its nodes; where the tree forks, each branch
 * is compared with its siblings, and that local signal is blended with the trajectory-level
 * GRPO advantage.
 */
import { grpoAdvantages } from './grpo.js';
import { mean, std, assertSameLength, RewardInputError } from './util.js';

export interface PortoolOptions {
  /** Weight of the fork-relative term: A = (1 - blend) A_traj + blend A_fork (default 0.5, OURS). */
  blend?: number;
  /** Sibling normalisation: 'std' = z-score among siblings (default), 'mean' = difference from their mean (OURS). */
  normalise?: 'std' | 'mean';
  eps?: number;
}

export interface PortoolResult {
  /** Mean outcome of the rollouts through each step's node (shared prefixes share it). */
  stepValues: number[][];
  /** Fork-relative term per step; 0 where the parent node did not fork. */
  forkAdvantages: number[][];
  trajectoryAdvantages: number[];
  advantages: number[][];
}

/**
 * paths[i] = the step keys of rollout i (equal keys at equal depth after an equal prefix mean
 * the same node, e.g. a hash of the observation and action); outcomes[i] = its final reward.
 */
export function portoolAdvantages(paths: readonly (readonly string[])[], outcomes: readonly number[], opts: PortoolOptions = {}): PortoolResult {
  assertSameLength('paths', paths, 'outcomes', outcomes);
  const blend = opts.blend ?? 0.5;
  if (!(blend >= 0 && blend <= 1)) throw new RewardInputError('blend', `must be in [0, 1], got ${blend}`, 'use 0.5');
  const eps = opts.eps ?? 1e-6;
  // Node id = JSON of the prefix; value = mean outcome of rollouts through it.
  const nodeId = (p: readonly string[], t: number) => JSON.stringify(p.slice(0, t + 1));
  const through = new Map<string, number[]>();
  const children = new Map<string, Set<string>>();
  paths.forEach((p, i) => {
    for (let t = 0; t < p.length; t++) {
      const id = nodeId(p, t);
      if (!through.has(id)) through.set(id, []);
      through.get(id)!.push(outcomes[i]);
      const parent = t === 0 ? '[]' : nodeId(p, t - 1);
      if (!children.has(parent)) children.set(parent, new Set());
      children.get(parent)!.add(id);
    }
  });
  const value = (id: string) => mean(through.get(id)!);
  const trajectoryAdvantages = grpoAdvantages(outcomes, { eps });
  const stepValues = paths.map((p) => p.map((_, t) => value(nodeId(p, t))));
  const forkAdvantages = paths.map((p) =>
    p.map((_, t) => {
      const sibs = [...children.get(t === 0 ? '[]' : nodeId(p, t - 1))!].map(value);
      if (sibs.length < 2) return 0;
      const d = value(nodeId(p, t)) - mean(sibs);
      if ((opts.normalise ?? 'std') === 'mean') return d;
      const s = std(sibs);
      return s === 0 ? 0 : d / (s + eps);
    }),
  );
  const advantages = forkAdvantages.map((row, i) => row.map((f) => (1 - blend) * trajectoryAdvantages[i] + blend * f));
  return { stepValues, forkAdvantages, trajectoryAdvantages, advantages };
}
