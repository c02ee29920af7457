/** Whole phone state -> the screen's HTML (pure; the page morphs its DOM to it after every input). */
import type { AppDef, PhoneState } from '../framework.js';
import { esc } from '../html.js';
import { currentScreen, renderScreen } from '../runtime.js';
import { renderHome } from './home.js';
import { renderKeyboard } from './keyboard.js';
import { renderOverlay, renderToast } from './overlay.js';
import { renderRecents } from './recents.js';
import { readSettings } from './settings.js';
import { renderNavBar, renderStatusBar } from './statusbar.js';

/** The foreground app drawn on screen, or null when the launcher (home or recents) shows. */
export function visibleApp(phone: PhoneState, apps: readonly AppDef[]): AppDef | null {
  const fg = phone.system.foreground;
  if (fg === null || phone.system.home.view === 'recents') return null;
  return apps.find((a) => a.id === fg) ?? null;
}

function renderApp(phone: PhoneState, app: AppDef): string {
  let body: string;
  try {
    body = renderScreen(phone, app);
  } catch (e) {
    // Like Android's "app keeps stopping": the phone stays usable and the reason is visible.
    const why = e instanceof Error ? e.message : String(e);
    body = `<div class="crash" data-id="aerr"><div class="crash-t">${esc(app.label)} 屡次停止运行</div><div class="crash-b">${esc(why)}</div></div>`;
  }
  // data-screen tells the page's DOM morph when a whole different screen replaces this one.
  return `<div class="app app-${esc(app.id)}" data-pkg="${esc(app.package)}" data-scope="${esc(app.id)}" data-screen="${esc(currentScreen(phone, app).name)}">${body}</div>`;
}

export function renderPhone(phone: PhoneState, apps: readonly AppDef[]): { html: string; className: string } {
  const settings = readSettings(phone);
  const app = visibleApp(phone, apps);
  const recents = phone.system.home.view === 'recents';
  const cls = ['phone', app ? `fg-${app.id}` : recents ? 'fg-recents' : 'fg-home'];
  if (settings.darkMode) cls.push('dark');
  if (phone.system.focus) cls.push('kb-open');
  const screen = app ? renderApp(phone, app) : recents ? renderRecents(phone, apps) : renderHome(phone, apps);
  const html = renderStatusBar(phone) + screen + renderKeyboard(phone) + renderOverlay(phone, apps) + renderToast(phone) + renderNavBar();
  return { html, className: cls.join(' ') };
}
