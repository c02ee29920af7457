import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxDevice } from '../../src/devices/sandbox/device.js';
import type { SandboxBrowser } from '../../src/devices/sandbox/browser.js';
import { fixtureBrowser } from './helpers.js';

// Real pointer input (a person in `sandbox serve`, Playwright's mouse) goes through the same
// gesture tracker as the device's input helpers.
let browser: SandboxBrowser;
let dev: SandboxDevice;
beforeAll(async () => {
  browser = fixtureBrowser();
  dev = await SandboxDevice.create(browser, { seed: 2 });
});
afterAll(async () => { await browser.close(); });

async function openLab() {
  await dev.reset({ seed: 2 });
  expect((await dev.act({ type: 'open_app', app: 'lab' })).ok).toBe(true);
}

async function center(sel: string): Promise<[number, number]> {
  const b = (await dev.page!.locator(sel).first().boundingBox())!;
  return [b.x + b.width / 2, b.y + b.height / 2];
}

describe('real pointer input', () => {
  it('holding the mouse >= 500 ms is a long press', async () => {
    await openLab();
    const m = dev.page!.mouse;
    const [x, y] = await center('.app-lab .row');
    await m.move(x, y);
    await m.down();
    await dev.page!.waitForTimeout(650); // a real hold: the only way to make a person-length press
    await m.up();
    const st = await dev.state();
    expect(st.system.overlay?.kind).toBe('menu');
  });

  it('a mouse drag scrolls the list with the finger, and the wheel scrolls too', async () => {
    await openLab();
    const m = dev.page!.mouse;
    await m.move(180, 600);
    await m.down();
    for (let i = 1; i <= 10; i++) await m.move(180, 600 - i * 25);
    await m.up();
    const dragged = (await dev.state()).system.scroll['lab.list'];
    expect(dragged).toBeGreaterThanOrEqual(240);
    expect(dragged).toBeLessThanOrEqual(252);
    const before = (await dev.observe({ uiTree: false })).frame.id;
    await m.move(180, 500);
    await m.wheel(0, 300);
    await expect.poll(async () => (await dev.state()).system.scroll['lab.list']).toBeGreaterThan(dragged);
    expect((await dev.observe({ uiTree: false })).frame.id).not.toBe(before);
  });

  it('a click on the nav bar Home button goes home; a physical keyboard types into the focused field', async () => {
    await openLab();
    const [fx, fy] = await center('[data-field="q"]');
    await dev.page!.mouse.click(fx, fy);
    await dev.page!.keyboard.type('abc');
    await dev.page!.keyboard.press('Backspace');
    expect((await dev.state()).system.fields['lab.q']).toBe('ab');
    await dev.page!.keyboard.press('Escape');
    expect((await dev.state()).system.focus).toBeNull();
    const [hx, hy] = await center('[aria-label="Home"]');
    await dev.page!.mouse.click(hx, hy);
    expect((await dev.state()).system.foreground).toBeNull();
  });
});
