/**
 * SandboxDevice: the built-in phone as a Device. Canonical norm1000 points -> device pixels ->
 * CSS px (/3) -> the page's input helpers, which resolve once the phone has re-rendered. Bad
 * input never throws: it comes back as { ok: false, error: { code, message, hint } }.
 * A crashed or closed page is replaced by a new one holding the last known state.
 */
import type { Page } from 'playwright-core';
import { assertSupported, canonicalize, validateAction, type Action } from '../../core/actions.js';
import { toDevicePixel, type Frame } from '../../core/coords.js';
import type { ActResult, Device, DeviceInfo, Observation, ObserveOptions } from '../../core/device.js';
import { errorMessage, StepwiseError } from '../../core/errors.js';
import type { PhoneState } from '../../sandbox/framework.js';
import { StateMirror } from '../../sandbox/state-delta.js';
import type { AppInfo, SandboxApi, WithState } from '../../sandbox/shell/dom/boot.js';
import { matchApp } from '../app-match.js';
import { DEVICE_SCALE_FACTOR, type PhonePage, SandboxBrowser, VIEWPORT } from './browser.js';

export const SANDBOX_WIDTH = VIEWPORT.width * DEVICE_SCALE_FACTOR;
export const SANDBOX_HEIGHT = VIEWPORT.height * DEVICE_SCALE_FACTOR;

export interface SandboxDeviceOptions {
  /** Seed of the initial phone (default "1"); ignored when `state` is given. */
  seed?: string | number;
  state?: PhoneState;
}

/** What reset() accepts: a whole PhoneState, or a seed for a fresh phone. */
export type SandboxReset = PhoneState | { seed: string | number };

/** Width and height from a PNG (IHDR) or JPEG (first SOF marker) header. */
export function imageSize(data: Buffer, format: 'png' | 'jpeg'): { width: number; height: number } {
  if (format === 'png' && data.length >= 24) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  for (let i = 2; format === 'jpeg' && i + 9 < data.length;) {
    if (data[i] !== 0xff) { i++; continue; }
    const marker = data[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
    }
    i += 2 + data.readUInt16BE(i + 2);
  }
  throw new StepwiseError('device_error', `the ${format} screenshot has no readable size header`, 'observe again');
}

const isPhoneState = (v: unknown): v is PhoneState => !!v && typeof v === 'object' && (v as PhoneState).version === 1 && typeof (v as PhoneState).system === 'object';
// "Unable to capture screenshot": a capture that raced the page's crash, before the crash event.
const isGone = (e: unknown) => /crash|closed|Target page|has been closed|Execution context was destroyed|navigat|Unable to capture screenshot/i.test(errorMessage(e));

