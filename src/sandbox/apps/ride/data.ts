/** Ride-hailing data: places with map coordinates, car classes, fares, drivers and trips. */
import type { Rng } from '../../../core/random.js';

export type ClassId = 'express' | 'comfort' | 'premium' | 'xl';

export interface Place {
  id: string;
  name: string;
  en: string;
  addr: string;
  /** Kilometres east / north of People's Square. */
  x: number;
  y: number;
}

export interface CarClass {
  id: ClassId;
  name: string;
  en: string;
  seats: number;
  base: number;
  perKm: number;
  perMin: number;
  min: number;
}

export interface Driver {
  name: string;
  car: string;
  colour: string;
  plate: string;
  rating: number;
  trips: number;
  cls: ClassId;
}

export interface Trip {
  id: string;
  pickup: string;
  dest: string;
  cls: ClassId;
  fare: number;
  km: number;
  minutes: number;
  status: 'active' | 'completed' | 'cancelled';
  /** Local time "2026-11-24 18:32". */
  time: string;
  driver: Driver;
  /** Driver's minutes away when booked. */
  eta: number;
  reason?: string;
}

export interface RideState {
  places: Place[];
  home: string;
  work: string;
  /** Where the phone is now: the default pickup. */
  current: string;
  pickup: string;
  dest: string | null;
  cls: ClassId;
  /** Seeded traffic factor on trip durations. */
  traffic: number;
  drivers: Driver[];
  trips: Trip[];
  nextId: number;
}

export const CLASSES: CarClass[] = [
  { id: 'express', name: '快车', en: 'Express', seats: 4, base: 14, perKm: 2.5, perMin: 0.45, min: 16 },
  { id: 'comfort', name: '优享', en: 'Comfort', seats: 4, base: 16, perKm: 3.1, perMin: 0.55, min: 20 },
  { id: 'premium', name: '专车', en: 'Premium', seats: 4, base: 22, perKm: 4.2, perMin: 0.9, min: 32 },
  { id: 'xl', name: '六座商务', en: 'XL', seats: 6, base: 25, perKm: 4.6, perMin: 0.8, min: 36 },
];

export const CANCEL_REASONS = [
  '司机太远了 Driver is too far away',
  '行程有变 Change of plans',
  '司机要求取消 Driver asked me to cancel',
  '等待时间太长 Waited too long',
  '叫错车型 Booked the wrong car class',
];

