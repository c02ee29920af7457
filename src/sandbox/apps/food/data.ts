/** Food-delivery data: restaurants with menus and item options, carts, orders, addresses. */
import type { Rng } from '../../../core/random.js';

export type CuisineId = 'sichuan' | 'cantonese' | 'noodles' | 'burgers' | 'pizza' | 'japanese' | 'tea' | 'dumplings';

export interface Addon { key: string; zh: string; en: string; price: number }

export interface Item {
  id: string;
  zh: string;
  en: string;
  price: number;
  sales: number;
  desc: string;
  /** Extra for the large size, when the item comes in two sizes. */
  large?: number;
  spicy?: boolean;
  addons?: Addon[];
}

export interface MenuSection { zh: string; en: string; items: Item[] }

export interface Restaurant {
  id: string;
  zh: string;
  en: string;
  cuisine: CuisineId;
  rating: number;
  monthSales: number;
  /** Delivery time in minutes. */
  time: number;
  fee: number;
  packing: number;
  minOrder: number;
  km: number;
  open: boolean;
  opensAt: string;
  menu: MenuSection[];
}

export interface CartLine {
  item: string;
  qty: number;
  size: 'regular' | 'large';
  spice: SpiceKey | '';
  addons: string[];
  /** Price of one, options included. */
  unit: number;
}

export type SpiceKey = 'none' | 'mild' | 'medium' | 'hot';
export const SPICE: Record<SpiceKey, string> = { none: '不辣 Not spicy', mild: '微辣 Mild', medium: '中辣 Medium', hot: '特辣 Extra hot' };

export interface FoodOrder {
  id: string;
  rid: string;
  lines: CartLine[];
  address: string;
  subtotal: number;
  fee: number;
  packing: number;
  total: number;
  status: 'preparing' | 'delivering' | 'delivered';
  placed: string;
  /** "HH:MM" the food should arrive. */
  eta: string;
  rider: string;
}

export interface FoodState {
  restaurants: Restaurant[];
  addresses: { id: string; label: string; addr: string }[];
  address: string;
  carts: Record<string, CartLine[]>;
  orders: FoodOrder[];
  cuisine: CuisineId | null;
  sort: 'default' | 'rating' | 'time' | 'fee';
  /** Options being chosen for one item. */
  pick: { rid: string; item: string; size: 'regular' | 'large'; spice: SpiceKey | ''; addons: string[]; qty: number } | null;
  /** Address chosen on the checkout screen. */
  checkoutAddress: string;
  nextOrder: number;
}

export const CUISINES: Record<CuisineId, [zh: string, en: string]> = {
  sichuan: ['川菜', 'Sichuan'], cantonese: ['粤菜', 'Cantonese'], noodles: ['面食', 'Noodles'], burgers: ['汉堡', 'Burgers'],
  pizza: ['披萨', 'Pizza'], japanese: ['日料', 'Japanese'], tea: ['奶茶', 'Milk tea'], dumplings: ['饺子', 'Dumplings'],
};

