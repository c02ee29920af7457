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
}
