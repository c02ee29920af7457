/** Task templates for the Settings app (connections, display, sound, battery, apps, about). */
import type { PhoneState, TaskTemplate, VerifyResult } from '../framework.js';
import type { SettingsState } from '../apps/settings/data.js';
import { RINGTONES, freeStorageGb } from '../apps/settings/data.js';
import { slug } from '../apps/settings/kit.js';
import { fail, hasNumber, mentions, pass } from './answers.js';

const S = (p: PhoneState) => p.apps.settings as SettingsState;
const OPEN = { do: 'open_app', app: 'Settings' } as const;

type Toggle = 'wifi' | 'bluetooth' | 'airplane' | 'darkMode' | 'batterySaver' | 'dnd' | 'wifiConnected' | 'brightness' | 'ringtone';
const WATCHED: Toggle[] = ['wifi', 'bluetooth', 'airplane', 'darkMode', 'batterySaver', 'dnd', 'wifiConnected', 'brightness', 'ringtone'];

/** Collateral damage check: settings the task did not ask about must keep their initial values. */
function unchangedExcept(initial: PhoneState, final: PhoneState, allowed: Toggle[]): VerifyResult | null {
  const a = S(initial), b = S(final);
  for (const k of WATCHED) {
    if (allowed.includes(k)) continue;
    if (a[k] !== b[k]) return fail(`"${k}" changed from ${JSON.stringify(a[k])} to ${JSON.stringify(b[k])} although the task did not ask for it`);
  }
  return null;
}

function withSettings(final: PhoneState, f: (s: SettingsState) => VerifyResult): VerifyResult {
  const s = S(final);
  return s ? f(s) : fail('the phone has no settings data');
}

const darkMode: TaskTemplate<Record<string, never>> = {
  id: 'settings.dark-mode-on', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: () => ({}),
  instruction: () => 'Turn on dark mode.',
  setup: (phone) => { S(phone).darkMode = false; },
  expect: 'complete',
  verify: (final, _a, _p, initial) => withSettings(final, (s) => (!s.darkMode ? fail('dark mode is still off') : unchangedExcept(initial, final, ['darkMode']) ?? pass('dark mode is on'))),
  solution: () => [OPEN, { do: 'tap', id: 'display-entry' }, { do: 'tap', id: 'dark-switch' }, { do: 'complete' }],
  wrongEnds: () => [
    { name: 'left off', mutate: (p) => { S(p).darkMode = false; } },
    { name: 'dark mode on but Wi-Fi turned off', mutate: (p) => { S(p).wifi = !S(p).wifi; } },
  ],
};

