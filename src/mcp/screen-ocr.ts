/**
 * OCR for the `summary` privacy level, on this machine: the screenshot never leaves it, only the
 * text read from it (then PII-redacted by the privacy filter). Results are cached per image
 * (an unchanged screen is not read twice). When the OCR package is absent the summary falls back
 * to the UI tree alone and says so.
 */
import { createHash } from 'node:crypto';
import type { Observation } from '../core/device.js';
import { errorMessage } from '../core/errors.js';
import { ocrImage, type OcrLine } from '../ocr/index.js';
import type { ScreenTextLine } from './screen.js';

export type ReadText = (image: Buffer) => Promise<OcrLine[]>;

/** Phone UI text reads well at half size, at a fraction of the cost. */
const OCR_SCALE = 0.5;
const CACHE_SIZE = 8;

export function cachedOcr(read: ReadText = (png) => ocrImage(png, { scale: OCR_SCALE })): ReadText {
  const cache = new Map<string, Promise<OcrLine[]>>();
  return (image) => {
    const key = createHash('sha1').update(image).digest('hex');
    let hit = cache.get(key);
    if (!hit) {
      hit = read(image);
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return hit;
  };
}

export interface ScreenText {
  lines: ScreenTextLine[];
  /** on: OCR read the screen; off: disabled by the server; unavailable: not installed or failed (with why). */
  ocr: 'on' | 'off' | 'unavailable';
  note?: string;
}

/** OCR lines of an observation in device pixels, or why there are none. */
export async function readScreen(read: ReadText | undefined, obs: Observation): Promise<ScreenText> {
  if (!read) return { lines: [], ocr: 'off' };
  try {
    const lines = await read(obs.image.data);
    const sx = obs.frame.width / obs.image.width, sy = obs.frame.height / obs.image.height;
    return {
      ocr: 'on',
      lines: lines.map((l) => ({ text: l.text, box: [l.box[0] * sx, l.box[1] * sy, l.box[2] * sx, l.box[3] * sy] as const })),
    };
  } catch (e) {
    return { lines: [], ocr: 'unavailable', note: errorMessage(e).split('\n')[0] };
  }
}
