/** Android over adb: AdbDevice, the adb client wrapper and discovery. */
export { AdbDevice, type AdbDeviceOptions, ADB_KEYBOARD_IME, KEYCODES } from './device.js';
export { AdbClient, type AdbClientOptions, type AdbDeviceEntry, parseDevicesL } from './client.js';
export { shQuote, inputTextCommand, adbKeyboardCommand, isInputTextSafe } from './escape.js';
export { parseUiautomatorXml, type ParsedDump } from './uiautomator.js';
export { parseWmSize, parseDensity, parseRotation, parseScreenState, parseFocus, pngSize } from './screen.js';
export { scanApps, findApp, parseLauncherActivities, LAUNCHER_QUERY, type AndroidApp } from './apps.js';
export { openAdb } from './open.js';
export { discoverDevices, type DeviceRow } from './discover.js';
