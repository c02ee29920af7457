/** Shop data: a seeded catalogue with variants and stock, addresses, cart, orders, favourites. */
import type { Rng } from '../../../core/random.js';

export type CatId = 'tshirt' | 'hoodie' | 'jeans' | 'sneakers' | 'earbuds' | 'powerbank' | 'case' | 'bottle' | 'backpack';

export interface Category {
  id: CatId;
  zh: string;
  en: string;
  /** Words people search with. */
  keys: string[];
  sizes: string[];
  colours: string[];
  brands: string[];
  models: [zh: string, en: string][];
  price: [number, number];
}

export interface Product {
  id: string;
  cat: CatId;
  brand: string;
  zh: string;
  en: string;
  price: number;
  was: number;
  sales: number;
  rating: number;
  reviews: number;
  colours: string[];
  sizes: string[];
  /** Units in stock per "colour|size" ("colour|" when the product has no sizes). */
  stock: Record<string, number>;
  shop: string;
  freeShip: boolean;
}

export interface Address {
  id: string;
  label: string;
  name: string;
  phone: string;
  addr: string;
}

export interface Line {
  pid: string;
  colour: string;
  size: string;
  qty: number;
}

export interface OrderLine extends Line {
  price: number;
}

export interface Order {
  id: string;
  lines: OrderLine[];
  address: string;
  shipping: number;
  total: number;
  status: 'unpaid' | 'paid' | 'shipped' | 'delivered';
  time: string;
  pay?: string;
}

export type SortKey = 'default' | 'sales' | 'price-asc' | 'price-desc' | 'rating';

export interface Filters {
  sizes: string[];
  colours: string[];
  brands: string[];
  min: number | null;
  max: number | null;
}

export interface ShopState {
  products: Product[];
  addresses: Address[];
  defaultAddress: string;
  cart: Line[];
  orders: Order[];
  favs: string[];
  query: string;
  cat: CatId | null;
  sort: SortKey;
  filters: Filters;
  /** Variant being chosen on the product page. */
  sel: { pid: string; colour: string; size: string; qty: number } | null;
  /** Order being prepared on the checkout screen. */
  draft: { lines: Line[]; address: string; fromCart: boolean } | null;
  payWith: string;
  nextOrder: number;
}

export const PAY_METHODS = ['支付宝 Alipay', '微信支付 WeChat Pay', '招商银行储蓄卡 (0371)'];

export const COLOURS: Record<string, [zh: string, en: string, hex: string]> = {
  black: ['黑色', 'Black', '#2b2b2e'], white: ['白色', 'White', '#f4f4f2'], red: ['红色', 'Red', '#d93a3a'],
  navy: ['藏青', 'Navy', '#26335c'], grey: ['灰色', 'Grey', '#9aa0a6'], green: ['绿色', 'Green', '#3f8f5a'],
  blue: ['蓝色', 'Blue', '#3a78d9'], pink: ['粉色', 'Pink', '#f0a3b8'], beige: ['米色', 'Beige', '#d9c7a7'],
};

