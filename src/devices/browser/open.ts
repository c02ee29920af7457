/**
 * The registry's `browser:` backend: "browser:<url>" opens the URL with the desktop preset,
 * "browser:mobile:<url>" / "browser:desktop:<url>" pick the preset; "*N" opens N pages.
 */
import type { Device } from '../../core/device.js';
import { StepwiseError } from '../../core/errors.js';
import { BrowserDevice } from './device.js';
import { PRESET_NAMES, type PresetName } from './presets.js';

export async function openBrowser(spec: { arg: string; count: number }): Promise<{ devices: Device[]; close(): Promise<void> }> {
  let url = spec.arg;
  let preset: PresetName = 'desktop';
  const m = /^(\w+):(.*)$/.exec(url);
  if (m && (PRESET_NAMES as string[]).includes(m[1])) { preset = m[1] as PresetName; url = m[2]; }
  if (!/^(https?|file|data):/i.test(url)) throw new StepwiseError('config_error', `"${spec.arg}" does not name a web page`, 'write browser:<url> or browser:mobile:<url>, e.g. browser:https://example.com');
  const devices: BrowserDevice[] = [];
  try {
    for (let i = 0; i < spec.count; i++) devices.push(await BrowserDevice.open({ url, preset }));
  } catch (e) {
    await Promise.allSettled(devices.map((d) => d.close()));
    throw e;
  }
  return { devices, close: async () => { await Promise.allSettled(devices.map((d) => d.close())); } };
}