type D = [zh: string, en: string, price: number, section: 0 | 1 | 2, opts: string];
// opts: L = large size, S = spice choice, A = the cuisine's add-ons.
const DISHES: Record<CuisineId, D[]> = {
  sichuan: [['宫保鸡丁', 'Kung Pao Chicken', 28, 0, 'LSA'], ['麻婆豆腐', 'Mapo Tofu', 18, 0, 'LSA'], ['水煮牛肉', 'Boiled Beef in Chili Oil', 42, 0, 'LS'], ['鱼香肉丝', 'Yu Xiang Shredded Pork', 26, 0, 'SA'], ['回锅肉', 'Twice-Cooked Pork', 32, 0, 'S'], ['辣子鸡', 'Chongqing Chili Chicken', 38, 0, 'LS'], ['米饭', 'Steamed Rice', 2, 1, ''], ['酸梅汤', 'Sour Plum Drink', 6, 2, '']],
  cantonese: [['虾饺皇', 'Shrimp Dumplings (Har Gow)', 32, 0, ''], ['蜜汁叉烧', 'Honey BBQ Pork (Char Siu)', 38, 0, 'L'], ['烧鹅饭', 'Roast Goose Rice', 36, 1, 'A'], ['干炒牛河', 'Beef Chow Fun', 32, 1, 'L'], ['白切鸡', 'White Cut Chicken', 48, 0, 'L'], ['宫保鸡丁', 'Kung Pao Chicken', 30, 0, 'S'], ['柠檬茶', 'Lemon Tea', 12, 2, '']],
  noodles: [['牛肉拉面', 'Beef Hand-Pulled Noodles', 22, 0, 'LSA'], ['葱油拌面', 'Scallion Oil Noodles', 16, 0, 'LA'], ['番茄鸡蛋面', 'Tomato Egg Noodles', 18, 0, 'LA'], ['红烧牛肉面', 'Braised Beef Noodles', 28, 0, 'LSA'], ['凉皮', 'Cold Skin Noodles', 14, 1, 'S'], ['卤蛋', 'Marinated Egg', 3, 1, ''], ['冰红茶', 'Iced Black Tea', 5, 2, '']],
  burgers: [['经典牛肉堡', 'Classic Beef Burger', 32, 0, 'A'], ['香辣鸡腿堡', 'Spicy Chicken Burger', 24, 0, 'A'], ['双层芝士堡', 'Double Cheeseburger', 39, 0, 'A'], ['薯条', 'French Fries', 12, 1, 'L'], ['鸡块', 'Chicken Nuggets', 15, 1, 'L'], ['可乐', 'Cola', 8, 2, 'L']],
  pizza: [['玛格丽特披萨', 'Margherita Pizza', 58, 0, 'LA'], ['意式香肠披萨', 'Pepperoni Pizza', 68, 0, 'LA'], ['夏威夷披萨', 'Hawaiian Pizza', 66, 0, 'LA'], ['肉酱意面', 'Spaghetti Bolognese', 42, 1, ''], ['烤鸡翅', 'Roasted Chicken Wings', 32, 1, 'S'], ['提拉米苏', 'Tiramisu', 28, 2, '']],
  japanese: [['三文鱼寿司拼盘', 'Salmon Sushi Platter', 68, 0, 'L'], ['豚骨拉面', 'Tonkotsu Ramen', 42, 0, 'SA'], ['鳗鱼饭', 'Unagi Rice Bowl', 58, 0, 'L'], ['照烧鸡排饭', 'Teriyaki Chicken Rice', 36, 0, 'LA'], ['味噌汤', 'Miso Soup', 8, 1, ''], ['抹茶拿铁', 'Matcha Latte', 22, 2, '']],
  tea: [['珍珠奶茶', 'Bubble Milk Tea', 15, 0, 'LA'], ['杨枝甘露', 'Mango Pomelo Sago', 19, 0, 'LA'], ['柠檬绿茶', 'Lemon Green Tea', 12, 0, 'L'], ['芝士葡萄', 'Cheese Foam Grape Tea', 22, 0, 'LA'], ['椰椰芒芒', 'Coconut Mango Smoothie', 18, 0, 'L'], ['蛋挞', 'Egg Tart', 8, 1, '']],
  dumplings: [['猪肉白菜水饺', 'Pork & Cabbage Dumplings', 22, 0, 'LA'], ['三鲜水饺', 'Three Delicacies Dumplings', 28, 0, 'LA'], ['鲜肉生煎', 'Pan-Fried Pork Buns', 16, 0, 'L'], ['酸汤水饺', 'Dumplings in Sour Soup', 26, 0, 'SA'], ['拍黄瓜', 'Smashed Cucumber', 10, 1, 'S'], ['豆浆', 'Soy Milk', 5, 2, '']],
};

const ADDONS: Record<CuisineId, Addon[]> = {
  sichuan: [{ key: 'rice', zh: '加米饭', en: 'Extra rice', price: 2 }, { key: 'peanut', zh: '加花生', en: 'Extra peanuts', price: 3 }],
  cantonese: [{ key: 'egg', zh: '加煎蛋', en: 'Fried egg', price: 4 }],
  noodles: [{ key: 'egg', zh: '加卤蛋', en: 'Marinated egg', price: 3 }, { key: 'beef', zh: '加牛肉', en: 'Extra beef', price: 8 }],
  burgers: [{ key: 'cheese', zh: '加芝士', en: 'Cheese', price: 4 }, { key: 'bacon', zh: '加培根', en: 'Bacon', price: 6 }],
  pizza: [{ key: 'cheese', zh: '加芝士', en: 'Extra cheese', price: 8 }],
  japanese: [{ key: 'egg', zh: '加溏心蛋', en: 'Soft-boiled egg', price: 5 }],
  tea: [{ key: 'pearl', zh: '加珍珠', en: 'Tapioca pearls', price: 2 }, { key: 'coco', zh: '加椰果', en: 'Coconut jelly', price: 2 }],
  dumplings: [{ key: 'vinegar', zh: '加醋包', en: 'Extra vinegar', price: 1 }, { key: 'chili', zh: '加辣油', en: 'Chili oil', price: 1 }],
};

