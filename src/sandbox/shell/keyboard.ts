/**
 * The soft keyboard (Gboard-like), shown while phone.system.focus is set. Keys are tappable and
 * type into the focused field; agents usually type with the device's `type` action instead.
 */
import type { PhoneState } from '../framework.js';
import { esc } from '../html.js';
import { ICON } from './icons.js';
import { KEYBOARD_LAYER, KEYBOARD_PACKAGE } from './packages.js';

export type KeyboardLayer = 'abc' | 'ABC' | '123';
export const KEYBOARD_H = 262;

const LETTERS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SYMBOLS = ['1234567890', '@#¥_&-+()/', `*"':;!?`];

/** Special keys: arg -> [label html, content-desc]. */
const SPECIAL: Record<string, [string, string]> = {
  shift: [ICON.shift, 'Shift'],
  shiftOn: [ICON.shiftOn, 'Shift'],
  backspace: [ICON.backspace, 'Delete'],
  enter: [ICON.enter, 'Enter'],
  '123': ['?123', 'Symbols'],
  abc: ['ABC', 'Letters'],
  space: ['', 'Space'],
};

export function keyboardLayer(phone: PhoneState): KeyboardLayer {
  const v = phone.system.fields[KEYBOARD_LAYER];
  return v === 'ABC' || v === '123' ? v : 'abc';
}

function key(arg: string, cls = ''): string {
  const sp = SPECIAL[arg];
  const shellArg = arg === 'shiftOn' ? 'shift' : arg;
  if (sp) {
    const label = arg === 'space' ? '<span class="kb-space">English</span>' : sp[0];
    return `<button class="kb-k kb-fn ${cls}" data-shell="key" data-arg="${esc(shellArg)}" aria-label="${sp[1]}">${label}</button>`;
  }
  return `<button class="kb-k ${cls}" data-shell="key" data-arg="${esc(arg)}">${esc(arg)}</button>`;
}

export function renderKeyboard(phone: PhoneState): string {
  if (!phone.system.focus) return '';
  const layer = keyboardLayer(phone);
  const rows = layer === '123' ? SYMBOLS : LETTERS.map((r) => (layer === 'ABC' ? r.toUpperCase() : r));
  const r = (chars: string) => [...chars].map((c) => key(c)).join('');
  const shiftKey = layer === '123' ? key('abc', 'kb-wide') : key(layer === 'ABC' ? 'shiftOn' : 'shift', 'kb-wide');
  return `<div class="kb" data-pkg="${KEYBOARD_PACKAGE}" data-id="keyboard">` +
    `<div class="kb-bar" aria-hidden="true">${ICON.emoji}${ICON.clipboard}${ICON.gear}${ICON.mic}</div>` +
    `<div class="kb-row">${r(rows[0])}</div>` +
    `<div class="kb-row kb-row2">${r(rows[1])}</div>` +
    `<div class="kb-row">${shiftKey}${r(rows[2])}${key('backspace', 'kb-wide')}</div>` +
    `<div class="kb-row">${layer === '123' ? key('abc', 'kb-mid') : key('123', 'kb-mid')}${key(',')}` +
    `<span class="kb-k kb-fn" aria-hidden="true">${ICON.globe}</span>` +
    `${key('space', 'kb-spacebar')}${key('.')}${key('enter', 'kb-mid kb-enter')}</div></div>`;
}
