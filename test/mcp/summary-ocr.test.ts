/**
 * The `summary` level's screen text: UI tree text merged with on-device OCR text the tree lacks
 * (pictures, canvases, devices without a tree), PII-redacted, and a UI-tree-only fallback that
 * says why when OCR is missing. The reader is injected here so each case is exact; the real
 * PP-OCR runs in privacy.test.ts (default --ocr on) and test/ocr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepwiseError } from '../../src/core/errors.js';
import type { Frame } from '../../src/core/coords.js';
import type { UiNode } from '../../src/core/uitree.js';
import type { OcrLine } from '../../src/ocr/index.js';
import { screenSummary } from '../../src/mcp/screen.js';
import { call, data, openHarness, type Harness } from './harness.js';

const frame: Frame = { id: 'f#1', width: 1080, height: 2400, rotation: 0 };
const node = (text: string, bounds: [number, number, number, number], clickable = false): UiNode =>
  ({ index: 0, text, desc: '', class: 'android.widget.TextView', resourceId: '', bounds, clickable, scrollable: false, checkable: false, checked: false, selected: false, focused: false, enabled: true, parent: -1 } as unknown as UiNode);

describe('screenSummary with OCR lines', () => {
  const tree = [node('09:41', [40, 20, 160, 60]), node('82%', [940, 20, 1040, 60]), node('Settings', [60, 150, 420, 240]), node('Bluetooth', [230, 900, 430, 945], true)];
  it('adds only text the tree lacks, in reading order', () => {
    const ocr = [
      { text: '09:41 ◎ 82%', box: [40, 20, 1040, 60] as const }, // status bar read as one line: the tree has its parts
      { text: 'Settings', box: [64, 146, 416, 241] as const },
      { text: 'Bluetoth', box: [230, 902, 430, 943] as const }, // misread of a tree text
      { text: 'SALE -30% today', box: [100, 1500, 900, 1600] as const }, // drawn into a picture
      { text: 'Top banner', box: [100, 400, 900, 480] as const },
    ];
    expect(screenSummary(tree, frame, 'com.x', ocr).split('\n')).toEqual(['app: com.x', '09:41', '82%', 'Settings', 'Top banner', '[Bluetooth]', 'SALE -30% today']);
  });
  it('works from OCR alone when the device has no UI tree', () => {
    expect(screenSummary(undefined, frame, undefined, [{ text: 'Hello', box: [0, 10, 100, 40] }, { text: 'Hi', box: [0, 0, 50, 8] }])).toBe('Hi\nHello');
  });
});

describe('get_screenshot at summary', () => {
  let h: Harness;
  let reader: (png: Buffer) => Promise<OcrLine[]>;
  let reads = 0;
  beforeAll(async () => {
    h = await openHarness(1, { privacy: 'summary', ocr: (png) => { reads++; return reader(png); } });
  }, 120_000);
  afterAll(async () => { await h?.close(); });

  it('merges OCR text into the summary and redacts PII in it', async () => {
    reader = async () => [{ text: 'Call us: 138 1234 5678', box: [100, 2000, 900, 2060], score: 0.99 }, { text: 'Poster: Summer Fair', box: [100, 2100, 900, 2160], score: 0.97 }];
    const c = await h.connect();
    const r = await call(c, 'get_screenshot');
    expect(r.content.every((x) => x.type === 'text')).toBe(true);
    const all = JSON.stringify(r.content);
    expect(data(r)).toMatchObject({ ocr: 'on', text_from: ['ui_tree', 'ocr'] });
    expect(all).toContain('Poster: Summer Fair');
    expect(all).toContain('Call us: [PHONE]');
    expect(all.replace(/\s/g, '')).not.toContain('13812345678');
  });

  it('reads an unchanged screen once (cache), a changed one again', async () => {
    const c = await h.connect();
    const before = reads;
    await call(c, 'get_screenshot');
    await call(c, 'get_screenshot');
    expect(reads - before).toBeLessThanOrEqual(1);
    await call(c, 'open_app', { app: 'Contacts' });
    await call(c, 'get_screenshot');
    expect(reads - before).toBeGreaterThanOrEqual(1);
  });

  it('falls back to the UI tree alone, saying why, when OCR is not installed', async () => {
    reader = async () => { throw new StepwiseError('config_error', 'on-device OCR is not installed (@gutenye/ocr-node could not be loaded)', 'npm install @gutenye/ocr-node'); };
    const c = await h.connect();
    await call(c, 'open_app', { app: 'Settings' });
    const r = await call(c, 'get_screenshot');
    expect(r.isError).toBeFalsy();
    expect(data(r)).toMatchObject({ ocr: 'unavailable', text_from: ['ui_tree'] });
    expect(data(r).ocr_note).toMatch(/not installed/);
    expect(JSON.stringify(r.content)).toContain('Airplane mode');
  });
});
