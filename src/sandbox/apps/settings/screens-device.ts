/** Settings screens: the main list, display, sound, battery, apps and about phone. */
import { html, type Raw } from '../../html.js';
import type { ViewCtx } from '../../framework.js';
import { FONT_SIZES, RINGTONES, VOLUME_KEYS, freeStorageGb, type SettingsState } from './data.js';
import { icon } from './icons.js';
import { appBar, levelSlider, radioRow, row, sectionTitle, sw } from './kit.js';
import { connectedNet } from './screens-net.js';

type V = ViewCtx<SettingsState>;

const VOL_LABEL: Record<string, string> = { media: 'Media volume', ring: 'Ring volume', notification: 'Notification volume', alarm: 'Alarm volume' };

export function homeScreen(c: V): Raw {
  const s = c.s;
  const net = connectedNet(s);
  const btConn = s.btDevices.find((d) => d.connected);
  const battery = c.phone.system.battery;
  return html`<div class="scr"><div class="scroll" data-scroll="main">
    <div class="big-title">Settings</div>
    <div class="search-pill" data-id="settings-search">${icon('search', 20)}<span>Search settings</span></div>
    <div class="card acct" data-id="account"><div class="avatar">${s.about.deviceName.slice(0, 1)}</div><div class="row-main"><div class="row-t">${s.about.deviceName}</div><div class="row-s">Stepwise account · Cloud backup on</div></div><div class="row-chev">${icon('chevron', 20)}</div></div>
    <div class="card">
      ${row({ id: 'wifi-entry', icon: 'wifi', iconBg: '#2f80ed', title: 'Wi‑Fi', sub: !s.wifi ? 'Off' : net ? net.ssid : 'Not connected', tap: 'open', arg: 'wifi', chevron: true })}
      ${row({ id: 'bt-entry', icon: 'bluetooth', iconBg: '#2d9cdb', title: 'Bluetooth', sub: !s.bluetooth ? 'Off' : btConn ? `Connected to ${btConn.name}` : 'On', tap: 'open', arg: 'bluetooth', chevron: true })}
      ${row({ id: 'airplane-row', icon: 'airplane', iconBg: '#f2994a', title: 'Airplane mode', right: sw(s.airplane, 'airplane-switch', 'toggleAirplane', '', 'Airplane mode') })}
      ${row({ id: 'mobile-entry', icon: 'signal', iconBg: '#27ae60', title: 'Mobile network', sub: s.airplane ? 'Airplane mode' : 'China Mobile · 5G' })}
    </div>
    <div class="card">
      ${row({ id: 'display-entry', icon: 'sun', iconBg: '#f2c94c', title: 'Display & brightness', sub: `Brightness ${s.brightness}% · ${s.darkMode ? 'Dark' : 'Light'} theme`, tap: 'open', arg: 'display', chevron: true })}
      ${row({ id: 'sound-entry', icon: 'volume', iconBg: '#9b51e0', title: 'Sound & vibration', sub: s.dnd ? 'Do Not Disturb on' : `Ringtone: ${s.ringtone}`, tap: 'open', arg: 'sound', chevron: true })}
      ${row({ id: 'notif-entry', icon: 'bell', iconBg: '#eb5757', title: 'Notifications', sub: 'App notifications, lock screen', tap: 'open', arg: 'apps', chevron: true })}
    </div>
    <div class="card">
      ${row({ id: 'battery-entry', icon: 'battery', iconBg: '#27ae60', title: 'Battery', sub: `${battery}%${s.batterySaver ? ' · Battery Saver on' : ` · about ${Math.max(1, Math.round(battery / 4))} hours left`}`, tap: 'open', arg: 'battery', chevron: true })}
      ${row({ id: 'apps-entry', icon: 'apps', iconBg: '#56ccf2', title: 'Apps', sub: `${s.apps.length} apps installed`, tap: 'open', arg: 'apps', chevron: true })}
      ${row({ id: 'storage-entry', icon: 'storage', iconBg: '#828282', title: 'Storage', sub: `${s.about.storageUsedGb} GB used of ${s.about.storageTotalGb} GB`, tap: 'open', arg: 'about', chevron: true })}
      ${row({ id: 'privacy-entry', icon: 'shield', iconBg: '#219653', title: 'Security & privacy', sub: 'Screen lock, fingerprint' })}
    </div>
    <div class="card">
      ${row({ id: 'about-entry', icon: 'info', iconBg: '#4f4f4f', title: 'About phone', sub: `${s.about.model} · Android ${s.about.android}`, tap: 'open', arg: 'about', chevron: true })}
    </div>
  </div></div>`;
}