const SECTIONS: [string, string][] = [['招牌热卖', 'Signature'], ['主食小吃', 'Staples & sides'], ['饮品甜点', 'Drinks & desserts']];

type R = [zh: string, en: string, cuisine: CuisineId];
const RESTAURANTS: R[] = [
  ['蜀香园川菜馆', 'Shu Xiang Yuan Sichuan', 'sichuan'], ['老成都家常菜', 'Old Chengdu Kitchen', 'sichuan'], ['川味小馆', 'Chuan Wei Bistro', 'sichuan'],
  ['点都德茶楼', 'Dian Dou De Dim Sum', 'cantonese'], ['粤味烧腊', 'Canton BBQ House', 'cantonese'],
  ['兰州牛肉拉面', 'Lanzhou Beef Noodles', 'noodles'], ['和府捞面', 'Hefu Noodles', 'noodles'], ['老上海葱油面', 'Old Shanghai Noodle Bar', 'noodles'],
  ['汉堡工坊', 'Burger Workshop', 'burgers'], ['麦乐堡', 'McLe Burger', 'burgers'],
  ['必胜披萨屋', 'Pizza Palace', 'pizza'], ['意式小厨', 'Little Italy Kitchen', 'pizza'],
  ['鮨一寿司', 'Sushi Ichi', 'japanese'], ['味千拉面', 'Ajisen Ramen', 'japanese'],
  ['茶语时光', 'Tea Time', 'tea'], ['柠檬工坊', 'Lemon Lab', 'tea'],
  ['喜家德水饺', 'Xijiade Dumplings', 'dumplings'], ['小杨生煎', "Yang's Fried Dumplings", 'dumplings'],
];

const RIDERS = ['张师傅', '李师傅', '王师傅', '刘师傅', '陈师傅', '赵师傅'];

export function seedFood(rng: Rng): FoodState {
  const restaurants: Restaurant[] = RESTAURANTS.map(([zh, en, cuisine], i) => {
    const pool = DISHES[cuisine];
    const mains = pool.filter((d) => d[3] === 0);
    // Every restaurant keeps most signature dishes and all sides, so menus overlap but differ.
    const keep = [...rng.shuffle(mains).slice(0, Math.max(3, mains.length - rng.int(0, 1))), ...pool.filter((d) => d[3] !== 0)];
    const menu: MenuSection[] = SECTIONS.map(([sz, se]) => ({ zh: sz, en: se, items: [] }));
    pool.forEach((d, k) => {
      if (!keep.includes(d)) return;
      const [dz, de, base, sec, opts] = d;
      const item: Item = {
        id: `r${i + 1}i${k + 1}`, zh: dz, en: de, price: base + rng.int(-2, 4), sales: rng.int(20, 2400), desc: `${CUISINES[cuisine][0]} · ${de}`,
      };
      if (opts.includes('L')) item.large = rng.pick([4, 5, 6, 8]);
      if (opts.includes('S')) item.spicy = true;
      if (opts.includes('A')) item.addons = ADDONS[cuisine];
      menu[sec].items.push(item);
    });
    const open = !rng.chance(0.2);
    return {
      id: `r${i + 1}`, zh, en, cuisine, rating: Math.round((4 + rng.next() * 0.95) * 10) / 10, monthSales: rng.int(300, 9999),
      time: rng.int(18, 52), fee: rng.pick([0, 0, 1, 2, 3, 3.5, 4, 5]), packing: rng.pick([1, 1, 2, 2, 3]), minOrder: rng.pick([15, 20, 20, 25]),
      km: Math.round((0.4 + rng.next() * 4.5) * 10) / 10, open, opensAt: open ? '' : rng.pick(['10:30', '11:00', '16:30', '17:00']), menu: menu.filter((m) => m.items.length),
    };
  });
  const s: FoodState = {
    restaurants,
    addresses: [
      { id: 'home', label: '家 Home', addr: '长宁区 黄金城道 600弄 12号 1702室' },
      { id: 'office', label: '公司 Office', addr: '浦东新区 银城中路 501号 上海中心大厦 36F 前台' },
    ],
    address: 'home', carts: {}, orders: [], cuisine: null, sort: 'default', pick: null, checkoutAddress: 'home', nextOrder: 1,
  };
  // Past orders, delivered.
  for (let i = 0; i < rng.int(2, 4); i++) {
    const r = rng.pick(restaurants.filter((x) => x.open));
    const it = rng.pick(r.menu[0].items);
    const line: CartLine = { item: it.id, qty: rng.int(1, 2), size: 'regular', spice: it.spicy ? rng.pick(['mild', 'medium'] as SpiceKey[]) : '', addons: [], unit: it.price };
    const o = placeOrder(s, r.id, [line], rng.pick(['home', 'office']), `2026-11-${String(18 + i * 2).padStart(2, '0')} ${rng.int(11, 19)}:${String(rng.int(10, 59))}`);
    o.status = 'delivered';
  }
  return s;
}

