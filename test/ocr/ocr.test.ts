/**
 * On-device OCR (PP-OCR via @gutenye/ocr-node) on real sandbox screenshots: it reads the texts a
 * person sees, with boxes in the image's pixels (checked against the UI tree's bounds), reads
 * text that exists only as pixels, and fails with guidance on bad input or without the package.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/core/device.js';
import { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { ocrAvailable, ocrImage, type OcrLine } from '../../src/ocr/index.js';

let browser: SandboxBrowser;
let settings: Observation;

beforeAll(async () => {
  browser = new SandboxBrowser();
  const d = await SandboxDevice.create(browser, { seed: 1 });
  const r = await d.act({ type: 'open_app', app: 'Settings' });
  expect(r.ok).toBe(true);
  settings = await d.observe({ uiTree: true });
  await browser.close();
}, 120_000);
afterAll(async () => { await browser?.close(); });

const center = (b: readonly number[]) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const inside = ([x, y]: number[], b: readonly number[]) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

function expectOnTreeNodes(lines: OcrLine[], labels: string[]) {
  for (const label of labels) {
    const line = lines.find((l) => l.text.replace(/\s/g, '').toLowerCase() === label.replace(/\s/g, '').toLowerCase());
    expect(line, `OCR did not read "${label}"; it read: ${lines.map((l) => l.text).join(' | ')}`).toBeTruthy();
    const node = settings.uiTree!.find((n) => n.text === label)!;
    expect(node).toBeTruthy();
    // The OCR box lies on the element the UI tree places there (both in device pixels).
    expect(inside(center(line!.box), node.bounds), `${label}: OCR box ${line!.box} vs node ${node.bounds}`).toBe(true);
    expect(line!.score).toBeGreaterThan(0.8);
  }
}

describe('ocrImage', () => {
  it('loads the offline models', async () => {
    expect(await ocrAvailable()).toBe(true);
  }, 60_000);

  it('reads the Settings screen of a sandbox phone at full size, boxes in image pixels', async () => {
    const lines = await ocrImage(settings.image.data);
    expectOnTreeNodes(lines, ['Settings', 'Airplane mode', 'Bluetooth', 'Mobile network']);
    for (let i = 1; i < lines.length; i++) expect(lines[i].box[1]).toBeGreaterThanOrEqual(lines[i - 1].box[1]);
  }, 180_000);

  it('maps boxes back to the original pixels when it reads a downscaled copy', async () => {
    const lines = await ocrImage(settings.image.data, { scale: 0.5 });
    expectOnTreeNodes(lines, ['Airplane mode', 'Bluetooth']);
  }, 180_000);

  it('reads text that exists only as pixels (no UI tree), e.g. drawn on a canvas', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="200"><rect width="720" height="200" fill="#f4f4f4"/>
      <text x="40" y="120" font-family="DejaVu Sans, sans-serif" font-size="56" fill="#202020">Order 4821 shipped</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const lines = await ocrImage(png);
    expect(lines.map((l) => l.text).join(' ')).toMatch(/Order\s*4821\s*shipped/i);
    const [l, t, r, b] = lines[0].box;
    expect(l).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(720);
    expect(t).toBeGreaterThan(40);
    expect(b).toBeLessThan(160);
  }, 120_000);

  it('refuses bad input with guidance', async () => {
    await expect(ocrImage(Buffer.from('not an image'))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not a readable image/) });
    await expect(ocrImage(settings.image.data, { scale: 2 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('without the optional package, says how to install it (built module, package hidden by a loader hook)', async () => {
    const built = new URL('../../dist/ocr/index.js', import.meta.url);
    expect(existsSync(built), 'run npm run build first').toBe(true);
    const script = `import(${JSON.stringify(built.href)}).then(async (m) => {
      console.log(JSON.stringify({ available: await m.ocrAvailable() }));
      try { await m.ocrImage(Buffer.from(${JSON.stringify(settings.image.data.subarray(0, 0).toString('base64'))}, 'base64')); } catch (e) { console.log(JSON.stringify({ code: e.code })); }
      const png = await (await import('sharp')).default({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer();
      try { await m.ocrImage(png); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })); }
    })`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', new URL('./hide-ocr.mjs', import.meta.url).pathname, '--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url).pathname });
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ available: false });
    expect(out[1]).toEqual({ code: 'invalid_input' });
    expect(out[2]).toMatchObject({ code: 'config_error', message: expect.stringMatching(/not installed/), hint: expect.stringMatching(/npm install @gutenye\/ocr-node/) });
  }, 60_000);
});
