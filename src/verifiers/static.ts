/**
 * The critic's first look at model-written verifier code, before anything runs: it must parse,
 * define `verify`, stay small, and not reach for host facilities. These checks give the
 * designer a readable reason to fix; the sandbox (sandbox.ts) is what actually contains code
 * that slips past them.
 */
import { Script } from 'node:vm';

export interface StaticFinding {
  rule: string;
  message: string;
}

const MAX_CHARS = 20_000;

/** [rule, pattern, why] — a verifier reads plain data and returns a verdict; none of these belong in one. */
const BANNED: readonly [string, RegExp, string][] = [
  ['require', /\brequire\s*\(/, 'loads modules (files, network)'],
  ['import', /\bimport\s*\(|^\s*import\s|\bimport\.meta\b/m, 'loads modules'],
  ['process', /\bprocess\b/, 'reaches the host process'],
  ['global', /\bglobalThis\b|\bglobal\s*\[|\bglobal\./, 'looks up host globals'],
  ['eval', /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/, 'compiles code at run time'],
  ['constructor', /\.constructor\b|\[\s*['"`]constructor['"`]\s*\]/, 'climbs to the Function constructor'],
  ['io', /\b(fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval|setImmediate|queueMicrotask)\b/, 'does I/O or schedules work'],
  ['proto', /__proto__|\bReflect\s*\.|\bProxy\b/, 'rewires objects'],
  ['async', /\basync\b|\bawait\b|\byield\b/, 'returns later; a verdict is returned at once'],
  ['endless', /\bwhile\s*\(\s*(true|1)\s*\)|\bfor\s*\(\s*;\s*;\s*\)/, 'loops without a bound'],
];

export function staticCheck(source: string): StaticFinding[] {
  const out: StaticFinding[] = [];
  if (source.trim() === '') return [{ rule: 'empty', message: 'the verifier is empty' }];
  if (source.length > MAX_CHARS) out.push({ rule: 'size', message: `the verifier has ${source.length} characters; keep it under ${MAX_CHARS}` });
  try {
    // Compiling does not run anything.
    new Script(source, { filename: 'verifier.js' });
  } catch (e) {
    return [...out, { rule: 'syntax', message: `does not parse: ${(e as Error).message}` }];
  }
  if (!/\bfunction\s+verify\s*\(|\b(const|let|var)\s+verify\s*=/.test(source)) {
    out.push({ rule: 'contract', message: 'defines no top-level function verify(final, answer, params, initial)' });
  }
  for (const [rule, re, why] of BANNED) {
    const m = re.exec(source);
    if (m) out.push({ rule, message: `uses "${m[0].trim()}": ${why}` });
  }
  return out;
}
