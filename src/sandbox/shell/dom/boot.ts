/**
 * Page entry: mounts the phone, wires real pointer/keyboard/wheel input to the gesture tracker,
 * and exposes window.__sandbox for the Device. Input helpers resolve after the re-render and one
 * animation frame, so a screenshot taken next shows the result (under frame control, right after
 * the re-render: see painted()).
 */
import type { UiNode } from '../../../core/uitree.js';
import type { AppDef, PhoneState } from '../../framework.js';
import { createPhone } from '../../phone.js';
import { SHELL_CSS } from '../css.js';
import { PhoneController, type InputOutcome } from './controller.js';
import { saveScroll } from './scroll.js';
import { StateDeltaSender, type StateDelta } from '../../state-delta.js';

export interface AppInfo { id: string; label: string; aliases: string[]; package: string }
export interface PageSnapshot { frame: number; app: string | null; package: string; tree?: UiNode[] }
/** An input's outcome plus the parts of the state it changed (see state-delta.ts). */
export type WithState = InputOutcome & { delta: StateDelta };
/** A whole-state write or reset: the new frame and, after a reset, the whole state as JSON. */
export interface StateSet { frame: number; state: string }

export interface SandboxApi {
  ready: true;
  apps(): AppInfo[];
  getState(): PhoneState;
  /** The state as a JSON string (what the Device transfers; faster than an object). */
  getStateJson(): string;
  /** Replace the whole state; frames continue above `minFrame` (used after crash recovery). */
  setState(state: PhoneState | string, minFrame?: number): Promise<number>;
  /** A fresh phone from a seed; returns the frame and the new whole state. */
  reset(seed: string, minFrame?: number): Promise<StateSet>;
  frame(): number;
  snapshot(withTree: boolean): PageSnapshot;
  uiTree(): UiNode[];
  tap(x: number, y: number): Promise<WithState>;
  doubleTap(x: number, y: number): Promise<WithState>;
  longPress(x: number, y: number, ms?: number): Promise<WithState>;
  swipe(x1: number, y1: number, x2: number, y2: number, ms?: number): Promise<WithState>;
  scroll(direction: 'up' | 'down' | 'left' | 'right', x?: number, y?: number, amount?: number): Promise<WithState>;
  typeText(text: string): Promise<WithState>;
  key(name: string): Promise<WithState>;
  openApp(id: string): Promise<WithState>;
  /** An input with no target: the toast goes away, nothing else changes (the sandbox has no background work). */
  wait(): Promise<WithState>;
}

declare global {
  interface Window {
    __sandbox?: SandboxApi;
    __SANDBOX_SEED__?: string;
    /** 'replace': re-render by replacing the whole screen's DOM instead of morphing it (A/B checks). */
    __SANDBOX_RENDER__?: 'morph' | 'replace';
    /** 'device': frames are begun by the device (frame control), so input helpers do not wait for one. */
    __SANDBOX_FRAMES__?: 'device';
  }
}

/**
 * Resolve after the next animation frame (guarded: a hidden page may not run rAF). Under frame
 * control the device begins every frame itself and the next one it begins draws the result, so
 * there is nothing to wait for (and no frame would come while waiting).
 */
function painted(): Promise<void> {
  if (window.__SANDBOX_FRAMES__ === 'device') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const fin = () => { if (!done) { done = true; resolve(); } };
    requestAnimationFrame(() => fin());
    setTimeout(fin, 200);
  });
}