interface WifiP { ssid: string; password: string; before: string | null }
const connectWifi: TaskTemplate<WifiP> = {
  id: 'settings.connect-wifi', app: 'settings', scenario: 'system', type: 'filter', complexity: 'composite', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => {
    const n = rng.pick(S(phone).networks.filter((x) => x.secured && !x.saved));
    return { ssid: n.ssid, password: n.password, before: S(phone).wifiConnected };
  },
  instruction: (p) => `Connect to the Wi-Fi network "${p.ssid}". The password is ${p.password}.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withSettings(final, (s) => {
    if (!s.wifi) return fail('Wi-Fi is off');
    if (s.wifiConnected !== p.ssid) return fail(`connected to ${s.wifiConnected ?? 'nothing'}, expected ${p.ssid}`);
    return unchangedExcept(initial, final, ['wifiConnected']) ?? pass(`connected to ${p.ssid}`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'wifi-entry' }, { do: 'tap', id: `net-${slug(p.ssid)}` }, { do: 'tap', id: 'password-input' }, { do: 'type', text: p.password }, { do: 'tap', id: 'wifi-connect' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'still on the old network', mutate: (ph) => { S(ph).wifiConnected = p.before; } },
    { name: 'joined another network', mutate: (ph) => { S(ph).wifiConnected = S(ph).networks.find((n) => n.ssid !== p.ssid)!.ssid; } },
    { name: 'Wi-Fi switched off afterwards', mutate: (ph) => { S(ph).wifi = false; } },
  ],
};

interface BrightP { target: number }
const brightness: TaskTemplate<BrightP> = {
  id: 'settings.brightness-about', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'zh',
  params: (rng, phone) => {
    const cur = S(phone).brightness;
    return { target: rng.pick([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].filter((v) => Math.abs(v - cur) >= 30)) };
  },
  instruction: (p) => `把屏幕亮度调到${p.target}%左右`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withSettings(final, (s) => (Math.abs(s.brightness - p.target) > 10
    ? fail(`brightness is ${s.brightness}%, expected about ${p.target}%`)
    : unchangedExcept(initial, final, ['brightness']) ?? pass(`brightness ${s.brightness}%`))),
  solution: (p) => [OPEN, { do: 'tap', id: 'display-entry' }, { do: 'tap', id: `brightness-set-${p.target}` }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'unchanged', mutate: (ph) => { S(ph).brightness = p.target >= 50 ? p.target - 30 : p.target + 30; } },
    { name: 'maxed out', mutate: (ph) => { S(ph).brightness = p.target <= 70 ? 100 : 0; } },
  ],
};

interface BtP { off: boolean; paired: string[] }
const btPaired: TaskTemplate<BtP> = {
  id: 'settings.bluetooth-paired-if-off', app: 'settings', scenario: 'system', type: 'query', complexity: 'conditional', ambiguity: 'mid', lang: 'en',
  params: (rng, phone) => ({ off: rng.chance(0.5), paired: S(phone).btDevices.filter((d) => d.paired).map((d) => d.name) }),
  setup: (phone, p) => {
    const s = S(phone);
    s.bluetooth = !p.off;
    if (p.off) for (const d of s.btDevices) d.connected = false;
  },
  instruction: () => 'If Bluetooth is off, turn it on. Then tell me which devices are paired with my phone.',
  expect: 'complete',
  verify: (final, answer, p) => withSettings(final, (s) => {
    if (!s.bluetooth) return fail('Bluetooth is still off');
    const missing = p.paired.filter((n) => !mentions(answer, [n]));
    return missing.length ? fail(`the answer does not name ${missing.join(', ')}`) : pass('Bluetooth on and all paired devices named');
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'bt-entry' }, ...(p.off ? [{ do: 'tap', id: 'bt-switch' } as const] : []), { do: 'complete', answer: p.paired.join(', ') }],
  wrongEnds: (p) => [
    { name: 'Bluetooth left off', mutate: (ph) => { S(ph).bluetooth = false; } },
    { name: 'a device missing from the answer', answer: p.paired.slice(1).join(', ') },
    { name: 'no answer', answer: '' },
  ],
};

interface MissingWifiP { ssid: string; before: string | null }
const MISSING = ['Hotel_Lobby_5G', 'Airport-Free-WiFi', 'Costa_Guest', 'Marriott_Bonvoy', 'Home-Mesh-5G', 'Pudong_Airport_Free'];
const wifiMissing: TaskTemplate<MissingWifiP> = {
  id: 'settings.connect-wifi-out-of-range', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => ({ ssid: rng.pick(MISSING.filter((m) => !S(phone).networks.some((n) => n.ssid === m))), before: S(phone).wifiConnected }),
  instruction: (p) => `Connect my phone to the Wi-Fi network "${p.ssid}".`,
  expect: 'abort',
  verify: (final, _a, p, initial) => withSettings(final, (s) => {
    if (s.wifiConnected !== p.before || !s.wifi) return fail(`the network is not in range, but the phone's Wi-Fi changed (now ${s.wifi ? s.wifiConnected : 'off'})`);
    return unchangedExcept(initial, final, []) ?? pass('nothing changed: the network is not in range');
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'wifi-entry' }, { do: 'scroll', direction: 'down', within: 'main' }, { do: 'abort', reason: `"${p.ssid}" is not in the list of available networks` }],
  wrongEnds: () => [
    { name: 'joined a different network', mutate: (ph) => { const s = S(ph); s.wifiConnected = s.networks.find((n) => n.ssid !== s.wifiConnected)!.ssid; } },
    { name: 'turned Wi-Fi off', mutate: (ph) => { S(ph).wifi = false; } },
  ],
};

const storage: TaskTemplate<{ free: number; used: number; total: number }> = {
  id: 'settings.storage-free', app: 'settings', scenario: 'system', type: 'query', complexity: 'atomic', ambiguity: 'low', lang: 'zh',
  params: (_rng, phone) => { const s = S(phone); return { free: freeStorageGb(s), used: s.about.storageUsedGb, total: s.about.storageTotalGb }; },
  instruction: () => '我的手机还剩多少存储空间？',
  expect: 'complete',
  verify: (_f, answer, p) => (hasNumber(answer, p.free) ? pass(`answer states ${p.free} GB free`) : fail(`expected ${p.free} GB free in the answer, got "${answer ?? ''}"`)),
  solution: (p) => [OPEN, { do: 'tap', id: 'storage-entry' }, { do: 'complete', answer: `还剩 ${p.free} GB` }],
  wrongEnds: (p) => [{ name: 'used space', answer: `${p.used} GB` }, { name: 'total space', answer: `${p.total} GB` }],
};

interface NotifP { appId: string; name: string }
const notifOff: TaskTemplate<NotifP> = {
  id: 'settings.app-notifications-off', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
  params: (rng, phone) => { const a = rng.pick(S(phone).apps.filter((x) => x.notifications)); return { appId: a.id, name: a.name }; },
  instruction: (p) => `Stop ${p.name.split(' ')[0]} from sending me notifications.`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withSettings(final, (s) => {
    const a = s.apps.find((x) => x.id === p.appId);
    if (!a || a.notifications) return fail(`${p.name} notifications are still on`);
    const other = s.apps.find((x) => x.id !== p.appId && x.notifications !== S(initial).apps.find((y) => y.id === x.id)?.notifications);
    return other ? fail(`notifications of ${other.name} changed too`) : pass(`${p.name} notifications off`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'apps-entry' }, { do: 'tap', id: `app-${p.appId}` }, { do: 'tap', id: 'notif-switch' }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'still on', mutate: (ph) => { S(ph).apps.find((x) => x.id === p.appId)!.notifications = true; } },
    { name: 'another app muted as well', mutate: (ph) => { const o = S(ph).apps.find((x) => x.id !== p.appId)!; o.notifications = !o.notifications; } },
  ],
};