const CLOTHES = ['S', 'M', 'L', 'XL', 'XXL'];
export const CATEGORIES: Category[] = [
  { id: 'tshirt', zh: 'T恤', en: 'T-shirt', keys: ['t恤', 't-shirt', 'tshirt', 'tee', '短袖'], sizes: CLOTHES, colours: ['black', 'white', 'red', 'navy', 'grey', 'green'], brands: ['优衣库 Uniqlo', '李宁 Li-Ning', '安踏 Anta', 'Nike', '无印良品 Muji'],
    models: [['纯棉圆领短袖T恤', 'Cotton Crew Neck T-Shirt'], ['速干运动T恤', 'Dry-Fit Sports T-Shirt'], ['宽松印花T恤', 'Oversized Graphic Tee'], ['重磅纯色T恤', 'Heavyweight Plain Tee'], ['冰丝短袖T恤', 'Ice Silk Short Sleeve Tee'], ['复古Polo T恤', 'Retro Polo T-Shirt']], price: [39, 199] },
  { id: 'hoodie', zh: '卫衣', en: 'Hoodie', keys: ['卫衣', 'hoodie', 'sweatshirt'], sizes: CLOTHES, colours: ['black', 'grey', 'navy', 'beige', 'pink'], brands: ['优衣库 Uniqlo', '李宁 Li-Ning', 'Nike', '安踏 Anta'],
    models: [['加绒连帽卫衣', 'Fleece Pullover Hoodie'], ['拉链开衫卫衣', 'Zip-Up Hoodie'], ['圆领休闲卫衣', 'Crew Neck Sweatshirt'], ['美式复古卫衣', 'Vintage College Hoodie']], price: [99, 399] },
  { id: 'jeans', zh: '牛仔裤', en: 'Jeans', keys: ['牛仔裤', 'jeans', 'denim'], sizes: ['28', '29', '30', '31', '32', '34'], colours: ['blue', 'black', 'grey'], brands: ["李维斯 Levi's", '优衣库 Uniqlo', 'Lee', 'GXG'],
    models: [['修身直筒牛仔裤', 'Slim Straight Jeans'], ['宽松阔腿牛仔裤', 'Loose Wide-Leg Jeans'], ['弹力小脚牛仔裤', 'Stretch Skinny Jeans'], ['复古水洗牛仔裤', 'Vintage Wash Jeans']], price: [129, 599] },
  { id: 'sneakers', zh: '运动鞋', en: 'Sneakers', keys: ['运动鞋', 'sneakers', 'shoes', '跑鞋', 'running shoes'], sizes: ['38', '39', '40', '41', '42', '43', '44'], colours: ['white', 'black', 'grey', 'blue'], brands: ['Nike', 'Adidas', '李宁 Li-Ning', '安踏 Anta', 'New Balance'],
    models: [['轻便透气跑步鞋', 'Lightweight Running Shoes'], ['经典小白鞋', 'Classic White Sneakers'], ['缓震篮球鞋', 'Cushioned Basketball Shoes'], ['复古慢跑鞋', 'Retro Jogging Sneakers'], ['休闲板鞋', 'Casual Skate Shoes']], price: [199, 899] },
  { id: 'earbuds', zh: '无线耳机', en: 'Wireless Earbuds', keys: ['耳机', '无线耳机', '蓝牙耳机', 'earbuds', 'wireless earbuds', 'earphones', 'bluetooth'], sizes: [], colours: ['white', 'black', 'blue', 'green'], brands: ['华为 Huawei', '小米 Xiaomi', 'Apple', 'Sony', '漫步者 Edifier', 'OPPO'],
    models: [['降噪真无线蓝牙耳机', 'Noise Cancelling True Wireless Earbuds'], ['半入耳式蓝牙耳机', 'Semi In-Ear Wireless Earbuds'], ['运动挂耳无线耳机', 'Sport Ear-Hook Wireless Earbuds'], ['长续航无线耳机', 'Long Battery Wireless Earbuds']], price: [99, 1499] },
  { id: 'powerbank', zh: '充电宝', en: 'Power Bank', keys: ['充电宝', '移动电源', 'power bank', 'powerbank', 'charger'], sizes: [], colours: ['white', 'black', 'blue'], brands: ['Anker', '小米 Xiaomi', '绿联 Ugreen', '倍思 Baseus'],
    models: [['10000mAh 快充充电宝', '10000mAh Fast Charging Power Bank'], ['20000mAh 大容量充电宝', '20000mAh High Capacity Power Bank'], ['磁吸无线充电宝', 'Magnetic Wireless Power Bank']], price: [59, 299] },
  { id: 'case', zh: '手机壳', en: 'Phone Case', keys: ['手机壳', '保护壳', 'phone case', 'case'], sizes: ['iPhone 16', 'iPhone 16 Pro', 'Mate 70', 'Xiaomi 15'], colours: ['black', 'blue', 'pink', 'white'], brands: ['倍思 Baseus', '绿联 Ugreen', 'Spigen'],
    models: [['全包防摔手机壳', 'Shockproof Full Cover Case'], ['透明磁吸手机壳', 'Clear Magnetic Case'], ['液态硅胶手机壳', 'Liquid Silicone Case']], price: [19, 129] },
  { id: 'bottle', zh: '保温杯', en: 'Water Bottle', keys: ['保温杯', '水杯', 'water bottle', 'bottle', 'thermos', 'tumbler'], sizes: ['350ml', '500ml', '750ml'], colours: ['white', 'black', 'pink', 'green', 'blue'], brands: ['膳魔师 Thermos', '象印 Zojirushi', '虎牌 Tiger', '乐扣 Lock&Lock'],
    models: [['不锈钢真空保温杯', 'Stainless Vacuum Insulated Bottle'], ['便携吸管保温杯', 'Straw Lid Insulated Tumbler'], ['316钢焖烧杯', '316 Steel Food Jar']], price: [79, 359] },
  { id: 'backpack', zh: '双肩包', en: 'Backpack', keys: ['双肩包', '背包', 'backpack', 'bag', '书包'], sizes: [], colours: ['black', 'grey', 'navy', 'green'], brands: ['新秀丽 Samsonite', '小米 Xiaomi', 'JanSport', '北面 The North Face'],
    models: [['商务通勤电脑双肩包', 'Business Laptop Backpack'], ['轻便旅行双肩包', 'Lightweight Travel Backpack'], ['学生休闲书包', 'Casual School Backpack']], price: [99, 899] },
];