export function displayScreen(c: V): Raw {
  const s = c.s;
  return html`<div class="scr">${appBar('Display & brightness', { back: true })}<div class="scroll" data-scroll="main">
    ${sectionTitle('Brightness')}
    <div class="card"><div class="row noline"><div class="row-ic">${icon('sun', 22)}</div><div class="row-main"><div class="row-t">Brightness level</div></div></div>
      ${levelSlider(s.brightness, 'brightness', 'level', 'brightness', 'Brightness')}
      ${row({ title: 'Adaptive brightness', sub: 'Adjust to the light around you', right: sw(s.autoBrightness, 'auto-brightness-switch', 'toggleAutoBright', '', 'Adaptive brightness') })}</div>
    ${sectionTitle('Appearance')}
    <div class="card">
      ${row({ id: 'dark-row', icon: 'moon', title: 'Dark theme', sub: s.darkMode ? 'On' : 'Off', right: sw(s.darkMode, 'dark-switch', 'toggleDark', '', 'Dark theme') })}
      ${row({ id: 'font-size-entry', icon: 'textSize', title: 'Font size', sub: s.fontSize, tap: 'open', arg: 'font-size', chevron: true })}
    </div>
    ${sectionTitle('Screen')}
    <div class="card">${row({ id: 'timeout-entry', icon: 'schedule', title: 'Screen timeout', sub: `After ${s.screenTimeout} of inactivity`, tap: 'timeoutMenu', chevron: true })}</div>
  </div></div>`;
}

export function fontSizeScreen(c: V): Raw {
  const sizes: Record<string, number> = { Small: 13, Default: 15, Large: 18, Largest: 21 };
  return html`<div class="scr">${appBar('Font size', { back: true })}<div class="scroll" data-scroll="main">
    <div class="card preview" style="font-size:${sizes[c.s.fontSize]}px"><b>Preview</b><p>The quick brown fox jumps over the lazy dog. 敏捷的棕色狐狸跳过了懒狗。</p></div>
    <div class="card">${FONT_SIZES.map((f) => radioRow(f, c.s.fontSize === f, `font-${f.toLowerCase()}`, 'setFont', f))}</div>
  </div></div>`;
}

export function soundScreen(c: V): Raw {
  const s = c.s;
  return html`<div class="scr">${appBar('Sound & vibration', { back: true })}<div class="scroll" data-scroll="main">
    <div class="card">${VOLUME_KEYS.map((k) => html`<div class="row noline"><div class="row-ic">${icon(k === 'alarm' ? 'alarm' : k === 'notification' ? 'bell' : k === 'ring' ? 'phone' : 'music', 22)}</div><div class="row-main"><div class="row-t">${VOL_LABEL[k]}</div></div></div>${levelSlider(s.volumes[k], `vol-${k}`, 'level', k, VOL_LABEL[k])}`)}</div>
    <div class="card">
      ${row({ id: 'dnd-row', icon: 'dnd', title: 'Do Not Disturb', sub: s.dnd ? 'On · calls from favourites allowed' : 'Off', right: sw(s.dnd, 'dnd-switch', 'toggleDnd', '', 'Do Not Disturb') })}
      ${row({ id: 'vibrate-row', icon: 'vibrate', title: 'Vibrate for calls', right: sw(s.vibrate, 'vibrate-switch', 'toggleVibrate', '', 'Vibrate for calls') })}
      ${row({ id: 'ringtone-entry', icon: 'music', title: 'Phone ringtone', sub: s.ringtone, tap: 'open', arg: 'ringtone', chevron: true })}
    </div>
  </div></div>`;
}

export function ringtoneScreen(c: V): Raw {
  return html`<div class="scr">${appBar('Phone ringtone', { back: true })}<div class="scroll" data-scroll="main">
    <div class="card">${radioRow('None', c.s.ringtone === 'None', 'ring-none', 'setRingtone', 'None')}${RINGTONES.map((r, i) => radioRow(r, c.s.ringtone === r, `ring-${i}`, 'setRingtone', r))}</div>
  </div></div>`;
}

export function batteryScreen(c: V): Raw {
  const s = c.s;
  const pct = c.phone.system.battery;
  const usage = s.apps.filter((a) => a.batteryPct > 0).sort((a, b) => b.batteryPct - a.batteryPct);
  return html`<div class="scr">${appBar('Battery', { back: true })}<div class="scroll" data-scroll="main">
    <div class="card batt"><div class="batt-pct" data-id="battery-level">${pct}%</div><div class="batt-sub">${s.batterySaver ? 'Battery Saver is on' : `About ${Math.max(1, Math.round(pct / 4))} hours left`}</div><div class="batt-bar"><div style="width:${pct}%;background:${pct <= 20 ? '#e5484d' : '#27ae60'}"></div></div></div>
    <div class="card">
      ${row({ id: 'saver-row', icon: 'battery', title: 'Battery Saver', sub: 'Limits background activity', right: sw(s.batterySaver, 'saver-switch', 'toggleSaver', '', 'Battery Saver') })}
      ${row({ id: 'percent-row', title: 'Battery percentage', sub: 'Show in status bar', right: sw(s.batteryPercent, 'percent-switch', 'togglePercent', '', 'Battery percentage') })}
    </div>
    ${sectionTitle('Battery usage since full charge')}
    <div class="card" data-id="usage-list">${usage.map((a) => row({ id: `usage-${a.id}`, title: a.name, sub: `${a.batteryPct}% of battery`, right: html`<div class="usage-bar"><div style="width:${Math.min(100, a.batteryPct * 3)}%"></div></div>` }))}</div>
  </div></div>`;
}