type P = [id: string, name: string, en: string, addr: string, x: number, y: number];
const PLACES: P[] = [
  ['rmgc', '人民广场地铁站 2号口', "People's Square Station Exit 2", '黄浦区 人民大道 120号', 0, 0],
  ['pvg2', '浦东国际机场 T2航站楼', 'Pudong Airport T2', '浦东新区 迎宾大道 6000号', 30, -8],
  ['pvg1', '浦东国际机场 T1航站楼', 'Pudong Airport T1', '浦东新区 迎宾大道 6000号', 29.4, -7.4],
  ['hqrs', '虹桥火车站', 'Hongqiao Railway Station', '闵行区 申贵路 1500号', -16, -1],
  ['sha2', '虹桥机场 T2航站楼', 'Hongqiao Airport T2', '长宁区 申达一路', -15, -1.3],
  ['shrs', '上海火车站', 'Shanghai Railway Station', '静安区 秣陵路 303号', -0.6, 2.5],
  ['shns', '上海南站', 'Shanghai South Railway Station', '徐汇区 沪闵路 9001号', -5, -7],
  ['bund', '外滩', 'The Bund', '黄浦区 中山东一路', 1.5, 0.5],
  ['opt', '东方明珠', 'Oriental Pearl Tower', '浦东新区 世纪大道 1号', 2.6, 0.7],
  ['ifc', '国金中心商场', 'IFC Mall', '浦东新区 世纪大道 8号', 2.8, 0.3],
  ['jat', '静安寺', "Jing'an Temple", '静安区 南京西路 1686号', -3.5, 0.2],
  ['xjh', '徐家汇 港汇恒隆广场', 'Xujiahui Grand Gateway', '徐汇区 虹桥路 1号', -5, -4.5],
  ['xtd', '新天地', 'Xintiandi', '黄浦区 马当路 245号', -0.6, -1.5],
  ['tzf', '田子坊', 'Tianzifang', '黄浦区 泰康路 210弄', -1.8, -2.8],
  ['yug', '豫园', 'Yu Garden', '黄浦区 福佑路 168号', 1.5, -0.8],
  ['dsn', '上海迪士尼度假区', 'Shanghai Disney Resort', '浦东新区 申迪西路 753号', 20, -10],
  ['fdu', '复旦大学 邯郸校区', 'Fudan University', '杨浦区 邯郸路 220号', 3, 9],
  ['sjtu', '上海交通大学 徐汇校区', 'SJTU Xuhui Campus', '徐汇区 华山路 1954号', -4.6, -3.8],
  ['zsp', '中山公园', 'Zhongshan Park', '长宁区 长宁路 780号', -6.5, 0.5],
  ['cpk', '世纪公园', 'Century Park', '浦东新区 锦绣路 1001号', 7.5, -2],
  ['wjc', '五角场 万达广场', 'Wujiaochang Wanda Plaza', '杨浦区 邯郸路 600号', 4, 8],
  ['stad', '上海体育场', 'Shanghai Stadium', '徐汇区 天钥桥路 666号', -4.5, -6],
  ['qtl', '前滩太古里', 'Qiantan Taikoo Li', '浦东新区 东育路 500号', 3, -9],
  ['mus', '上海博物馆', 'Shanghai Museum', '黄浦区 人民大道 201号', 0, -0.3],
  ['p66', '恒隆广场', 'Plaza 66', '静安区 南京西路 1266号', -2, 0.3],
  ['cfp', '长风公园', 'Changfeng Park', '普陀区 大渡河路 189号', -7, 2.5],
  ['qb', '七宝古镇', 'Qibao Old Town', '闵行区 青年路 42号', -14, -6],
  ['zoo', '上海动物园', 'Shanghai Zoo', '长宁区 虹桥路 2381号', -13, -2],
  ['ghb', '环球港', 'Global Harbor', '普陀区 中山北路 3300号', -5.5, 2],
  ['gub', '古北新区 黄金城道', 'Gubei Golden Street', '长宁区 黄金城道 600弄', -9, -2],
  ['byc', '碧云国际社区', 'Biyun International Community', '浦东新区 碧云路 199弄', 10, 1],
  ['vkc', '万科城市花园', 'Vanke City Garden', '闵行区 七莘路 2088弄', -12, -5],
  ['ylr', '仁恒滨江园', 'Yanlord Riverside Garden', '浦东新区 潍坊西路 2弄', 2, -1.8],
  ['zylw', '中远两湾城', 'Zhongyuan Liangwan City', '普陀区 远景路 97弄', -2, 3],
  ['stw', '上海中心大厦', 'Shanghai Tower', '浦东新区 银城中路 501号', 2.9, 0],
  ['krc', '静安嘉里中心', "Jing'an Kerry Centre", '静安区 南京西路 1515号', -3, 0.3],
  ['chj', '漕河泾开发区 宏业大厦', 'Caohejing Hi-Tech Park', '徐汇区 桂平路 391号', -7, -7],
  ['zjp', '张江高科技园区', 'Zhangjiang Hi-Tech Park', '浦东新区 祖冲之路 2288号', 12, -5],
];
const HOMES = ['gub', 'byc', 'vkc', 'ylr', 'zylw'];
const WORKS = ['stw', 'krc', 'chj', 'zjp'];
const CURRENT = ['rmgc', 'xtd', 'jat', 'bund', 'p66'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱'];
const CARS: Record<ClassId, [string, string][]> = {
  express: [['比亚迪 秦PLUS', '白色'], ['大众 朗逸', '银色'], ['丰田 卡罗拉', '白色'], ['吉利 帝豪', '蓝色']],
  comfort: [['大众 帕萨特', '黑色'], ['丰田 凯美瑞', '白色'], ['特斯拉 Model 3', '灰色'], ['本田 雅阁', '黑色']],
  premium: [['奔驰 E级', '黑色'], ['宝马 5系', '黑色'], ['奥迪 A6L', '黑色']],
  xl: [['别克 GL8', '灰色'], ['理想 L8', '绿色'], ['丰田 赛那', '白色']],
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function jitter(rng: Rng): number {
  return round1((rng.next() - 0.5) * 0.6);
}

function plate(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMN';
  let s = '';
  for (let i = 0; i < 5; i++) s += i === 0 && rng.chance(0.5) ? letters[rng.int(0, letters.length - 1)] : String(rng.int(0, 9));
  return `沪${rng.pick(['A', 'B', 'D', 'E'])}·${s}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function seedRide(rng: Rng): RideState {
  const places: Place[] = PLACES.map(([id, name, en, addr, x, y]) => ({ id, name, en, addr, x: round1(x + jitter(rng)), y: round1(y + jitter(rng)) }));
  const drivers: Driver[] = [];
  for (const c of CLASSES) {
    for (let i = 0; i < 4; i++) {
      const [car, colour] = rng.pick(CARS[c.id]);
      drivers.push({ name: `${rng.pick(SURNAMES)}师傅`, car, colour, plate: plate(rng), rating: round1(4.6 + rng.next() * 0.4), trips: rng.int(300, 9000), cls: c.id });
    }
  }
  const s: RideState = {
    places, home: rng.pick(HOMES), work: rng.pick(WORKS), current: rng.pick(CURRENT), pickup: '', dest: null, cls: 'express',
    traffic: round1(1 + rng.next() * 0.4), drivers, trips: [], nextId: 1,
  };
  s.pickup = s.current;
  // Past trips, oldest first; the newest is on 2026-11-25.
  const n = rng.int(6, 9);
  for (let i = 0; i < n; i++) {
    const from = rng.pick([s.home, s.work, s.current, rng.pick(places).id]);
    let to = rng.pick(places).id;
    if (to === from) to = from === s.home ? s.work : s.home;
    const cls = rng.pick(['express', 'express', 'comfort', 'premium', 'xl'] as ClassId[]);
    const day = 25 - (n - 1 - i) * 2 - rng.int(0, 1);
    const time = `2026-11-${pad(day)} ${pad(rng.int(7, 22))}:${pad(rng.int(0, 59))}`;
    const status = rng.chance(0.15) ? 'cancelled' : 'completed';
    addTrip(s, from, to, cls, status, time);
    if (status === 'cancelled') s.trips[s.trips.length - 1].reason = rng.pick(CANCEL_REASONS);
  }
  return s;
}

export function place(s: RideState, id: string): Place {
  const p = s.places.find((q) => q.id === id);
  if (!p) throw new Error(`ride: unknown place "${id}"`);
  return p;
}

export function classById(id: string): CarClass {
  const c = CLASSES.find((k) => k.id === id);
  if (!c) throw new Error(`ride: unknown car class "${id}"`);
  return c;
}

/** Road distance in km (straight line times a detour factor, plus getting out of the block). */
export function distanceKm(s: RideState, from: string, to: string): number {
  const a = place(s, from);
  const b = place(s, to);
  return round1(Math.hypot(a.x - b.x, a.y - b.y) * 1.35 + 0.8);
}

export function durationMin(s: RideState, from: string, to: string): number {
  return Math.round((distanceKm(s, from, to) / 28) * 60 * s.traffic + 4);
}

/** Estimated fare in whole yuan, the number the confirm screen shows and verifiers use. */
export function fare(s: RideState, from: string, to: string, cls: ClassId): number {
  const c = classById(cls);
  const raw = c.base + c.perKm * distanceKm(s, from, to) + c.perMin * durationMin(s, from, to);
  return Math.round(Math.max(c.min, raw));
}

export function driverFor(s: RideState, cls: ClassId): Driver {
  const pool = s.drivers.filter((d) => d.cls === cls);
  return pool[s.nextId % pool.length];
}

export function addTrip(s: RideState, from: string, to: string, cls: ClassId, status: Trip['status'], time: string): Trip {
  const trip: Trip = {
    id: `T${1000 + s.nextId}`, pickup: from, dest: to, cls, fare: fare(s, from, to, cls), km: distanceKm(s, from, to),
    minutes: durationMin(s, from, to), status, time, driver: driverFor(s, cls), eta: 2 + (s.nextId * 3) % 7,
  };
  s.nextId++;
  s.trips.push(trip);
  return trip;
}

export function activeTrip(s: RideState): Trip | undefined {
  return s.trips.find((t) => t.status === 'active');
}

/** Places whose Chinese name, English name or address contains the query (case-insensitive). */
export function searchPlaces(s: RideState, q: string): Place[] {
  const k = q.trim().toLowerCase();
  if (!k) return [];
  return s.places.filter((p) => p.name.toLowerCase().includes(k) || p.en.toLowerCase().includes(k) || p.addr.toLowerCase().includes(k));
}
