/**
 * Self-contained HTML report pages: one file, inline CSS, no script, no external fetches.
 */
import { esc } from '../sandbox/html.js';

export { esc };

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1d2330;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e4e6eb;padding-bottom:4px}
.sub{color:#667;margin-bottom:18px}table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #e1e4ea;padding:4px 8px;text-align:right}th{background:#f4f6f9}td:first-child,th:first-child{text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.thumbs{display:flex;flex-wrap:wrap;gap:10px}
.thumb{width:120px;font-size:11px;text-align:center}.thumb img{width:120px;border:2px solid #ccc;border-radius:8px}
.ok img{border-color:#3aa676}.bad img{border-color:#c94c64}.note{color:#667;font-size:12px}code{background:#f4f6f9;padding:1px 4px;border-radius:3px}`;

export function htmlPage(o: { title: string; subtitle?: string; body: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(o.title)}</title><style>${CSS}</style></head><body><h1>${esc(o.title)}</h1>${o.subtitle ? `<div class="sub">${esc(o.subtitle)}</div>` : ''}${o.body}</body></html>`;
}

/** A table from rows of cells; numbers are formatted with `digits` decimals. */
export function htmlTable(headers: string[], rows: (string | number | null | undefined)[][], digits = 3): string {
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : esc(v));
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The same table as GitHub Markdown. */
export function markdownTable(headers: string[], rows: (string | number | null | undefined)[][], digits = 3): string {
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : String(v).replace(/\|/g, '\\|'));
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** A PNG/JPEG as a data URI (type read from the bytes unless given), so images travel inside a file or a request. */
export function dataUri(bytes: Buffer, mime = bytes[0] === 0xff ? 'image/jpeg' : 'image/png'): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
