/** A stylised street map drawn in SVG: city blocks, roads, a river, pins and a route. */
import { esc } from '../../html.js';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface MapPin {
  label: string;
  kind: 'from' | 'to';
}

/** Map background for a key (a place id), optionally with a from->to route and pins. */
export function mapSvg(key: string, w: number, h: number, pins: { from?: MapPin; to?: MapPin } = {}): string {
  const r = hash(key);
  const ox = (r % 40) - 20;
  const oy = ((r >>> 8) % 40) - 20;
  const cols = [30 + ox, 130 + ox, 230 + ox, 330 + ox];
  const rows = [60 + oy, 170 + oy, 280 + oy, 390 + oy];
  let g = `<rect width="${w}" height="${h}" fill="#eef0e6"/>`;
  // City blocks between roads.
  for (let i = -1; i < cols.length; i++) {
    for (let j = -1; j < rows.length; j++) {
      const x = (cols[i] ?? cols[0] - 100) + 12;
      const y = (rows[j] ?? rows[0] - 110) + 12;
      const park = (r >>> ((i + 2) * 3 + j)) % 7 === 0;
      g += `<rect x="${x}" y="${y}" width="76" height="86" rx="6" fill="${park ? '#d5ecc8' : '#e1e4da'}"/>`;
    }
  }
  const river = Math.round(h * 0.75) + Math.round(oy / 2);
  g += `<path d="M0 ${river} C 90 ${river - 40}, 160 ${river + 50}, 250 ${river + 10} S 340 ${river - 30}, ${w} ${river - 10} L ${w} ${river + 45} C 300 ${river + 20}, 230 ${river + 70}, 150 ${river + 45} S 40 ${river + 30}, 0 ${river + 55} Z" fill="#b9daf0"/>`;
  for (const x of cols) g += `<rect x="${x - 5}" y="0" width="10" height="${h}" fill="#fff"/>`;
  for (const y of rows) g += `<rect x="0" y="${y - 5}" width="${w}" height="10" fill="#fff"/>`;
  g += `<rect x="0" y="${rows[1] - 6}" width="${w}" height="12" fill="#f6d58e"/>`;
  g += `<text x="${w - 80}" y="${river + 30}" font-size="11" fill="#5b8fb5">苏州河</text>`;
  const A: [number, number] = [cols[1], Math.round(h * 0.72)];
  const B: [number, number] = [cols[2], Math.max(118, Math.round(h * 0.4))];
  if (pins.from && pins.to) {
    const mid = rows.find((y) => y > B[1] + 10 && y < A[1] - 10) ?? Math.round((A[1] + B[1]) / 2);
    g += `<path d="M${A[0]} ${A[1]} L${A[0]} ${mid} L${B[0]} ${mid} L${B[0]} ${B[1]}" fill="none" stroke="#1fb36a" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>`;
  }
  const pin = (p: [number, number], m: MapPin) => {
    const c = m.kind === 'from' ? '#1fb36a' : '#ff7a1a';
    return `<circle cx="${p[0]}" cy="${p[1]}" r="22" fill="${c}" opacity=".15"/><path d="M${p[0]} ${p[1]} l-9 -13 a11 11 0 1 1 18 0 z" fill="${c}"/><circle cx="${p[0]}" cy="${p[1] - 19}" r="4" fill="#fff"/>` +
      `<g><rect x="${p[0] - 70}" y="${p[1] - 62}" width="140" height="28" rx="8" fill="#fff" filter="drop-shadow(0 1px 2px rgba(0,0,0,.18))"/><text x="${p[0]}" y="${p[1] - 43}" font-size="11.5" text-anchor="middle" fill="${c}" font-weight="600">${esc(m.label.length > 12 ? m.label.slice(0, 12) + '…' : m.label)}</text></g>`;
  };
  if (pins.from) g += pin(pins.to ? A : [w / 2, h / 2 + 20], pins.from);
  if (pins.to) g += pin(B, pins.to);
  // A few cars around the streets, as on every ride app's home map.
  for (let k = 0; k < 5; k++) {
    const x = cols[(r >>> k) % cols.length] - 7;
    const y = 30 + ((r >>> (k * 5)) % (h - 60));
    g += `<rect x="${x}" y="${y}" width="14" height="9" rx="3" fill="#444" transform="rotate(90 ${x + 7} ${y + 4})"/>`;
  }
  return `<svg class="map" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">${g}</svg>`;
}