interface RingP { from: string; to: string; index: number }
const ringtone: TaskTemplate<RingP> = {
  id: 'settings.change-ringtone-ask', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'high', lang: 'en',
  params: (rng, phone) => {
    const from = S(phone).ringtone;
    const to = rng.pick(RINGTONES.filter((r) => r !== from));
    return { from, to, index: RINGTONES.indexOf(to) };
  },
  instruction: () => "I'm bored of my ringtone, change it.",
  reply: (p) => `Use "${p.to}".`,
  expect: 'complete',
  verify: (final, _a, p, initial) => withSettings(final, (s) => (s.ringtone !== p.to
    ? fail(`ringtone is "${s.ringtone}", the user asked for "${p.to}"`)
    : unchangedExcept(initial, final, ['ringtone']) ?? pass(`ringtone is ${p.to}`))),
  solution: (p) => [OPEN, { do: 'tap', id: 'sound-entry' }, { do: 'info', question: 'Which ringtone would you like?' }, { do: 'tap', id: 'ringtone-entry' }, { do: 'tap', id: `ring-${p.index}` }, { do: 'complete' }],
  wrongEnds: (p) => [
    { name: 'unchanged', mutate: (ph) => { S(ph).ringtone = p.from; } },
    { name: 'a ringtone of its own choosing', mutate: (ph) => { S(ph).ringtone = RINGTONES.find((r) => r !== p.to && r !== p.from)!; } },
  ],
};

interface BattP { level: number }
const batterySaver: TaskTemplate<BattP> = {
  id: 'settings.battery-saver-if-low', app: 'settings', scenario: 'system', type: 'analyze', complexity: 'conditional', ambiguity: 'low', lang: 'en',
  params: (rng) => ({ level: rng.chance(0.5) ? rng.int(8, 29) : rng.int(40, 95) }),
  setup: (phone, p) => { phone.system.battery = p.level; S(phone).batterySaver = false; },
  instruction: () => 'Check my battery. If it is below 30%, turn on Battery Saver; otherwise just tell me the percentage.',
  expect: 'complete',
  verify: (final, answer, p, initial) => withSettings(final, (s) => {
    if (p.level < 30) return !s.batterySaver ? fail(`battery is ${p.level}% but Battery Saver is off`) : unchangedExcept(initial, final, ['batterySaver']) ?? pass('Battery Saver on');
    if (s.batterySaver) return fail(`battery is ${p.level}%, Battery Saver should stay off`);
    return hasNumber(answer, p.level) ? pass(`reported ${p.level}%`) : fail(`expected ${p.level}% in the answer, got "${answer ?? ''}"`);
  }),
  solution: (p) => [OPEN, { do: 'tap', id: 'battery-entry' }, ...(p.level < 30 ? [{ do: 'tap', id: 'saver-switch' } as const, { do: 'complete' } as const] : [{ do: 'complete', answer: `Your battery is at ${p.level}%.` } as const])],
  wrongEnds: (p) => (p.level < 30
    ? [{ name: 'saver left off', mutate: (ph) => { S(ph).batterySaver = false; } }, { name: 'saver off, dark mode on instead', mutate: (ph) => { S(ph).batterySaver = false; S(ph).darkMode = true; } }]
    : [{ name: 'saver turned on needlessly', mutate: (ph) => { S(ph).batterySaver = true; } }, { name: 'wrong level', answer: `${p.level - 7}%` }]),
};

const airplane: TaskTemplate<Record<string, never>> = {
  id: 'settings.airplane-mode-boarding', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'mid', lang: 'zh',
  params: () => ({}),
  instruction: () => '我要登机了，帮我把手机调成飞行模式',
  expect: 'complete',
  verify: (final) => withSettings(final, (s) => (s.airplane ? pass('airplane mode on') : fail('airplane mode is off'))),
  solution: () => [OPEN, { do: 'tap', id: 'airplane-switch' }, { do: 'complete' }],
  wrongEnds: () => [
    { name: 'airplane mode off', mutate: (ph) => { S(ph).airplane = false; } },
    { name: 'only Wi-Fi and Bluetooth off', mutate: (ph) => { const s = S(ph); s.airplane = false; s.wifi = false; s.bluetooth = false; } },
  ],
};

export const SETTINGS_TASKS: TaskTemplate[] = [darkMode, connectWifi, brightness, btPaired, wifiMissing, storage, notifOff, ringtone, batterySaver, airplane];
