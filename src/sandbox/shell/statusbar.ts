/** The status bar (clock, radios, battery) and the 3-button navigation bar. */
import type { PhoneState } from '../framework.js';
import { batteryIcon, ICON } from './icons.js';
import { SYSTEMUI_PACKAGE } from './packages.js';
import { clockParts, readSettings } from './settings.js';

export const STATUS_BAR_H = 28;
export const NAV_BAR_H = 48;

export function renderStatusBar(phone: PhoneState): string {
  const s = readSettings(phone);
  const { hh, mm } = clockParts(phone.system.clock);
  const battery = Math.max(0, Math.min(100, Math.round(phone.system.battery)));
  const radios: string[] = [];
  if (s.bluetooth) radios.push(`<span class="sb-i" data-id="bluetooth" aria-label="Bluetooth on">${ICON.bluetooth}</span>`);
  if (s.airplane) radios.push(`<span class="sb-i" data-id="airplane" aria-label="Airplane mode on">${ICON.airplane}</span>`);
  else {
    if (s.wifi) radios.push(`<span class="sb-i" data-id="wifi" aria-label="Wi-Fi signal full">${ICON.wifi}</span>`);
    radios.push(`<span class="sb-i" data-id="mobile_signal" aria-label="Phone signal full">${ICON.signal}</span>`);
  }
  return `<div class="sb" data-pkg="${SYSTEMUI_PACKAGE}" data-id="status_bar">` +
    `<span class="sb-clock" data-id="clock">${hh}:${mm}</span><span class="sb-fill"></span>${radios.join('')}` +
    `<span class="sb-i" data-id="battery" aria-label="Battery ${battery} percent">${batteryIcon(battery)}</span>` +
    `<span class="sb-pct">${battery}%</span></div>`;
}

export function renderNavBar(): string {
  return `<div class="nb" data-pkg="${SYSTEMUI_PACKAGE}" data-id="navigation_bar">` +
    `<button class="nb-b" data-shell="back" data-id="back" aria-label="Back">${ICON.back}</button>` +
    `<button class="nb-b" data-shell="home" data-id="home" aria-label="Home">${ICON.home}</button>` +
    `<button class="nb-b" data-shell="recent" data-id="recent_apps" aria-label="Recent apps">${ICON.recent}</button></div>`;
}
