/**
 * GLoRe stepwise ORM (SORM) labels from repeated sampling. arXiv 2402.10963 (REWARDS-2.md 20,
 * summary): a step is positive when any of the K rollouts started after it succeeds; a
 * positive step makes every earlier step positive too (it was on a path that can still win).
 */
import { RewardInputError } from '../util.js';

export function sormLabels(rollouts: readonly (readonly (boolean | number)[])[]): { raw: number[]; labels: number[] } {
  const raw = rollouts.map((rs, i) => {
    if (rs.length === 0) throw new RewardInputError(`rollouts[${i}]`, 'is empty', 'sample at least one rollout from every step');
    return rs.some((x) => Number(x) > 0) ? 1 : 0;
  });
  const labels = raw.slice();
  for (let i = labels.length - 2; i >= 0; i--) if (labels[i + 1] === 1) labels[i] = 1;
  return { raw, labels };
}
