/** The Settings app: Wi-Fi, Bluetooth, airplane mode, display, sound, battery, apps, about phone. */
import type { AppDef } from '../../framework.js';
import { actions } from './actions.js';
import { seedSettings, type SettingsState } from './data.js';
import { aboutScreen, appInfoScreen, appsScreen, batteryScreen, displayScreen, fontSizeScreen, homeScreen, ringtoneScreen, soundScreen } from './screens-device.js';
import { bluetoothScreen, btDetailScreen, wifiConnectScreen, wifiDetailScreen, wifiScreen } from './screens-net.js';
import { css } from './style.js';

const ICON = `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="stg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9aa1ab"/><stop offset="1" stop-color="#6b727c"/></linearGradient></defs><rect width="48" height="48" rx="12" fill="url(#stg)"/><g transform="translate(8 8) scale(1.333)"><path fill="#fff" d="M19.14 12.94c.04-.3.06-.61.06-.94 0-.32-.02-.64-.07-.94l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.488.488 0 0 0-.59-.22l-2.39.96c-.5-.38-1.03-.7-1.62-.94l-.36-2.54a.484.484 0 0 0-.48-.41h-3.84c-.24 0-.43.17-.47.41l-.36 2.54c-.59.24-1.13.57-1.62.94l-2.39-.96c-.22-.08-.47 0-.59.22L2.74 8.87c-.12.21-.08.47.12.61l2.03 1.58c-.05.3-.09.63-.09.94s.02.64.07.94l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.24.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32c.12-.22.07-.47-.12-.61l-2.01-1.58zM12 15.6c-1.98 0-3.6-1.62-3.6-3.6s1.62-3.6 3.6-3.6 3.6 1.62 3.6 3.6-1.62 3.6-3.6 3.6z"/></g></svg>`;

export const settingsApp: AppDef<SettingsState> = {
  id: 'settings',
  label: 'Settings',
  aliases: ['设置', 'System settings', '系统设置'],
  package: 'com.stepwise.settings',
  scenario: 'system',
  icon: ICON,
  css,
  seed: seedSettings,
  home: 'home',
  screens: {
    home: homeScreen,
    wifi: wifiScreen,
    'wifi-connect': wifiConnectScreen,
    'wifi-detail': wifiDetailScreen,
    bluetooth: bluetoothScreen,
    'bt-detail': btDetailScreen,
    display: displayScreen,
    'font-size': fontSizeScreen,
    sound: soundScreen,
    ringtone: ringtoneScreen,
    battery: batteryScreen,
    apps: appsScreen,
    'app-info': appInfoScreen,
    about: aboutScreen,
  },
  actions,
};

export type { SettingsState } from './data.js';
