/** Scroll containers: offsets live in phone.system.scroll["<scope>.<key>"] and survive re-renders. */
import type { PhoneState } from '../../framework.js';

export type Axis = 'y' | 'x';

export function scrollKey(el: Element): string | null {
  const key = el.getAttribute('data-scroll');
  if (!key) return null;
  const scope = el.closest('[data-scope]')?.getAttribute('data-scope') ?? 'shell';
  return `${scope}.${key}`;
}

export function axisOf(el: Element): Axis {
  return el.classList.contains('hscroll') ? 'x' : 'y';
}

export function containers(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.scroll[data-scroll], .hscroll[data-scroll]')];
}

const getPos = (el: HTMLElement, axis: Axis) => (axis === 'y' ? el.scrollTop : el.scrollLeft);
function setPos(el: HTMLElement, axis: Axis, v: number): void {
  if (axis === 'y') el.scrollTop = v; else el.scrollLeft = v;
}

/** After a render: put every container back where the state says (clamped offsets are written back). */
export function restoreScroll(root: ParentNode, phone: PhoneState): void {
  for (const el of containers(root)) {
    const key = scrollKey(el);
    if (!key) continue;
    const want = phone.system.scroll[key] ?? 0;
    const axis = axisOf(el);
    setPos(el, axis, want);
    const got = Math.round(getPos(el, axis));
    if (got !== want) { if (got === 0) delete phone.system.scroll[key]; else phone.system.scroll[key] = got; }
  }
}

/** Record a container's offset; true when the state changed. */
export function saveScroll(el: HTMLElement, phone: PhoneState): boolean {
  const key = scrollKey(el);
  if (!key) return false;
  const v = Math.round(getPos(el, axisOf(el)));
  if ((phone.system.scroll[key] ?? 0) === v) return false;
  if (v === 0) delete phone.system.scroll[key]; else phone.system.scroll[key] = v;
  return true;
}

/** Move a container by a delta along its axis; returns how far it actually moved. */
export function scrollBy(el: HTMLElement, delta: number): number {
  const axis = axisOf(el);
  const before = getPos(el, axis);
  setPos(el, axis, before + delta);
  return Math.round(getPos(el, axis) - before);
}

/** The innermost scroll container at a point along an axis (any axis when omitted). */
export function containerAt(x: number, y: number, axis?: Axis): HTMLElement | null {
  let el = document.elementFromPoint(x, y);
  while (el) {
    if (el instanceof HTMLElement && el.hasAttribute('data-scroll') && (el.classList.contains('scroll') || el.classList.contains('hscroll'))) {
      if (!axis || axisOf(el) === axis) return el;
    }
    el = el.parentElement;
  }
  return null;
}

/** The largest visible container of an axis (what a scroll with no point moves). */
export function largestContainer(root: ParentNode, axis: Axis): HTMLElement | null {
  let best: HTMLElement | null = null;
  let area = 0;
  for (const el of containers(root)) {
    if (axisOf(el) !== axis || el.closest('[data-tree="skip"]')) continue;
    const r = el.getBoundingClientRect();
    const a = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    if (a > area) { area = a; best = el; }
  }
  return best;
}