export function appsScreen(c: V): Raw {
  const q = c.field('appsearch').trim().toLowerCase();
  const list = c.s.apps.filter((a) => !q || a.name.toLowerCase().includes(q));
  return html`<div class="scr">${appBar('Apps', { back: true, sub: `${c.s.apps.length} apps` })}
    <div class="search-box">${icon('search', 20)}<input class="field bare" data-field="appsearch" data-id="apps-search" data-oninput="filterApps" placeholder="Search apps" value="${c.field('appsearch')}"/></div>
    <div class="scroll" data-scroll="main"><div class="card" data-id="apps-list">${list.length ? list.map((a) => row({ id: `app-${a.id}`, icon: 'apps', title: a.name, sub: `${a.sizeMb >= 1000 ? `${(a.sizeMb / 1000).toFixed(2)} GB` : `${a.sizeMb} MB`} · Notifications ${a.notifications ? 'on' : 'off'}`, tap: 'appInfo', arg: a.id, chevron: true })) : html`<div class="empty">No apps match "${q}"</div>`}</div></div>
  </div>`;
}

export function appInfoScreen(c: V): Raw {
  const a = c.s.apps.find((x) => x.id === c.screen.params?.id);
  if (!a) return html`<div class="scr">${appBar('App info', { back: true })}<div class="empty">App not found</div></div>`;
  return html`<div class="scr">${appBar('App info', { back: true })}<div class="scroll" data-scroll="main">
    <div class="hero"><div class="app-tile">${a.name.slice(0, 1)}</div><div class="hero-t" data-id="app-name">${a.name}</div><div class="hero-s">Version ${a.version}</div></div>
    <div class="pair-btns"><div class="pbtn" data-id="force-stop" data-tap="forceStop" data-arg="${a.id}">${icon('close', 22)}<span>Force stop</span></div></div>
    <div class="card">
      ${row({ id: 'notif-row', icon: 'bell', title: 'Notifications', sub: a.notifications ? 'Allowed' : 'Blocked', right: sw(a.notifications, 'notif-switch', 'toggleNotif', a.id, 'Notifications') })}
      ${row({ icon: 'storage', title: 'Storage & cache', sub: `${a.sizeMb >= 1000 ? `${(a.sizeMb / 1000).toFixed(2)} GB` : `${a.sizeMb} MB`} used in internal storage` })}
      ${row({ icon: 'battery', title: 'Battery', sub: `${a.batteryPct}% use since last full charge` })}
      ${row({ icon: 'shield', title: 'Permissions', sub: 'Camera, Location, Microphone' })}
    </div>
  </div></div>`;
}

export function aboutScreen(c: V): Raw {
  const a = c.s.about;
  const usedPct = Math.round((a.storageUsedGb / a.storageTotalGb) * 100);
  return html`<div class="scr">${appBar('About phone', { back: true })}<div class="scroll" data-scroll="main">
    <div class="hero">${icon('phone', 56)}<div class="hero-t">${a.model}</div><div class="hero-s">${a.deviceName}</div></div>
    <div class="card">
      ${row({ id: 'about-name', title: 'Device name', sub: a.deviceName })}
      ${row({ id: 'about-model', title: 'Model', sub: a.model })}
      ${row({ id: 'about-android', title: 'Android version', sub: a.android })}
      ${row({ id: 'about-build', title: 'Build number', sub: a.build })}
      ${row({ id: 'about-ram', title: 'RAM', sub: `${a.ramGb} GB` })}
      ${row({ id: 'about-serial', title: 'Serial number', sub: a.serial })}
    </div>
    ${sectionTitle('Storage')}
    <div class="card"><div class="stor"><div class="stor-t"><b data-id="storage-used">${a.storageUsedGb} GB</b> used of ${a.storageTotalGb} GB</div>
      <div class="batt-bar"><div style="width:${usedPct}%;background:var(--acc)"></div></div>
      <div class="row-s" data-id="storage-free">${freeStorageGb(c.s)} GB free</div></div></div>
  </div></div>`;
}