export function restaurant(s: FoodState, id: string): Restaurant {
  const r = s.restaurants.find((x) => x.id === id);
  if (!r) throw new Error(`food: unknown restaurant "${id}"`);
  return r;
}

export function items(r: Restaurant): Item[] {
  return r.menu.flatMap((m) => m.items);
}

export function findItem(s: FoodState, id: string): { r: Restaurant; item: Item } {
  for (const r of s.restaurants) {
    const item = items(r).find((x) => x.id === id);
    if (item) return { r, item };
  }
  throw new Error(`food: unknown item "${id}"`);
}

export function unitPrice(item: Item, size: 'regular' | 'large', addons: string[]): number {
  const extra = (item.addons ?? []).filter((a) => addons.includes(a.key)).reduce((n, a) => n + a.price, 0);
  return item.price + (size === 'large' ? item.large ?? 0 : 0) + extra;
}

export function cartTotals(s: FoodState, rid: string): { count: number; subtotal: number; fee: number; packing: number; total: number } {
  const r = restaurant(s, rid);
  const lines = s.carts[rid] ?? [];
  const count = lines.reduce((n, l) => n + l.qty, 0);
  const subtotal = lines.reduce((n, l) => n + l.unit * l.qty, 0);
  const packing = count ? r.packing : 0;
  const fee = count ? r.fee : 0;
  return { count, subtotal, fee, packing, total: Math.round((subtotal + fee + packing) * 100) / 100 };
}

function addMinutes(hhmm: string, min: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + min;
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export function placeOrder(s: FoodState, rid: string, lines: CartLine[], address: string, placed: string): FoodOrder {
  const r = restaurant(s, rid);
  const prev = s.carts[rid];
  s.carts[rid] = lines;
  const t = cartTotals(s, rid);
  if (prev) s.carts[rid] = prev;
  else delete s.carts[rid];
  const o: FoodOrder = {
    id: `FD${2611000 + s.nextOrder}`, rid, lines: lines.map((l) => ({ ...l, addons: [...l.addons] })), address, subtotal: t.subtotal, fee: t.fee, packing: t.packing, total: t.total,
    status: 'preparing', placed, eta: addMinutes(placed.slice(11, 16), r.time), rider: RIDERS[s.nextOrder % RIDERS.length],
  };
  s.nextOrder++;
  s.orders.push(o);
  return o;
}

export function money(n: number): string {
  return `¥${Math.round(n * 100) / 100}`;
}

export function lineLabel(item: Item, l: CartLine): string {
  const parts: string[] = [];
  if (item.large) parts.push(l.size === 'large' ? '大份' : '标准份');
  if (l.spice) parts.push(SPICE[l.spice].split(' ')[0]);
  for (const a of item.addons ?? []) if (l.addons.includes(a.key)) parts.push(a.zh);
  return parts.join(' / ');
}
