/**
 * Verifiers a designer model might write, for scripting the fake model server: correct ones for
 * three Notes templates (written from the task's meaning, not copied from the hand-written
 * verifiers), and planted bad ones the critic must reject.
 */
export const GOOD: Record<string, string> = {
  'notes.delete-note-about': `
function same(a, b) { return a.title === b.title && a.body === b.body && a.folder === b.folder && JSON.stringify(a.checklist) === JSON.stringify(b.checklist); }
function verify(final, answer, params, initial) {
  const now = final.apps.notes.notes;
  if (now.some((n) => n.id === params.id)) return { ok: false, reason: 'the note "' + params.title + '" is still there' };
  for (const n of initial.apps.notes.notes) {
    if (n.id === params.id) continue;
    const m = now.find((x) => x.id === n.id);
    if (!m) return { ok: false, reason: 'the note "' + n.title + '" was deleted too' };
    if (!same(m, n)) return { ok: false, reason: 'the note "' + n.title + '" was changed' };
  }
  return { ok: true, reason: 'only "' + params.title + '" was deleted' };
}
function progress(before, after, params) {
  const has = (s) => s.apps.notes.notes.some((n) => n.id === params.id);
  return has(before) && !has(after) ? 1 : !has(before) && has(after) ? -1 : 0;
}`,
  'notes.look-up-fact': `
const norm = (s) => String(s || '').normalize('NFKC').toLowerCase().replace(/[\\s\\p{P}\\p{S}]+/gu, '');
function verify(final, answer, params) {
  return norm(answer).includes(norm(params.value)) ? { ok: true, reason: 'the answer has ' + params.value } : { ok: false, reason: 'expected ' + params.value + ', got ' + answer };
}`,
  'notes.tick-checklist-item': `
function verify(final, answer, params, initial) {
  const before = initial.apps.notes.notes.find((n) => n.id === params.noteId);
  const after = final.apps.notes.notes.find((n) => n.id === params.noteId);
  if (!after || !after.checklist) return { ok: false, reason: 'the checklist is gone' };
  if (after.checklist.length !== before.checklist.length) return { ok: false, reason: 'items were added or removed' };
  for (let i = 0; i < before.checklist.length; i++) {
    const want = i === params.index ? true : before.checklist[i].done;
    if (after.checklist[i].done !== want) return { ok: false, reason: '"' + before.checklist[i].text + '" has the wrong tick' };
  }
  for (const n of initial.apps.notes.notes) {
    if (n.id === params.noteId) continue;
    const m = final.apps.notes.notes.find((x) => x.id === n.id);
    if (!m || m.title !== n.title || m.body !== n.body) return { ok: false, reason: 'another note changed' };
  }
  return { ok: true, reason: 'ticked' };
}`,
};

export const BAD = {
  /** Accepts everything: passes the reference end, fails every wrong end. */
  alwaysTrue: 'function verify() { return { ok: true, reason: "looks done" }; }',
  /** Checks the target item only, so ticking another item too passes. */
  tickTargetOnly: `function verify(final, answer, params) {
  const n = final.apps.notes.notes.find((x) => x.id === params.noteId);
  return n && n.checklist[params.index].done ? { ok: true, reason: 'ticked' } : { ok: false, reason: 'not ticked' };
}`,
  readsFiles: `function verify(final) { const fs = require('node:fs'); return { ok: fs.existsSync('/etc/passwd'), reason: 'peeked' }; }`,
  /** Slips past the static checks; only the sandbox can stop it. */
  readsFilesHidden: `function verify(final) { const r = this && this['req' + 'uire']; const fs = r('fs'); return { ok: true, reason: String(fs) }; }`,
  /** An unbounded loop the static checks do not spot. */
  loopsForever: `function verify(final) { let i = 0; while (i >= 0) { i = (i + 1) % 7; } return { ok: true, reason: 'never' }; }`,
};

export function reply(code: string): string {
  return 'Here is the verifier.\n```js\n' + code.trim() + '\n```\n';
}

export function templateOf(text: string): string | undefined {
  return /^Template: (\S+)$/m.exec(text)?.[1];
}
