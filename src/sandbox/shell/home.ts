/** The launcher: clock/weather widget, app search, paged icon grid and dock. */
import type { AppDef, PhoneState } from '../framework.js';
import { esc } from '../html.js';
import { ICON } from './icons.js';
import { HOME_SCOPE, HOME_SEARCH, LAUNCHER_PACKAGE } from './packages.js';
import { clockParts } from './settings.js';

export const GRID_COLS = 4;
export const GRID_ROWS = 4;
export const PAGE_SIZE = GRID_COLS * GRID_ROWS;
/** Apps that sit in the dock (no label, like Android) when they exist; others fill the grid. */
export const DOCK_PREFERENCE = ['phone', 'messages', 'chat', 'contacts', 'browser', 'camera'];

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function dockApps(apps: readonly AppDef[]): AppDef[] {
  const out: AppDef[] = [];
  for (const id of DOCK_PREFERENCE) {
    const a = apps.find((x) => x.id === id);
    if (a && out.length < 4) out.push(a);
  }
  return out;
}

export function gridApps(apps: readonly AppDef[]): AppDef[] {
  const dock = new Set(dockApps(apps).map((a) => a.id));
  return apps.filter((a) => !dock.has(a.id));
}

export function pageCount(apps: readonly AppDef[]): number {
  return Math.max(1, Math.ceil(gridApps(apps).length / PAGE_SIZE));
}

/** Apps whose label, alias or id contains the query (case-insensitive); all apps, by label, when empty. */
export function searchApps(apps: readonly AppDef[], query: string): AppDef[] {
  const q = query.trim().toLowerCase();
  const hit = (a: AppDef) => !q || [a.label, a.id, ...(a.aliases ?? [])].some((n) => n.toLowerCase().includes(q));
  return apps.filter(hit).sort((a, b) => (q ? 0 : a.label.localeCompare(b.label)));
}

function icon(app: AppDef, withLabel: boolean): string {
  const label = esc(app.label);
  return `<div class="hi" data-shell="open" data-arg="${esc(app.id)}" data-id="app_${esc(app.id)}" aria-label="${label}">` +
    `<span class="ic" aria-hidden="true">${app.icon}</span>${withLabel ? `<span class="hi-l">${label}</span>` : ''}</div>`;
}

function searchBar(phone: PhoneState, active: boolean): string {
  const value = phone.system.fields[HOME_SEARCH] ?? '';
  const focused = phone.system.focus === HOME_SEARCH;
  return `<div class="hs${active ? ' hs-active' : ''}" data-id="search_bar">${ICON.search}` +
    `<input class="hs-in${focused ? ' focused' : ''}" data-field="search" data-id="search_box" placeholder="搜索应用" value="${esc(value)}" readonly>` +
    `<span class="hs-mic" aria-hidden="true">${ICON.mic}</span></div>`;
}

function searchView(phone: PhoneState, apps: readonly AppDef[]): string {
  const q = phone.system.fields[HOME_SEARCH] ?? '';
  const found = searchApps(apps, q);
  const rows = found.map((a) =>
    `<div class="sr" data-shell="open" data-arg="${esc(a.id)}" data-id="search_result">` +
    `<span class="ic sr-ic" aria-hidden="true">${a.icon}</span><span class="sr-l">${esc(a.label)}</span></div>`).join('');
  const empty = `<div class="sr-empty">没有找到“${esc(q.trim())}”相关的应用</div>`;
  return `<div class="home-search">${searchBar(phone, true)}` +
    `<div class="sr-h">${q.trim() ? '应用' : '所有应用'}</div>` +
    `<div class="scroll sr-list" data-scroll="search" data-id="search_results">${found.length ? rows : empty}</div></div>`;
}

export function renderHome(phone: PhoneState, apps: readonly AppDef[]): string {
  const sys = phone.system;
  const open = `<div class="home" data-pkg="${LAUNCHER_PACKAGE}" data-scope="${HOME_SCOPE}">`;
  if (sys.focus === HOME_SEARCH || (sys.fields[HOME_SEARCH] ?? '') !== '') return open + searchView(phone, apps) + '</div>';
  const { hh, mm, month, day, weekday } = clockParts(sys.clock);
  const pages = pageCount(apps);
  const page = Math.max(0, Math.min(pages - 1, sys.home.page));
  const grid = gridApps(apps).slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((a) => icon(a, true)).join('');
  const dots = pages > 1
    ? `<div class="dots" aria-hidden="true">${Array.from({ length: pages }, (_, i) => `<i class="${i === page ? 'on' : ''}"></i>`).join('')}</div>`
    : '<div class="dots"></div>';
  const dock = dockApps(apps);
  return open +
    `<div class="widget"><div class="w-clock"><div class="w-time" data-id="widget_clock">${hh}:${mm}</div>` +
    `<div class="w-date">${month}月${day}日 ${WEEKDAYS_ZH[weekday]}</div></div>` +
    `<div class="w-weather">${ICON.weather}<div class="w-temp">12°</div><div class="w-city">上海 · 多云</div></div></div>` +
    searchBar(phone, false) +
    `<div class="grid" data-id="workspace">${grid}</div>${dots}` +
    (dock.length ? `<div class="dock" data-id="hotseat">${dock.map((a) => icon(a, false)).join('')}</div>` : '') +
    '</div>';
}
