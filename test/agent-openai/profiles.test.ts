import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getProfile, prepareImage, smartResize, targetSize } from '../../src/agent/openai/index.js';
import { StepwiseError } from '../../src/core/errors.js';
import { png } from './helpers.js';

const P28 = 28 * 28;

describe('resize profiles', () => {
  it('smart_resize matches qwen_vl_utils (values computed with the Python reference)', () => {
    expect(smartResize({ width: 1080, height: 2400 }, 28, 4 * P28, 16384 * P28)).toEqual({ width: 1092, height: 2408 });
    expect(smartResize({ width: 1080, height: 2400 }, 28, 4 * P28, 1280 * P28)).toEqual({ width: 672, height: 1484 });
    // Python's round() is half-to-even: 70/28 = 2.5 -> 2, 98/28 = 3.5 -> 4.
    expect(smartResize({ width: 70, height: 98 }, 28, 4 * P28, 16384 * P28)).toEqual({ width: 56, height: 112 });
    expect(smartResize({ width: 1920, height: 1080 }, 28, 100 * P28, 16384 * P28)).toEqual({ width: 1932, height: 1092 });
    expect(smartResize({ width: 50, height: 40 }, 28, 100 * P28, 16384 * P28)).toEqual({ width: 336, height: 252 });
    expect(smartResize({ width: 3840, height: 2160 }, 28, 4 * P28, 16384 * P28)).toEqual({ width: 3836, height: 2156 });
  });

  it('grid sizes are multiples of 28 within the pixel bounds for any screen', () => {
    const qwen = getProfile('qwen', { maxPixels: 1280 * P28 });
    fc.assert(fc.property(fc.integer({ min: 56, max: 4000 }), fc.integer({ min: 56, max: 4000 }), (w, h) => {
      const s = targetSize({ width: w, height: h }, qwen);
      return s.width % 28 === 0 && s.height % 28 === 0 && s.width * s.height <= 1280 * P28 && s.width * s.height >= 4 * P28;
    }));
  });

  it('area profiles keep the aspect ratio and never upscale', () => {
    expect(targetSize({ width: 1080, height: 2400 }, getProfile('gelab'))).toEqual({ width: 670, height: 1490 });
    expect(targetSize({ width: 1080, height: 2400 }, getProfile('claude'))).toEqual({ width: 705, height: 1568 });
    expect(targetSize({ width: 412, height: 915 }, getProfile('gelab'))).toEqual({ width: 412, height: 915 });
    expect(targetSize({ width: 1080, height: 2400 }, getProfile('none'))).toEqual({ width: 1080, height: 2400 });
  });

  it('prepareImage encodes at the target size in the profile format', async () => {
    const shot = { data: await png(1080, 2400), format: 'png' as const, width: 1080, height: 2400 };
    const g = await prepareImage(shot, getProfile('gelab'));
    expect(g.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const meta = await sharp(Buffer.from(g.dataUrl.split(',')[1], 'base64')).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([670, 1490, 'jpeg']);
    expect(g.source).toEqual({ width: 1080, height: 2400 });
    const n = await prepareImage(shot, getProfile('none'));
    expect(n.bytes).toBe(shot.data.length);
  });

  it('bad profile names and overrides are config errors', () => {
    expect(() => getProfile('huge')).toThrow(StepwiseError);
    expect(() => getProfile('qwen', { maxPixels: 0 })).toThrow(/maxPixels 0/);
    expect(() => getProfile('qwen', { minPixels: 5000, maxPixels: 4000 })).toThrow(/above maxPixels/);
    expect(() => getProfile('gelab', { quality: 101 })).toThrow(/quality/);
    expect(() => targetSize({ width: 10, height: 5000 }, getProfile('qwen'))).toThrow(/aspect ratio/);
  });
});
