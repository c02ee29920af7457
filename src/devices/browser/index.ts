/** Web pages in Chromium as devices. */
export { BrowserDevice, type BrowserDeviceOptions } from './device.js';
export { VIEWPORT_PRESETS, PRESET_NAMES, type PresetName, type ViewportPreset } from './presets.js';
export { openBrowser } from './open.js';