const SHOPS = ['官方旗舰店', '京选自营店', '品牌直营店', '潮流数码专营店', '运动户外专营店'];

export function category(id: string): Category {
  const c = CATEGORIES.find((x) => x.id === id);
  if (!c) throw new Error(`shop: unknown category "${id}"`);
  return c;
}

export function stockKey(colour: string, size: string): string {
  return `${colour}|${size}`;
}

function makeProduct(rng: Rng, c: Category, n: number): Product {
  const brand = rng.pick(c.brands);
  const [mz, me] = rng.pick(c.models);
  const bz = brand.split(' ')[0];
  const be = brand.includes(' ') ? brand.slice(brand.indexOf(' ') + 1) : brand;
  const price = Math.round(c.price[0] + rng.next() ** 1.6 * (c.price[1] - c.price[0])) - (rng.chance(0.5) ? 0.1 : 0);
  const colours = rng.shuffle(c.colours).slice(0, rng.int(2, Math.min(4, c.colours.length)));
  const sizes = c.sizes.length ? c.sizes.slice() : [];
  const stock: Record<string, number> = {};
  for (const col of colours) for (const sz of sizes.length ? sizes : ['']) stock[stockKey(col, sz)] = rng.chance(0.12) ? 0 : rng.int(3, 120);
  const sales = Math.round(rng.next() ** 2.5 * 48000) + rng.int(20, 400);
  return {
    id: `p${String(n).padStart(2, '0')}`, cat: c.id, brand: be, zh: `${bz} ${mz}`, en: `${be} ${me}`, price: Math.round(price * 10) / 10,
    was: Math.round(price * (1.2 + rng.next() * 0.5)), sales, rating: Math.round((4 + rng.next() * 0.95) * 10) / 10,
    reviews: Math.round(sales * (0.1 + rng.next() * 0.3)), colours, sizes, stock, shop: `${bz}${rng.pick(SHOPS)}`, freeShip: price >= 59 || rng.chance(0.5),
  };
}

