/**
 * get_screenshot's image under a resize profile, made as cheaply as the device allows: the
 * device is asked to capture at (just above) the profile's size in the profile's format
 * (ObserveOptions.scale; the sandbox renders the smaller image itself), so the usual path has
 * one encode and no resize. Only when the capture's size misses the exact target (grid
 * profiles, rounding, devices that ignore `scale`) is the image resized here.
 */
import sharp from 'sharp';
import { getProfile, targetSize, type ProfileOverrides } from '../agent/openai/index.js';
import type { Device, DeviceInfo, Observation } from '../core/device.js';
import { StepwiseError, errorMessage } from '../core/errors.js';

export interface CapturedImage {
  obs: Observation;
  /** base64 of the image sent. */
  base64: string;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  bytes: number;
  /** Whether the image had to be resized and re-encoded after the capture. */
  resized: boolean;
}

export async function captureForProfile(dev: Device, info: DeviceInfo, profileName: string, signal?: AbortSignal, overrides: ProfileOverrides = {}): Promise<CapturedImage> {
  const profile = getProfile(profileName, overrides);
  const target = targetSize({ width: info.width, height: info.height }, profile);
  const format = profile.format ?? 'png';
  const scale = Math.min(1, target.width / info.width, target.height / info.height);
  const obs = await dev.observe({ uiTree: false, format, quality: profile.quality, ...(scale < 1 ? { scale } : {}), signal });
  const shot = obs.image;
  if (shot.format === format && fits(shot, target, profile.kind === 'grid')) {
    return { obs, base64: shot.base64 ?? shot.data.toString('base64'), width: shot.width, height: shot.height, format, bytes: shot.data.length, resized: false };
  }
  let data: Buffer;
  try {
    // `fill`: grid sizes change the aspect ratio slightly; each axis keeps its own fraction.
    const img = sharp(shot.data).resize(target.width, target.height, { fit: 'fill' });
    data = await (format === 'jpeg' ? img.jpeg({ quality: profile.quality ?? 80 }) : img.png()).toBuffer();
  } catch (e) {
    throw new StepwiseError('device_error', `could not resize the ${shot.format} screenshot (${shot.width}x${shot.height}): ${errorMessage(e)}`, 'take the screenshot again, or use profile "none"');
  }
  return { obs, base64: data.toString('base64'), ...target, format, bytes: data.length, resized: true };
}

/**
 * Grid profiles need the exact size (pixel dialects read coordinates in it). Area profiles only
 * cap the size: a capture a pixel or two under the target (rendering rounds) is as good.
 */
function fits(shot: { width: number; height: number }, target: { width: number; height: number }, exact: boolean): boolean {
  if (exact) return shot.width === target.width && shot.height === target.height;
  return shot.width <= target.width && shot.height <= target.height && shot.width >= target.width - 2 && shot.height >= target.height - 2;
}
