/** An emulated adb server whose devices are sandbox phones: tests drive the real adb client against it. */
export { EmulatedAdbServer, ADB_SERVER_VERSION } from './server.js';
export { EmulatedPhone, type EmulatedPhoneOptions, ADB_KEYBOARD_IME, DEFAULT_IME } from './phone.js';
export { parseSh, ShellSyntaxError } from './sh-parse.js';
export { runSh, type ShContext, type ShResult } from './sh-exec.js';
export { toUiautomatorXml } from './uiautomator.js';
export { startEmulatedAdb, type StartEmulatedOptions, type EmulatedAdb } from './start.js';
