/**
 * The system Chromium that every Chromium-based backend (sandbox phones, web pages) launches,
 * and the flags they share. Backends add their own (the sandbox its 3x device scale).
 */
export const CHROMIUM_PATH = process.env.STEPWISE_CHROMIUM ?? '/usr/bin/chromium';
/** Chromium's headless shell (Debian package chromium-headless-shell): the one that lets us begin frames. */
export const CHROMIUM_SHELL_PATH = process.env.STEPWISE_CHROMIUM_SHELL ?? '/usr/bin/chromium-headless-shell';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--font-render-hinting=none', '--force-color-profile=srgb',
  '--hide-scrollbars', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
];
