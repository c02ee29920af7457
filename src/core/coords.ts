/**
 * Coordinate spaces, converted in one place.
 *
 * Canonical space: the integer 0-1000 grid of the observed frame (Step-GUI's convention),
 * origin top-left, 1000 = right/bottom edge. Other spaces:
 *  - norm1:  0-1 floats on the same frame;
 *  - image:  pixels of the (possibly resized) image a model saw; needs frame.image;
 *  - device: pixels of the screen as displayed (after rotation), what screenshots and
 *            `input tap` use;
 *  - natural device pixels (the panel's unrotated orientation) via displayToNatural.
 * Out-of-range or non-finite points are typed errors, never clamped: a clamped tap lands
 * somewhere the model did not mean.
 */
import { OutOfRangeError } from './errors.js';

export type Space = 'norm1000' | 'norm1' | 'image' | 'device';
export const SPACES: readonly Space[] = ['norm1000', 'norm1', 'image', 'device'];
export type Rotation = 0 | 90 | 180 | 270;
/** A canonical point: integers on the 0-1000 grid. */
export type Point = [number, number];
/** A canonical box [x1, y1, x2, y2] on the 0-1000 grid. */
export type Box = [number, number, number, number];

export interface Size {
  width: number;
  height: number;
}

/** What an observation says about the screen it shows; every conversion needs one. */
export interface Frame {
  id: string;
  /** Device pixels as displayed (a landscape screen is wider than tall). */
  width: number;
  height: number;
  /** Clockwise rotation of the display relative to the panel's natural orientation. */
  rotation: Rotation;
  /** Size of the image the model saw, when it differs from the device size. */
  image?: Size;
}

/** Round half up (0.5 -> 1), the rule of the parse contract. */
export function roundHalfUp(v: number): number {
  return Math.floor(v + 0.5);
}

function checkFinite(x: number, y: number, space: Space): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    throw new OutOfRangeError(
      `point (${x}, ${y}) in ${space} space is not a pair of finite numbers`,
      'give two numbers',
      { point: [x, y], space },
    );
  }
}

function spaceExtent(space: Space, frame: Frame): Size {
  switch (space) {
    case 'norm1000': return { width: 1000, height: 1000 };
    case 'norm1': return { width: 1, height: 1 };
    case 'device': return { width: frame.width, height: frame.height };
    case 'image':
      if (!frame.image) {
        throw new OutOfRangeError(
          'a point in image space needs the size of the image the model saw',
          'pass the image size (e.g. --image-size WxH) or use norm1000 coordinates',
        );
      }
      return frame.image;
  }
}

/** Any space -> canonical norm1000 integers. Throws OutOfRangeError outside the frame. */
export function toNorm1000(p: readonly [number, number], space: Space, frame: Frame): Point {
  const [x, y] = p;
  checkFinite(x, y, space);
  const ext = spaceExtent(space, frame);
  if (x < 0 || y < 0 || x > ext.width || y > ext.height) {
    throw new OutOfRangeError(
      `point (${x}, ${y}) is outside the ${space} frame of ${ext.width}x${ext.height}`,
      `use 0..${ext.width} for x and 0..${ext.height} for y in ${space} space` +
        (space === 'norm1000' ? '' : ', or send norm1000 coordinates'),
      { point: [x, y], space, extent: ext },
    );
  }
  if (space === 'norm1000') {
    return [roundHalfUp(x), roundHalfUp(y)];
  }
  return [roundHalfUp((1000 * x) / ext.width), roundHalfUp((1000 * y) / ext.height)];
}

/** Canonical norm1000 -> a space (floats; device pixels are continuous: 1000 -> width). */
export function fromNorm1000(p: readonly [number, number], space: Space, frame: Frame): [number, number] {
  const [x, y] = p;
  checkFinite(x, y, 'norm1000');
  if (x < 0 || y < 0 || x > 1000 || y > 1000) {
    throw new OutOfRangeError(
      `point (${x}, ${y}) is outside the 0-1000 grid`,
      'canonical coordinates are integers from 0 to 1000 on the observed frame',
      { point: [x, y] },
    );
  }
  const ext = spaceExtent(space, frame);
  return [(x * ext.width) / 1000, (y * ext.height) / 1000];
}

/** The device pixel to touch for a canonical point: the pixel that contains it. */
export function toDevicePixel(p: readonly [number, number], frame: Frame): [number, number] {
  const [x, y] = fromNorm1000(p, 'device', frame);
  // 1000 is the far edge; the last pixel that exists is width - 1.
  return [Math.min(frame.width - 1, Math.floor(x)), Math.min(frame.height - 1, Math.floor(y))];
}

/** Device pixels (as displayed) -> the panel's natural orientation, for input paths that need it. */
export function displayToNatural(p: readonly [number, number], frame: Frame): [number, number] {
  const [x, y] = p;
  const { width: w, height: h } = frame;
  switch (frame.rotation) {
    case 0: return [x, y];
    case 90: return [h - 1 - y, x];
    case 180: return [w - 1 - x, h - 1 - y];
    case 270: return [y, w - 1 - x];
  }
}

/** Inverse of displayToNatural. */
export function naturalToDisplay(p: readonly [number, number], frame: Frame): [number, number] {
  const [x, y] = p;
  const { width: w, height: h } = frame;
  switch (frame.rotation) {
    case 0: return [x, y];
    case 90: return [y, h - 1 - x];
    case 180: return [w - 1 - x, h - 1 - y];
    case 270: return [w - 1 - y, x];
  }
}

/** A device-pixel box -> canonical box. */
export function deviceBoxToNorm(b: readonly [number, number, number, number], frame: Frame): Box {
  const [x1, y1] = toNorm1000([Math.max(0, b[0]), Math.max(0, b[1])], 'device', frame);
  const [x2, y2] = toNorm1000([Math.min(frame.width, b[2]), Math.min(frame.height, b[3])], 'device', frame);
  return [x1, y1, x2, y2];
}

export function boxCenter(b: readonly [number, number, number, number]): [number, number] {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

export function pointInBox(p: readonly [number, number], b: readonly [number, number, number, number]): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/** "1080x2400" -> {width, height}; throws with guidance on anything else. */
export function parseSize(s: string): Size {
  const m = /^\s*(\d+)\s*[xX×*,]\s*(\d+)\s*$/.exec(s);
  if (!m || Number(m[1]) <= 0 || Number(m[2]) <= 0) {
    throw new OutOfRangeError(`"${s}" is not an image size`, 'write it as WIDTHxHEIGHT, e.g. 1080x2400');
  }
  return { width: Number(m[1]), height: Number(m[2]) };
}
