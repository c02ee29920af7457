import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayToNatural, fromNorm1000, naturalToDisplay, parseSize, toDevicePixel, toNorm1000, type Frame } from '../../src/core/coords.js';
import { OutOfRangeError } from '../../src/core/errors.js';

const portrait: Frame = { id: 'a', width: 1080, height: 2400, rotation: 0, image: { width: 728, height: 1624 } };

describe('coordinates', () => {
  it('converts pixels with round-half-up of 1000*p/size', () => {
    expect(toNorm1000([364, 812], 'image', portrait)).toEqual([500, 500]);
    expect(toNorm1000([0.5, 1.2], 'device', { ...portrait, width: 1000, height: 1000 })).toEqual([1, 1]);
    // 1000*1/2000 = 0.5 rounds up to 1
    expect(toNorm1000([1, 1], 'device', { ...portrait, width: 2000, height: 2000 })).toEqual([1, 1]);
    expect(toNorm1000([0.25, 0.75], 'norm1', portrait)).toEqual([250, 750]);
  });

  it('rejects non-finite and out-of-range points with guidance, never clamps', () => {
    expect(() => toNorm1000([NaN, 1], 'norm1000', portrait)).toThrow(OutOfRangeError);
    expect(() => toNorm1000([-1, 1], 'device', portrait)).toThrow(/outside the device frame of 1080x2400/);
    expect(() => toNorm1000([1, 1e12], 'image', portrait)).toThrow(OutOfRangeError);
    expect(() => toNorm1000([1, 1], 'image', { ...portrait, image: undefined })).toThrow(/image size/);
  });

  it('maps norm1000 to the device pixel that contains it', () => {
    expect(toDevicePixel([500, 500], portrait)).toEqual([540, 1200]);
    expect(toDevicePixel([1000, 1000], portrait)).toEqual([1079, 2399]);
    expect(fromNorm1000([250, 0], 'device', portrait)).toEqual([270, 0]);
  });

  it('round-trips device pixels through norm1000 within one grid cell', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1079 }), fc.integer({ min: 0, max: 2399 }), (x, y) => {
      const n = toNorm1000([x, y], 'device', portrait);
      const [dx, dy] = fromNorm1000(n, 'device', portrait);
      return Math.abs(dx - x) <= 1080 / 2000 + 1e-9 && Math.abs(dy - y) <= 2400 / 2000 + 1e-9;
    }));
  });

  it('rotation: display <-> natural are inverse for every rotation', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const f: Frame = { id: 'r', width: rotation % 180 ? 2400 : 1080, height: rotation % 180 ? 1080 : 2400, rotation };
      fc.assert(fc.property(fc.integer({ min: 0, max: f.width - 1 }), fc.integer({ min: 0, max: f.height - 1 }), (x, y) => {
        const n = displayToNatural([x, y], f);
        const back = naturalToDisplay(n, f);
        return back[0] === x && back[1] === y && n[0] >= 0 && n[1] >= 0;
      }));
    }
    // landscape (90): the display's top-left is the panel's top-right... in natural coordinates
    expect(displayToNatural([0, 0], { id: 'r', width: 2400, height: 1080, rotation: 90 })).toEqual([1079, 0]);
  });

  it('parses sizes', () => {
    expect(parseSize('1080x2400')).toEqual({ width: 1080, height: 2400 });
    expect(() => parseSize('1080')).toThrow(/WIDTHxHEIGHT/);
  });
});