function initialSeed(): string {
  const m = /[#&?]seed=([^&]+)/.exec(location.hash + location.search);
  return m ? decodeURIComponent(m[1]) : window.__SANDBOX_SEED__ ?? '1';
}

export function boot(apps: readonly AppDef[]): SandboxApi {
  const style = document.createElement('style');
  style.textContent = SHELL_CSS + apps.map((a) => a.css).join('\n');
  document.head.appendChild(style);
  const root = document.createElement('div');
  root.id = 'phone';
  document.body.appendChild(root);
  const ctl = new PhoneController(root, apps, initialSeed());
  ctl.render();

  const sender = new StateDeltaSender();
  sender.markSent(ctl.state);
  const done = async (o: InputOutcome): Promise<WithState> => { await painted(); return { ...o, delta: sender.delta(ctl.state) }; };

  // Real input: a person in `sandbox serve`, or Playwright's mouse.
  let pointer: number | null = null;
  root.addEventListener('pointerdown', (e) => {
    if (pointer !== null) return;
    e.preventDefault();
    pointer = e.pointerId;
    ctl.gestures.down(e.clientX, e.clientY, e.timeStamp);
  });
  window.addEventListener('pointermove', (e) => { if (e.pointerId === pointer) ctl.gestures.move(e.clientX, e.clientY); });
  window.addEventListener('pointerup', (e) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    ctl.gestureDone(ctl.gestures.up(e.clientX, e.clientY, e.timeStamp));
  });
  window.addEventListener('pointercancel', () => { pointer = null; ctl.gestures.cancel(); });
  // Wheel and other native scrolling: keep the offset in the state; the screen changed, so a new frame.
  root.addEventListener('scroll', (e) => {
    if (e.target instanceof HTMLElement && saveScroll(e.target, ctl.state)) ctl.seq++;
  }, true);
  // A physical keyboard types into the focused field (serve); Escape is Back.
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (e.key === 'Escape') ctl.key('back');
    else if (!ctl.state.system.focus) return;
    else if (e.key === 'Enter') ctl.key('enter');
    else if (e.key === 'Backspace') ctl.key('delete');
    else if (e.key.length === 1) ctl.type(e.key);
    else return;
    e.preventDefault();
  });
  window.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text') ?? '';
    if (text && ctl.state.system.focus) { ctl.type(text); e.preventDefault(); }
  });

  const api: SandboxApi = {
    ready: true,
    apps: () => apps.map((a) => ({ id: a.id, label: a.label, aliases: a.aliases ?? [], package: a.package })),
    getState: () => JSON.parse(JSON.stringify(ctl.state)) as PhoneState,
    getStateJson: () => JSON.stringify(ctl.state),
    async setState(state, minFrame = 0) { const f = ctl.setState(state, minFrame); sender.markSent(ctl.state); await painted(); return f; },
    async reset(seed, minFrame = 0) {
      const frame = ctl.setState(createPhone(seed, apps), minFrame);
      sender.markSent(ctl.state);
      await painted();
      return { frame, state: JSON.stringify(ctl.state) };
    },
    frame: () => ctl.seq,
    snapshot(withTree) {
      const fg = ctl.foreground();
      return { frame: ctl.seq, app: fg.app, package: fg.package, tree: withTree ? ctl.uiTree() : undefined };
    },
    uiTree: () => ctl.uiTree(),
    tap: (x, y) => { ctl.gestures.down(x, y, 0); return done(ctl.gestureDone(ctl.gestures.up(x, y, 60))); },
    async doubleTap(x, y) {
      ctl.gestures.down(x, y, 0);
      const first = ctl.gestureDone(ctl.gestures.up(x, y, 50));
      if (!first.ok) return done(first);
      ctl.gestures.down(x, y, 120);
      return done(ctl.gestureDone(ctl.gestures.up(x, y, 170)));
    },
    longPress: (x, y, ms = 800) => { ctl.gestures.down(x, y, 0); return done(ctl.gestureDone(ctl.gestures.up(x, y, Math.max(ms, 500)))); },
    swipe(x1, y1, x2, y2, ms = 300) {
      const steps = Math.max(2, Math.min(30, Math.round(ms / 16)));
      ctl.gestures.down(x1, y1, 0);
      for (let i = 1; i < steps; i++) ctl.gestures.move(x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps);
      return done(ctl.gestureDone(ctl.gestures.up(x2, y2, ms)));
    },
    scroll: (direction, x, y, amount) => done(ctl.scroll(direction, x, y, amount)),
    typeText: (text) => done(ctl.type(text)),
    key: (name) => done(ctl.key(name)),
    openApp: (id) => done(ctl.openApp(id)),
    wait: () => done(ctl.transact((s) => { s.system.toast = null; }, 'wait')),
  };
  window.__sandbox = api;
  return api;
}
