/**
 * The trajectory analyzer: from the rollouts a verifier judged wrongly (end states where it
 * disagrees with the hand-written verifier or with a recorded outcome), an account of what went
 * wrong that the designer can act on: which end, what was expected and why, what the verifier
 * said, and what actually changed in the state. Optionally a model condenses it into causes.
 */
import type { PhoneState } from '../sandbox/framework.js';
import type { Critique } from './critic.js';
import { chat, type ChatEndpoint } from './model.js';

/** Paths where two JSON values differ, at most `max` of them ("apps.notes.notes[3].title: "a" -> "b""). */
export function diffPaths(a: unknown, b: unknown, max = 12, path = ''): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v).slice(0, 60));
  const walk = (x: unknown, y: unknown, p: string) => {
    if (out.length >= max) return;
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    const objX = x !== null && typeof x === 'object', objY = y !== null && typeof y === 'object';
    if (!objX || !objY || Array.isArray(x) !== Array.isArray(y)) { out.push(`${p || '(root)'}: ${show(x)} -> ${show(y)}`); return; }
    if (Array.isArray(x) && Array.isArray(y) && x.length !== y.length) out.push(`${p}: ${x.length} items -> ${y.length} items`);
    const keys = new Set([...Object.keys(x as object), ...Object.keys(y as object)]);
    for (const k of keys) {
      if (out.length >= max) return;
      const kp = Array.isArray(x) ? `${p}[${k}]` : p ? `${p}.${k}` : k;
      walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], kp);
    }
  };
  walk(a, b, path);
  return out;
}

export interface RolloutEnd {
  name: string;
  final: PhoneState;
  initial: PhoneState;
}

/** What went wrong, one block per misjudged end, with the app-state changes that end made. */
export function analyzeFailures(c: Critique, ends: RolloutEnd[] = []): string {
  if (c.static.length) return c.static.map((f) => `- static check ${f.rule}: ${f.message}`).join('\n');
  const byName = new Map(ends.map((e) => [e.name, e]));
  const blocks = c.problems.length ? [] : ['- no failures recorded'];
  for (const v of c.cases.filter((x) => !x.agree)) {
    const lines = [v.error
      ? `- On "${v.name}" the verifier failed (${v.error}); it should ${v.expected ? 'accept' : 'reject'} this end: ${v.expectedReason}.`
      : `- On "${v.name}" it ${v.got ? 'accepted' : 'rejected'} ("${v.reason}") but should ${v.expected ? 'accept' : 'reject'}: ${v.expectedReason}.`];
    const e = byName.get(v.name);
    if (e) {
      const d = diffPaths(e.initial.apps, e.final.apps, 8, 'apps');
      lines.push(d.length ? `  State changes in this end: ${d.join('; ')}` : '  This end has the same app data as the initial state.');
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n');
}

export const ANALYZER_SYSTEM = 'You analyse why a programmatic verifier misjudged some end states of a phone task. ' +
  'Name the causes in at most 5 short bullet points, each saying what the verifier must check instead.';

/** The model's condensed causes, followed by the detailed report it read. */
export async function analyzeWithModel(ep: ChatEndpoint, task: string, source: string, report: string): Promise<string> {
  const r = await chat(ep, ANALYZER_SYSTEM, `Task: ${task}\nVerifier:\n\`\`\`js\n${source}\n\`\`\`\nMisjudged ends:\n${report}`);
  return `${r.text.trim()}\nDetails:\n${report}`;
}
