import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { notesApp } from '../../src/sandbox/apps/notes/index.js';
import { noteText, ordered, seedNotes, type NotesState } from '../../src/sandbox/apps/notes/data.js';
import { checkTemplate, elements, parseHtml, runHeadless } from '../../src/sandbox/headless.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { dispatch, openApp, renderScreen } from '../../src/sandbox/runtime.js';
import { NOTES_TASKS } from '../../src/sandbox/tasks/notes.js';
import type { PhoneState } from '../../src/sandbox/framework.js';

const APPS = [notesApp];
const N = (p: PhoneState) => p.apps.notes as NotesState;
const fresh = (seed: number) => { const p = createPhone(seed, APPS); openApp(p, 'notes'); return p; };
const ids = (p: PhoneState) => elements(parseHtml(renderScreen(p, notesApp))).map((n) => n.attrs['data-id']).filter(Boolean);

describe('notes data', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(seedNotes(new Rng('a'))).toEqual(seedNotes(new Rng('a')));
    expect(seedNotes(new Rng('a'))).not.toEqual(seedNotes(new Rng('b')));
  });
  it('seeds a mixed list with the fact notes, checklists and two pinned notes', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = seedNotes(new Rng(seed));
      expect(s.notes.length).toBeGreaterThanOrEqual(12);
      for (const t of ['Home Wi-Fi', '门禁密码', '护照信息 Passport', 'Parking spot', 'Shopping list 购物清单']) expect(s.notes.some((n) => n.title === t)).toBe(true);
      expect(s.notes.filter((n) => n.pinned)).toHaveLength(2);
      expect(ordered(s.notes).slice(0, 2).every((n) => n.pinned)).toBe(true);
    }
  });
});

describe('notes screens', () => {
  it('the list and the editor render for seeded data', () => {
    for (const seed of [1, 2, 3]) {
      const p = fresh(seed);
      const list = renderScreen(p, notesApp);
      expect(list).toContain('Pinned');
      expect(list).not.toMatch(/undefined|NaN|\[object Object\]/);
      for (const n of N(p).notes) {
        dispatch(p, APPS, 'notes', 'openNote', n.id);
        const html = renderScreen(p, notesApp);
        expect(html).toContain('data-id="title-input"');
        if (n.checklist) expect(html).toContain('data-id="item-0"');
        dispatch(p, APPS, 'notes', 'back');
      }
    }
  });
  it('search and folder chips filter the list', () => {
    const p = fresh(4);
    runHeadless(p, APPS, [{ do: 'type', text: '护照', into: { id: 'search-input' } }]);
    expect(ids(p).filter((i) => i!.startsWith('note-'))).toHaveLength(1);
    p.system.fields['notes.q'] = '';
    dispatch(p, APPS, 'notes', 'setFolder', 'Work');
    const shown = ids(p).filter((i) => i!.startsWith('note-')).length;
    expect(shown).toBe(N(p).notes.filter((n) => n.folder === 'Work').length);
  });
});

describe('notes actions', () => {
  it('creates a checklist note with items added by Enter', () => {
    const p = fresh(5);
    const before = N(p).notes.length;
    runHeadless(p, APPS, [
      { do: 'tap', id: 'new-note' }, { do: 'tap', id: 'make-checklist' }, { do: 'type', text: 'Trip prep', into: { id: 'title-input' } },
      { do: 'tap', id: 'new-item-input' }, { do: 'type', text: 'Charger' }, { do: 'key', key: 'enter' }, { do: 'type', text: 'Socks' }, { do: 'key', key: 'enter' },
      { do: 'tap', id: 'item-1' }, { do: 'tap', id: 'save-note' },
    ]);
    expect(N(p).notes).toHaveLength(before + 1);
    expect(N(p).notes.find((n) => n.title === 'Trip prep')!.checklist).toEqual([{ text: 'Charger', done: false }, { text: 'Socks', done: true }]);
    expect(p.system.stacks.notes).toEqual([]);
  });
  it('empty new notes are discarded, edits keep the id', () => {
    const p = fresh(6);
    const before = N(p).notes.length;
    dispatch(p, APPS, 'notes', 'newNote');
    dispatch(p, APPS, 'notes', 'saveNote');
    expect(N(p).notes).toHaveLength(before);
    const n = N(p).notes.find((x) => !x.checklist)!;
    dispatch(p, APPS, 'notes', 'openNote', n.id);
    p.system.fields['notes.body'] += '\nP.S. added';
    dispatch(p, APPS, 'notes', 'saveNote');
    expect(N(p).notes.find((x) => x.id === n.id)!.body).toMatch(/P\.S\. added$/);
    expect(N(p).notes.find((x) => x.id === n.id)!.updated).toBe(p.system.clock);
  });
  it('deleting asks first and moves the note to the trash', () => {
    const p = fresh(7);
    const n = N(p).notes[2];
    runHeadless(p, APPS, [{ do: 'tap', id: `note-${n.id}` }, { do: 'tap', id: 'delete-note' }, { do: 'tap', text: 'Cancel' }]);
    expect(N(p).notes).toContainEqual(n);
    runHeadless(p, APPS, [{ do: 'tap', id: 'delete-note' }, { do: 'tap', text: 'Delete' }]);
    expect(N(p).notes.some((x) => x.id === n.id)).toBe(false);
    expect(N(p).trash.map((x) => x.id)).toEqual([n.id]);
  });
  it('long press offers pin and share; sharing records the target', () => {
    const p = fresh(8);
    const n = N(p).notes.find((x) => !x.pinned)!;
    runHeadless(p, APPS, [{ do: 'long_press', id: `note-${n.id}` }, { do: 'tap', text: 'Pin' }]);
    expect(N(p).notes.find((x) => x.id === n.id)!.pinned).toBe(true);
    runHeadless(p, APPS, [{ do: 'long_press', id: `note-${n.id}` }, { do: 'tap', text: 'Share' }, { do: 'tap', text: 'Email' }]);
    expect(N(p).shared).toEqual([{ noteId: n.id, via: 'Email' }]);
    expect(noteText(n)).toContain(n.title);
  });
});

describe('notes task templates', () => {
  it('has at least 6 well-formed templates', () => {
    expect(NOTES_TASKS.length).toBeGreaterThanOrEqual(6);
    for (const t of NOTES_TASKS) expect(t.id.startsWith('notes.') && t.app === 'notes').toBe(true);
  });
  for (const t of NOTES_TASKS) {
    it(`${t.id}: the reference solution passes and every wrong end fails`, () => {
      const problems: string[] = [];
      for (let seed = 1; seed <= 12; seed++) problems.push(...checkTemplate(t, APPS, seed));
      expect(problems).toEqual([]);
    });
  }
});
