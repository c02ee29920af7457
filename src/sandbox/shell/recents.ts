/** The recents (overview) screen: a card per recent app with a live, inert preview, and "Clear all". */
import type { AppDef, PhoneState } from '../framework.js';
import { esc } from '../html.js';
import { renderScreen } from '../runtime.js';
import { LAUNCHER_PACKAGE, HOME_SCOPE } from './packages.js';

function preview(phone: PhoneState, app: AppDef): string {
  let body: string;
  try { body = renderScreen(phone, app); } catch { body = ''; }
  // Inert: pointer-events none (taps land on the card) and skipped by the UI tree.
  return `<div class="rc-prev" aria-hidden="true" data-tree="skip"><div class="app app-${esc(app.id)} rc-app">${body}</div></div>`;
}

export function renderRecents(phone: PhoneState, apps: readonly AppDef[]): string {
  const recent = phone.system.recents.map((id) => apps.find((a) => a.id === id)).filter((a): a is AppDef => !!a);
  const open = `<div class="recents" data-pkg="${LAUNCHER_PACKAGE}" data-scope="${HOME_SCOPE}">`;
  if (!recent.length) return open + '<div class="rc-empty" data-id="recents_empty">没有最近使用的应用</div></div>';
  const cards = recent.map((a) =>
    `<div class="rc" data-shell="open" data-arg="${esc(a.id)}" data-id="task_view" aria-label="${esc(a.label)}">` +
    `<div class="rc-h"><span class="ic rc-ic" aria-hidden="true">${a.icon}</span><span class="rc-l">${esc(a.label)}</span></div>` +
    preview(phone, a) + '</div>').join('');
  return open + `<div class="hscroll rc-list" data-scroll="recents" data-id="recents_list">${cards}</div>` +
    '<button class="rc-clear" data-shell="clear-recents" data-id="clear_all">全部清除</button></div>';
}
