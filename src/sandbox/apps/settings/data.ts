/** Settings app state (phone.apps.settings) and its seeded data. */
import type { Rng } from '../../../core/random.js';

export interface WifiNet {
  ssid: string;
  secured: boolean;
  /** Bars, 1-4. */
  signal: number;
  band: '2.4 GHz' | '5 GHz';
  /** The network's real password (what a user would know); never rendered. */
  password: string;
  /** Password stored on the phone (joined before). */
  saved: boolean;
}

export type BtKind = 'headphones' | 'watch' | 'car' | 'speaker' | 'laptop';

export interface BtDevice {
  id: string;
  name: string;
  kind: BtKind;
  paired: boolean;
  connected: boolean;
  battery?: number;
}

export interface AppInfo {
  id: string;
  name: string;
  version: string;
  sizeMb: number;
  notifications: boolean;
  /** Share of battery used today, percent. */
  batteryPct: number;
}

export const FONT_SIZES = ['Small', 'Default', 'Large', 'Largest'] as const;
export type FontSize = (typeof FONT_SIZES)[number];
export const TIMEOUTS = ['15 seconds', '30 seconds', '1 minute', '2 minutes', '5 minutes', '10 minutes'] as const;
export const RINGTONES = ['Pixel Bloom', 'Flutterby', 'Copycat', 'Crackle', 'Dance Party', 'Early Bird', 'Gallop', 'Lollipop', 'Spaceship', 'Zen Too', '清晨', '晚风', '山涧', '竹林'] as const;
export const VOLUME_KEYS = ['media', 'ring', 'notification', 'alarm'] as const;
export type VolumeKey = (typeof VOLUME_KEYS)[number];

export interface SettingsState {
  wifi: boolean;
  bluetooth: boolean;
  airplane: boolean;
  /** 0-100. */
  brightness: number;
  darkMode: boolean;
  autoBrightness: boolean;
  fontSize: FontSize;
  screenTimeout: string;
  /** SSID the phone is associated with; shown as connected only while wifi is on. */
  wifiConnected: string | null;
  networks: WifiNet[];
  btDevices: BtDevice[];
  /** 0-100 each. */
  volumes: Record<VolumeKey, number>;
  ringtone: string;
  vibrate: boolean;
  dnd: boolean;
  batterySaver: boolean;
  batteryPercent: boolean;
  /** Radio states before airplane mode, restored when it is turned off. */
  beforeAirplane: { wifi: boolean; bluetooth: boolean } | null;
  apps: AppInfo[];
  about: { deviceName: string; model: string; android: string; build: string; storageTotalGb: number; storageUsedGb: number; ramGb: number; serial: string };
  /** Wrong password attempts (the dialog shows an error). */
  lastError: string | null;
}

const SSIDS = ['ChinaNet-5G', 'TP-LINK_8A3F', 'Cafe_5G', 'Starbucks WiFi', 'HUAWEI-Home', 'Xiaomi_2F1C', 'CMCC-EDU', 'Office-Guest', 'Library_Free', 'MiFi-7788', 'Netgear42', 'Linksys_Home', 'ASUS_RT_5G', 'FamilyNet', '@Luckin_Coffee', 'Hilton Honors', 'DIRECT-HP-Printer', 'Shanghai-Metro', 'KFC_FREE', 'Apartment-1203'];
const OPEN_SSIDS = new Set(['Starbucks WiFi', 'CMCC-EDU', 'Library_Free', 'Shanghai-Metro', 'KFC_FREE', 'Office-Guest', '@Luckin_Coffee']);
const WORDS = ['sunflower', 'bluesky', 'panda', 'tiger', 'dragon', 'maple', 'ocean', 'river', 'lotus', 'jade'];

const BT_POOL: { name: string; kind: BtKind }[] = [
  { name: 'AirPods Pro', kind: 'headphones' }, { name: 'Sony WH-1000XM5', kind: 'headphones' },
  { name: 'Galaxy Buds2', kind: 'headphones' }, { name: 'Mi Watch S1', kind: 'watch' },
  { name: 'HUAWEI WATCH GT 4', kind: 'watch' }, { name: 'Tesla Model 3', kind: 'car' },
  { name: 'BYD Han', kind: 'car' }, { name: 'JBL Flip 6', kind: 'speaker' }, { name: '小爱音箱 Pro', kind: 'speaker' },
  { name: 'MacBook Air', kind: 'laptop' }, { name: 'ThinkPad X1', kind: 'laptop' }, { name: 'Bose QC45', kind: 'headphones' },
  { name: 'Redmi Buds 4', kind: 'headphones' }, { name: 'Marshall Emberton', kind: 'speaker' },
];

