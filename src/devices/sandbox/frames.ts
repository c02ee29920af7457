/**
 * Frame control: a phone page whose frames are produced only when we ask
 * (chromium-headless-shell, `--enable-begin-frame-control`, a target created with
 * `enableBeginFrameControl`). A screenshot is then the frame we begin, drawn and encoded in one go,
 * instead of a capture that forces a second redraw of a frame Chromium already drew: measured
 * 16-18 ms less per act + screenshot at 1080x2400 (docs/BENCHMARKS.md, section MCP).
 * The price: nothing paints by itself, so whatever waits for a frame needs frames begun meanwhile;
 * `during` does that (page load, scaled DevTools captures). The page's input helpers do not wait
 * for one under frame control (boot.ts painted()): the frame the device begins next draws the result.
 */
import type { CDPSession } from 'playwright-core';

/**
 * Runs async jobs one at a time. Per browser, BeginFrames go through one: the headless shell
 * crashed (every phone's page closed) when two phones' frames were begun at once.
 */
export class OneAtATime {
  private chain: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => {});
    return next;
  }
}

export class FrameDriver {
  constructor(private readonly cdp: CDPSession, private readonly queue: OneAtATime) {}

  private begin<T>(params: Record<string, unknown>): Promise<T> {
    return this.queue.run(() => this.cdp.send('HeadlessExperimental.beginFrame', params) as Promise<T>);
  }

  /**
   * Begin frames until `work` settles (work that waits for a frame, like page load). They run the
   * page's frame work but are not drawn (the next screenshot draws) unless `draw` is set, as a
   * DevTools capture needs.
   */
  async during<T>(work: Promise<T>, draw = false): Promise<T> {
    let settled = false;
    const done = work.finally(() => { settled = true; });
    done.catch(() => {});
    for (let n = 1; !settled; n++) {
      await this.begin(draw ? {} : { noDisplayUpdates: true }).catch(() => {});
      // An input settles within a few frames; longer waits (a long press holds 800 ms) get
      // frames at ~120 per second instead of back to back.
      if (!settled) await new Promise((r) => (n < 4 ? setImmediate(r) : setTimeout(r, 8)));
    }
    return done;
  }

  /** Draw a frame and return it as an image (base64). */
  async screenshot(format: 'png' | 'jpeg', quality?: number): Promise<string> {
    const r = await this.begin<{ hasDamage: boolean; screenshotData?: string }>({ screenshot: { format, ...(format === 'jpeg' ? { quality: quality ?? 80 } : {}), optimizeForSpeed: true } });
    if (!r.screenshotData) throw new Error('Unable to capture screenshot: the frame produced no image');
    return r.screenshotData;
  }
}
