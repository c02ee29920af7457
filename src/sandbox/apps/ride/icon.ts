/** Inline SVG for the ride app: launcher icon and small UI glyphs. */
export const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="rg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff9a3c"/><stop offset="1" stop-color="#ff6a00"/></linearGradient></defs><rect width="48" height="48" rx="12" fill="url(#rg)"/><path d="M11 29l3-8c.6-1.6 2-2.6 3.7-2.6h12.6c1.7 0 3.1 1 3.7 2.6l3 8v7a1.5 1.5 0 0 1-1.5 1.5h-2A1.5 1.5 0 0 1 32 36v-1.5H16V36a1.5 1.5 0 0 1-1.5 1.5h-2A1.5 1.5 0 0 1 11 36z" fill="#fff"/><path d="M15.5 27l2-5.2c.2-.5.7-.8 1.2-.8h10.6c.5 0 1 .3 1.2.8l2 5.2z" fill="#ff7a1a"/><circle cx="16.5" cy="30.5" r="2" fill="#ff7a1a"/><circle cx="31.5" cy="30.5" r="2" fill="#ff7a1a"/><path d="M24 7a5 5 0 0 1 5 5c0 3.5-5 8-5 8s-5-4.5-5-8a5 5 0 0 1 5-5z" fill="#fff"/><circle cx="24" cy="12" r="1.8" fill="#ff7a1a"/></svg>`;

const svg = (body: string, size = 20, extra = '') =>
  `<svg viewBox="0 0 24 24" width="${size}" height="${size}" ${extra} xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

export const I = {
  back: svg('<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>', 22),
  search: svg('<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 16l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 18),
  home: svg('<path d="M4 11l8-6.5 8 6.5v8.5a1 1 0 0 1-1 1h-4.5v-6h-5v6H5a1 1 0 0 1-1-1z" fill="currentColor"/>', 18),
  work: svg('<rect x="3.5" y="7.5" width="17" height="12" rx="2" fill="currentColor"/><path d="M9 7.5V5.8c0-.7.6-1.3 1.3-1.3h3.4c.7 0 1.3.6 1.3 1.3v1.7" fill="none" stroke="currentColor" stroke-width="1.8"/>', 18),
  clock: svg('<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>', 16),
  pin: svg('<path d="M12 2.5a6.5 6.5 0 0 1 6.5 6.5c0 4.6-6.5 12-6.5 12S5.5 13.6 5.5 9A6.5 6.5 0 0 1 12 2.5z" fill="currentColor"/><circle cx="12" cy="9" r="2.3" fill="#fff"/>', 16),
  shield: svg('<path d="M12 2.8l7 2.7v5.6c0 4.6-3 8.4-7 10-4-1.6-7-5.4-7-10V5.5z" fill="#21b36b"/><path d="M8.8 12l2.2 2.2 4.3-4.4" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>', 18),
  phone: svg('<path d="M7 3.5h3l1.5 4-2 1.3a11 11 0 0 0 5.7 5.7l1.3-2 4 1.5v3a2 2 0 0 1-2 2A16.5 16.5 0 0 1 5 5.5a2 2 0 0 1 2-2z" fill="currentColor"/>', 18),
  chat: svg('<path d="M4 5.5h16v10H9l-4 3.5v-3.5H4z" fill="currentColor"/>', 18),
  car: svg('<path d="M4 15l1.6-4.4c.3-.9 1.1-1.4 2-1.4h8.8c.9 0 1.7.5 2 1.4L20 15v4h-2.5v-1.5h-11V19H4z" fill="currentColor"/><circle cx="7.5" cy="15.3" r="1.2" fill="#fff"/><circle cx="16.5" cy="15.3" r="1.2" fill="#fff"/>', 20),
  person: svg('<circle cx="12" cy="8" r="4" fill="currentColor"/><path d="M4 20c.8-4 4-6 8-6s7.2 2 8 6z" fill="currentColor"/>', 14),
  star: svg('<path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z" fill="#ffb400"/>', 13),
  list: svg('<path d="M5 6h14M5 12h14M5 18h10" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 22),
  user: svg('<circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.9"/><path d="M4.5 20c1-3.8 4-5.5 7.5-5.5s6.5 1.7 7.5 5.5" fill="none" stroke="currentColor" stroke-width="1.9"/>', 22),
  locate: svg('<circle cx="12" cy="12" r="3.2" fill="currentColor"/><circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3" stroke="currentColor" stroke-width="1.8"/>', 20),
  chevron: svg('<path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>', 14),
};
