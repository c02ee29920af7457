/**
 * Image resize profiles, declared once as a table. A profile says how a screenshot is scaled
 * and encoded before it is sent to a model. Pixel dialects (uitars-1.5, qwen) read coordinates
 * in the image the model saw, so the size we send must be the size the server's processor
 * keeps: grid profiles reproduce Qwen2.5-VL's `smart_resize` exactly, and an image already on
 * the grid and inside [minPixels, maxPixels] passes through the processor unchanged.
 */
import { StepwiseError } from '../../core/errors.js';
import type { Size } from '../../core/coords.js';

export type ResizeKind = 'none' | 'area' | 'grid';
export type SendFormat = 'png' | 'jpeg';

export interface ResizeProfile {
  name: string;
  description: string;
  kind: ResizeKind;
  /** Grid step for `grid` profiles (28 = 14-px patches merged 2x2). */
  factor?: number;
  minPixels?: number;
  maxPixels?: number;
  maxLongEdge?: number;
  /** Encoding of the sent image; `none` keeps the screenshot's own bytes. */
  format?: SendFormat;
  quality?: number;
}

const P28 = 28 * 28;

export const PROFILES: Readonly<Record<string, ResizeProfile>> = Object.freeze({
  none: { name: 'none', kind: 'none', description: 'send the screenshot unchanged' },
  gelab: {
    name: 'gelab', kind: 'area', maxPixels: 1_000_000, format: 'jpeg', quality: 85,
    description: 'norm1000 models (GELab-Zero, Step-GUI): any size; scaled down to at most 1 MP, JPEG q85',
  },
  qwen: {
    name: 'qwen', kind: 'grid', factor: 28, minPixels: 4 * P28, maxPixels: 16384 * P28, format: 'png',
    description: 'Qwen2.5-VL smart_resize: 28-px grid, 4*28*28..16384*28*28 pixels (cap with maxPixels, e.g. 1280*28*28)',
  },
  uitars: {
    name: 'uitars', kind: 'grid', factor: 28, minPixels: 100 * P28, maxPixels: 16384 * P28, format: 'png',
    description: 'UI-TARS-1.5 smart_resize: 28-px grid, 100*28*28..16384*28*28 pixels (cap with maxPixels)',
  },
  claude: {
    name: 'claude', kind: 'area', maxPixels: 1_150_000, maxLongEdge: 1568, format: 'png',
    description: 'about 1.15 MP with the long edge at most 1568 px',
  },
});

export const PROFILE_NAMES: readonly string[] = Object.keys(PROFILES);

/** Per-run overrides of a profile (a server started with a smaller max_pixels needs maxPixels). */
export interface ProfileOverrides {
  maxPixels?: number;
  minPixels?: number;
  format?: SendFormat;
  quality?: number;
}

export function getProfile(name: string, overrides: ProfileOverrides = {}): ResizeProfile {
  const base = Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name] : undefined;
  if (!base) throw new StepwiseError('config_error', `unknown resize profile ${JSON.stringify(name)}`, `use one of: ${PROFILE_NAMES.join(', ')}`);
  const out: ResizeProfile = { ...base };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  if (out.maxPixels !== undefined && (!Number.isInteger(out.maxPixels) || out.maxPixels <= 0)) {
    throw new StepwiseError('config_error', `maxPixels ${out.maxPixels} is not a positive integer`, 'e.g. maxPixels: 1003520 (1280*28*28)');
  }
  if (out.minPixels !== undefined && out.maxPixels !== undefined && out.minPixels > out.maxPixels) {
    throw new StepwiseError('config_error', `minPixels ${out.minPixels} is above maxPixels ${out.maxPixels}`, 'raise maxPixels or lower minPixels');
  }
  if (out.quality !== undefined && !(Number.isInteger(out.quality) && out.quality >= 1 && out.quality <= 100)) {
    throw new StepwiseError('config_error', `JPEG quality ${out.quality} is not an integer 1-100`, 'e.g. quality: 85');
  }
  return out;
}

/** Python's round(): half to even, which smart_resize relies on. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Qwen2.5-VL smart_resize (qwen_vl_utils), same arithmetic and rounding. */
export function smartResize(size: Size, factor: number, minPixels: number, maxPixels: number): Size {
  const { width, height } = size;
  if (Math.max(width, height) / Math.min(width, height) > 200) {
    throw new StepwiseError('config_error', `image ${width}x${height} has an aspect ratio above 200`, 'grid profiles need a ratio of at most 200; use the profile "none" or "gelab"');
  }
  let h = Math.max(factor, roundHalfEven(height / factor) * factor);
  let w = Math.max(factor, roundHalfEven(width / factor) * factor);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.max(factor, Math.floor(height / beta / factor) * factor);
    w = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: w, height: h };
}

/** Uniform downscale so the image fits maxPixels and maxLongEdge; never upscales. */
function areaResize(size: Size, maxPixels = Infinity, maxLongEdge = Infinity): Size {
  const { width, height } = size;
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)), maxLongEdge / Math.max(width, height));
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** The size a screenshot is sent at under a profile. */
export function targetSize(size: Size, profile: ResizeProfile): Size {
  if (!(Number.isInteger(size.width) && Number.isInteger(size.height) && size.width > 0 && size.height > 0)) {
    throw new StepwiseError('device_error', `screenshot size ${size.width}x${size.height} is not a pair of positive integers`, 'check the device backend');
  }
  switch (profile.kind) {
    case 'none': return { width: size.width, height: size.height };
    case 'area': return areaResize(size, profile.maxPixels, profile.maxLongEdge);
    case 'grid': return smartResize(size, profile.factor ?? 28, profile.minPixels ?? 0, profile.maxPixels ?? Infinity);
  }
}

/** The profile a dialect's models expect when none is configured. */
export const DEFAULT_PROFILE: Readonly<Record<string, string>> = Object.freeze({
  gelab: 'gelab',
  uitars: 'uitars',
  'uitars-1.5': 'uitars',
  qwen: 'qwen',
  json: 'gelab',
});

export function defaultProfileFor(dialect: string): string {
  return DEFAULT_PROFILE[dialect] ?? 'gelab';
}
