/**
 * Self-contained SVG charts for reports (benchmarks, judge evaluation, CSRS, Studio).
 * Inline SVG needs no script and no CDN, renders in any browser and survives being mailed
 * around as one HTML file.
 */
import { esc } from '../sandbox/html.js';

export const PALETTE = ['#3b6fd8', '#e07b39', '#3aa676', '#c94c64', '#8a63c9', '#7a8a99', '#d1a22b', '#2fa3b5'];

interface Frame {
  width?: number;
  height?: number;
  title?: string;
}

interface Series {
  name: string;
  values: number[];
}

const fmtDefault = (v: number) => (Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(2));

function svgOpen(w: number, h: number, title?: string): string {
  const t = title ? `<text x="${w / 2}" y="16" text-anchor="middle" class="ct">${esc(title)}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-family="system-ui,sans-serif" font-size="11" role="img"${title ? ` aria-label="${esc(title)}"` : ''}><style>.ct{font-size:13px;font-weight:600}.ax{stroke:#999;stroke-width:1}.gr{stroke:#e4e4e4;stroke-width:1}</style>${t}`;
}

function legend(series: { name: string }[], x: number, y: number): string {
  return series
    .map((s, i) => `<rect x="${x + i * 110}" y="${y - 9}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + i * 110 + 14}" y="${y}">${esc(s.name)}</text>`)
    .join('');
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function yAxis(x0: number, y0: number, plotH: number, plotW: number, max: number, fmt: (v: number) => string): string {
  let out = '';
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = y0 - (plotH * i) / 4;
    out += `<line class="gr" x1="${x0}" x2="${x0 + plotW}" y1="${y}" y2="${y}"/><text x="${x0 - 4}" y="${y + 4}" text-anchor="end">${esc(fmt(v))}</text>`;
  }
  return out + `<line class="ax" x1="${x0}" x2="${x0}" y1="${y0 - plotH}" y2="${y0}"/><line class="ax" x1="${x0}" x2="${x0 + plotW}" y1="${y0}" y2="${y0}"/>`;
}

/** Vertical bars, one or more series per label (grouped). Values must be finite; NaN shows as a gap. */
export function groupedBarChart(o: Frame & { labels: string[]; series: Series[]; max?: number; format?: (v: number) => string }): string {
  const fmt = o.format ?? fmtDefault;
  const n = o.labels.length;
  const w = o.width ?? Math.max(320, 60 + n * (18 * o.series.length + 22));
  const h = o.height ?? 260;
  const x0 = 46;
  const y0 = h - 44;
  const plotH = y0 - 34;
  const plotW = w - x0 - 10;
  const finite = o.series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = o.max ?? niceMax(Math.max(0, ...finite));
  const group = plotW / Math.max(1, n);
  const bw = Math.max(3, Math.min(28, (group - 8) / Math.max(1, o.series.length)));
  let body = yAxis(x0, y0, plotH, plotW, max, fmt);
  o.labels.forEach((label, i) => {
    const gx = x0 + i * group + (group - bw * o.series.length) / 2;
    o.series.forEach((s, j) => {
      const v = s.values[i];
      if (!Number.isFinite(v)) return;
      const bh = Math.max(0, Math.min(1, v / max)) * plotH;
      const x = gx + j * bw;
      body += `<rect x="${x.toFixed(1)}" y="${(y0 - bh).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="${PALETTE[j % PALETTE.length]}"><title>${esc(`${s.name} ${label}: ${fmt(v)}`)}</title></rect>`;
      if (o.series.length === 1) body += `<text x="${(x + bw / 2).toFixed(1)}" y="${(y0 - bh - 3).toFixed(1)}" text-anchor="middle">${esc(fmt(v))}</text>`;
    });
    body += `<text x="${(x0 + i * group + group / 2).toFixed(1)}" y="${y0 + 14}" text-anchor="middle">${esc(label)}</text>`;
  });
  if (o.series.length > 1) body += legend(o.series, x0, h - 8);
  return svgOpen(w, h, o.title) + body + '</svg>';
}

export function barChart(o: Frame & { labels: string[]; values: number[]; max?: number; format?: (v: number) => string }): string {
  return groupedBarChart({ ...o, series: [{ name: o.title ?? '', values: o.values }] });
}