export const ADDRESSES: Address[] = [
  { id: 'home', label: '家 Home', name: '林晓', phone: '138****6625', addr: '上海市 长宁区 黄金城道 600弄 12号 1702室' },
  { id: 'office', label: '公司 Office', name: '林晓', phone: '138****6625', addr: '上海市 浦东新区 银城中路 501号 上海中心大厦 36F' },
  { id: 'parents', label: '父母家 Parents', name: '林建国', phone: '139****0871', addr: '浙江省 杭州市 西湖区 文三路 90号 东部软件园 3幢' },
];

export function seedShop(rng: Rng): ShopState {
  const products: Product[] = [];
  let n = 1;
  for (const c of CATEGORIES) {
    const count = c.id === 'tshirt' || c.id === 'earbuds' ? 8 : c.id === 'case' || c.id === 'bottle' ? 4 : 5;
    for (let i = 0; i < count; i++) products.push(makeProduct(rng, c, n++));
  }
  const s: ShopState = {
    products, addresses: ADDRESSES.map((a) => ({ ...a })), defaultAddress: 'home', cart: [], orders: [], favs: [],
    query: '', cat: null, sort: 'default', filters: emptyFilters(), sel: null, draft: null, payWith: PAY_METHODS[0], nextOrder: 1,
  };
  for (let i = 0; i < rng.int(3, 5); i++) {
    const p = rng.pick(products);
    const line: OrderLine = { pid: p.id, colour: p.colours[0], size: p.sizes[0] ?? '', qty: rng.int(1, 2), price: p.price };
    const o = placeOrder(s, [line], rng.pick(['home', 'office']), `2026-11-${String(5 + i * 4).padStart(2, '0')} ${rng.int(9, 22)}:${String(rng.int(0, 59)).padStart(2, '0')}`);
    o.status = i < 2 ? 'delivered' : 'shipped';
    o.pay = '支付宝 Alipay';
  }
  for (const p of rng.shuffle(products).slice(0, 2)) s.cart.push({ pid: p.id, colour: p.colours[0], size: p.sizes[1] ?? p.sizes[0] ?? '', qty: 1 });
  s.favs = rng.shuffle(products).slice(0, 3).map((p) => p.id);
  return s;
}

export function emptyFilters(): Filters {
  return { sizes: [], colours: [], brands: [], min: null, max: null };
}

export function product(s: ShopState, id: string): Product {
  const p = s.products.find((x) => x.id === id);
  if (!p) throw new Error(`shop: unknown product "${id}"`);
  return p;
}

export function inStock(p: Product, colour: string, size: string): number {
  return p.stock[stockKey(colour, size)] ?? 0;
}

/** Shipping: free for free-shipping items or orders from ¥99, else ¥8. */
export function shippingFor(s: ShopState, lines: Line[]): number {
  const sub = subtotal(s, lines);
  return lines.every((l) => product(s, l.pid).freeShip) || sub >= 99 ? 0 : 8;
}

export function subtotal(s: ShopState, lines: Line[]): number {
  return Math.round(lines.reduce((a, l) => a + product(s, l.pid).price * l.qty, 0) * 100) / 100;
}

export function placeOrder(s: ShopState, lines: Line[], address: string, time: string): Order {
  const shipping = shippingFor(s, lines);
  const o: Order = {
    id: `SO${20261100 + s.nextOrder}`, lines: lines.map((l) => ({ ...l, price: product(s, l.pid).price })), address, shipping,
    total: Math.round((subtotal(s, lines) + shipping) * 100) / 100, status: 'unpaid', time,
  };
  s.nextOrder++;
  s.orders.push(o);
  return o;
}

export function colourName(key: string): string {
  const c = COLOURS[key];
  return c ? `${c[0]} ${c[1]}` : key;
}

export function money(n: number): string {
  return `¥${Math.round(n * 100) / 100}`;
}

/** Id-safe form of a size or brand ("iPhone 16 Pro" -> "iphone-16-pro"). */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function lineKey(l: { pid: string; colour: string; size: string }): string {
  return `${l.pid}-${l.colour}-${slug(l.size) || 'one'}`;
}
