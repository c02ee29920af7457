/** System icons drawn in SVG (inline, no assets); `currentColor` follows the bar's text color. */

const svg = (w: number, h: number, body: string, vb = `0 0 ${w} ${h}`) =>
  `<svg width="${w}" height="${h}" viewBox="${vb}" fill="currentColor" aria-hidden="true">${body}</svg>`;

export const ICON = {
  signal: svg(17, 14, '<rect x="0" y="10" width="3" height="4" rx=".6"/><rect x="4.6" y="7" width="3" height="7" rx=".6"/><rect x="9.2" y="3.5" width="3" height="10.5" rx=".6"/><rect x="13.8" y="0" width="3" height="14" rx=".6"/>'),
  wifi: svg(18, 14, '<path d="M9 13.6 0.3 3.6C2.6 1.6 5.6.4 9 .4s6.4 1.2 8.7 3.2L9 13.6z"/>'),
  bluetooth: svg(10, 15, '<path d="M4.2 0h1l4 3.9-3 3.1 3 3.1-4 3.9h-1V8.6L1.3 11.5.4 10.6 4 7 .4 3.4l.9-.9 2.9 2.9V0zm1.4 2.3v3.4l1.7-1.7-1.7-1.7zm0 6.6v3.4L7.3 10.6 5.6 8.9z"/>'),
  airplane: svg(15, 15, '<path d="M14.5 10.3V8.9L8.6 5.2V1.3C8.6.6 8.1 0 7.5 0S6.4.6 6.4 1.3v3.9L.5 8.9v1.4l5.9-1.8v3.9l-1.5 1.1V15l2.6-.7 2.6.7v-1.5l-1.5-1.1V8.5l5.9 1.8z"/>'),
  back: svg(22, 22, '<path d="M16 3.5v15a.8.8 0 0 1-1.2.7L3.8 11.7a.8.8 0 0 1 0-1.4L14.8 2.8A.8.8 0 0 1 16 3.5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>'),
  home: svg(22, 22, '<circle cx="11" cy="11" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/>'),
  recent: svg(22, 22, '<rect x="3.5" y="3.5" width="15" height="15" rx="2.2" fill="none" stroke="currentColor" stroke-width="2"/>'),
  search: svg(20, 20, '<circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="m13 13 5 5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>'),
  mic: svg(20, 20, '<rect x="7" y="2" width="6" height="11" rx="3"/><path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>'),
  backspace: svg(24, 18, '<path d="M7.5 1.5h14a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5h-14L1 9z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="m11 5.5 7 7m0-7-7 7" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>'),
  enter: svg(22, 18, '<path d="M19 2v7a2 2 0 0 1-2 2H4m0 0 4.5-4.5M4 11l4.5 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'),
  shift: svg(20, 20, '<path d="M10 2.5 2.5 10.5H6.5v6.5h7v-6.5h4z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>'),
  shiftOn: svg(20, 20, '<path d="M10 2.5 2.5 10.5H6.5v6.5h7v-6.5h4z" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>'),
  globe: svg(20, 20, '<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M2 10h16M10 2c2.6 2.4 2.6 13.6 0 16M10 2c-2.6 2.4-2.6 13.6 0 16" fill="none" stroke="currentColor" stroke-width="1.4"/>'),
  emoji: svg(20, 20, '<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="7.2" cy="8" r="1.1"/><circle cx="12.8" cy="8" r="1.1"/><path d="M6.5 12a4 4 0 0 0 7 0" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>'),
  clipboard: svg(20, 20, '<rect x="4" y="3.5" width="12" height="14.5" rx="1.8" fill="none" stroke="currentColor" stroke-width="1.6"/><rect x="7" y="2" width="6" height="3.2" rx="1"/>'),
  gear: svg(20, 20, '<circle cx="10" cy="10" r="3" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M10 1.8v2.6M10 15.6v2.6M1.8 10h2.6M15.6 10h2.6M4.2 4.2l1.8 1.8M14 14l1.8 1.8M4.2 15.8 6 14M14 6l1.8-1.8" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>'),
  close: svg(16, 16, '<path d="m3 3 10 10M13 3 3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>'),
  weather: `<svg width="52" height="40" viewBox="0 0 52 40" aria-hidden="true"><circle cx="17" cy="14" r="9" fill="#ffcf3f"/><path d="M16 36a9 9 0 0 1 1.5-17.9A12 12 0 0 1 40 21a7.5 7.5 0 0 1 1 15z" fill="#fff"/></svg>`,
} as const;

/** Battery outline with a fill proportional to the level. */
export function batteryIcon(level: number): string {
  const w = Math.max(1, Math.round((Math.max(0, Math.min(100, level)) / 100) * 16));
  const color = level <= 15 ? '#e53935' : 'currentColor';
  return svg(25, 13, `<rect x=".75" y=".75" width="20.5" height="11.5" rx="3" fill="none" stroke="currentColor" stroke-width="1.5" opacity=".55"/><rect x="2.75" y="2.75" width="${w}" height="7.5" rx="1.5" fill="${color}"/><rect x="22.5" y="4.2" width="2" height="4.6" rx="1" opacity=".55"/>`);
}
