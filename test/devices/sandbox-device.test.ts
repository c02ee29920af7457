import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxDevice } from '../../src/devices/sandbox/device.js';
import type { SandboxBrowser } from '../../src/devices/sandbox/browser.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { FIXTURE_APPS, type LabState } from '../sandbox-shell/fixtures/apps.js';
import { byId, byText, center, fixtureBrowser } from './helpers.js';

let browser: SandboxBrowser;
let dev: SandboxDevice;

beforeAll(async () => {
  browser = fixtureBrowser();
  dev = await SandboxDevice.create(browser, { seed: 5 });
});
afterAll(async () => { await browser.close(); });

async function openLab(): Promise<void> {
  await dev.reset({ seed: 5 });
  const r = await dev.act({ type: 'open_app', app: 'Lab' });
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
}

describe('SandboxDevice: observe', () => {
  it('describes itself as a 1080x2400 sandbox phone', async () => {
    expect(await dev.info()).toMatchObject({ platform: 'phone', backend: 'sandbox', width: 1080, height: 2400, rotation: 0 });
    expect((await dev.info()).id).toMatch(/^sandbox:\d+$/);
  });

  it('returns a 1080x2400 PNG and JPEG with a frame id, the launcher package and timings', async () => {
    await dev.reset({ seed: 5 });
    const png = await dev.observe({ format: 'png' });
    expect(png.image.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(await sharp(png.image.data).metadata()).toMatchObject({ width: 1080, height: 2400, format: 'png' });
    const jpg = await dev.observe({ format: 'jpeg', quality: 70 });
    expect(jpg.image.data[0]).toBe(0xff);
    expect(await sharp(jpg.image.data).metadata()).toMatchObject({ width: 1080, height: 2400, format: 'jpeg' });
    expect(png.frame).toMatchObject({ width: 1080, height: 2400, rotation: 0 });
    expect(png.frame.id).toMatch(new RegExp(`^${(await dev.info()).id}#\\d+$`));
    expect(png.app).toBe('com.stepwise.launcher');
    expect(png.timing).toHaveProperty('screenshot');
  });

  it('UI tree lists the home icons, status bar and nav buttons with device-pixel bounds matching the DOM', async () => {
    await dev.reset({ seed: 5 });
    const { uiTree } = await dev.observe();
    const tree = uiTree!;
    const icon = byId(tree, 'app_lab');
    expect(icon).toMatchObject({ desc: 'Lab', clickable: true, package: 'com.stepwise.launcher' });
    const rect = await dev.page!.evaluate(() => {
      const r = document.querySelector('[data-id="app_lab"]')!.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    });
    expect(icon.bounds).toEqual(rect.map((v) => Math.round(v * 3)));
    expect(byText(tree, 'Lab').class).toBe('android.widget.TextView');
    expect(byText(tree, 'Weather')).toBeTruthy();
    for (const d of ['Back', 'Home', 'Recent apps']) expect(byText(tree, d)).toMatchObject({ clickable: true, package: 'com.android.systemui' });
    expect(byId(tree, 'clock').text).toBe('09:41');
    expect(byId(tree, 'search_box').class).toBe('android.widget.EditText');
    for (const n of tree) {
      const [l, t, r, b] = n.bounds;
      expect(l >= 0 && t >= 0 && r <= 1080 && b <= 2400 && r > l && b > t, JSON.stringify(n)).toBe(true);
      if (n.parent >= 0) expect(n.parent).toBeLessThan(n.index);
    }
  });
});

describe('SandboxDevice: act', () => {
  it('tapping a home icon opens the app', async () => {
    await dev.reset({ seed: 5 });
    const obs = await dev.observe();
    const r = await dev.act({ type: 'click', point: center(byId(obs.uiTree!, 'app_lab'), obs.frame), frameId: obs.frame.id });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const after = await dev.observe();
    expect(after.app).toBe('com.stepwise.lab');
    expect(byId(after.uiTree!, 'title').text).toBe('Lab 实验室');
    expect(after.frame.id).not.toBe(obs.frame.id);
  });

  it('a real mouse click (Playwright) takes the same path', async () => {
    await dev.reset({ seed: 5 });
    const box = await dev.page!.locator('[data-id="app_weather"]').boundingBox();
    await dev.page!.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    expect((await dev.observe({ uiTree: false })).app).toBe('com.stepwise.weather');
  });

  it('back, home and recents', async () => {
    await openLab();
    let obs = await dev.observe();
    await dev.act({ type: 'click', point: center(byText(obs.uiTree!, (obs.uiTree!.find((n) => n.text.startsWith('Item 3 '))!).text), obs.frame) });
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'detail_title').text).toMatch(/^Item 3 /);
    expect((await dev.act({ type: 'key', key: 'back' })).ok).toBe(true);
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'title')).toBeTruthy();
    await dev.act({ type: 'key', key: 'home' });
    expect((await dev.observe()).app).toBe('com.stepwise.launcher');
    await dev.act({ type: 'open_app', app: 'weather' });
    await dev.act({ type: 'key', key: 'recent' });
    obs = await dev.observe();
    const cards = obs.uiTree!.filter((n) => n.resourceId.endsWith(':id/task_view'));
    expect(cards.map((c) => c.desc)).toEqual(['Weather', 'Lab']);
    // tapping the Lab card (partly off-screen to the right: tap its visible part) brings Lab back
    await dev.act({ type: 'click', point: center(cards[1], obs.frame) });
    expect((await dev.observe({ uiTree: false })).app).toBe('com.stepwise.lab');
  });

  it('typing into a field shows the keyboard and the text, including Chinese', async () => {
    await openLab();
    let obs = await dev.observe();
    const field = byId(obs.uiTree!, 'query');
    expect(field.text).toBe('Search items'); // the hint, as Android reports it
    const r = await dev.act({ type: 'type', text: '苹果 pie', point: center(field, obs.frame) });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'query')).toMatchObject({ text: '苹果 pie', focused: true });
    expect(byId(obs.uiTree!, 'keyboard').package).toBe('com.stepwise.inputmethod');
    expect(byText(obs.uiTree!, 'q').clickable).toBe(true);
    const st = await dev.state();
    expect((st.apps.lab as LabState).query).toBe('苹果 pie');
    // CJK glyphs come from a real font (not tofu boxes)
    expect(await dev.page!.evaluate(() => document.fonts.check('16px "WenQuanYi Micro Hei"', '苹果'))).toBe(true);
    // tapping keyboard keys types too
    await dev.act({ type: 'click', point: center(byText(obs.uiTree!, 'x'), obs.frame) });
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'query').text).toBe('苹果 piex');
    await dev.act({ type: 'key', key: 'enter' });
    expect(((await dev.state()).apps.lab as LabState).submitted).toBe('苹果 piex');
    expect((await dev.observe()).uiTree!.some((n) => n.resourceId.endsWith(':id/keyboard'))).toBe(false);
  });

  it('type with no focused field is a typed error', async () => {
    await openLab();
    const r = await dev.act({ type: 'type', text: 'hello' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'invalid_action' });
    expect(r.error!.hint).toMatch(/tap a text field/);
  });

  it('long press opens the menu; its item runs the app action; tapping shows a toast until the next input', async () => {
    await openLab();
    let obs = await dev.observe();
    const row = obs.uiTree!.find((n) => n.text.startsWith('Item 2 '))!;
    const r = await dev.act({ type: 'long_press', point: center(row, obs.frame) });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'popup_menu')).toBeTruthy();
    await dev.act({ type: 'click', point: center(byText(obs.uiTree!, 'Delete'), obs.frame) });
    obs = await dev.observe();
    const toast = byText(obs.uiTree!, 'Deleted');
    expect(toast.class).toBe('android.widget.TextView');
    expect(obs.uiTree![toast.parent]).toMatchObject({ class: 'android.widget.Toast', package: 'android' });
    expect(obs.uiTree!.some((n) => n.text === row.text)).toBe(false);
    await dev.act({ type: 'wait', seconds: 1 });
    expect((await dev.observe()).uiTree!.some((n) => n.text === 'Deleted')).toBe(false);
  });

  it('swipe and scroll move the list (down reveals what is below) and report the distance', async () => {
    await openLab();
    let obs = await dev.observe();
    expect(obs.uiTree!.some((n) => n.text.startsWith('Item 20 '))).toBe(false);
    const list = byId(obs.uiTree!, 'list');
    expect(list).toMatchObject({ scrollable: true, class: 'androidx.recyclerview.widget.RecyclerView' });
    const r = await dev.act({ type: 'swipe', from: [500, 850], to: [500, 350] });
    expect(r.ok).toBe(true);
    expect(Number(r.details!.scrolled)).toBeGreaterThan(300);
    const st = await dev.state();
    expect(st.system.scroll['lab.list']).toBe(Number(r.details!.scrolled));
    obs = await dev.observe();
    expect(obs.uiTree!.some((n) => n.text.startsWith('Item 1 '))).toBe(false);
    const s2 = await dev.act({ type: 'scroll', direction: 'down' });
    expect(Number(s2.details!.scrolled)).toBeGreaterThan(0);
    obs = await dev.observe();
    expect(obs.uiTree!.some((n) => n.text.startsWith('Item 20 '))).toBe(true);
    const up = await dev.act({ type: 'scroll', direction: 'up', amount: 10 });
    expect(up.details).toMatchObject({ atEnd: true });
    expect((await dev.state()).system.scroll['lab.list']).toBeUndefined();
    const side = await dev.act({ type: 'scroll', direction: 'right' });
    expect(side).toMatchObject({ ok: false, error: { code: 'no_target' } });
  });

  it('an edge swipe from the left goes back', async () => {
    await openLab();
    await dev.act({ type: 'swipe', from: [2, 500], to: [600, 510] });
    expect((await dev.observe({ uiTree: false })).app).toBe('com.stepwise.launcher');
  });

  it('rejects a stale frame, an off-screen point, a tap on nothing and unsupported actions, without throwing', async () => {
    await openLab();
    const obs = await dev.observe();
    await dev.act({ type: 'click', point: center(byId(obs.uiTree!, 'save'), obs.frame) });
    const stale = await dev.act({ type: 'click', point: [500, 500], frameId: obs.frame.id });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale_frame' } });
    const off = await dev.act({ type: 'click', point: [500, 1200] });
    expect(off).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    const offDevice = await dev.act({ type: 'click', point: [1080, 2401], space: 'device' });
    expect(offDevice.error?.code).toBe('out_of_range');
    const nothing = await dev.act({ type: 'click', point: [500, 40] }); // status bar clock area... no control
    expect(nothing).toMatchObject({ ok: false, error: { code: 'no_target' } });
    expect(nothing.error!.hint).toBeTruthy();
    const hover = await dev.act({ type: 'hover', point: [500, 500] });
    expect(hover).toMatchObject({ ok: false, error: { code: 'unsupported_action' } });
    const vol = await dev.act({ type: 'key', key: 'volume_up' });
    expect(vol).toMatchObject({ ok: false, error: { code: 'unsupported_action' } });
    const bad = await dev.act({ type: 'click' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_action' } });
    const disabled = await dev.observe();
    const off2 = await dev.act({ type: 'click', point: center(byId(disabled.uiTree!, 'disabled_btn'), disabled.frame) });
    expect(off2).toMatchObject({ ok: true, details: { disabled: true } });
    expect(byId(disabled.uiTree!, 'disabled_btn').enabled).toBe(false);
  });

  it('open_app matches names, aliases and near misses, and refuses a wrong guess', async () => {
    await dev.reset({ seed: 5 });
    expect((await dev.act({ type: 'open_app', app: '天气' })).ok).toBe(true);
    expect((await dev.act({ type: 'open_app', app: 'Wether' })).ok).toBe(true);
    const bad = await dev.act({ type: 'open_app', app: 'Calculator' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(bad.error!.hint).toMatch(/Lab|Weather/);
    expect((await dev.observe({ uiTree: false })).app).toBe('com.stepwise.weather');
  });

  it('checkable widgets report checked state', async () => {
    await openLab();
    let obs = await dev.observe();
    expect(byId(obs.uiTree!, 'toggle')).toMatchObject({ class: 'android.widget.Switch', checkable: true, checked: false, desc: 'Like' });
    await dev.act({ type: 'click', point: center(byId(obs.uiTree!, 'toggle'), obs.frame) });
    obs = await dev.observe();
    expect(byId(obs.uiTree!, 'toggle').checked).toBe(true);
  });
});

describe('SandboxDevice: state, isolation, determinism, recovery', () => {
  it('reset with the same seed gives identical PNG bytes; a PhoneState round-trips', async () => {
    await dev.reset({ seed: 11 });
    const a = await dev.observe();
    await dev.act({ type: 'open_app', app: 'Lab' });
    await dev.reset({ seed: 11 });
    const b = await dev.observe();
    expect(Buffer.compare(a.image.data, b.image.data)).toBe(0);
    const state = createPhone(12, FIXTURE_APPS);
    state.system.foreground = 'lab';
    await dev.reset(state);
    const c = await dev.observe();
    await dev.reset(state);
    const d = await dev.observe();
    expect(Buffer.compare(c.image.data, d.image.data)).toBe(0);
    expect(c.app).toBe('com.stepwise.lab');
    await expect(dev.reset({ nope: 1 })).rejects.toThrow(/PhoneState or \{ seed \}/);
  });

  it('K devices in parallel never share state', async () => {
    const devs = await Promise.all([1, 2, 3].map(() => SandboxDevice.create(browser, { seed: 5 })));
    try {
      await Promise.all(devs.map(async (d, i) => {
        await d.act({ type: 'open_app', app: i === 0 ? 'Lab' : 'Weather' });
        if (i === 0) {
          const o = await d.observe();
          await d.act({ type: 'type', text: `device ${i}`, point: center(byId(o.uiTree!, 'query'), o.frame) });
        }
      }));
      const states = await Promise.all(devs.map((d) => d.state()));
      expect(states[0].system.foreground).toBe('lab');
      expect(states[0].system.fields['lab.query'] ?? states[0].system.fields['lab.q']).toBe('device 0');
      for (const s of states.slice(1)) {
        expect(s.system.foreground).toBe('weather');
        expect(s.system.fields['lab.q']).toBeUndefined();
      }
      const ids = new Set(await Promise.all(devs.map(async (d) => (await d.info()).id)));
      expect(ids.size).toBe(3);
    } finally {
      await Promise.all(devs.map((d) => d.close()));
    }
  });

  it('recovers from a crashed page with the last known state', async () => {
    const d = await SandboxDevice.create(browser, { seed: 8 });
    try {
      await d.act({ type: 'open_app', app: 'Lab' });
      await d.act({ type: 'swipe', from: [500, 850], to: [500, 450] });
      const before = await d.observe();
      await d.page!.goto('chrome://crash').catch(() => {});
      const after = await d.observe();
      expect(d.recoveries).toBe(1);
      expect(after.app).toBe('com.stepwise.lab');
      expect(Buffer.compare(before.image.data, after.image.data)).toBe(0);
      expect(after.frame.id).not.toBe(before.frame.id); // a new page never reuses old frame ids
      await d.page!.close();
      const r = await d.act({ type: 'key', key: 'back' });
      expect(r.ok || r.error?.code === 'device_error').toBe(true);
      expect((await d.observe({ uiTree: false })).app).toBeTruthy();
      expect(d.recoveries).toBe(2);
      // the whole browser gone (last test of the file: it takes the shared browser down)
      await d.page!.context().browser()!.close();
      const again = await d.observe({ uiTree: false });
      expect(d.recoveries).toBe(3);
      expect(again.app).toBe((await d.state()).system.foreground === 'lab' ? 'com.stepwise.lab' : 'com.stepwise.launcher');
    } finally {
      await d.close();
    }
  });
});
