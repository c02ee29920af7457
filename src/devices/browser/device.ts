/**
 * BrowserDevice: any URL in headless Chromium (Debian's, flags from the sandbox backend) as a
 * Device with platform "web". Canonical points -> device pixels -> CSS px; the UI tree is the
 * visible DOM as UiNode[]. act() returns when the page has settled: navigation loaded, no
 * fetch/XHR in flight and no DOM change for a few frames (capped, so a ticking clock cannot hang it).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { assertSupported, canonicalize, validateAction, type Action, type KeyName } from '../../core/actions.js';
import { toDevicePixel, type Frame } from '../../core/coords.js';
import type { ActResult, Device, DeviceInfo, Observation, ObserveOptions } from '../../core/device.js';
import { errorMessage, StepwiseError } from '../../core/errors.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { domTree, installSettleProbe, waitSettled } from './page-scripts.js';
import { PRESET_NAMES, VIEWPORT_PRESETS, type PresetName, type ViewportPreset } from './presets.js';

export interface BrowserDeviceOptions {
  url: string;
  /** "desktop" (default) or "mobile", or a custom viewport. */
  preset?: PresetName | ViewportPreset;
  executablePath?: string;
  /** Upper bound of the settle wait after each action, ms (default 5000). */
  settleMs?: number;
  /** Navigation timeout, ms (default 30000). */
  navigationTimeoutMs?: number;
}

const KEY_MAP: Partial<Record<KeyName, string>> = { enter: 'Enter', tab: 'Tab', escape: 'Escape', space: ' ', delete: 'Backspace' };

let seq = 0;

export class BrowserDevice implements Device {
  readonly id: string;
  private frameSeq = 0;
  private closed = false;

  private constructor(private readonly browser: Browser, private readonly context: BrowserContext, private readonly page: Page, readonly preset: ViewportPreset, private readonly opts: BrowserDeviceOptions) {
    this.id = `browser:${opts.url}${++seq > 1 ? `#${seq}` : ''}`;
  }

  static async open(opts: BrowserDeviceOptions): Promise<BrowserDevice> {
    const preset: ViewportPreset | undefined = typeof opts.preset === 'object' ? opts.preset : VIEWPORT_PRESETS[opts.preset ?? 'desktop'];
    if (!preset) throw new StepwiseError('config_error', `unknown viewport preset "${String(opts.preset)}"`, `use one of: ${PRESET_NAMES.join(', ')}`);
    const executablePath = opts.executablePath ?? CHROMIUM_PATH;
    if (!existsSync(executablePath)) throw new StepwiseError('config_error', `Chromium not found at ${executablePath}`, 'install Debian chromium (apt-get install chromium) or set STEPWISE_CHROMIUM');
    // The shared flags only: web pages take their scale factor from the preset.
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    try {
      const context = await browser.newContext({
        viewport: { width: preset.width, height: preset.height }, deviceScaleFactor: preset.deviceScaleFactor,
        isMobile: preset.isMobile, hasTouch: preset.hasTouch, ...(preset.userAgent ? { userAgent: preset.userAgent } : {}),
      });
      await context.addInitScript(installSettleProbe);
      const page = await context.newPage();
      const d = new BrowserDevice(browser, context, page, preset, opts);
      await d.goto(opts.url);
      return d;
    } catch (e) {
      await browser.close().catch(() => {});
      throw e;
    }
  }

  private get frame(): Frame {
    const { width, height, deviceScaleFactor: s } = this.preset;
    return { id: `${this.id}@${this.frameSeq}`, width: width * s, height: height * s, rotation: 0 };
  }

  async info(): Promise<DeviceInfo> {
    const f = this.frame;
    return { id: this.id, platform: 'web', backend: 'browser', width: f.width, height: f.height, rotation: 0, density: Math.round(160 * this.preset.deviceScaleFactor), model: `Chromium ${this.browser.version()} (${this.preset.isMobile ? 'mobile' : 'desktop'})` };
  }

  private live(): Page {
    if (this.closed || this.page.isClosed()) throw new StepwiseError('device_gone', `${this.id} is closed`, 'open the page again');
    return this.page;
  }

  private async goto(url: string): Promise<void> {
    try {
      const res = await this.live().goto(url, { waitUntil: 'load', timeout: this.opts.navigationTimeoutMs ?? 30_000 });
      if (res && res.status() >= 400) throw new StepwiseError('device_error', `${url} answered HTTP ${res.status()}`, 'check the URL');
    } catch (e) {
      if (e instanceof StepwiseError) throw e;
      throw new StepwiseError('device_error', `could not load ${url}: ${errorMessage(e).split('\n')[0]}`, 'check that the URL is reachable from this machine');
    }
    await this.settle();
  }

