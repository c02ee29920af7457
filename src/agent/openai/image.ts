/**
 * Turning a screenshot into the data URL a model is sent, under a resize profile. The result
 * keeps both sizes: pixel dialects parse against `width`x`height` (what the model saw), and
 * the canonical norm1000 point is the same fraction of the frame, so the mapping back is exact.
 */
import sharp from 'sharp';
import type { Size } from '../../core/coords.js';
import type { Screenshot } from '../../core/device.js';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { targetSize, type ResizeProfile } from './profiles.js';

export interface SentImage {
  dataUrl: string;
  /** Size of the image the model sees. */
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  bytes: number;
  /** Size of the screenshot it came from. */
  source: Size;
}

export async function prepareImage(shot: Screenshot, profile: ResizeProfile): Promise<SentImage> {
  const source = { width: shot.width, height: shot.height };
  const size = targetSize(source, profile);
  const format = profile.format ?? shot.format;
  const same = size.width === shot.width && size.height === shot.height;
  let data = shot.data;
  if (!same || format !== shot.format) {
    try {
      let img = sharp(shot.data);
      // `fill`: grid sizes change the aspect ratio slightly; each axis keeps its own fraction.
      if (!same) img = img.resize(size.width, size.height, { fit: 'fill' });
      img = format === 'jpeg' ? img.jpeg({ quality: profile.quality ?? 85 }) : img.png();
      data = await img.toBuffer();
    } catch (e) {
      throw new StepwiseError('device_error', `could not resize the ${shot.format} screenshot (${shot.width}x${shot.height}): ${errorMessage(e)}`, 'check that the device returns a valid image');
    }
  }
  const mime = format === 'jpeg' ? 'image/jpeg' : 'image/png';
  return { dataUrl: `data:${mime};base64,${data.toString('base64')}`, width: size.width, height: size.height, format, bytes: data.length, source };
}
