/**
 * One headless Chromium (Debian's, launched lazily) hosting many sandbox phones: each phone is a
 * page in its own BrowserContext, so phones never share storage, state or input.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { StepwiseError } from '../../core/errors.js';
import { loadPageHtml, type PageOptions } from '../../sandbox/page/build.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, CHROMIUM_SHELL_PATH } from '../chromium.js';
import { FrameDriver, OneAtATime } from './frames.js';

export { CHROMIUM_PATH };

/** The shared flags plus the phone's pixel density. */
const SANDBOX_ARGS = [...CHROMIUM_ARGS, '--force-device-scale-factor=3'];
/** Frame control (see frames.ts): frames are begun by us, and drawn with every compositor stage. */
const FRAME_CONTROL_ARGS = [...SANDBOX_ARGS, '--enable-begin-frame-control', '--deterministic-mode', '--run-all-compositor-stages-before-draw'];
/** The phone in CSS px and its device pixel ratio: 360x800 x3 = 1080x2400. */
export const VIEWPORT = { width: 360, height: 800 } as const;
export const DEVICE_SCALE_FACTOR = 3;

export interface SandboxBrowserOptions {
  executablePath?: string;
  /** Page bundle options (tests pass an entry with a fixture app). */
  page?: PageOptions;
  /**
   * Begin every frame ourselves (chromium-headless-shell): screenshots are the frame we draw, one
   * redraw fewer per act + screenshot. Pages then paint only while the device asks, so
   * Playwright's own page.screenshot() and mouse are not for these phones.
   */
  frameControl?: boolean;
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** DevTools session for fast screenshots (Page.captureScreenshot with optimizeForSpeed). */
  cdp: CDPSession;
  /** Present when the browser runs with frame control: begins the page's frames. */
  frames?: FrameDriver;
}

export class SandboxBrowser {
  private browser: Promise<Browser> | null = null;
  private contexts = new Set<BrowserContext>();
  private counter = 0;
  private closed = false;
  /** Contexts are opened one at a time under frame control, to tell which DevTools id is new. */
  private readonly opening = new OneAtATime();
  /** BeginFrames of all this browser's phones (see frames.ts). */
  private readonly frameQueue = new OneAtATime();

  constructor(readonly opts: SandboxBrowserOptions = {}) {}

  /** Sequential device numbers for ids like "sandbox:3". */
  nextId(): number { return ++this.counter; }

  private launch(): Promise<Browser> {
    if (this.closed) throw new StepwiseError('device_gone', 'this SandboxBrowser was closed', 'create a new SandboxBrowser');
    if (!this.browser) {
      const fc = this.opts.frameControl === true;
      const executablePath = this.opts.executablePath ?? (fc ? CHROMIUM_SHELL_PATH : CHROMIUM_PATH);
      if (!existsSync(executablePath)) {
        throw new StepwiseError('config_error', `Chromium${fc ? "'s headless shell" : ''} not found at ${executablePath}`, fc
          ? 'install Debian chromium-headless-shell (apt-get install chromium-headless-shell) or set STEPWISE_CHROMIUM_SHELL to its path'
          : 'install Debian chromium (apt-get install chromium) or set STEPWISE_CHROMIUM to its path');
      }
      const launching = chromium.launch({ executablePath, args: fc ? FRAME_CONTROL_ARGS : SANDBOX_ARGS, headless: true }).catch((e: unknown) => {
        throw new StepwiseError('device_error', `could not start Chromium: ${e instanceof Error ? e.message : String(e)}`, `check that ${executablePath} runs on this machine`);
      });
      this.browser = launching;
      // A failed launch or a dead browser (killed, or taken down by a crash) is relaunched on the
      // next use; devices notice their closed pages and restore their last state.
      const forget = () => { if (this.browser === launching) this.browser = null; };
      launching.then((b) => b.on('disconnected', forget), forget);
    }
    return this.browser;
  }

  /** A fresh phone page (own context) with the shell loaded and ready (the caller sets its state). */
  async openPhone(): Promise<PhonePage> {
    const [browser, html] = await Promise.all([this.launch(), loadPageHtml(this.opts.page)]);
    const fc = this.opts.frameControl === true;
    const opened = fc ? this.opening.run(() => this.frameControlledPage(browser)) : this.plainPage(browser);
    const { context, page } = await opened;
    try {
      const cdp = await context.newCDPSession(page);
      const frames = fc ? new FrameDriver(cdp, this.frameQueue) : undefined;
      const load = async () => {
        await page.setContent(html, { waitUntil: 'load' });
        // Polled on a timer: under frame control no animation frame comes by itself.
        await page.waitForFunction(() => (window as unknown as { __sandbox?: { ready: boolean } }).__sandbox?.ready === true, undefined, { polling: 20 });
        // The page's input helpers then return without waiting for a frame (see boot.ts painted()).
        if (fc) await page.evaluate(() => { window.__SANDBOX_FRAMES__ = 'device'; });
      };
      await (frames ? frames.during(load()) : load());
      return { context, page, cdp, frames };
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
    }
  }

  private async newPhoneContext(browser: Browser): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    this.contexts.add(context);
    context.on('close', () => this.contexts.delete(context));
    return context;
  }

  private async plainPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.newPhoneContext(browser);
    try {
      return { context, page: await context.newPage() };
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
    }
  }

  /** A page whose frames we begin: created over DevTools in the new context (Playwright adopts it). */
  private async frameControlledPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
    const session = await browser.newBrowserCDPSession();
    try {
      const known = new Set((await session.send('Target.getBrowserContexts')).browserContextIds);
      const context = await this.newPhoneContext(browser);
      try {
        const fresh = (await session.send('Target.getBrowserContexts')).browserContextIds.filter((id) => !known.has(id));
        if (fresh.length !== 1) throw new StepwiseError('device_error', `could not identify the new phone's browser context (${fresh.length} new)`, 'open phones again');
        const page = context.waitForEvent('page');
        await session.send('Target.createTarget', { url: 'about:blank', browserContextId: fresh[0], enableBeginFrameControl: true });
        return { context, page: await page };
      } catch (e) {
        await context.close().catch(() => {});
        throw e;
      }
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const b = this.browser;
    this.browser = null;
    if (!b) return;
    const browser = await b.catch(() => null);
    await Promise.all([...this.contexts].map((c) => c.close().catch(() => {})));
    await browser?.close().catch(() => {});
  }
}
