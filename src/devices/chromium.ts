/**
 * The system Chromium that every Chromium-based backend (sandbox phones, web pages) launches,
 * and the flags they share. Backends add their own (the sandbox its 3x device scale).
 */
export const CHROMIUM_PATH = process.env.STEPWISE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--font-render-hinting=none', '--force-color-profile=srgb',
  '--hide-scrollbars', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
];
