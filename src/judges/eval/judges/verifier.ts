/**
 * The sandbox verifier as a judge: replays a synthetic trajectory's steps headlessly on its
 * task variant and asks the template's verifier. Exact on trajectories made by gui-set.ts;
 * anything else (recorded runs with pixel actions, text) is refused with a clear error.
 */
import { StepwiseError } from '../../../core/errors.js';
import type { Trajectory } from '../../../core/trajectory.js';
import type { SemanticStep } from '../../../sandbox/framework.js';
import { instantiateVariant, type VariantRef } from '../gui-set.js';
import { synthTrajectory } from '../synth.js';
import { judgeFromScorer } from './scorer.js';

export function verifyTrajectory(t: Trajectory): boolean {
  const ref = t.meta?.variant as VariantRef | undefined;
  const steps = t.steps.map((s) => s.meta?.semantic as SemanticStep | undefined);
  if (!ref || steps.some((s) => s === undefined)) {
    throw new StepwiseError('not_implemented', `the verifier judge cannot replay trajectory ${t.id}`, 'it judges synthetic sandbox trajectories (judge-eval probes and --sample); use a model judge for recorded runs');
  }
  return synthTrajectory(instantiateVariant(ref), steps as SemanticStep[], { id: t.id }).outcome.verdict === 'success';
}

export function verifierJudge() {
  return judgeFromScorer('sandbox-verifier', (item) => {
    if (item.target.kind !== 'trajectory') throw new StepwiseError('not_implemented', 'the verifier judge only judges whole sandbox trajectories', 'use --judge heuristic or a model judge for text sets');
    const ok = verifyTrajectory(item.target.trajectory);
    return { score: ok ? 1 : 0, confidence: ok ? 1 : 0 };
  });
}
