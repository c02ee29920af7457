/**
 * STARC distance between judges (Skalse et al.; src/rewards/starc.ts) on a small MDP built from
 * sandbox contrast pairs: each task is a chain of stages; at stage k the right step moves on
 * (the last one to DONE), the step a sibling task would take goes to FAIL. A judge's reward
 * for (stage, step) is its P(success) for the trajectory prefix ending with that step. The
 * verifier's reward is 1 for the step that completes the task, else 0.
 */
import type { Step, Trajectory } from '../../../core/trajectory.js';
import { starcDistance, type FiniteMdp } from '../../../rewards/starc.js';
import type { Judge } from '../../types.js';
import type { ContrastPair } from '../gui-set.js';
import { fmt, judgeTrajectories, type ProbeOptions, type ProbeResult } from './common.js';

export interface ChainMdp {
  mdp: FiniteMdp;
  /** (state, action) -> the prefix trajectory a judge scores; null for absorbing states. */
  prefixes: (Trajectory | null)[][];
  /** The verifier's reward table. */
  verifier: number[][];
}

const BACK: Step = { index: 0, action: { type: 'key', key: 'back' }, model: { raw: '', thought: 'Press back.', action: { type: 'key', key: 'back' } }, meta: { semantic: { do: 'key', key: 'back' } } };

export function chainMdp(pairs: readonly ContrastPair[], gamma = 0.9): ChainMdp {
  const chains = pairs.map((p) => ({ right: p.t[0][0], wrong: p.t[0][1] }));
  const S = chains.reduce((a, c) => a + c.right.steps.length, 0) + 2;
  const DONE = S - 2, FAIL = S - 1;
  const row = (to: number) => Array.from({ length: S }, (_, j) => (j === to ? 1 : 0));
  const transitions: number[][][] = [];
  const prefixes: (Trajectory | null)[][] = [];
  const verifier: number[][] = [];
  for (const { right, wrong } of chains) {
    const base = transitions.length;
    const L = right.steps.length;
    right.steps.forEach((step, k) => {
      const alt = wrong.steps[k] && JSON.stringify(wrong.steps[k].action) !== JSON.stringify(step.action) ? wrong.steps[k] : BACK;
      const prefix = (last: Step): Trajectory => ({
        ...right, id: `${right.id}@${k}/${last === step ? 'right' : 'wrong'}`,
        steps: [...right.steps.slice(0, k), { ...last, index: k }],
        stopReason: last === step && k === L - 1 ? right.stopReason : 'max_steps',
      });
      transitions.push([row(k === L - 1 ? DONE : base + k + 1), row(FAIL)]);
      prefixes.push([prefix(step), prefix(alt)]);
      verifier.push([k === L - 1 ? 1 : 0, 0]);
    });
  }
  for (const s of [DONE, FAIL]) { transitions.push([row(s)]); prefixes.push([null]); verifier.push([0]); }
  return { mdp: { transitions, gamma }, prefixes, verifier };
}

/** A judge's reward table on the chain MDP. */
export async function judgeRewards(judge: Judge, m: ChainMdp, o: ProbeOptions = {}): Promise<number[][]> {
  const flat = m.prefixes.flat().filter((t): t is Trajectory => t !== null);
  const p = await judgeTrajectories(judge, flat, o);
  let i = 0;
  // A failed call rewards 0 there (the probe's other numbers say how reliable the judge was).
  return m.prefixes.map((acts) => acts.map((t) => {
    if (t === null) return 0;
    const v = p[i++];
    return Number.isFinite(v) ? v : 0;
  }));
}

/** Distance of every judge to the verifier's reward, and between each pair of judges. */
export async function starcProbe(judges: readonly Judge[], pairs: readonly ContrastPair[], o: ProbeOptions = {}): Promise<ProbeResult[]> {
  if (!pairs.length) return [];
  const m = chainMdp(pairs);
  const tables: number[][][] = [];
  for (const j of judges) tables.push(await judgeRewards(j, m, o));
  return judges.map((j, a) => {
    const toVerifier = starcDistance(m.mdp, tables[a], m.verifier);
    const others = judges.map((k, b) => ({ name: k.protocol, d: starcDistance(m.mdp, tables[a], tables[b]) })).filter((_, b) => b !== a);
    return {
      probe: 'starc' as const, judge: j.protocol, flagged: null,
      finding: `STARC distance to the verifier's reward ${fmt(toVerifier, 3)} (0 = same preferences over steps, 2 = opposite)${others.length ? `; to ${others.map((x) => `${x.name} ${fmt(x.d, 3)}`).join(', ')}` : ''}`,
      metrics: { toVerifier, states: m.mdp.transitions.length, ...Object.fromEntries(others.map((x) => [`to:${x.name}`, x.d])) },
      rows: [{ label: 'verifier', values: { distance: toVerifier } }, ...others.map((x) => ({ label: x.name, values: { distance: x.d } }))],
    };
  });
}