type Outcome = WithState;
/** What kind of image an observe asks for: encoding, JPEG quality, capture scale. */
type ShotKind = { format: 'png' | 'jpeg'; quality?: number; scale?: number };
/** The capture region for a scaled observe (none at full size). */
const clipAt = (scale?: number) => (scale !== undefined && scale < 1 ? { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height, scale } : undefined);
const sameKind = (a: ShotKind | null, b: ShotKind) => !!a && a.format === b.format && a.quality === b.quality && a.scale === b.scale;
type ApiName = { [K in keyof SandboxApi]: SandboxApi[K] extends (...a: never[]) => unknown ? K : never }[keyof SandboxApi];
type ApiFn<K extends ApiName> = SandboxApi[K] extends (...a: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

/** A JavaScript literal for a call argument (JSON, plus undefined for an omitted optional one). */
const literal = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

export class SandboxDevice implements Device {
  readonly id: string;
  private phone: PhonePage | null = null;
  private seq = 0;
  /** The state after the last call: what a replacement page gets after a crash. */
  private lastState = new StateMirror();
  private crashed = false;
  private appList: AppInfo[] | null = null;
  private closed = false;
  /** How many times the page was replaced after a crash (for tests and logs). */
  recoveries = 0;
  /**
   * Under frame control, the screenshot begun as soon as an action returns: the caller usually
   * asks for one next (an agent's loop; an MCP client's click + get_screenshot), and the frame is
   * drawn while that request is on its way. observe() takes it only if it asks for the same kind
   * of image and the page is still at `seq`.
   */
  private early: { seq: number; shot: ShotKind; image: Promise<string> } | null = null;
  /**
   * The guess behind it: the screenshots that followed the last two actions were of one kind
   * (`steady`). A wrong guess costs a whole capture before the one asked for, so a caller that
   * alternates kinds, or acts without looking, gets no early screenshots.
   */
  private afterAct: { shot: ShotKind | null; steady: boolean; observed: boolean } = { shot: null, steady: false, observed: true };
  /** Early screenshots begun, and taken by observe() (tests and benchmarks read them). */
  readonly earlyShots = { begun: 0, taken: 0 };

  private constructor(private readonly browser: SandboxBrowser, private readonly initial: SandboxReset) {
    this.id = `sandbox:${browser.nextId()}`;
  }

  static async create(browser: SandboxBrowser, opts: SandboxDeviceOptions = {}): Promise<SandboxDevice> {
    const d = new SandboxDevice(browser, opts.state ?? { seed: opts.seed ?? '1' });
    await d.reset(d.initial);
    return d;
  }

  /** The Playwright page (tests use it to crash the phone or drive the real mouse). */
  get page(): Page | null { return this.phone?.page ?? null; }

  get frame(): Frame {
    return { id: `${this.id}#${this.seq}`, width: SANDBOX_WIDTH, height: SANDBOX_HEIGHT, rotation: 0 };
  }

  async info(): Promise<DeviceInfo> {
    return { id: this.id, platform: 'phone', backend: 'sandbox', width: SANDBOX_WIDTH, height: SANDBOX_HEIGHT, rotation: 0, density: 480, model: 'stepwise sandbox phone' };
  }

  private async open(): Promise<Page> {
    const phone = await this.browser.openPhone();
    this.phone = phone;
    this.crashed = false;
    phone.page.on('crash', () => { this.crashed = true; });
    phone.page.on('close', () => { this.crashed = true; });
    return phone.page;
  }

  /** The live page, replaced (with the last known state restored) when it crashed or closed. */
  private async livePage(): Promise<Page> {
    if (this.closed) throw new StepwiseError('device_gone', `${this.id} is closed`, 'create a new device');
    if (this.phone && !this.crashed && !this.phone.page.isClosed()) return this.phone.page;
    const hadPage = this.phone !== null;
    if (this.phone) await this.phone.context.close().catch(() => {});
    const page = await this.open();
    if (hadPage) {
      this.recoveries++;
      const json = this.lastState.json();
      if (json) await this.applyState(json);
    }
    return page;
  }

  /**
   * Call the page's window.__sandbox over DevTools. Playwright's page.evaluate costs ~3 ms more
   * per call here (its own argument and result serialization), and every action makes one.
   */
  private async api<K extends ApiName>(name: K, ...args: ApiFn<K>['args']): Promise<ApiFn<K>['result']> {
    const r = await this.phone!.cdp.send('Runtime.evaluate', { expression: `window.__sandbox.${name}(${args.map(literal).join(',')})`, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`the sandbox page failed in ${name}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as ApiFn<K>['result'];
  }

  private async applyState(json: string): Promise<void> {
    this.early = null;
    const frame = await this.api('setState', json, this.seq + 1);
    this.seq = frame;
    this.lastState.setWhole(json);
  }

  /** Run a page call; on a crash, recover and retry once (safe for reads and whole-state writes). */
  private async withPage<T>(fn: (page: Page) => Promise<T>, retry: boolean): Promise<T> {
    const page = await this.livePage();
    try {
      return await fn(page);
    } catch (e) {
      if (!isGone(e) && !this.crashed && !page.isClosed()) throw e;
      this.crashed = true;
      if (!retry) throw new StepwiseError('device_error', `the sandbox page crashed (${errorMessage(e).split('\n')[0]}); the phone was restored to its last state`, 'observe again and repeat the action');
      return fn(await this.livePage());
    }
  }

  async reset(state?: unknown): Promise<void> {
    const target = state === undefined ? this.initial : state;
    if (isPhoneState(target)) {
      const json = JSON.stringify(target);
      this.lastState.setWhole(json);
      await this.withPage(() => this.applyState(json), true);
      return;
    }
    const seed = (target as { seed?: unknown })?.seed;
    if (typeof seed !== 'string' && typeof seed !== 'number') {
      throw new StepwiseError('invalid_action', 'reset() takes a PhoneState or { seed }', 'e.g. device.reset({ seed: 7 }) or device.reset(createPhone(7, APPS))');
    }
    await this.withPage(async () => {
      this.early = null;
      const r = await this.api('reset', String(seed), this.seq + 1);
      this.seq = r.frame;
      this.lastState.setWhole(r.state);
    }, true);
  }

  /** The phone's current state (what verifiers check). */
  async state(): Promise<PhoneState> {
    const json = await this.withPage(() => this.api('getStateJson'), true);
    return JSON.parse(json) as PhoneState;
  }

  /** Names open_app matches against. */
  async apps(): Promise<AppInfo[]> {
    if (!this.appList) this.appList = await this.withPage(() => this.api('apps'), true);
    return this.appList;
  }

  async observe(opts: ObserveOptions = {}): Promise<Observation> {
    const format = opts.format ?? 'png';
    const withTree = opts.uiTree ?? true;
    const scale = opts.scale;
    if (scale !== undefined && !(Number.isFinite(scale) && scale > 0 && scale <= 1)) {
      throw new StepwiseError('invalid_input', `observe scale ${scale} is not in (0, 1]`, 'pass a factor like 0.5, or leave it out for full size');
    }
    // Chromium renders the clip at the smaller size itself: far cheaper than a full-size capture
    // plus a resize (the capture's cost grows with its pixel count).
    const clip = clipAt(scale);
    const kind: ShotKind = { format, quality: opts.quality, scale: clip?.scale };
    const early = this.early;
    this.early = null;
    if (!this.afterAct.observed) this.afterAct = { shot: kind, steady: sameKind(this.afterAct.shot, kind), observed: true };
    const usable = early && sameKind(early.shot, kind) ? early : null;
    return this.withPage(async () => {
      // Tree (page main thread) and pixels (compositor) in parallel; nothing changes the page meanwhile.
      const t0 = performance.now();
      let tTree = 0;
      const [snap, first] = await Promise.all([
        this.api('snapshot', withTree).then((s) => { tTree = performance.now() - t0; return s; }),
        // Straight to DevTools: page.screenshot() costs several times more here, and the shell
        // already has no animations, transitions or caret to settle.
        usable ? usable.image.catch(() => null) : this.capture(format, opts.quality, clip),
      ]);
      // The early screenshot counts only if the page is still where the action left it.
      const fresh = usable && first !== null && snap.frame === usable.seq;
      if (fresh) this.earlyShots.taken++;
      const shot = fresh || !usable ? first! : await this.capture(format, opts.quality, clip);
      const t2 = performance.now();
      const data = Buffer.from(shot, 'base64');
      this.seq = snap.frame;
      const size = clip ? imageSize(data, format) : { width: SANDBOX_WIDTH, height: SANDBOX_HEIGHT };
      return {
        frame: this.frame,
        image: { data, base64: shot, format, ...size },
        uiTree: snap.tree,
        app: snap.package,
        at: Date.now(),
        timing: { tree: tTree, screenshot: t2 - t0 },
      };
    }, true);
  }

  /** The screen as an image (base64): the frame we begin under frame control, else a DevTools capture. */
  private capture(format: 'png' | 'jpeg', quality: number | undefined, clip?: { x: number; y: number; width: number; height: number; scale: number }): Promise<string> {
    const { cdp, frames } = this.phone!;
    if (frames && !clip) return frames.screenshot(format, quality);
    const shot = cdp.send('Page.captureScreenshot', { format, quality: format === 'jpeg' ? quality ?? 80 : undefined, optimizeForSpeed: true, captureBeyondViewport: false, ...(clip ? { clip } : {}) });
    // A clipped capture under frame control still needs a frame drawn for it.
    return (frames ? frames.during(shot, true) : shot).then((r) => r.data);
  }

  async act(action: Action): Promise<ActResult> {
    const start = performance.now();
    const fail = (e: unknown): ActResult => {
      // StepwiseError.message already ends with "(hint)"; keep message and hint apart in the result.
      const bare = (x: StepwiseError) => (x.hint && x.message.endsWith(` (${x.hint})`) ? x.message.slice(0, -(x.hint.length + 3)) : x.message);
      const err = e instanceof StepwiseError ? { code: e.code, message: bare(e), hint: e.hint || undefined } : { code: 'device_error', message: errorMessage(e) };
      return { ok: false, error: err, details: { frame: this.frame.id }, durationMs: performance.now() - start };
    };
    let a: Action;
    try {
      a = validateAction(action);
      assertSupported(a, 'phone');
      a = canonicalize(a, this.frame);
    } catch (e) {
      return fail(e);
    }
    const guess = this.afterAct.observed && this.afterAct.steady ? this.afterAct.shot : null;
    this.afterAct.observed = false;
    this.early = null;
    try {
      const out = await this.run(a);
      if (!out) return { ok: true, details: { frame: this.frame.id }, durationMs: performance.now() - start };
      this.seq = out.frame;
      this.lastState.apply(out.delta);
      if (guess) this.beginEarlyShot(guess);
      const details = { frame: this.frame.id, ...(out.target ? { target: out.target } : {}), ...out.details };
      if (!out.ok) return { ok: false, error: { code: out.code ?? 'device_error', message: out.message ?? 'the action failed', hint: out.hint }, details, durationMs: performance.now() - start };
      return { ok: true, details, durationMs: performance.now() - start };
    } catch (e) {
      return fail(e);
    }
  }

  private beginEarlyShot(shot: ShotKind): void {
    if (!this.phone?.frames) return;
    const image = this.capture(shot.format, shot.quality, clipAt(shot.scale));
    image.catch(() => {}); // observe() falls back to a capture of its own
    this.early = { seq: this.seq, shot, image };
    this.earlyShots.begun++;
  }

  /** Canonical point -> CSS px at the center of the device pixel it names. */
  private css(p: readonly [number, number]): [number, number] {
    const [x, y] = toDevicePixel(p, this.frame);
    return [(x + 0.5) / DEVICE_SCALE_FACTOR, (y + 0.5) / DEVICE_SCALE_FACTOR];
  }

  /** An input: not retried after a crash (it may have happened before the crash). */
  private call<K extends ApiName>(name: K, ...args: ApiFn<K>['args']): Promise<Outcome> {
    return this.withPage(() => this.api(name, ...args) as Promise<Outcome>, false);
  }

  private async run(a: Action): Promise<Outcome | null> {
    switch (a.type) {
      case 'click': {
        const p = this.css(a.point);
        return this.call('tap', p[0], p[1]);
      }
      case 'double_click': {
        const p = this.css(a.point);
        return this.call('doubleTap', p[0], p[1]);
      }
      case 'long_press': {
        const [x, y] = this.css(a.point);
        const ms = a.duration_ms ?? 800;
        return this.call('longPress', x, y, ms);
      }
      case 'swipe': {
        const [x1, y1] = this.css(a.from), [x2, y2] = this.css(a.to);
        const ms = a.duration_ms ?? 300;
        return this.call('swipe', x1, y1, x2, y2, ms);
      }
      case 'scroll': {
        const p = a.point ? this.css(a.point) : undefined;
        return this.call('scroll', a.direction, p?.[0], p?.[1], a.amount ?? 1);
      }
      case 'type': {
        if (a.point) {
          const p = this.css(a.point);
          const tapped = await this.call('tap', p[0], p[1]);
          if (!tapped.ok) return tapped;
          this.seq = tapped.frame;
          this.lastState.apply(tapped.delta);
        }
        return this.call('typeText', a.text);
      }
      case 'key':
        return this.call('key', a.key);
      case 'open_app': {
        const app = matchApp(await this.apps(), a.app);
        return this.call('openApp', app.id);
      }
      case 'wait':
        return this.call('wait');
      case 'info':
      case 'complete':
      case 'abort':
        return null;
      default:
        throw new StepwiseError('unsupported_action', `action "${a.type}" is not supported on the sandbox phone`, 'use phone actions: click, long_press, type, swipe, scroll, key, open_app, wait');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.phone?.context.close().catch(() => {});
    this.phone = null;
  }
}
