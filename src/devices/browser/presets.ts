/** Viewport presets for web pages: a phone-sized touch screen and a laptop-sized desktop. */
export interface ViewportPreset {
  width: number;
  height: number;
  deviceScaleFactor: number;
  isMobile: boolean;
  hasTouch: boolean;
  userAgent?: string;
}

export const VIEWPORT_PRESETS = {
  mobile: {
    width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  },
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const satisfies Record<string, ViewportPreset>;

export type PresetName = keyof typeof VIEWPORT_PRESETS;
export const PRESET_NAMES = Object.keys(VIEWPORT_PRESETS) as PresetName[];