const APP_POOL = ['WeChat 微信', 'Alipay 支付宝', 'Taobao 淘宝', 'Meituan 美团', 'DiDi 滴滴出行', 'Amap 高德地图', 'Xiaohongshu 小红书', 'Douyin 抖音', 'Bilibili', 'NetEase Music 网易云音乐', 'QQ', 'Weibo 微博', 'JD 京东', 'Pinduoduo 拼多多', 'Zhihu 知乎', 'Chrome', 'Gmail', 'YouTube', 'Spotify', 'WPS Office', 'Keep', 'Ctrip 携程', 'Baidu Maps 百度地图', 'Kuaishou 快手', 'Dianping 大众点评', 'Tencent Video 腾讯视频', 'iQIYI 爱奇艺', 'DingTalk 钉钉', 'Feishu 飞书', 'Camera', 'Photos', 'Files'];

export function seedSettings(rng: Rng): SettingsState {
  const ssids = rng.shuffle(SSIDS).slice(0, rng.int(12, 16));
  const networks: WifiNet[] = ssids.map((ssid, i) => {
    const secured = !OPEN_SSIDS.has(ssid);
    return {
      ssid, secured, signal: rng.int(1, 4), band: ssid.includes('5G') || rng.chance(0.4) ? '5 GHz' : '2.4 GHz',
      password: secured ? `${rng.pick(WORDS)}${rng.int(100, 9999)}` : '', saved: i === 0,
    };
  });
  networks.sort((a, b) => b.signal - a.signal || a.ssid.localeCompare(b.ssid));
  const home = networks.find((n) => n.saved)!;
  const btNames = rng.shuffle(BT_POOL).slice(0, rng.int(7, 9));
  const btDevices: BtDevice[] = btNames.map((d, i) => ({
    id: `bt${i + 1}`, name: d.name, kind: d.kind, paired: i < 4, connected: false,
    battery: d.kind === 'headphones' || d.kind === 'watch' ? rng.int(20, 100) : undefined,
  }));
  const bluetooth = rng.chance(0.5);
  if (bluetooth) btDevices[0].connected = true;
  const apps: AppInfo[] = rng.shuffle(APP_POOL).slice(0, 26).map((name, i) => ({
    id: `app${i + 1}`, name, version: `${rng.int(1, 12)}.${rng.int(0, 30)}.${rng.int(0, 9)}`,
    sizeMb: rng.int(40, 2400), notifications: rng.chance(0.8), batteryPct: 0,
  }));
  apps.sort((a, b) => a.name.localeCompare(b.name));
  // battery usage: a few heavy apps by weight, shown as whole percentages
  const heavy = rng.shuffle(apps).slice(0, 8);
  const weights = heavy.map(() => rng.int(2, 30));
  const sum = weights.reduce((a, b) => a + b, 0);
  heavy.forEach((a, i) => { a.batteryPct = Math.max(1, Math.round((weights[i] * 100) / sum)); });
  const total = rng.pick([128, 256, 512]);
  return {
    wifi: true, bluetooth, airplane: false, brightness: rng.int(3, 8) * 10, darkMode: false, autoBrightness: rng.chance(0.5),
    fontSize: 'Default', screenTimeout: rng.pick(TIMEOUTS), wifiConnected: home.ssid, networks, btDevices,
    volumes: { media: rng.int(3, 8) * 10, ring: rng.int(4, 9) * 10, notification: rng.int(3, 8) * 10, alarm: rng.int(5, 10) * 10 },
    ringtone: rng.pick(RINGTONES), vibrate: rng.chance(0.7), dnd: false, batterySaver: false, batteryPercent: true,
    beforeAirplane: null, apps,
    about: {
      deviceName: rng.pick(['Lin 的手机', "Alex's Phone", '小米的 Redmi', 'Wang Wei Phone']), model: rng.pick(['Stepwise S1', 'Stepwise S1 Pro', 'Stepwise Note 12']),
      android: rng.pick(['14', '15']), build: `SW${rng.int(1, 3)}.${rng.int(100, 240)}.${rng.int(1, 30)}`,
      storageTotalGb: total, storageUsedGb: Math.round(total * (0.35 + rng.next() * 0.5)), ramGb: rng.pick([8, 12, 16]),
      serial: `SW${rng.int(100000, 999999)}${rng.int(1000, 9999)}`,
    },
    lastError: null,
  };
}

/** Typed access with defaults, so other apps can read settings when no settings app is registered. */
export function settingsOf(apps: Record<string, unknown>): SettingsState | undefined {
  return apps.settings as SettingsState | undefined;
}

export function freeStorageGb(s: SettingsState): number {
  return s.about.storageTotalGb - s.about.storageUsedGb;
}
