/**
 * Sandbox phones under frame control (chromium-headless-shell; what `stepwise mcp` uses when it is
 * installed): frames are begun by the device, input frames are not drawn, and a screenshot is the
 * one frame drawn after them. Users depend on that screenshot showing the screen as it is after
 * the action: a second frame drawn right after it must be identical, after every step of real
 * tasks. Also: scaled and JPEG captures, several phones in one browser, and the MCP registry option.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_SHELL_PATH } from '../../src/devices/chromium.js';
import { SandboxBrowser } from '../../src/devices/sandbox/browser.js';
import { SandboxDevice } from '../../src/devices/sandbox/device.js';
import { openDevices } from '../../src/devices/registry.js';
import { runTask } from '../../src/agent/runner.js';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { solutionFor } from '../../src/agent/sandbox-suite.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { instantiate, taskRef } from '../../src/sandbox/tasks/instance.js';
import type { Observation, ObserveOptions } from '../../src/core/index.js';

// .ci/run installs the shell (scripts/setup.sh); without it this file says so instead of passing.
if (!existsSync(CHROMIUM_SHELL_PATH)) throw new Error(`chromium-headless-shell is not installed at ${CHROMIUM_SHELL_PATH}: run scripts/setup.sh`);

const raw = (png: Buffer) => sharp(png).raw().toBuffer();

let browser: SandboxBrowser;
let phones: SandboxDevice[];
beforeAll(async () => {
  browser = new SandboxBrowser({ frameControl: true });
  phones = await Promise.all([1, 2, 3].map((seed) => SandboxDevice.create(browser, { seed })));
});
afterAll(async () => { await browser?.close(); });

describe('sandbox frame control', () => {
  it('every screenshot after an action equals the next frame drawn (no stale frames), on a task of every app', async () => {
    const dev = phones[0];
    const stale: string[] = [];
    let steps = 0;
    // Observe twice: what the caller gets, then a frame drawn after it. A stale first frame differs.
    const checked = new Proxy(dev, {
      get(target, prop, recv) {
        if (prop === 'observe') {
          return async (opts?: ObserveOptions): Promise<Observation> => {
            const first = await dev.observe(opts);
            const again = await dev.observe({ uiTree: false });
            const [a, b] = await Promise.all([raw(first.image.data), raw(again.image.data)]);
            if (!a.equals(b)) stale.push(`step ${steps}`);
            steps++;
            return first;
          };
        }
        const v = Reflect.get(target, prop, recv);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const picks = APPS.map((app) => TEMPLATES.find((t) => t.app === app.id)).filter((t) => t !== undefined);
    for (const [i, template] of picks.entries()) {
      const inst = instantiate(template, 5 + i, APPS);
      await dev.reset(inst.initial);
      await runTask({ device: checked, policy: new DemoPolicy({ solutionFor, noise: 0.3, seed: i }), task: taskRef(inst), maxSteps: 25 });
    }
    expect(stale).toEqual([]);
    expect(steps).toBeGreaterThan(50);
    // Most screenshots above were the early ones begun as the action returned: they are what was checked.
    expect(dev.earlyShots.taken).toBeGreaterThan(steps / 2);
    expect(dev.recoveries).toBe(0);
  }, 300_000);

  it('a tap shows at once: the switch flips in the very next screenshot, on three phones in parallel', async () => {
    await Promise.all(phones.map(async (p) => { await p.reset({ seed: 9 }); expect((await p.act({ type: 'open_app', app: 'Settings' })).error ?? 'ok').toBe('ok'); }));
    const checkedCount = (o: Observation) => o.uiTree.filter((n) => n.checked).length;
    const before = await Promise.all(phones.map((p) => p.observe()));
    const results = await Promise.all(phones.map((p) => p.act({ type: 'click', point: [858, 468] })));
    expect(results.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
    const after = await Promise.all(phones.map((p) => p.observe()));
    for (const [i, o] of after.entries()) {
      expect(Math.abs(checkedCount(o) - checkedCount(before[i]))).toBe(1);
      expect((await raw(o.image.data)).equals(await raw(before[i].image.data))).toBe(false);
    }
    // No phone was silently replaced after a crash (frames begun at once on two phones crashed the shell).
    expect(phones.map((p) => p.recoveries)).toEqual([0, 0, 0]);
  }, 120_000);

  it('an early screenshot is begun only while actions are followed by screenshots of one kind, and used only when it shows the screen', async () => {
    const dev = phones[2];
    const tap = async () => expect((await dev.act({ type: 'click', point: [858, 468] })).error ?? 'ok').toBe('ok');
    const checked = (o: Observation) => o.uiTree.filter((n) => n.checked).length;
    await dev.reset({ seed: 4 });
    // Two actions, each followed by a full-size PNG: the caller's pattern is steady.
    await dev.act({ type: 'open_app', app: 'Settings' });
    await dev.observe();
    await dev.act({ type: 'wait' });
    const start = checked(await dev.observe());
    const { begun, taken } = dev.earlyShots;
    // Two taps in a row: the first one's early screenshot is dropped, the second begins none.
    await tap();
    await tap();
    expect(dev.earlyShots).toEqual({ begun: begun + 1, taken });
    const twice = await dev.observe();
    expect(checked(twice)).toBe(start);
    // A screenshot followed the last action again: the next one begins one, and it is what observe returns.
    await tap();
    const once = await dev.observe();
    expect(dev.earlyShots).toEqual({ begun: begun + 2, taken: taken + 1 });
    expect(Math.abs(checked(once) - start)).toBe(1);
    const drawn = await dev.observe({ uiTree: false });
    expect((await raw(once.image.data)).equals(await raw(drawn.image.data))).toBe(true);
    expect((await raw(once.image.data)).equals(await raw(twice.image.data))).toBe(false);
    // Asked in another encoding than the early one: a capture of its own, in that encoding; and a
    // caller that switches kinds gets no early screenshot after that.
    await tap();
    const jpeg = await dev.observe({ format: 'jpeg' });
    expect(jpeg.image.data.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(dev.earlyShots).toEqual({ begun: begun + 3, taken: taken + 1 });
    await tap();
    await dev.observe({ scale: 0.5 });
    await tap();
    expect(dev.earlyShots.begun).toBe(begun + 3);
    // Steady model-sized screenshots get early ones at that size.
    const half = await dev.observe({ scale: 0.5 });
    await tap();
    const early = await dev.observe({ scale: 0.5 });
    expect(dev.earlyShots).toEqual({ begun: begun + 4, taken: taken + 2 });
    expect([early.image.width, early.image.height]).toEqual([540, 1200]);
    expect(Math.abs(checked(early) - checked(half))).toBe(1);
    expect((await raw(early.image.data)).equals(await raw((await dev.observe({ scale: 0.5, uiTree: false })).image.data))).toBe(true);
  }, 60_000);

  it('captures JPEG and model-sized images too', async () => {
    const jpeg = await phones[1].observe({ format: 'jpeg', quality: 70 });
    expect(await sharp(jpeg.image.data).metadata()).toMatchObject({ format: 'jpeg', width: 1080, height: 2400 });
    const half = await phones[1].observe({ scale: 0.5, uiTree: false });
    expect(await sharp(half.image.data).metadata()).toMatchObject({ format: 'png', width: 540, height: 1200 });
  });

  it('the registry turns it on with frames=on and rejects a bad value', async () => {
    const opened = await openDevices('sandbox:frames=on');
    try {
      const obs = await opened.devices[0].observe({ uiTree: false });
      expect(obs.image.width).toBe(1080);
    } finally {
      await opened.close();
    }
    await expect(openDevices('sandbox:frames=maybe')).rejects.toThrow(/frames=on, frames=off or frames=auto/);
  }, 60_000);
});
