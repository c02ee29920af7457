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
}
