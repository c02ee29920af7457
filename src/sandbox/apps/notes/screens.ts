/** Notes screens: the list (search, folders, pinned) and the editor (text or checklist). */
import { html, type Raw } from '../../html.js';
import type { ViewCtx } from '../../framework.js';
import { icon } from '../settings/icons.js';
import { appBar, fab, iconBtn, slug } from '../settings/kit.js';
import { noteText, ordered, type Note, type NotesState } from './data.js';

type V = ViewCtx<NotesState>;

function when(updated: string, clock: string): string {
  if (updated.slice(0, 10) === clock.slice(0, 10)) return updated.slice(11, 16);
  return `${Number(updated.slice(5, 7))}月${Number(updated.slice(8, 10))}日`;
}

function card(n: Note, clock: string): Raw {
  const done = n.checklist?.filter((c) => c.done).length ?? 0;
  const preview = n.checklist
    ? html`<div class="cl-prev">${n.checklist.slice(0, 3).map((c) => html`<div class="${c.done ? 'done' : ''}">${icon(c.done ? 'boxChecked' : 'box', 14)}<span>${c.text}</span></div>`)}</div>`
    : html`<div class="prev">${n.body.split('\n').slice(0, 2).join(' · ')}</div>`;
  return html`<div class="note" data-id="note-${n.id}" data-tap="openNote" data-arg="${n.id}" data-longpress="noteMenu">
    <div class="note-t">${n.pinned ? html`<span class="pin">${icon('pin', 14)}</span>` : ''}${n.title || 'Untitled'}</div>
    ${preview}
    <div class="meta">${when(n.updated, clock)} · ${n.folder}${n.checklist ? ` · ${done}/${n.checklist.length}` : ''}</div>
  </div>`;
}

export function listScreen(c: V): Raw {
  const q = c.field('q').trim().toLowerCase();
  const clock = c.phone.system.clock;
  const inFolder = c.s.notes.filter((n) => c.s.folder === 'All' || n.folder === c.s.folder);
  const shown = ordered(inFolder.filter((n) => !q || noteText(n).toLowerCase().includes(q)));
  const pinned = shown.filter((n) => n.pinned);
  const rest = shown.filter((n) => !n.pinned);
  return html`<div class="scr">
    <header class="bar"><div class="bar-pad"></div><div class="bar-title"><div class="bar-t big">Notes</div><div class="bar-sub">${c.s.notes.length} notes · 笔记</div></div><div class="bar-right">${iconBtn('more', 'notes-menu', 'listMenu', 'More options')}</div></header>
    <div class="search">${icon('search', 20)}<input class="field bare" data-field="q" data-id="search-input" data-oninput="search" placeholder="Search notes 搜索笔记" value="${c.field('q')}"/></div>
    <div class="hscroll chips" data-scroll="folders">${['All', ...c.s.folders].map((f) => html`<div class="chip${c.s.folder === f ? ' sel' : ''}" data-id="folder-${slug(f)}" data-tap="setFolder" data-arg="${f}" data-selected="${c.s.folder === f ? 'true' : 'false'}">${f === 'All' ? '全部 All' : f}</div>`)}</div>
    <div class="scroll" data-scroll="main">
      ${pinned.length ? html`<div class="sect">Pinned</div>${pinned.map((n) => card(n, clock))}` : ''}
      ${rest.length && pinned.length ? html`<div class="sect">Others</div>` : ''}${rest.map((n) => card(n, clock))}
      ${shown.length ? '' : html`<div class="empty">${q ? `No notes match "${q}"` : 'No notes in this folder'}</div>`}
      <div class="spacer"></div>
    </div>${fab('new-note', 'newNote', 'New note', 'edit')}</div>`;
}

export function editScreen(c: V): Raw {
  const d = c.s.draft;
  if (!d) return html`<div class="scr">${appBar('Note', { back: true })}<div class="empty">No note open</div></div>`;
  const existing = d.id ? c.s.notes.find((n) => n.id === d.id) : undefined;
  const tools = html`${existing ? html`${iconBtn('pin', 'pin-note', 'togglePin', d.pinned ? 'Unpin' : 'Pin', existing.id)}${iconBtn('share', 'share-note', 'shareMenu', 'Share', existing.id)}${iconBtn('trash', 'delete-note', 'askDelete', 'Move to trash', existing.id)}` : iconBtn('checklist', 'make-checklist', 'makeChecklist', 'Checklist')}
    <div class="bar-btn save" data-id="save-note" data-tap="saveNote" aria-label="Save">${icon('check', 26)}</div>`;
  return html`<div class="scr">${appBar('', { back: true, right: tools })}
    <div class="scroll" data-scroll="main">
      <div class="ed-meta">${existing ? `Edited ${existing.updated.replace('T', ' ')}` : 'New note'} · <span data-id="note-folder" data-tap="folderMenu">${d.folder} ▾</span>${d.pinned ? ' · Pinned' : ''}</div>
      <input class="field title" data-field="title" data-id="title-input" placeholder="Title" value="${c.field('title')}"/>
      ${d.checklist ? html`<div class="cl" data-id="checklist">${d.checklist.map((it, i) => html`<div class="cl-item${it.done ? ' done' : ''}" data-id="item-${i}" data-tap="toggleItem" data-arg="${i}" data-class="android.widget.CheckBox" data-checked="${it.done ? 'true' : 'false'}">${icon(it.done ? 'boxChecked' : 'box', 22)}<span>${it.text}</span></div>`)}
        <div class="cl-add">${icon('add', 22)}<input class="field bare" data-field="newitem" data-id="new-item-input" data-onsubmit="addItem" placeholder="List item"/></div></div>` : ''}
      <textarea class="field body" data-field="body" data-id="body-input" placeholder="${d.checklist ? 'Description' : 'Note'}">${c.field('body')}</textarea>
    </div></div>`;
}
