/** Route planning on the metro network: fastest or fewest-transfer routes, honouring disruptions. */
import { LINES, line, segmentKm, segmentMin, station } from './network.js';

export interface LineStatus {
  level: 'normal' | 'delay' | 'suspended';
  /** Extra minutes when boarding a delayed line. */
  delay?: number;
  /** Suspended section (station ids on the line, inclusive). */
  from?: string;
  to?: string;
  note?: string;
}

export interface Leg {
  line: string;
  from: string;
  to: string;
  stops: number;
  minutes: number;
}

export interface Route {
  legs: Leg[];
  transfers: number;
  minutes: number;
  km: number;
  fare: number;
}

/** Minutes to change lines inside a station. */
export const TRANSFER_MIN = 5;

/** Distance-based fare: ¥3 up to 6 km, ¥4 up to 16 km, then ¥1 per further 10 km. */
export function fareFor(km: number): number {
  if (km <= 6) return 3;
  if (km <= 16) return 4;
  return 4 + Math.ceil((km - 16) / 10);
}

function suspended(status: Record<string, LineStatus>, lineId: string, a: number, b: number): boolean {
  const st = status[lineId];
  if (st?.level !== 'suspended' || !st.from || !st.to) return false;
  const l = line(lineId);
  const i = l.stations.indexOf(st.from);
  const j = l.stations.indexOf(st.to);
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  return Math.min(a, b) >= lo && Math.max(a, b) <= hi;
}

/**
 * Best route from -> to. mode 'fastest' minimises minutes; 'fewest' minimises transfers first.
 * Suspended sections are never used; delayed lines cost their delay on boarding; `avoid` lines
 * are left out. Null when no route exists.
 */
export function planRoute(from: string, to: string, status: Record<string, LineStatus>, avoid: readonly string[] = [], mode: 'fastest' | 'fewest' = 'fastest'): Route | null {
  station(from);
  station(to);
  if (from === to) return null;
  const lines = LINES.filter((l) => !avoid.includes(l.id));
  const penalty = mode === 'fewest' ? 60 : 0;
  const board = (l: string) => (status[l]?.level === 'delay' ? status[l].delay ?? 0 : 0);
  type Node = { st: string; line: string };
  const key = (n: Node) => `${n.st}@${n.line}`;
  const dist = new Map<string, number>();
  const prev = new Map<string, string | null>();
  const nodes = new Map<string, Node>();
  const open: string[] = [];
  const relax = (n: Node, d: number, from: string | null) => {
    const k = key(n);
    if (dist.has(k) && dist.get(k)! <= d) return;
    dist.set(k, d);
    prev.set(k, from);
    nodes.set(k, n);
    open.push(k);
  };
  for (const l of lines) if (l.stations.includes(from)) relax({ st: from, line: l.id }, board(l.id), null);
  const done = new Set<string>();
  let best: string | null = null;
  while (open.length) {
    let bi = 0;
    for (let i = 1; i < open.length; i++) if (dist.get(open[i])! < dist.get(open[bi])!) bi = i;
    const k = open.splice(bi, 1)[0];
    if (done.has(k)) continue;
    done.add(k);
    const n = nodes.get(k)!;
    const d = dist.get(k)!;
    if (n.st === to) { best = k; break; }
    const l = line(n.line);
    const i = l.stations.indexOf(n.st);
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= l.stations.length || suspended(status, l.id, i, j)) continue;
      relax({ st: l.stations[j], line: l.id }, d + segmentMin(n.st, l.stations[j]), k);
    }
    for (const o of lines) {
      if (o.id !== l.id && o.stations.includes(n.st)) relax({ st: n.st, line: o.id }, d + TRANSFER_MIN + penalty + board(o.id), k);
    }
  }
  if (!best) return null;
  const path: Node[] = [];
  for (let k: string | null = best; k; k = prev.get(k) ?? null) path.unshift(nodes.get(k)!);
  const legs: Leg[] = [];
  let km = 0;
  let minutes = 0;
  for (let p = 0; p < path.length; p++) {
    const n = path[p];
    const leg = legs[legs.length - 1];
    if (!leg || leg.line !== n.line) {
      if (leg) minutes += TRANSFER_MIN;
      minutes += board(n.line);
      legs.push({ line: n.line, from: n.st, to: n.st, stops: 0, minutes: 0 });
      continue;
    }
    const m = segmentMin(leg.to, n.st);
    km += segmentKm(leg.to, n.st);
    leg.minutes += m;
    minutes += m;
    leg.stops++;
    leg.to = n.st;
  }
  // Optimal paths never change lines at the origin or destination, so every leg has stops.
  const real = legs;
  km = Math.round(km * 10) / 10;
  return { legs: real, transfers: real.length - 1, minutes, km, fare: fareFor(km) };
}
