/**
 * One headless Chromium (Debian's, launched lazily) hosting many sandbox phones: each phone is a
 * page in its own BrowserContext, so phones never share storage, state or input.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { StepwiseError } from '../../core/errors.js';
import { loadPageHtml, type PageOptions } from '../../sandbox/page/build.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

export { CHROMIUM_PATH };

/** The shared flags plus the phone's pixel density. */
const SANDBOX_ARGS = [...CHROMIUM_ARGS, '--force-device-scale-factor=3'];
/** The phone in CSS px and its device pixel ratio: 360x800 x3 = 1080x2400. */
export const VIEWPORT = { width: 360, height: 800 } as const;
export const DEVICE_SCALE_FACTOR = 3;

export interface SandboxBrowserOptions {
  executablePath?: string;
  /** Page bundle options (tests pass an entry with a fixture app). */
  page?: PageOptions;
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** DevTools session for fast screenshots (Page.captureScreenshot with optimizeForSpeed). */
  cdp: CDPSession;
}

export class SandboxBrowser {
  private browser: Promise<Browser> | null = null;
  private contexts = new Set<BrowserContext>();
  private counter = 0;
  private closed = false;

  constructor(readonly opts: SandboxBrowserOptions = {}) {}

  /** Sequential device numbers for ids like "sandbox:3". */
  nextId(): number { return ++this.counter; }

  private launch(): Promise<Browser> {
    if (this.closed) throw new StepwiseError('device_gone', 'this SandboxBrowser was closed', 'create a new SandboxBrowser');
    if (!this.browser) {
      const executablePath = this.opts.executablePath ?? CHROMIUM_PATH;
      if (!existsSync(executablePath)) {
        throw new StepwiseError('config_error', `Chromium not found at ${executablePath}`, 'install Debian chromium (apt-get install chromium) or set STEPWISE_CHROMIUM to its path');
      }
      const launching = chromium.launch({ executablePath, args: SANDBOX_ARGS, headless: true }).catch((e: unknown) => {
        throw new StepwiseError('device_error', `could not start Chromium: ${e instanceof Error ? e.message : String(e)}`, 'check that /usr/bin/chromium runs on this machine');
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
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    this.contexts.add(context);
    context.on('close', () => this.contexts.delete(context));
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __sandbox?: { ready: boolean } }).__sandbox?.ready === true);
      const cdp = await context.newCDPSession(page);
      return { context, page, cdp };
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
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
