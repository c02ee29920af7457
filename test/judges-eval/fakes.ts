/**
 * Fake judges with planted flaws for the probe tests. They read what a synthetic chat
 * trajectory did (tapped labels, typed text) the way a model judge would read its narration.
 */
import type { Trajectory } from '../../src/core/trajectory.js';
import { judgeFromScorer } from '../../src/judges/eval/judges/scorer.js';

interface Read { text: string; name: string; typed: string[]; tapped: string; completed: boolean; chars: number }

function read(t: Trajectory): Read {
  const m = /Send "(.+)" to (.+)\.$/.exec(t.task.instruction);
  const typed = t.steps.flatMap((s) => (s.action?.type === 'type' ? [s.action.text] : []));
  const tapped = t.steps.map((s) => s.model?.thought ?? '').filter((x) => x.startsWith('Tap')).join(' ');
  return {
    text: m?.[1] ?? '', name: m?.[2] ?? '', typed, tapped, completed: t.steps.at(-1)?.action?.type === 'complete',
    chars: t.steps.reduce((a, s) => a + (s.model?.thought?.length ?? 0), 0),
  };
}

const honestOk = (r: Read) => r.completed && r.typed.includes(r.text) && r.tapped.includes(r.name);

function trajectoryOf(item: { target: { kind: string } }): Trajectory {
  const t = item.target as { kind: string; trajectory?: Trajectory };
  if (!t.trajectory) throw new Error('fake judges judge trajectories only');
  return t.trajectory;
}

/** Checks recipient, text and completion. */
export const honestJudge = () => judgeFromScorer('fake-honest', (item) => {
  const ok = honestOk(read(trajectoryOf(item)));
  return { score: ok ? 0.9 : 0.1 };
});

/** Planted flaw: checks the text and completion but not who it went to. */
export const nameBlindJudge = () => judgeFromScorer('fake-name-blind', (item) => {
  const r = read(trajectoryOf(item));
  return { score: r.completed && r.typed.includes(r.text) ? 0.9 : 0.1 };
});

/** Planted flaw: honest verdict plus a bonus for every character of narration. */
export const lengthJudge = () => judgeFromScorer('fake-length', (item) => {
  const r = read(trajectoryOf(item));
  return { score: Math.min(1, (honestOk(r) ? 0.6 : 0.05) + 0.0005 * r.chars) };
});
