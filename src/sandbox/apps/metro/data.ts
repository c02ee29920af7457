/** Metro app state: line status (seeded disruptions), the route being planned, recents, saved. */
import type { Rng } from '../../../core/random.js';
import { LANDMARKS, LINES, STATIONS, station, type Station } from './network.js';
import type { LineStatus } from './route.js';

export interface Landmark {
  id: string;
  name: string;
  en: string;
  x: number;
  y: number;
}

export interface Trip {
  from: string;
  to: string;
}

export interface MetroState {
  status: Record<string, LineStatus>;
  from: string | null;
  to: string | null;
  /** Lines the user chose to avoid on the result screen. */
  avoid: string[];
  recent: Trip[];
  saved: Trip[];
  places: Landmark[];
}

const DELAY_NOTES = ['信号故障 Signal fault', '大客流 Heavy passenger flow', '列车故障 Train fault'];
const SUSPEND_NOTES = ['设备故障，区间停运 Equipment failure, section closed', '线路施工 Engineering works'];

export function seedMetro(rng: Rng): MetroState {
  const status: Record<string, LineStatus> = {};
  for (const l of LINES) status[l.id] = { level: 'normal' };
  const n = rng.pick([0, 1, 1, 2]);
  for (const l of rng.shuffle(LINES).slice(0, n)) {
    if (rng.chance(0.6)) {
      status[l.id] = { level: 'delay', delay: rng.pick([5, 8, 10, 15]), note: rng.pick(DELAY_NOTES) };
    } else {
      // Close 3 stations near one end, so the line still runs elsewhere.
      const atStart = rng.chance(0.5);
      const k = l.stations.length;
      const [a, b] = atStart ? [0, 2] : [k - 3, k - 1];
      status[l.id] = { level: 'suspended', from: l.stations[a], to: l.stations[b], note: rng.pick(SUSPEND_NOTES) };
    }
  }
  const pick = () => rng.pick(STATIONS).id;
  const recent: Trip[] = [];
  while (recent.length < 4) {
    const t = { from: pick(), to: pick() };
    if (t.from !== t.to) recent.push(t);
  }
  const places = LANDMARKS.map(([id, name, en, x, y]) => ({ id, name, en, x: x + (rng.next() - 0.5) * 0.2, y: y + (rng.next() - 0.5) * 0.2 }));
  return { status, from: null, to: null, avoid: [], recent, saved: [], places };
}

export function disrupted(s: MetroState): string[] {
  return LINES.filter((l) => s.status[l.id].level !== 'normal').map((l) => l.id);
}

export interface Nearby {
  station: Station;
  metres: number;
  walkMin: number;
}

/** Stations nearest a landmark, closest first, with walking distance. */
export function nearestStations(s: MetroState, placeId: string, n = 3): Nearby[] {
  const p = s.places.find((x) => x.id === placeId);
  if (!p) throw new Error(`metro: unknown place "${placeId}"`);
  return STATIONS.map((st) => {
    const metres = Math.round((Math.hypot(st.x - p.x, st.y - p.y) * 1.25 * 1000) / 10) * 10;
    return { station: st, metres, walkMin: Math.max(1, Math.round(metres / 80)) };
  })
    .sort((a, b) => a.metres - b.metres || a.station.id.localeCompare(b.station.id))
    .slice(0, n);
}

/** Stations whose Chinese or English name contains the query. */
export function searchStations(q: string): Station[] {
  const k = q.trim().toLowerCase();
  if (!k) return STATIONS.slice();
  // Station ids are pinyin-like, so "renmin" finds 人民广场 as in real metro apps.
  return STATIONS.filter((s) => s.name.includes(k) || s.en.toLowerCase().includes(k) || s.id.includes(k));
}

export function stationNames(id: string): string[] {
  const s = station(id);
  return [s.name, s.en];
}
