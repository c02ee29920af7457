/** Dialogs, menus and bottom sheets (phone.system.overlay) and the toast (phone.system.toast). */
import type { AppDef, DialogButton, PhoneState } from '../framework.js';
import { esc } from '../html.js';

function button(b: DialogButton, i: number, cls: string): string {
  return `<button class="${cls} ${cls}-${b.style ?? 'default'}" data-shell="overlay" data-arg="${i}">${esc(b.label)}</button>`;
}

export function renderOverlay(phone: PhoneState, apps: readonly AppDef[]): string {
  const o = phone.system.overlay;
  if (!o) return '';
  const pkg = apps.find((a) => a.id === o.app)?.package ?? 'android';
  const scrim = `<div class="ov-scrim" data-shell="dismiss" aria-label="Dismiss"></div>`;
  let panel: string;
  if (o.kind === 'dialog') {
    panel = `<div class="dlg" data-id="dialog"><div class="dlg-t" data-id="alertTitle">${esc(o.title)}</div>` +
      (o.body ? `<div class="dlg-b" data-id="message">${esc(o.body)}</div>` : '') +
      `<div class="dlg-bs">${o.buttons.map((b, i) => button(b, i, 'dlg-btn')).join('')}</div></div>`;
  } else if (o.kind === 'menu') {
    panel = `<div class="menu" data-id="popup_menu">${o.title ? `<div class="menu-t">${esc(o.title)}</div>` : ''}` +
      o.items.map((b, i) => button(b, i, 'menu-i')).join('') + '</div>';
  } else {
    panel = `<div class="sheet" data-id="bottom_sheet"><div class="sheet-grip" aria-hidden="true"></div>` +
      (o.title ? `<div class="sheet-t">${esc(o.title)}</div>` : '') +
      o.items.map((b, i) => button(b, i, 'sheet-i')).join('') + '</div>';
  }
  return `<div class="ov ov-${o.kind}" data-pkg="${esc(pkg)}">${scrim}${panel}</div>`;
}

export function renderToast(phone: PhoneState): string {
  const t = phone.system.toast;
  return t ? `<div class="toast" data-pkg="android" data-class="android.widget.Toast"><span>${esc(t)}</span></div>` : '';
}
