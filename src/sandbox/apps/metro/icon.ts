/** Inline SVG for the metro app. */
export const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="mg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2f7bf0"/><stop offset="1" stop-color="#1449b8"/></linearGradient></defs><rect width="48" height="48" rx="12" fill="url(#mg)"/><rect x="13" y="9" width="22" height="25" rx="6" fill="#fff"/><rect x="16" y="13" width="16" height="8" rx="2" fill="#1f5fd1"/><circle cx="18.5" cy="28" r="2" fill="#1f5fd1"/><circle cx="29.5" cy="28" r="2" fill="#1f5fd1"/><path d="M17 34l-4 6M31 34l4 6M15.5 38h17" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>`;

const svg = (body: string, size = 20) => `<svg viewBox="0 0 24 24" width="${size}" height="${size}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

export const I = {
  back: svg('<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>', 22),
  swap: svg('<path d="M8 4v15M8 4L4.5 7.5M8 4l3.5 3.5M16 20V5M16 20l-3.5-3.5M16 20l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>', 20),
  route: svg('<circle cx="6" cy="6" r="2.5" fill="currentColor"/><circle cx="18" cy="18" r="2.5" fill="currentColor"/><path d="M6 8.5v3a3 3 0 0 0 3 3h6a3 3 0 0 1 3 3" fill="none" stroke="currentColor" stroke-width="2"/>', 22),
  lines: svg('<path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/><circle cx="9" cy="7" r="2" fill="#fff" stroke="currentColor" stroke-width="1.6"/><circle cx="15" cy="12" r="2" fill="#fff" stroke="currentColor" stroke-width="1.6"/><circle cx="7" cy="17" r="2" fill="#fff" stroke="currentColor" stroke-width="1.6"/>', 22),
  near: svg('<path d="M12 2.5a6.5 6.5 0 0 1 6.5 6.5c0 4.6-6.5 12-6.5 12S5.5 13.6 5.5 9A6.5 6.5 0 0 1 12 2.5z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="9" r="2.3" fill="currentColor"/>', 22),
  star: svg('<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linejoin="round"/>', 22),
  starFill: svg('<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z" fill="#ffb400"/>', 18),
  warn: svg('<path d="M12 3l9.5 17h-19z" fill="#ff9500"/><path d="M12 9.5v5M12 17.2v.3" stroke="#fff" stroke-width="2" stroke-linecap="round"/>', 18),
  qr: svg('<path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4z" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M14 14h2v2h-2zM18 14h2v2h-2zM16 16h2v2h-2zM14 18h2v2h-2zM18 18h2v2h-2z" fill="currentColor"/>', 24),
  map: svg('<path d="M3.5 6l5.5-2 6 2 5.5-2v14l-5.5 2-6-2-5.5 2z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M9 4v14M15 6v14" stroke="currentColor" stroke-width="1.6"/>', 24),
  clock: svg('<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>', 24),
  bag: svg('<path d="M5 8h14l-1 12H6z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M9 8V6.5a3 3 0 0 1 6 0V8" fill="none" stroke="currentColor" stroke-width="1.8"/>', 24),
  walk: svg('<circle cx="13" cy="4.5" r="2" fill="currentColor"/><path d="M10 21l2-6 2.5 2.5V21M9 11l2-3.5 3.5 1.5 1.5 3 2.5 1M11 7.5l-1.5 4.5 2.5 3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>', 16),
  search: svg('<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 18),
  chevron: svg('<path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 14),
  trash: svg('<path d="M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>', 18),
};
