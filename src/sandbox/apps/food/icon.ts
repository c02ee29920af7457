/** Inline SVG for the food app: launcher icon, glyphs and restaurant logos. */
import { esc } from '../../html.js';
import type { CuisineId } from './data.js';

export const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect width="48" height="48" rx="12" fill="#ffd100"/><path d="M10 27h28a14 14 0 0 1-28 0z" fill="#222"/><path d="M12 24a12 9 0 0 1 24 0z" fill="#fff"/><path d="M24 8c3 2 3 5 0 7M19 10c2 1.5 2 3.5 0 5M29 10c2 1.5 2 3.5 0 5" fill="none" stroke="#222" stroke-width="2" stroke-linecap="round"/><circle cx="36" cy="36" r="6" fill="#ff6a00"/><path d="M33.5 36l2 2 3.5-3.5" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></svg>`;

const svg = (body: string, size = 20) => `<svg viewBox="0 0 24 24" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

export const I = {
  back: svg('<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>', 22),
  search: svg('<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 18),
  home: svg('<path d="M4 11l8-6.5 8 6.5v8.5a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1z" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linejoin="round"/>', 22),
  list: svg('<rect x="5" y="3.5" width="14" height="17" rx="2" fill="none" stroke="currentColor" stroke-width="1.9"/><path d="M8.5 8.5h7M8.5 12h7M8.5 15.5h4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>', 22),
  user: svg('<circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.9"/><path d="M4.5 20c1-3.8 4-5.5 7.5-5.5s6.5 1.7 7.5 5.5" fill="none" stroke="currentColor" stroke-width="1.9"/>', 22),
  pin: svg('<path d="M12 2.5a6.5 6.5 0 0 1 6.5 6.5c0 4.6-6.5 12-6.5 12S5.5 13.6 5.5 9A6.5 6.5 0 0 1 12 2.5z" fill="currentColor"/><circle cx="12" cy="9" r="2.3" fill="#fff"/>', 18),
  star: svg('<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z" fill="#ff9f00"/>', 12),
  plus: svg('<circle cx="12" cy="12" r="10" fill="#ffd100"/><path d="M12 7.5v9M7.5 12h9" stroke="#222" stroke-width="2.2" stroke-linecap="round"/>', 24),
  minus: svg('<circle cx="12" cy="12" r="9.2" fill="#fff" stroke="#bbb" stroke-width="1.5"/><path d="M7.5 12h9" stroke="#555" stroke-width="2.2" stroke-linecap="round"/>', 24),
  bag: svg('<path d="M5 8h14l-1.2 12.5H6.2z" fill="#ffd100" stroke="#222" stroke-width="1.6" stroke-linejoin="round"/><path d="M9 8V6.5a3 3 0 0 1 6 0V8" fill="none" stroke="#222" stroke-width="1.6"/>', 30),
  bike: svg('<circle cx="6" cy="16.5" r="3.3" fill="none" stroke="currentColor" stroke-width="1.7"/><circle cx="18" cy="16.5" r="3.3" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M6 16.5l4-7h5l3 7M10 9.5l-1.5-3H6M14 6.5h3" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>', 22),
  chevron: svg('<path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 14),
  check: svg('<circle cx="12" cy="12" r="9" fill="#ffd100"/><path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="#222" stroke-width="2.2" stroke-linecap="round"/>', 20),
  ring: svg('<circle cx="12" cy="12" r="8.5" fill="none" stroke="#ccc" stroke-width="1.6"/>', 20),
  clock: svg('<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>', 14),
};

const HUE: Record<CuisineId, string> = { sichuan: '#d8392b', cantonese: '#c9822b', noodles: '#e0a526', burgers: '#e2572b', pizza: '#c8442f', japanese: '#2d6fb7', tea: '#8a5cc2', dumplings: '#3c9a6b' };

/** Restaurant logo: a rounded tile in the cuisine's colour with the first character. */
export function logo(name: string, cuisine: CuisineId, size = 64): string {
  return `<svg viewBox="0 0 64 64" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><rect width="64" height="64" rx="12" fill="${HUE[cuisine]}"/><circle cx="50" cy="14" r="18" fill="rgba(255,255,255,.12)"/><text x="32" y="42" font-size="28" font-weight="700" text-anchor="middle" fill="#fff">${esc(name.slice(0, 1))}</text></svg>`;
}

/** Dish picture: a plate with food in the cuisine's colour. */
export function dishPic(cuisine: CuisineId, seed: number, size = 76): string {
  const c = HUE[cuisine];
  const dots = [0, 1, 2, 3, 4].map((k) => `<circle cx="${30 + ((seed * 7 + k * 13) % 22) - 8}" cy="${30 + ((seed * 5 + k * 11) % 18) - 6}" r="${3 + ((seed + k) % 3)}" fill="rgba(255,255,255,.55)"/>`).join('');
  return `<svg viewBox="0 0 60 60" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><rect width="60" height="60" rx="8" fill="#f6efe4"/><circle cx="30" cy="31" r="23" fill="#fff" stroke="#e6ded2"/><circle cx="30" cy="31" r="16" fill="${c}"/>${dots}</svg>`;
}

const GLYPH: Record<CuisineId, string> = {
  sichuan: '<path d="M14 30c4-10 14-14 22-10-2 8-10 14-22 10z" fill="#fff"/><path d="M34 18c2-3 5-4 7-3" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/>',
  cantonese: '<path d="M12 28h24a12 8 0 0 1-24 0z" fill="#fff"/><path d="M16 27c2-6 14-6 16 0" fill="#fff" opacity=".7"/>',
  noodles: '<path d="M11 26h26a13 11 0 0 1-26 0z" fill="#fff"/><path d="M17 26V12M21 26V11M25 26V12" stroke="#fff" stroke-width="2" stroke-linecap="round"/>',
  burgers: '<path d="M12 22a12 8 0 0 1 24 0z" fill="#fff"/><rect x="12" y="24" width="24" height="4" rx="2" fill="#fff" opacity=".75"/><path d="M12 30h24a3 3 0 0 1-3 4H15a3 3 0 0 1-3-4z" fill="#fff"/>',
  pizza: '<path d="M24 10l13 24H11z" fill="#fff"/><circle cx="22" cy="24" r="2" fill="currentColor"/><circle cx="27" cy="29" r="2" fill="currentColor"/>',
  japanese: '<rect x="11" y="20" width="26" height="10" rx="5" fill="#fff"/><rect x="17" y="20" width="14" height="10" fill="#fff" opacity=".6"/>',
  tea: '<path d="M16 14h16l-2 22H18z" fill="#fff"/><path d="M24 14l4-6" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/><circle cx="21" cy="31" r="1.6" fill="currentColor"/><circle cx="26" cy="32" r="1.6" fill="currentColor"/>',
  dumplings: '<path d="M10 28c0-8 6-12 14-12s14 4 14 12z" fill="#fff"/><path d="M14 22l3 3M20 19l2 4M27 19l-1 4M33 22l-3 3" stroke="currentColor" stroke-width="1.6"/>',
};

/** Round category icon for the home grid. */
export function cuisineIcon(c: CuisineId): string {
  return `<svg viewBox="0 0 48 48" width="40" height="40" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" style="color:${HUE[c]}"><circle cx="24" cy="24" r="22" fill="${HUE[c]}"/>${GLYPH[c]}</svg>`;
}