  /** Waits for load, then for a quiet page; a navigation in the middle restarts the wait. */
  private async settle(): Promise<void> {
    const page = this.live();
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await page.waitForLoadState('load', { timeout: this.opts.navigationTimeoutMs ?? 30_000 });
        await page.evaluate(waitSettled, [3, this.opts.settleMs ?? 5000] as [number, number]);
        return;
      } catch (e) {
        if (!/Execution context was destroyed|navigat/i.test(errorMessage(e))) throw e;
      }
    }
  }

  async observe(opts: ObserveOptions = {}): Promise<Observation> {
    const page = this.live();
    const format = opts.format ?? 'png';
    const t0 = performance.now();
    const [data, tree] = await Promise.all([
      page.screenshot({ type: format, ...(format === 'jpeg' ? { quality: opts.quality ?? 80 } : {}), animations: 'disabled', caret: 'hide' }),
      opts.uiTree === false ? Promise.resolve(undefined) : page.evaluate(domTree, this.preset.deviceScaleFactor),
    ]);
    this.frameSeq++;
    const f = this.frame;
    return { frame: f, image: { data, format, width: f.width, height: f.height }, uiTree: tree, app: page.url(), at: Date.now(), timing: { capture: performance.now() - t0 } };
  }

  async act(action: Action): Promise<ActResult> {
    const start = performance.now();
    try {
      let a = validateAction(action);
      assertSupported(a, 'web');
      a = canonicalize(a, this.frame);
      const details = (await this.run(a)) ?? {};
      await this.settle();
      return { ok: true, details: { url: this.page.url(), ...details }, durationMs: performance.now() - start };
    } catch (e) {
      if (e instanceof StepwiseError && e.code === 'device_gone') throw e;
      const error = e instanceof StepwiseError ? { code: e.code, message: e.message, hint: e.hint || undefined } : { code: 'device_error', message: errorMessage(e).split('\n')[0] };
      return { ok: false, error, durationMs: performance.now() - start };
    }
  }

  /** Canonical point -> CSS px at the center of the device pixel it names. */
  private css(p: readonly [number, number]): [number, number] {
    const [x, y] = toDevicePixel(p, this.frame);
    const s = this.preset.deviceScaleFactor;
    return [(x + 0.5) / s, (y + 0.5) / s];
  }

  private async run(a: Action): Promise<Record<string, unknown> | void> {
    const page = this.live();
    const m = page.mouse;
    switch (a.type) {
      case 'click': { const [x, y] = this.css(a.point); await m.click(x, y); return; }
      case 'double_click': { const [x, y] = this.css(a.point); await m.dblclick(x, y); return; }
      case 'right_click': { const [x, y] = this.css(a.point); await m.click(x, y, { button: 'right' }); return; }
      case 'hover': { const [x, y] = this.css(a.point); await m.move(x, y); return; }
      case 'drag': {
        const [x1, y1] = this.css(a.from), [x2, y2] = this.css(a.to);
        await m.move(x1, y1);
        await m.down();
        await m.move(x2, y2, { steps: 12 });
        await m.up();
        return;
      }
      case 'type': {
        if (a.point) { const [x, y] = this.css(a.point); await m.click(x, y); }
        await page.keyboard.type(a.text);
        return;
      }
      case 'scroll': {
        const [x, y] = this.css(a.point ?? [500, 500]);
        const step = (this.preset.height * 0.6) * (a.amount ?? 1);
        const [dx, dy] = { up: [0, -step], down: [0, step], left: [-step, 0], right: [step, 0] }[a.direction];
        await m.move(x, y);
        await m.wheel(dx, dy);
        return;
      }
      case 'key': {
        if (a.key === 'back') { await page.goBack({ waitUntil: 'load' }); return; }
        if (a.key === 'home') { await this.goto(this.opts.url); return; }
        const k = KEY_MAP[a.key];
        if (!k) throw new StepwiseError('unsupported_action', `key "${a.key}" does not exist in a web page`, `use one of: back, home, ${Object.keys(KEY_MAP).join(', ')}, or hotkey`);
        await page.keyboard.press(k);
        return;
      }
      case 'hotkey': await page.keyboard.press(a.keys.join('+')); return;
      case 'navigate': {
        let url: URL;
        try { url = new URL(a.url, page.url()); } catch { throw new StepwiseError('invalid_action', `"${a.url}" is not a URL`, 'give an absolute URL such as https://example.com/'); }
        await this.goto(url.href);
        return;
      }
      case 'wait': await page.waitForTimeout(a.seconds * 1000); return;
      case 'info': case 'complete': case 'abort': return;
      default: throw new StepwiseError('unsupported_action', `action "${a.type}" is not supported on web pages`, 'use click, double_click, right_click, hover, drag, type, key, hotkey, scroll, navigate, wait');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.context.close().catch(() => {});
    await this.browser.close().catch(() => {});
  }
}
