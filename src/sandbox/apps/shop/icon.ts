/** Inline SVG for the shop: launcher icon, UI glyphs and product pictures per category. */
import { COLOURS, type CatId } from './data.js';

export const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="sg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff5a36"/><stop offset="1" stop-color="#ff2a5c"/></linearGradient></defs><rect width="48" height="48" rx="12" fill="url(#sg)"/><path d="M13 17h22l-2 20H15z" fill="#fff"/><path d="M18.5 19v-3a5.5 5.5 0 0 1 11 0v3" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/><path d="M19 25a5 5 0 0 0 10 0" fill="none" stroke="#ff3d4f" stroke-width="2.6" stroke-linecap="round"/></svg>`;

const svg = (body: string, size = 20) => `<svg viewBox="0 0 24 24" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

export const I = {
  back: svg('<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>', 22),
  search: svg('<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 18),
  home: svg('<path d="M4 11l8-6.5 8 6.5v8.5a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1z" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linejoin="round"/>', 22),
  cart: svg('<path d="M3 4h2.5l2.2 11h10.6l2-8H7" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/><circle cx="9" cy="19" r="1.6" fill="currentColor"/><circle cx="17" cy="19" r="1.6" fill="currentColor"/>', 22),
  user: svg('<circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.9"/><path d="M4.5 20c1-3.8 4-5.5 7.5-5.5s6.5 1.7 7.5 5.5" fill="none" stroke="currentColor" stroke-width="1.9"/>', 22),
  heart: svg('<path d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.6 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linejoin="round"/>', 22),
  heartFill: svg('<path d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.6 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" fill="#ff3d4f"/>', 22),
  filter: svg('<path d="M4 5h16l-6 7.5V19l-4 1.5v-8z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>', 16),
  star: svg('<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z" fill="#ffb400"/>', 12),
  pin: svg('<path d="M12 2.5a6.5 6.5 0 0 1 6.5 6.5c0 4.6-6.5 12-6.5 12S5.5 13.6 5.5 9A6.5 6.5 0 0 1 12 2.5z" fill="currentColor"/><circle cx="12" cy="9" r="2.3" fill="#fff"/>', 20),
  chevron: svg('<path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 14),
  check: svg('<circle cx="12" cy="12" r="9" fill="#ff3d4f"/><path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/>', 20),
  ok: svg('<circle cx="12" cy="12" r="10" fill="#19b36b"/><path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>', 56),
  scan: svg('<path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M4 12h16" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round"/>', 22),
  box: svg('<path d="M4 7.5L12 4l8 3.5v9L12 20l-8-3.5z M4 7.5L12 11l8-3.5M12 11v9" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/>', 24),
  wallet: svg('<rect x="3.5" y="6" width="17" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M15 12.5h5.5" stroke="currentColor" stroke-width="1.7"/>', 24),
  truck: svg('<path d="M3 7h11v9H3zM14 10h4l3 3v3h-7z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/><circle cx="7" cy="17.5" r="1.6" fill="currentColor"/><circle cx="17" cy="17.5" r="1.6" fill="currentColor"/>', 24),
  chat: svg('<path d="M4 5.5h16v10H9l-4 3.5v-3.5H4z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/>', 24),
  store: svg('<path d="M4 9l1.5-4.5h13L20 9v1.5a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0zM5.5 12.5V20h13v-7.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>', 20),
};

const SHAPES: Record<CatId, (c: string) => string> = {
  tshirt: (c) => `<path d="M34 22l12-6h8l12 6 10 12-10 7-5-5v34H39V36l-5 5-10-7z" fill="${c}" stroke="rgba(0,0,0,.15)"/><path d="M46 16a4 4 0 0 0 8 0" fill="none" stroke="rgba(0,0,0,.2)" stroke-width="2"/>`,
  hoodie: (c) => `<path d="M36 24l8-6h12l8 6 10 14-9 6-4-5v33H39V39l-4 5-9-6z" fill="${c}" stroke="rgba(0,0,0,.15)"/><path d="M44 18c0 8 12 8 12 0" fill="none" stroke="rgba(0,0,0,.25)" stroke-width="2.5"/><rect x="42" y="52" width="16" height="9" rx="3" fill="rgba(0,0,0,.12)"/>`,
  jeans: (c) => `<path d="M36 18h28l3 56H54l-4-36-4 36H33z" fill="${c}" stroke="rgba(0,0,0,.2)"/><path d="M36 24h28M50 24v10" stroke="rgba(255,255,255,.35)" stroke-width="1.5"/>`,
  sneakers: (c) => `<path d="M18 56c2-10 8-18 14-18 4 6 12 8 18 8l22 6c6 2 10 6 10 10v4H18z" fill="${c}" stroke="rgba(0,0,0,.2)"/><path d="M18 62h64v5H18z" fill="#e9e9e9" stroke="rgba(0,0,0,.15)"/><path d="M38 44l4 6M44 45l3 6M50 46l2 6" stroke="rgba(0,0,0,.3)" stroke-width="2"/>`,
  earbuds: (c) => `<rect x="30" y="38" width="40" height="30" rx="15" fill="${c}" stroke="rgba(0,0,0,.2)"/><path d="M30 50h40" stroke="rgba(0,0,0,.15)"/><path d="M38 22a6 6 0 0 1 6 6v8h-5v-6a4 4 0 0 1-1-8zM62 22a6 6 0 0 0-6 6v8h5v-6a4 4 0 0 0 1-8z" fill="${c}" stroke="rgba(0,0,0,.2)"/>`,
  powerbank: (c) => `<rect x="32" y="18" width="36" height="62" rx="8" fill="${c}" stroke="rgba(0,0,0,.2)"/><circle cx="50" cy="34" r="3" fill="#4fd18b"/><rect x="44" y="72" width="12" height="3" rx="1.5" fill="rgba(0,0,0,.3)"/>`,
  case: (c) => `<rect x="34" y="14" width="32" height="66" rx="9" fill="${c}" stroke="rgba(0,0,0,.2)"/><rect x="38" y="18" width="13" height="16" rx="5" fill="rgba(0,0,0,.3)"/><circle cx="44.5" cy="24" r="3" fill="#222"/>`,
  bottle: (c) => `<rect x="42" y="12" width="16" height="10" rx="3" fill="#666"/><path d="M40 22h20c2 0 3 2 3 4v48c0 4-3 6-6 6H43c-3 0-6-2-6-6V26c0-2 1-4 3-4z" fill="${c}" stroke="rgba(0,0,0,.2)"/><path d="M42 30v36" stroke="rgba(255,255,255,.45)" stroke-width="3" stroke-linecap="round"/>`,
  backpack: (c) => `<path d="M32 30c0-8 8-14 18-14s18 6 18 14v44c0 3-2 5-5 5H37c-3 0-5-2-5-5z" fill="${c}" stroke="rgba(0,0,0,.2)"/><rect x="38" y="52" width="24" height="16" rx="4" fill="rgba(0,0,0,.15)"/><path d="M44 16v-4h12v4" fill="none" stroke="#555" stroke-width="2.5"/>`,
};

/** Product picture: the category's shape in the product colour on a soft background. */
export function productPic(cat: CatId, colour: string, size: number): string {
  const hex = COLOURS[colour]?.[2] ?? '#999';
  return `<svg viewBox="0 0 100 90" width="${size}" height="${Math.round(size * 0.9)}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><rect width="100" height="90" fill="#f4f4f6"/><ellipse cx="50" cy="82" rx="30" ry="4" fill="rgba(0,0,0,.06)"/>${SHAPES[cat](hex)}</svg>`;
}
