/** Illustrations for article cards and pages, drawn as inline SVG from the channel and a hue. */
import type { Article } from './data.js';

function scene(a: Pick<Article, 'channel' | 'hue'>, variant: number): string {
  const h = (a.hue + variant * 47) % 360;
  const bg = `<defs><linearGradient id="g${a.hue}-${variant}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h},55%,62%)"/><stop offset="1" stop-color="hsl(${(h + 40) % 360},60%,38%)"/></linearGradient></defs><rect width="160" height="100" fill="url(#g${a.hue}-${variant})"/>`;
  switch (a.channel) {
    case 'tech':
      return bg + `<rect x="58" y="28" width="44" height="44" rx="6" fill="#1d2331" stroke="#9fe" stroke-width="1.5"/><rect x="70" y="40" width="20" height="20" rx="3" fill="#6ef"/>` +
        Array.from({ length: 5 }, (_, i) => `<path d="M${64 + i * 8} 28v-10M${64 + i * 8} 72v10M58 ${34 + i * 8}h-12M102 ${34 + i * 8}h12" stroke="#9fe" stroke-width="1.5"/>`).join('') +
        `<circle cx="30" cy="80" r="3" fill="#fff" opacity=".7"/><circle cx="132" cy="20" r="4" fill="#fff" opacity=".6"/>`;
    case 'sports':
      return bg + `<rect y="55" width="160" height="45" fill="hsl(120,45%,38%)"/>` + Array.from({ length: 4 }, (_, i) => `<rect x="${i * 40}" y="55" width="20" height="45" fill="#fff" opacity=".08"/>`).join('') +
        `<path d="M0 70h160" stroke="#fff" stroke-width="1.2" opacity=".8"/><circle cx="${30 + ((a.hue + variant * 37) % 5) * 25}" cy="45" r="13" fill="#fff"/><path d="M${30 + ((a.hue + variant * 37) % 5) * 25} 36l6 5-2 7h-8l-2-7z" fill="#222"/>`;
    case 'finance':
      return bg + [22, 38, 30, 52, 46, 64].map((v, i) => `<rect x="${16 + i * 22}" y="${90 - v}" width="14" height="${v}" rx="2" fill="#fff" opacity=".35"/>`).join('') +
        `<path d="M10 70L38 58 60 64 84 40 108 46 150 16" stroke="#ffd54f" stroke-width="3" fill="none" stroke-linecap="round"/><circle cx="150" cy="16" r="4" fill="#ffd54f"/>`;
    case 'world':
      return bg + `<circle cx="80" cy="50" r="34" fill="#4fc3f7" stroke="#e1f5fe" stroke-width="1.5"/><path d="M62 32q10 6 6 16t10 12 4 14M88 24q-6 10 4 14t14 2" stroke="#66bb6a" stroke-width="7" fill="none" stroke-linecap="round"/>` +
        `<ellipse cx="80" cy="50" rx="14" ry="34" fill="none" stroke="#e1f5fe" stroke-width="1" opacity=".7"/><path d="M46 50h68" stroke="#e1f5fe" stroke-width="1" opacity=".7"/>`;
    case 'local':
      return bg + `<path d="M0 100V74h14V62h10v12h8V50h12v24h6V66h10v8h6V58h8v42zM112 100V60h10V48h10v12h8v40z" fill="#263238" opacity=".75"/>` +
        `<path d="M98 100V40" stroke="#263238" stroke-width="3"/><circle cx="98" cy="62" r="7" fill="#e91e63"/><circle cx="98" cy="40" r="5" fill="#e91e63"/><path d="M98 33V18" stroke="#263238" stroke-width="2"/>` +
        `<circle cx="135" cy="20" r="8" fill="#fff59d" opacity=".9"/>`;
  }
}

export function thumb(a: Pick<Article, 'channel' | 'hue'>, variant = 0, cls = 'nw-img'): string {
  return `<svg class="${cls}" viewBox="0 0 160 100" preserveAspectRatio="xMidYMid slice" aria-hidden="true">${scene(a, variant)}</svg>`;
}