/** Lines over numeric x; each series a list of [x, y] points. */
export function lineChart(o: Frame & { series: { name: string; points: [number, number][] }[]; xLabel?: string; yLabel?: string; yMax?: number; format?: (v: number) => string }): string {
  const fmt = o.format ?? fmtDefault;
  const w = o.width ?? 420;
  const h = o.height ?? 260;
  const x0 = 46;
  const y0 = h - 48;
  const plotH = y0 - 34;
  const plotW = w - x0 - 12;
  const pts = o.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xmin = Math.min(...pts.map((p) => p[0]), 0);
  const xmax = Math.max(...pts.map((p) => p[0]), xmin + 1);
  const ymax = o.yMax ?? niceMax(Math.max(0, ...pts.map((p) => p[1])));
  const sx = (x: number) => x0 + ((x - xmin) / (xmax - xmin)) * plotW;
  const sy = (y: number) => y0 - (Math.max(0, Math.min(ymax, y)) / ymax) * plotH;
  let body = yAxis(x0, y0, plotH, plotW, ymax, fmt);
  body += `<text x="${x0}" y="${y0 + 14}">${esc(fmt(xmin))}</text><text x="${x0 + plotW}" y="${y0 + 14}" text-anchor="end">${esc(fmt(xmax))}</text>`;
  if (o.xLabel) body += `<text x="${x0 + plotW / 2}" y="${y0 + 26}" text-anchor="middle">${esc(o.xLabel)}</text>`;
  if (o.yLabel) body += `<text x="12" y="${y0 - plotH / 2}" text-anchor="middle" transform="rotate(-90 12 ${y0 - plotH / 2})">${esc(o.yLabel)}</text>`;
  o.series.forEach((s, i) => {
    const ok = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    const c = PALETTE[i % PALETTE.length];
    body += `<polyline fill="none" stroke="${c}" stroke-width="2" points="${ok.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`;
    for (const [x, y] of ok) body += `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${c}"><title>${esc(`${s.name} (${fmt(x)}, ${fmt(y)})`)}</title></circle>`;
  });
  if (o.series.length > 1 || o.series[0]?.name) body += legend(o.series, x0, h - 6);
  return svgOpen(w, h, o.title) + body + '</svg>';
}

export interface ReliabilityBin {
  /** Bin bounds on confidence, [lo, hi). */
  lo: number;
  hi: number;
  count: number;
  /** Mean predicted confidence in the bin. */
  confidence: number;
  /** Observed accuracy (share correct) in the bin. */
  accuracy: number;
}

/** Accuracy per confidence bin against the diagonal of perfect calibration; bar width = bin. */
export function reliabilityDiagram(o: Frame & { bins: ReliabilityBin[]; ece?: number }): string {
  const size = o.width ?? 280;
  const w = size;
  const h = (o.height ?? size) + 20;
  const x0 = 40;
  const y0 = h - 36;
  const plot = Math.min(w - x0 - 10, y0 - 30);
  const sx = (v: number) => x0 + v * plot;
  const sy = (v: number) => y0 - v * plot;
  let body = yAxis(x0, y0, plot, plot, 1, (v) => v.toFixed(2));
  body += `<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(1)}" y2="${sy(1)}" stroke="#999" stroke-dasharray="4 3"/>`;
  for (const b of o.bins) {
    if (!b.count) continue;
    const x = sx(b.lo);
    const bw = (b.hi - b.lo) * plot;
    body += `<rect x="${x.toFixed(1)}" y="${sy(b.accuracy).toFixed(1)}" width="${Math.max(1, bw - 1).toFixed(1)}" height="${(b.accuracy * plot).toFixed(1)}" fill="${PALETTE[0]}" fill-opacity="0.75"><title>${esc(`[${b.lo.toFixed(2)}, ${b.hi.toFixed(2)}): n=${b.count}, confidence ${b.confidence.toFixed(3)}, accuracy ${b.accuracy.toFixed(3)}`)}</title></rect>`;
    body += `<circle cx="${sx(b.confidence).toFixed(1)}" cy="${sy(b.confidence).toFixed(1)}" r="2" fill="${PALETTE[1]}"/>`;
  }
  body += `<text x="${x0 + plot / 2}" y="${y0 + 28}" text-anchor="middle">confidence${o.ece !== undefined ? ` (ECE ${o.ece.toFixed(3)})` : ''}</text>`;
  body += `<text x="10" y="${y0 - plot / 2}" text-anchor="middle" transform="rotate(-90 10 ${y0 - plot / 2})">accuracy</text>`;
  return svgOpen(w, h, o.title) + body + '</svg>';
}
