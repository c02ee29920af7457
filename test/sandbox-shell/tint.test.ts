/**
 * The system bars take the colour of the app behind them (as Android apps tint them), and drop it
 * again on the home screen; this must hold however the screen was reached (the tint is written only
 * when it changes).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxBrowser } from '../../src/devices/sandbox/browser.js';
import { SandboxDevice } from '../../src/devices/sandbox/device.js';
import { APPS } from '../../src/sandbox/apps/index.js';

let browser: SandboxBrowser;
let dev: SandboxDevice;
beforeAll(async () => {
  browser = new SandboxBrowser();
  dev = await SandboxDevice.create(browser, { seed: 2 });
});
afterAll(async () => { await browser?.close(); });

/** The status bar's colour at its left edge (device px), and the bar variable the page set. */
async function statusBar(): Promise<{ pixel: string; variable: string }> {
  const obs = await dev.observe({ uiTree: false });
  const { data, info } = await sharp(obs.image.data).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => { const i = (y * info.width + x) * info.channels; return `rgb(${data[i]},${data[i + 1]},${data[i + 2]})`; };
  const variable = await dev.page!.evaluate(() => document.getElementById('phone')!.style.getPropertyValue('--sb-bg'));
  return { pixel: at(2, 2), variable };
}

describe('status bar tint', () => {
  it('follows each app, is gone at home, and stays right across repeated switches', async () => {
    const seen = new Map<string, string>();
    for (let round = 0; round < 2; round++) {
      for (const app of APPS) {
        const r = await dev.act({ type: 'open_app', app: app.label });
        expect(r.ok, JSON.stringify(r.error)).toBe(true);
        const bar = await statusBar();
        expect(bar.variable, app.id).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
        expect(bar.pixel, app.id).toBe(bar.variable);
        if (round === 0) seen.set(app.id, bar.variable); else expect(bar.variable, app.id).toBe(seen.get(app.id));
        await dev.act({ type: 'key', key: 'home' });
        expect((await statusBar()).variable).toBe('');
      }
    }
    // Apps differ in colour (a stuck tint would make them all alike).
    expect(new Set(seen.values()).size).toBeGreaterThan(1);
  }, 120_000);
});
