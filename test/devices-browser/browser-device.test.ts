/** BrowserDevice on local pages served by the test (node:http): actions, UI tree, settling, presets. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/core/coords.js';
import type { UiNode } from '../../src/core/uitree.js';
import { BrowserDevice } from '../../src/devices/browser/index.js';
import { openDevices } from '../../src/devices/registry.js';
import { byText, center } from '../devices/helpers.js';

const PAGE = `<!doctype html><html><head><style>
  body { margin: 0; font: 16px sans-serif; } button, input { display: block; margin: 8px; width: 200px; height: 40px; }
  #drop { width: 200px; height: 100px; background: #eee; margin: 8px; } #tall { height: 3000px; } #hoverme { width: 200px; height: 40px; margin: 8px; background: #ccf; }
</style></head><body>
  <h1 id="title">Test page</h1>
  <input id="name" aria-label="Your name" placeholder="name">
  <button id="count" onclick="this.textContent = 'clicked ' + (++window.n)">clicked 0</button>
  <button id="dbl" ondblclick="this.textContent = 'double'">dbl</button>
  <button id="ctx" oncontextmenu="event.preventDefault(); this.textContent = 'context'">ctx</button>
  <div id="hoverme" onmouseenter="this.textContent = 'hovered'">hover</div>
  <div id="drop">drag</div>
  <button id="load" onclick="fetch('/slow').then(r => r.text()).then(t => { const p = document.createElement('p'); p.id = 'loaded'; p.textContent = t; document.body.insertBefore(p, document.getElementById('tall')); })">load</button>
  <a id="next" href="/two">Next page</a>
  <div id="tall"></div><p id="bottom">Bottom</p>
<script>window.n = 0; const d = document.getElementById('drop'); let down = null;
  d.addEventListener('mousedown', (e) => { down = [e.clientX, e.clientY]; });
  window.addEventListener('mouseup', (e) => { if (down) d.textContent = 'dragged ' + Math.round(e.clientX - down[0]); down = null; });
  window.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'k') document.getElementById('title').textContent = 'hotkey'; });
</script></body></html>`;

let server: http.Server;
let base = '';
let dev: BrowserDevice;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') { setTimeout(() => res.end('slow data arrived'), 400); return; }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/two') { res.end('<!doctype html><p id="two">Second page</p>'); return; }
    if (req.url === '/') { res.end(PAGE); return; }
    res.statusCode = 404; res.end('nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dev = await BrowserDevice.open({ url: `${base}/` });
}, 120_000);
afterAll(async () => {
  await dev?.close();
  await new Promise((r) => server.close(r));
}, 60_000);

async function look(): Promise<{ tree: UiNode[]; frame: Frame }> {
  const o = await dev.observe();
  return { tree: o.uiTree!, frame: o.frame };
}
const idOf = (tree: UiNode[], id: string) => { const n = tree.find((x) => x.resourceId === id); if (!n) throw new Error(`no ${id}`); return n; };
const byRid = async (id: string) => { const { tree, frame } = await look(); return center(idOf(tree, id), frame); };

describe('BrowserDevice (desktop preset)', () => {
  it('observes a PNG of the viewport and the DOM as UI nodes', async () => {
    const o = await dev.observe();
    expect(await dev.info()).toMatchObject({ platform: 'web', backend: 'browser', width: 1280, height: 800 });
    expect([o.image.width, o.image.height]).toEqual([1280, 800]);
    expect(o.image.data.subarray(1, 4).toString()).toBe('PNG');
    const input = idOf(o.uiTree!, 'name');
    expect(input).toMatchObject({ class: 'android.widget.EditText', desc: 'Your name', clickable: true });
    expect(idOf(o.uiTree!, 'count')).toMatchObject({ class: 'android.widget.Button', text: 'clicked 0' });
    expect(o.uiTree!.some((n) => n.resourceId === 'bottom')).toBe(false); // below the fold
    expect(o.app).toBe(`${base}/`);
  });

  it('click, double click, right click, hover, drag, type and hotkey', async () => {
    expect((await dev.act({ type: 'click', point: await byRid('count') })).ok).toBe(true);
    expect((await dev.act({ type: 'double_click', point: await byRid('dbl') })).ok).toBe(true);
    expect((await dev.act({ type: 'right_click', point: await byRid('ctx') })).ok).toBe(true);
    expect((await dev.act({ type: 'hover', point: await byRid('hoverme') })).ok).toBe(true);
    const from = await byRid('drop');
    expect((await dev.act({ type: 'drag', from, to: [from[0] + 50, from[1]] })).ok).toBe(true);
    expect((await dev.act({ type: 'type', text: 'Zoë 你好 "$(id)"', point: await byRid('name') })).ok).toBe(true);
    expect((await dev.act({ type: 'hotkey', keys: ['Control', 'k'] })).ok).toBe(true);
    const { tree } = await look();
    expect(idOf(tree, 'count').text).toBe('clicked 1');
    expect(idOf(tree, 'dbl').text).toBe('double');
    expect(idOf(tree, 'ctx').text).toBe('context');
    expect(idOf(tree, 'hoverme').text).toBe('hovered');
    expect(idOf(tree, 'drop').text).toMatch(/^dragged (6[0-9]|5[0-9])$/);
    expect(idOf(tree, 'name').text).toBe('Zoë 你好 "$(id)"');
    expect(idOf(tree, 'title').text).toBe('hotkey');
  });

  it('returns only after a slow fetch has updated the page', async () => {
    expect((await dev.act({ type: 'click', point: await byRid('load') })).ok).toBe(true);
    const { tree } = await look();
    expect(byText(tree, 'slow data arrived').resourceId).toBe('loaded');
  });

  it('scrolls, navigates by link and by URL, and goes back', async () => {
    expect((await dev.act({ type: 'scroll', direction: 'down', amount: 10 })).ok).toBe(true);
    expect((await look()).tree.some((n) => n.resourceId === 'bottom')).toBe(true);
    expect((await dev.act({ type: 'scroll', direction: 'up', amount: 10 })).ok).toBe(true);
    expect((await dev.act({ type: 'click', point: await byRid('next') })).ok).toBe(true);
    expect(byText((await look()).tree, 'Second page')).toBeDefined();
    expect((await dev.act({ type: 'key', key: 'back' })).ok).toBe(true);
    expect((await dev.observe()).app).toBe(`${base}/`);
    expect((await dev.act({ type: 'navigate', url: '/two' })).ok).toBe(true);
    expect((await dev.observe()).app).toBe(`${base}/two`);
    const bad = await dev.act({ type: 'navigate', url: '/missing' });
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toMatch(/HTTP 404/);
  });

  it('rejects phone-only actions and unknown keys with a typed error', async () => {
    const r = await dev.act({ type: 'swipe', from: [1, 1], to: [2, 2] });
    expect(r.error?.code).toBe('unsupported_action');
    const k = await dev.act({ type: 'key', key: 'volume_up' });
    expect(k.error?.code).toBe('unsupported_action');
  });
});

describe('BrowserDevice (mobile preset)', () => {
  it('uses a phone viewport at 3x (opened through the registry as browser:mobile:<url>)', async () => {
    await expect(openDevices('browser:not-a-url')).rejects.toMatchObject({ code: 'config_error' });
    const opened = await openDevices(`browser:mobile:${base}/`);
    const m = opened.devices[0];
    try {
      const o = await m.observe();
      expect([o.frame.width, o.frame.height]).toEqual([1170, 2532]);
      expect([o.image.width, o.image.height]).toEqual([1170, 2532]);
      const name = idOf(o.uiTree!, 'name');
      // 8px margin at 3x: bounds are device pixels.
      expect(name.bounds[0]).toBe(24);
      expect((await m.act({ type: 'click', point: center(idOf(o.uiTree!, 'count'), o.frame) })).ok).toBe(true);
      expect(idOf((await m.observe()).uiTree!, 'count').text).toBe('clicked 1');
    } finally {
      await opened.close();
    }
  });
});
