/** Settings screens for connections: Wi-Fi (list, password dialog, details) and Bluetooth. */
import { html, type Raw } from '../../html.js';
import type { ViewCtx } from '../../framework.js';
import type { BtDevice, SettingsState, WifiNet } from './data.js';
import { icon, type IconName } from './icons.js';
import { appBar, row, sectionTitle, slug, sw } from './kit.js';

type V = ViewCtx<SettingsState>;

function bars(n: number, locked: boolean): Raw {
  const h = [5, 9, 13, 17];
  return html`<div class="sig"><svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">${h.map((hh, i) => html`<rect x="${2 + i * 5}" y="${20 - hh}" width="3.4" height="${hh}" rx="1" fill="${i < n ? 'currentColor' : '#c9ccd1'}"/>`)}</svg>${locked ? html`<span class="sig-lock">${icon('lock', 12)}</span>` : ''}</div>`;
}

export function connectedNet(s: SettingsState): WifiNet | undefined {
  return s.wifi ? s.networks.find((n) => n.ssid === s.wifiConnected) : undefined;
}

function wifiList(s: SettingsState): Raw {
  const cur = connectedNet(s);
  const others = s.networks.filter((n) => n !== cur);
  return html`
    <div class="card"><div class="row master" data-id="wifi-row">
      <div class="row-main"><div class="row-t">Use Wi‑Fi</div></div>${sw(s.wifi, 'wifi-switch', 'toggleWifi', '', 'Wi-Fi')}</div></div>
    ${s.wifi
      ? html`${cur ? html`${sectionTitle('Connected')}<div class="card">${row({ id: `net-${slug(cur.ssid)}`, title: cur.ssid, sub: 'Connected', right: bars(cur.signal, cur.secured), tap: 'wifiDetail', arg: cur.ssid, chevron: true })}</div>` : ''}
        ${sectionTitle('Available networks')}
        <div class="card" data-id="network-list">${others.map((n) => row({ id: `net-${slug(n.ssid)}`, title: n.ssid, sub: n.saved ? 'Saved' : n.secured ? `Secured · ${n.band}` : `Open · ${n.band}`, right: bars(n.signal, n.secured), tap: 'tapNetwork', arg: n.ssid }))}</div>
        <div class="card">${row({ id: 'add-network', icon: 'add', title: 'Add network' })}${row({ id: 'saved-networks', icon: 'wifi', title: 'Saved networks', sub: `${s.networks.filter((n) => n.saved).length} networks` })}</div>`
      : html`<div class="empty">Turn on Wi‑Fi to see available networks.<br/>Wi‑Fi is off.</div>`}`;
}

export function wifiScreen(c: V): Raw {
  return html`<div class="scr">${appBar('Wi‑Fi', { back: true })}<div class="scroll" data-scroll="main">${wifiList(c.s)}</div></div>`;
}

/** The password dialog over the dimmed network list (a screen, so Back closes it). */
export function wifiConnectScreen(c: V): Raw {
  const ssid = String(c.screen.params?.ssid ?? '');
  const show = c.screen.params?.show === true;
  const err = c.s.lastError;
  return html`<div class="scr">${appBar('Wi‑Fi', { back: true })}<div class="scroll dim">${wifiList(c.s)}</div>
    <div class="scrim"></div>
    <div class="dlg" data-id="wifi-dialog">
      <div class="dlg-t">${ssid}</div>
      <div class="dlg-s">Security: WPA2/WPA3-Personal</div>
      <input class="field" type="${show ? 'text' : 'password'}" data-field="password" data-id="password-input" placeholder="Password" value="${c.field('password')}"/>
      ${err ? html`<div class="dlg-err" data-id="wifi-error">${err}</div>` : ''}
      <div class="dlg-chk" data-id="show-password" data-tap="toggleShowPw" data-class="android.widget.CheckBox" data-checked="${show ? 'true' : 'false'}">${icon(show ? 'boxChecked' : 'box', 22)}<span>Show password</span></div>
      <div class="dlg-btns"><div class="dlg-b" data-id="wifi-cancel" data-tap="back">Cancel</div><div class="dlg-b pri" data-id="wifi-connect" data-tap="connectWifi" data-arg="${ssid}">Connect</div></div>
    </div></div>`;
}

