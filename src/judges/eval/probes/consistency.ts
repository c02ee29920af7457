/**
 * Contrast-instruction consistency (after "Contrast Instructions"): for lexically similar
 * tasks I1, I2 whose right trajectories r1, r2 differ, a consistent judge prefers r1 under I1
 * and r2 under I2 (response consistency) and rates r1 higher as an answer to I1 than to I2
 * (instruction consistency). Ties count as inconsistent: a judge that cannot tell is not
 * consistent.
 */
import type { Judge } from '../../types.js';
import type { ContrastPair } from '../gui-set.js';
import { fmt, judgeTrajectories, type ProbeOptions, type ProbeResult } from './common.js';

export async function consistencyProbe(judge: Judge, pairs: readonly ContrastPair[], o: ProbeOptions & { threshold?: number } = {}): Promise<ProbeResult> {
  const flat = pairs.flatMap((p) => [p.t[0][0], p.t[0][1], p.t[1][0], p.t[1][1]]);
  const s = await judgeTrajectories(judge, flat, o);
  let resp = 0, instr = 0;
  const examples: string[] = [];
  const rows = pairs.map((p, i) => {
    const [r11, r12, r21, r22] = s.slice(4 * i, 4 * i + 4); // R(I_task, r_traj)
    const rc = r11 > r12 && r22 > r21;
    const ic = r11 > r21 && r22 > r12;
    if (rc) resp++;
    if (ic) instr++;
    if (!rc && examples.length < 5) examples.push(`"${p.instructions[0]}" vs "${p.instructions[1]}": R(I1,r1)=${fmt(r11)} R(I1,r2)=${fmt(r12)} R(I2,r2)=${fmt(r22)} R(I2,r1)=${fmt(r21)}`);
    return { label: p.template, values: { response: Number(rc), instruction: Number(ic), similarity: p.similarity } };
  });
  const n = pairs.length;
  const threshold = o.threshold ?? 0.8;
  const rcv = n ? resp / n : 0, icv = n ? instr / n : 0;
  return {
    probe: 'consistency', judge: judge.protocol, flagged: n > 0 && rcv < threshold,
    finding: n === 0 ? 'no contrast pairs could be built from the selected templates'
      : `prefers the right trajectory for both of two similar instructions in ${resp}/${n} pairs (response consistency ${fmt(rcv)}; instruction consistency ${fmt(icv)}; flagged below ${threshold})`,
    metrics: { pairs: n, responseConsistency: rcv, instructionConsistency: icv, failedCalls: s.filter((x) => !Number.isFinite(x)).length },
    rows, examples,
  };
}
