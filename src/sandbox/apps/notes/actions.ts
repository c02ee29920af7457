/** Notes actions: open/new/save through a draft, checklist items, pin, folders, delete, share. */
import type { ActCtx } from '../../framework.js';
import { SHARE_TARGETS, type NotesState } from './data.js';

type A = ActCtx<NotesState>;

function touch(c: A): string {
  return c.system.clock;
}

function closeEditor(c: A): void {
  c.s.draft = null;
  c.setField('title', '');
  c.setField('body', '');
  c.setField('newitem', '');
  c.focus(null);
  c.resetTo('list');
}

export const actions: Record<string, (c: A, arg: string) => void> = {
  back: (c) => c.pop(),
  search: () => { /* the list filters by the q field on render */ },
  setFolder: (c, f) => { if (f === 'All' || c.s.folders.includes(f)) c.s.folder = f; },
  listMenu: (c) => c.menu([{ label: 'Recently deleted' }, { label: 'Sort by date edited' }, { label: 'Settings' }]),

  newNote: (c) => {
    c.s.draft = { id: null, checklist: null, folder: c.s.folder === 'All' ? 'Personal' : c.s.folder, pinned: false };
    c.setField('title', '');
    c.setField('body', '');
    c.setField('newitem', '');
    c.push('edit');
  },
  openNote: (c, id) => {
    const n = c.s.notes.find((x) => x.id === id);
    if (!n) return;
    c.s.draft = { id: n.id, checklist: n.checklist ? n.checklist.map((i) => ({ ...i })) : null, folder: n.folder, pinned: n.pinned };
    c.setField('title', n.title);
    c.setField('body', n.body);
    c.setField('newitem', '');
    c.push('edit');
  },
  makeChecklist: (c) => { if (c.s.draft && !c.s.draft.checklist) c.s.draft.checklist = []; },
  addItem: (c) => {
    const d = c.s.draft;
    const text = c.field('newitem').trim();
    if (!d?.checklist || !text) return;
    d.checklist.push({ text, done: false });
    c.setField('newitem', '');
    c.focus('newitem');
    const n = d.id ? c.s.notes.find((x) => x.id === d.id) : undefined;
    if (n) { n.checklist = d.checklist.map((i) => ({ ...i })); n.updated = touch(c); }
  },
  /** Ticking an item saves at once, like real checklist apps. */
  toggleItem: (c, arg) => {
    const d = c.s.draft;
    const i = Number(arg);
    if (!d?.checklist?.[i]) return;
    d.checklist[i].done = !d.checklist[i].done;
    const n = d.id ? c.s.notes.find((x) => x.id === d.id) : undefined;
    if (n?.checklist?.[i]) { n.checklist[i].done = d.checklist[i].done; n.updated = touch(c); }
  },
  folderMenu: (c) => c.menu(c.s.folders.map((f) => ({ label: f, action: 'setNoteFolder', arg: f })), 'Move to folder'),
  setNoteFolder: (c, f) => { if (c.s.draft && c.s.folders.includes(f)) c.s.draft.folder = f; },
  saveNote: (c) => {
    const d = c.s.draft;
    if (!d) return;
    const title = c.field('title').trim();
    const body = c.field('body').replace(/\s+$/, '');
    if (!title && !body && !d.checklist?.length) { closeEditor(c); c.toast('Empty note discarded'); return; }
    const data = { title, body, folder: d.folder, pinned: d.pinned, checklist: d.checklist ? d.checklist.map((i) => ({ ...i })) : null, updated: touch(c) };
    const n = d.id ? c.s.notes.find((x) => x.id === d.id) : undefined;
    if (n) Object.assign(n, data);
    else c.s.notes.push({ id: `n${c.s.nextId++}`, ...data });
    closeEditor(c);
    c.toast('Saved');
  },
  togglePin: (c, id) => {
    const n = c.s.notes.find((x) => x.id === id);
    if (!n) return;
    n.pinned = !n.pinned;
    if (c.s.draft?.id === id) c.s.draft.pinned = n.pinned;
    c.toast(n.pinned ? 'Pinned' : 'Unpinned');
  },
  noteMenu: (c, id) => {
    const n = c.s.notes.find((x) => x.id === id);
    if (n) c.menu([{ label: n.pinned ? 'Unpin' : 'Pin', action: 'togglePin', arg: id }, { label: 'Share', action: 'shareMenu', arg: id }, { label: 'Move to trash', action: 'askDelete', arg: id, style: 'danger' }], n.title);
  },
  askDelete: (c, id) => {
    const n = c.s.notes.find((x) => x.id === id);
    if (n) c.dialog('Delete this note?', `"${n.title || 'Untitled'}" will be moved to Recently deleted.`, [{ label: 'Cancel' }, { label: 'Delete', action: 'deleteNote', arg: id, style: 'danger' }]);
  },
  deleteNote: (c, id) => {
    const n = c.s.notes.find((x) => x.id === id);
    if (!n) return;
    c.s.notes = c.s.notes.filter((x) => x.id !== id);
    c.s.trash.push(n);
    closeEditor(c);
    c.toast('Note moved to trash');
  },
  shareMenu: (c, id) => c.sheet(SHARE_TARGETS.map((t) => ({ label: t, action: 'share', arg: `${id}|${t}` })), 'Share note'),
  share: (c, arg) => {
    const [id, via] = arg.split('|');
    if (!c.s.notes.some((n) => n.id === id) || !SHARE_TARGETS.includes(via)) return;
    c.s.shared.push({ noteId: id, via });
    c.toast(via === 'Copy to clipboard' ? 'Copied' : `Shared via ${via}`);
  },
};
