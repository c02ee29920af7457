/**
 * The built-in reference judge for offline runs: rules, not a model. It exists so that
 * `judge-eval --sample` shows every metric and probe without a server; its numbers describe
 * these rules, never a model's quality.
 *
 * - GUI trajectory: abort/error -> low; otherwise the share of the instruction's key phrases
 *   (quoted text, names, numbers) that the trajectory's typed text, tapped labels or answer
 *   contain, mapped to (0.1, 0.9).
 * - Text with a reference answer: does the response's final answer equal the reference.
 * - Step lists (ProcessBench): a step is wrong when one of its "a op b = c" equations is false.
 * - Other text: share of true equations, else word overlap with the prompt.
 */
import type { Trajectory } from '../../../core/trajectory.js';
import type { JudgeItem } from '../../types.js';
import { judgeFromScorer, type Scoring } from './scorer.js';

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Quoted strings, capitalised name runs, numbers and CJK runs of an instruction. */
export function keyPhrases(instruction: string): string[] {
  const out = new Set<string>();
  for (const m of instruction.matchAll(/["“「]([^"”」]+)["”」]/g)) out.add(m[1]);
  const unquoted = instruction.replace(/["“「][^"”」]+["”」]/g, ' ');
  for (const m of unquoted.matchAll(/\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b/g)) out.add(m[0]);
  for (const m of unquoted.matchAll(/\d+(?:[.:]\d+)*/g)) out.add(m[0]);
  for (const m of unquoted.matchAll(/[\u4e00-\u9fff]{2,}/g)) out.add(m[0]);
  return [...out].map(norm).filter((p) => p.length > 1);
}

/** What a trajectory visibly did: typed text, tapped labels, the answer. */
function evidence(t: Trajectory): string {
  const parts = t.steps.flatMap((s) => {
    const a = s.action ?? s.model?.action;
    return [a?.type === 'type' ? a.text : '', a?.type === 'complete' ? a.answer : '', s.model?.thought ?? '', s.model?.summary ?? ''];
  });
  return norm([...parts, t.answer ?? ''].join(' \n '));
}

export function scoreTrajectory(t: Trajectory): Scoring {
  if (t.stopReason === 'error' || t.steps.some((s) => s.result?.ok === false)) return { score: 0.1, rationale: 'an action failed' };
  const expectAbort = t.task.meta?.expect === 'abort';
  if (t.stopReason === 'aborted' && !expectAbort) return { score: 0.15, rationale: 'the agent gave up' };
  const keys = keyPhrases(t.task.instruction);
  const ev = evidence(t);
  const hit = keys.filter((k) => ev.includes(k)).length;
  const cover = keys.length ? hit / keys.length : 0.5;
  return { score: 0.1 + 0.8 * cover, rationale: `${hit}/${keys.length} key phrases of the instruction are in what the agent did` };
}

const EQ = /(-?\d+(?:\.\d+)?)\s*([-+*/×x÷])\s*(-?\d+(?:\.\d+)?)\s*=\s*(-?\d+(?:\.\d+)?)/g;

/** Equations in the text: [true, false] counts. */
export function checkEquations(text: string): { ok: number; bad: number } {
  let ok = 0, bad = 0;
  for (const m of text.matchAll(EQ)) {
    const a = Number(m[1]), b = Number(m[3]), c = Number(m[4]);
    const v = m[2] === '+' ? a + b : m[2] === '-' ? a - b : m[2] === '/' || m[2] === '÷' ? a / b : a * b;
    if (Math.abs(v - c) <= 1e-6 * Math.max(1, Math.abs(c))) ok++; else bad++;
  }
  return { ok, bad };
}

/** The last number or \boxed{} content: the response's final answer. */
export function finalAnswer(text: string): string {
  const boxed = [...text.matchAll(/\\boxed\{([^}]*)\}/g)].at(-1)?.[1];
  if (boxed !== undefined) return norm(boxed);
  const num = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].at(-1)?.[0];
  return num !== undefined ? String(Number(num)) : norm(text.split('\n').filter(Boolean).at(-1) ?? '');
}

function wordOverlap(a: string, b: string): number {
  const A = new Set(norm(a).match(/[\p{L}\p{N}]+/gu) ?? []), B = new Set(norm(b).match(/[\p{L}\p{N}]+/gu) ?? []);
  const inter = [...A].filter((w) => B.has(w)).length;
  return A.size && B.size ? (2 * inter) / (A.size + B.size) : 0;
}

export function scoreText(item: JudgeItem & { target: { kind: 'text' } }): Scoring {
  const { prompt, response } = item.target;
  const steps = item.meta?.steps;
  if (Array.isArray(steps)) {
    const stepScores = steps.map((s) => (checkEquations(String(s)).bad > 0 ? 0 : 1));
    return { score: Math.min(1, ...stepScores), stepScores };
  }
  if (item.reference !== undefined) {
    const want = finalAnswer(item.reference), got = finalAnswer(response);
    const same = want === got || (Number(want) === Number(got) && want !== '' && Number.isFinite(Number(want)));
    return { score: same ? 0.85 : 0.15, rationale: `final answer ${got || '(none)'} vs reference ${want}` };
  }
  const eq = checkEquations(response);
  if (eq.ok + eq.bad > 0) return { score: 0.1 + 0.8 * (eq.ok / (eq.ok + eq.bad)) };
  return { score: 0.1 + 0.8 * wordOverlap(prompt, response) };
}

export function heuristicJudge() {
  return judgeFromScorer('heuristic', (item) => {
    const t = item.target;
    if (t.kind === 'text') return scoreText({ ...item, target: t });
    return scoreTrajectory(t.trajectory);
  });
}
