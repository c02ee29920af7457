/** The sandbox phone backend: one Chromium, many phones. */
export { SandboxBrowser, type SandboxBrowserOptions, CHROMIUM_PATH, VIEWPORT, DEVICE_SCALE_FACTOR } from './browser.js';
export { SandboxDevice, type SandboxDeviceOptions, type SandboxReset, SANDBOX_WIDTH, SANDBOX_HEIGHT } from './device.js';
export { matchApp, FUZZY_MAX_RATIO } from '../app-match.js';
export { screenshotPhone, scriptedShot, type ShotOptions, type ScriptedShot } from './screenshot.js';
export { parseScript, runScript, findTarget, stepToAction } from './script.js';
