import { describe, expect, it } from 'vitest';
import { createPhone } from '../../src/sandbox/phone.js';
import { applyInput, pressKey, submit, typeText, deleteChar, keyboardKey } from '../../src/sandbox/shell/commands.js';
import { searchApps } from '../../src/sandbox/shell/home.js';
import { HOME_SEARCH, KEYBOARD_LAYER } from '../../src/sandbox/shell/packages.js';
import { FIXTURE_APPS } from './fixtures/apps.js';
import type { LabState } from './fixtures/apps.js';

const phone = () => createPhone(3, FIXTURE_APPS);
const lab = (p: ReturnType<typeof phone>) => p.apps.lab as LabState;

describe('shell commands (pure)', () => {
  it('opens an app from a shell control and records it in recents', () => {
    const p = phone();
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'weather' });
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'lab' });
    expect(p.system.foreground).toBe('lab');
    expect(p.system.recents).toEqual(['lab', 'weather']);
  });

  it('rejects an unknown app and an unknown shell control with typed errors', () => {
    const p = phone();
    expect(() => applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'nope' })).toThrow(/no sandbox app "nope"/);
    expect(() => applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'fly', arg: '' })).toThrow(/unknown shell control/);
  });

  it('typing needs a focused field and says what to do', () => {
    const p = phone();
    expect(() => typeText(p, FIXTURE_APPS, 'x')).toThrow(/tap a text field first/);
  });

  it('types, runs data-oninput with the value, deletes whole characters and submits', () => {
    const p = phone();
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'lab' });
    applyInput(p, FIXTURE_APPS, { kind: 'focus', key: 'lab.q' });
    const lookup = () => ({ oninput: 'search', onsubmit: 'submit' });
    typeText(p, FIXTURE_APPS, '苹果🍎', lookup);
    expect(p.system.fields['lab.q']).toBe('苹果🍎');
    expect(lab(p).query).toBe('苹果🍎');
    deleteChar(p, FIXTURE_APPS, lookup);
    expect(p.system.fields['lab.q']).toBe('苹果');
    submit(p, FIXTURE_APPS, lookup);
    expect(lab(p).submitted).toBe('苹果');
    expect(p.system.focus).toBeNull();
  });

  it('enter in a multi-line field without onsubmit inserts a newline; in a plain field it closes the keyboard', () => {
    const p = phone();
    p.system.focus = 'lab.note';
    submit(p, FIXTURE_APPS, () => ({ multiline: true }));
    expect(p.system.fields['lab.note']).toBe('\n');
    expect(p.system.focus).toBe('lab.note');
    submit(p, FIXTURE_APPS, () => ({}));
    expect(p.system.focus).toBeNull();
  });

  it('soft keyboard: shift is one-shot, ?123 switches layers, space and backspace work', () => {
    const p = phone();
    p.system.focus = 'lab.q';
    keyboardKey(p, FIXTURE_APPS, 'shift');
    expect(p.system.fields[KEYBOARD_LAYER]).toBe('ABC');
    keyboardKey(p, FIXTURE_APPS, 'H');
    expect(p.system.fields[KEYBOARD_LAYER]).toBe('abc');
    keyboardKey(p, FIXTURE_APPS, 'i');
    keyboardKey(p, FIXTURE_APPS, 'space');
    keyboardKey(p, FIXTURE_APPS, '123');
    keyboardKey(p, FIXTURE_APPS, '7');
    keyboardKey(p, FIXTURE_APPS, 'backspace');
    keyboardKey(p, FIXTURE_APPS, '!');
    expect(p.system.fields['lab.q']).toBe('Hi !');
  });

  it('back: keyboard, then overlay, then screen, then home; from home it clears the app search', () => {
    const p = phone();
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'lab' });
    applyInput(p, FIXTURE_APPS, { kind: 'app', app: 'lab', action: 'open', arg: '2' });
    applyInput(p, FIXTURE_APPS, { kind: 'app', app: 'lab', action: 'dialog', arg: '' });
    p.system.focus = 'lab.note';
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.focus).toBeNull();
    expect(p.system.overlay?.kind).toBe('dialog');
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.overlay).toBeNull();
    expect(p.system.stacks.lab).toHaveLength(1);
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.stacks.lab).toHaveLength(0);
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.foreground).toBeNull();
    p.system.fields[HOME_SEARCH] = 'wea';
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.fields[HOME_SEARCH]).toBe('');
  });

  it('recents toggles, back returns to the app, clear all forgets stacks and goes home', () => {
    const p = phone();
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'lab' });
    applyInput(p, FIXTURE_APPS, { kind: 'app', app: 'lab', action: 'open', arg: '1' });
    pressKey(p, FIXTURE_APPS, 'recent');
    expect(p.system.home.view).toBe('recents');
    pressKey(p, FIXTURE_APPS, 'back');
    expect(p.system.home.view).toBe('grid');
    expect(p.system.foreground).toBe('lab');
    pressKey(p, FIXTURE_APPS, 'recent');
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'clear-recents', arg: '' });
    expect(p.system.recents).toEqual([]);
    expect(p.system.stacks.lab).toBeUndefined();
    expect(p.system.foreground).toBeNull();
  });

  it('overlay buttons close the overlay and run their action on the owning app', () => {
    const p = phone();
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'open', arg: 'lab' });
    const first = lab(p).items[0];
    applyInput(p, FIXTURE_APPS, { kind: 'app', app: 'lab', action: 'menu', arg: '0' });
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'overlay', arg: '0' });
    expect(p.system.overlay).toBeNull();
    expect(lab(p).deleted).toEqual([first]);
    expect(p.system.toast).toBe('Deleted');
    applyInput(p, FIXTURE_APPS, { kind: 'shell', cmd: 'home', arg: '' });
    expect(p.system.toast).toBeNull(); // toasts live until the next input
  });

  it('home search matches labels, aliases and ids; enter opens the first hit', () => {
    expect(searchApps(FIXTURE_APPS, '天气').map((a) => a.id)).toEqual(['weather']);
    expect(searchApps(FIXTURE_APPS, 'LAB').map((a) => a.id)).toEqual(['lab']);
    expect(searchApps(FIXTURE_APPS, 'zzz')).toEqual([]);
    const p = phone();
    p.system.focus = HOME_SEARCH;
    typeText(p, FIXTURE_APPS, '实验');
    submit(p, FIXTURE_APPS);
    expect(p.system.foreground).toBe('lab');
    expect(p.system.fields[HOME_SEARCH]).toBe('');
  });
});
