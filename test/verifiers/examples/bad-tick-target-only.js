function verify(final, answer, params) {
  const n = final.apps.notes.notes.find((x) => x.id === params.noteId);
  return n && n.checklist[params.index].done ? { ok: true, reason: 'ticked' } : { ok: false, reason: 'not ticked' };
}