export function wifiDetailScreen(c: V): Raw {
  const n = c.s.networks.find((x) => x.ssid === c.screen.params?.ssid);
  if (!n) return html`<div class="scr">${appBar('Network details', { back: true })}<div class="empty">Network not found</div></div>`;
  const connected = connectedNet(c.s) === n;
  return html`<div class="scr">${appBar('Network details', { back: true })}<div class="scroll" data-scroll="main">
    <div class="hero">${icon('wifi', 48)}<div class="hero-t">${n.ssid}</div><div class="hero-s">${connected ? 'Connected' : n.saved ? 'Saved' : 'Not connected'}</div></div>
    <div class="pair-btns">
      <div class="pbtn" data-id="wifi-forget" data-tap="forgetWifi" data-arg="${n.ssid}">${icon('trash', 22)}<span>Forget</span></div>
      ${connected ? html`<div class="pbtn" data-id="wifi-disconnect" data-tap="disconnectWifi">${icon('close', 22)}<span>Disconnect</span></div>` : ''}
    </div>
    <div class="card">${row({ title: 'Signal strength', sub: ['Weak', 'Fair', 'Good', 'Excellent'][n.signal - 1] })}${row({ title: 'Frequency', sub: n.band })}${row({ title: 'Security', sub: n.secured ? 'WPA2/WPA3-Personal' : 'None' })}${connected ? row({ title: 'IP address', sub: `192.168.${1 + (n.ssid.length % 8)}.${100 + n.ssid.length * 3}` }) : ''}</div>
  </div></div>`;
}

const BT_ICON: Record<string, IconName> = { headphones: 'headphones', watch: 'watch', car: 'car', speaker: 'speaker', laptop: 'laptop' };

function btRow(d: BtDevice): Raw {
  const sub = d.paired ? (d.connected ? `Connected${d.battery !== undefined ? ` · Battery ${d.battery}%` : ''}` : 'Paired') : 'Tap to pair';
  return html`<div class="row" data-id="bt-${d.id}" data-tap="btTap" data-arg="${d.id}">
    <div class="row-ic">${icon(BT_ICON[d.kind], 24)}</div>
    <div class="row-main"><div class="row-t">${d.name}</div><div class="row-s">${sub}</div></div>
    ${d.paired ? html`<div class="bar-btn" data-id="bt-gear-${d.id}" data-tap="btDetail" data-arg="${d.id}" aria-label="${d.name} settings">${icon('gear', 22)}</div>` : ''}
  </div>`;
}

export function bluetoothScreen(c: V): Raw {
  const s = c.s;
  const paired = s.btDevices.filter((d) => d.paired);
  const avail = s.btDevices.filter((d) => !d.paired);
  return html`<div class="scr">${appBar('Bluetooth', { back: true })}<div class="scroll" data-scroll="main">
    <div class="card"><div class="row master"><div class="row-main"><div class="row-t">Use Bluetooth</div></div>${sw(s.bluetooth, 'bt-switch', 'toggleBt', '', 'Bluetooth')}</div></div>
    ${s.bluetooth
      ? html`<div class="card">${row({ title: 'Device name', sub: s.about.deviceName })}</div>
        ${sectionTitle('Paired devices')}<div class="card" data-id="paired-list">${paired.length ? paired.map(btRow) : html`<div class="empty">No paired devices</div>`}</div>
        ${sectionTitle('Available devices')}<div class="card" data-id="available-list">${avail.map(btRow)}</div>
        <div class="hint">Phone is visible to nearby devices as "${s.about.deviceName}" while Bluetooth settings is open.</div>`
      : html`<div class="card">${sectionTitle('Paired devices')}${paired.map((d) => row({ icon: BT_ICON[d.kind], title: d.name, sub: 'Paired' }))}</div>
        <div class="empty">Bluetooth is off. Turn it on to connect to devices.</div>`}
  </div></div>`;
}

export function btDetailScreen(c: V): Raw {
  const d = c.s.btDevices.find((x) => x.id === c.screen.params?.id);
  if (!d) return html`<div class="scr">${appBar('Device details', { back: true })}<div class="empty">Device not found</div></div>`;
  return html`<div class="scr">${appBar('Device details', { back: true })}<div class="scroll" data-scroll="main">
    <div class="hero">${icon(BT_ICON[d.kind], 48)}<div class="hero-t">${d.name}</div><div class="hero-s">${d.connected ? 'Connected' : 'Paired'}</div></div>
    <div class="pair-btns">
      <div class="pbtn" data-id="bt-forget" data-tap="btForget" data-arg="${d.id}">${icon('trash', 22)}<span>Forget</span></div>
      <div class="pbtn" data-id="bt-toggle-conn" data-tap="btTap" data-arg="${d.id}">${icon('bluetooth', 22)}<span>${d.connected ? 'Disconnect' : 'Connect'}</span></div>
    </div>
    <div class="card">${row({ title: 'Calls', sub: d.kind === 'laptop' ? 'Not supported' : 'Phone audio' })}${row({ title: 'Media audio', sub: 'Enabled' })}${d.battery !== undefined ? row({ title: 'Battery', sub: `${d.battery}%` }) : ''}</div>
    <div class="hint">Bluetooth address: ${btAddr(d.id + d.name)}</div>
  </div></div>`;
}

function btAddr(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return Array.from({ length: 6 }, (_, i) => ((h >>> ((i * 5) % 24)) & 0xff).toString(16).toUpperCase().padStart(2, '0')).join(':');
}
