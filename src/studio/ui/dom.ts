/** Small browser helpers shared by the Studio views. */
import type { Action } from '../../core/actions.js';
import type { ObservationRef } from '../../core/trajectory.js';
import { esc } from '../../sandbox/html.js';
import { overlayElements } from '../overlay.js';

export { esc };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function reply<T>(r: Response): Promise<T> {
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, (body as { error?: { message?: string } }).error?.message ?? `HTTP ${r.status}`);
  return body as T;
}

export const api = {
  get: <T>(path: string) => fetch(path, { credentials: 'same-origin' }).then((r) => reply<T>(r)),
  post: <T>(path: string, body: unknown) => fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => reply<T>(r)),
};

export function flash(text: string): void {
  const el = document.createElement('div');
  el.className = 'flash';
  el.textContent = text;
  document.body.append(el);
  setTimeout(() => el.remove(), 2200);
}

export const when = (ms?: number) => (ms ? new Date(ms).toLocaleString() : '-');
export const secs = (ms?: number) => (ms === undefined ? '-' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function pill(verdict?: string, status?: string): string {
  if (status === 'running') return '<span class="pill running">running</span>';
  return verdict ? `<span class="pill ${esc(verdict)}">${esc(verdict)}</span>` : '<span class="pill">no verdict</span>';
}

/** A screenshot with its action drawn: the SVG uses the screen's own pixel grid and scales with the image. */
export function screenHtml(obs: ObservationRef | undefined, action: Action | undefined, cls = ''): string {
  if (!obs?.image) return '<div class="empty">no screenshot</div>';
  const size = { width: obs.width, height: obs.height };
  return `<div class="screen ${cls}"><img src="/api/blobs/${esc(obs.image)}" alt="screen" width="${obs.width}" height="${obs.height}">` +
    `<svg viewBox="0 0 ${obs.width} ${obs.height}" preserveAspectRatio="none">${overlayElements(action, size)}</svg></div>`;
}

/** Typing in a field must not trigger the page's single-key shortcuts. */
export function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey;
}
