/**
 * Touch gestures from pointer positions (CSS px). Real pointer events and the device's input
 * helpers both feed this one tracker, so a Playwright click, a person's mouse and an agent's tap
 * take the same path: short press = tap, press >= 500 ms = long press, drag = swipe (the scroll
 * container under the finger follows it; a rightward drag from the left edge = back; an upward
 * drag from the navigation bar = home; a sideways drag on the home grid = next/previous page).
 */
import { type Axis, containerAt, scrollBy } from './scroll.js';

export const LONG_PRESS_MS = 500;
/** Movement below this (CSS px) is still a tap, like Android's touch slop. */
export const TOUCH_SLOP = 8;
export const EDGE_BACK_ZONE = 16;
export const EDGE_BACK_MIN = 60;

export interface GestureResult {
  kind: 'tap' | 'long_press' | 'swipe';
  x: number;
  y: number;
  /** For swipes: what the drag did. */
  effect?: 'scroll' | 'back' | 'home' | 'page-next' | 'page-prev' | 'none';
  scrolled?: number;
  axis?: Axis;
  container?: HTMLElement | null;
}

interface Active {
  x0: number; y0: number; t0: number;
  x: number; y: number;
  dragging: boolean;
  axis: Axis | null;
  container: HTMLElement | null;
  forced: HTMLElement | null;
  last: number;
  scrolled: number;
  edge: boolean;
}

export class GestureTracker {
  private a: Active | null = null;

  constructor(private readonly screenH: number, private readonly navBarH: number) {}

  get active(): boolean { return this.a !== null; }

  down(x: number, y: number, t: number, container: HTMLElement | null = null): void {
    this.a = { x0: x, y0: y, t0: t, x, y, dragging: false, axis: null, container: null, forced: container, last: 0, scrolled: 0, edge: false };
  }

  move(x: number, y: number): void {
    const a = this.a;
    if (!a) return;
    a.x = x; a.y = y;
    const dx = x - a.x0, dy = y - a.y0;
    if (!a.dragging) {
      if (Math.hypot(dx, dy) < TOUCH_SLOP) return;
      a.dragging = true;
      a.axis = Math.abs(dx) > Math.abs(dy) ? 'x' : 'y';
      a.edge = a.axis === 'x' && a.x0 <= EDGE_BACK_ZONE && dx > 0;
      a.container = a.edge ? null : a.forced ?? containerAt(a.x0, a.y0, a.axis);
    }
    if (!a.container || !a.axis) return;
    // Content follows the finger: a finger moving up (dy < 0) scrolls further down.
    const want = -(a.axis === 'y' ? dy : dx);
    a.scrolled += scrollBy(a.container, want - a.last);
    a.last = want;
  }

  up(x: number, y: number, t: number): GestureResult | null {
    this.move(x, y);
    const a = this.a;
    this.a = null;
    if (!a) return null;
    if (!a.dragging) return { kind: t - a.t0 >= LONG_PRESS_MS ? 'long_press' : 'tap', x: a.x0, y: a.y0 };
    const dx = x - a.x0, dy = y - a.y0;
    const res: GestureResult = { kind: 'swipe', x: a.x0, y: a.y0, axis: a.axis ?? 'y', container: a.container, scrolled: a.scrolled, effect: 'none' };
    if (a.edge) res.effect = dx >= EDGE_BACK_MIN ? 'back' : 'none';
    else if (a.container) res.effect = 'scroll';
    else if (a.axis === 'y' && a.y0 >= this.screenH - this.navBarH && dy <= -EDGE_BACK_MIN) res.effect = 'home';
    else if (a.axis === 'x' && Math.abs(dx) >= 50) res.effect = dx < 0 ? 'page-next' : 'page-prev';
    return res;
  }

  cancel(): void { this.a = null; }
}
