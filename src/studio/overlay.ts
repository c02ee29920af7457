/**
 * The action drawn over a screenshot, as SVG: a tap ring, a swipe arrow, typed text, a key
 * badge. One module for every consumer: the browser UI bundles it, and the GIF / contact-sheet
 * exports composite the same SVG onto screenshots with sharp. Pure (no DOM, no Node APIs).
 */
import type { Action } from '../core/actions.js';
import { toNorm1000, type Point, type Space } from '../core/coords.js';
import { esc } from '../sandbox/html.js';

export interface Size {
  width: number;
  height: number;
}

const ACCENT = '#ff2d6f';
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A short human label: `tap`, `type "hello"`, `key back`, `swipe ↑`. */
export function actionLabel(a: Action | undefined): string {
  if (!a) return 'no action';
  switch (a.type) {
    case 'click': return 'tap';
    case 'double_click': return 'double tap';
    case 'long_press': return `long press${a.duration_ms ? ` ${a.duration_ms} ms` : ''}`;
    case 'right_click': return 'right click';
    case 'hover': return 'hover';
    case 'type': return `type "${clip(a.text, 28)}"`;
    case 'swipe': case 'drag': return `${a.type} ${arrowGlyph(a.from, a.to)}`;
    case 'scroll': return `scroll ${a.direction}`;
    case 'key': return `key ${a.key}`;
    case 'hotkey': return `keys ${a.keys.join('+')}`;
    case 'open_app': return `open ${clip(a.app, 24)}`;
    case 'wait': return `wait ${a.seconds}s`;
    case 'info': return `ask "${clip(a.question, 28)}"`;
    case 'complete': return `complete "${clip(a.answer, 28)}"`;
    case 'abort': return `abort "${clip(a.reason, 28)}"`;
    case 'navigate': return `go ${clip(a.url, 32)}`;
  }
}

function arrowGlyph(from: readonly number[], to: readonly number[]): string {
  const dx = to[0] - from[0], dy = to[1] - from[1];
  if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? '→' : '←';
  return dy > 0 ? '↓' : '↑';
}

/** norm1000 (or the action's own space, when convertible) -> pixels of an image of `size`. */
function toPixels(p: readonly [number, number], space: string | undefined, size: Size): [number, number] | undefined {
  let n: Point;
  try {
    n = toNorm1000(p, (space ?? 'norm1000') as Space, { id: '', width: size.width, height: size.height, rotation: 0 });
  } catch {
    return undefined; // an image-space point without the model's image size: draw the label only
  }
  return [(n[0] * size.width) / 1000, (n[1] * size.height) / 1000];
}

/** The SVG elements (no <svg> wrapper) drawing `action` on an image of `size` pixels. */
export function overlayElements(a: Action | undefined, size: Size): string {
  const u = Math.max(size.width, size.height) / 100; // one unit = 1% of the long side
  const stroke = `stroke="${ACCENT}" stroke-width="${(u * 0.6).toFixed(1)}" fill="none"`;
  const halo = `stroke="#fff" stroke-width="${(u * 1.2).toFixed(1)}" fill="none" opacity="0.85"`;
  const parts: string[] = [];
  const ring = (p: [number, number], r: number) => {
    parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${r.toFixed(1)}" ${halo}/>`);
    parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${r.toFixed(1)}" ${stroke}/>`);
    parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${(u * 0.8).toFixed(1)}" fill="${ACCENT}"/>`);
  };
  const arrow = (f: [number, number], t: [number, number]) => {
    const ang = Math.atan2(t[1] - f[1], t[0] - f[0]);
    const h = u * 3.5;
    const head = [ang + 2.6, ang - 2.6].map((x) => `${(t[0] + h * Math.cos(x)).toFixed(1)},${(t[1] + h * Math.sin(x)).toFixed(1)}`);
    const path = `M${f[0].toFixed(1)},${f[1].toFixed(1)} L${t[0].toFixed(1)},${t[1].toFixed(1)} M${head[0]} L${t[0].toFixed(1)},${t[1].toFixed(1)} L${head[1]}`;
    parts.push(`<path d="${path}" ${halo} stroke-linecap="round" stroke-linejoin="round"/>`);
    parts.push(`<path d="${path}" ${stroke} stroke-linecap="round" stroke-linejoin="round"/>`);
    parts.push(`<circle cx="${f[0].toFixed(1)}" cy="${f[1].toFixed(1)}" r="${(u * 1.4).toFixed(1)}" fill="${ACCENT}" stroke="#fff" stroke-width="${(u * 0.4).toFixed(1)}"/>`);
  };
  if (a) {
    const pt = (p: readonly [number, number] | undefined) => (p ? toPixels(p, a.space, size) : undefined);
    switch (a.type) {
      case 'click': case 'long_press': case 'right_click': case 'hover': {
        const p = pt(a.point);
        if (p) ring(p, u * 3.5);
        break;
      }
      case 'double_click': {
        const p = pt(a.point);
        if (p) { ring(p, u * 3.5); ring(p, u * 5.5); }
        break;
      }
      case 'type': {
        const p = pt(a.point);
        if (p) ring(p, u * 3.5);
        break;
      }
      case 'swipe': case 'drag': {
        const f = pt(a.from), t = pt(a.to);
        if (f && t) arrow(f, t);
        break;
      }
      case 'scroll': {
        const c = pt(a.point) ?? [size.width / 2, size.height / 2];
        // Content moves opposite to the finger: scrolling down = finger moves up.
        const d = { up: [0, 1], down: [0, -1], left: [1, 0], right: [-1, 0] }[a.direction];
        const len = Math.min(size.width, size.height) * 0.3;
        arrow([c[0] - (d[0] * len) / 2, c[1] - (d[1] * len) / 2], [c[0] + (d[0] * len) / 2, c[1] + (d[1] * len) / 2]);
        break;
      }
      default: break;
    }
  }
  parts.push(badge(actionLabel(a), size, u));
  return parts.join('');
}

/** The label badge at the top (typed text, keys and answers are readable in the badge). */
function badge(text: string, size: Size, u: number): string {
  // Estimated text width in ems: wide (CJK) glyphs ~1 em, others ~0.6 em; shrink the font to fit.
  const ems = [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0);
  const fs = Math.min(u * 2.6, (size.width - u * 8) / Math.max(1, ems));
  const w = ems * fs + u * 4;
  const x = (size.width - w) / 2, y = u * 6;
  return `<g class="sw-badge"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${(fs * 1.7).toFixed(1)}" rx="${(fs * 0.85).toFixed(1)}" fill="${ACCENT}" opacity="0.92"/>` +
    `<text x="${(size.width / 2).toFixed(1)}" y="${(y + fs * 1.2).toFixed(1)}" text-anchor="middle" font-family="DejaVu Sans, WenQuanYi Micro Hei, sans-serif" font-size="${fs.toFixed(1)}" font-weight="700" fill="#fff">${esc(text)}</text></g>`;
}

/** A complete SVG document the size of the image, for compositing or an <img>/<object>. */
export function overlaySvg(a: Action | undefined, size: Size): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">${overlayElements(a, size)}</svg>`;
}
