/** Parsing what Android prints about the screen: wm size/density, rotation, power/keyguard, focus, PNG size. */
import type { Rotation, Size } from '../../core/coords.js';
import { StepwiseError } from '../../core/errors.js';

/** `wm size`: the override size when set (what input and screencap use), else the physical size. */
export function parseWmSize(out: string): Size {
  const pick = (label: string) => {
    const m = new RegExp(`${label} size:\\s*(\\d+)x(\\d+)`).exec(out);
    return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
  };
  const size = pick('Override') ?? pick('Physical');
  if (!size) throw new StepwiseError('device_error', `could not read the screen size from \`wm size\`: ${out.trim().slice(0, 120)}`, 'check that the device runs Android 4.3 or newer');
  return size;
}

export function parseDensity(out: string): number | undefined {
  const m = /Override density:\s*(\d+)/.exec(out) ?? /Physical density:\s*(\d+)/.exec(out);
  return m ? Number(m[1]) : undefined;
}

/** Rotation from dumpsys window (mCurrentRotation / rotation=), display or input (SurfaceOrientation). */
export function parseRotation(out: string): Rotation | undefined {
  const m = /mCurrentRotation=(?:ROTATION_)?(\d+)/.exec(out) ?? /SurfaceOrientation:\s*(\d)/.exec(out) ?? /mCurrentOrientation=(\d)/.exec(out);
  if (!m) return undefined;
  const v = Number(m[1]);
  const deg = v <= 3 ? v * 90 : v;
  return ([0, 90, 180, 270] as const).find((r) => r === deg);
}

export interface ScreenState { awake: boolean; locked: boolean }

/** mWakefulness (dumpsys power) and the keyguard flags of dumpsys window across Android versions. */
export function parseScreenState(out: string): ScreenState {
  const wake = /mWakefulness=(\w+)/.exec(out);
  const awake = wake ? wake[1] === 'Awake' : !/mScreenOnFully=false|mScreenOn=false/.test(out);
  const locked = /mShowingLockscreen=true|mDreamingLockscreen=true|isStatusBarKeyguard=true|mKeyguardShowing=true/.test(out);
  return { awake, locked };
}

/** Foreground package from mCurrentFocus / mFocusedApp lines. */
export function parseFocus(out: string): string | undefined {
  const m = /mCurrentFocus=Window\{\S+ \S+ ([\w.]+)\//.exec(out) ?? /mFocusedApp=.*?\{\S+ \S+ ([\w.]+)\//.exec(out);
  return m?.[1];
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(data: Buffer): Size {
  const sig = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== sig || data.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new StepwiseError('device_error', `screencap did not return a PNG (${data.length} bytes)`, 'the device may have disconnected or the screen is protected (FLAG_SECURE); check `adb exec-out screencap -p > x.png`');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
