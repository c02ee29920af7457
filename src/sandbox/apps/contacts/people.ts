/**
 * People shared by the social apps (contacts, chat): realistic English, pinyin and Chinese
 * names with the data an address book holds. Apps sample from this pool with their own Rng,
 * so the same seed always gives the same people.
 */
export interface Person {
  /** Display name as the phone shows it ("Wang Fang", "王芳", "Alice Johnson"). */
  name: string;
  first: string;
  last: string;
  /** Latin spelling used for sorting and email addresses (pinyin for Chinese names). */
  latin: string;
}

const EN: [string, string][] = [
  ['Alice', 'Johnson'], ['Bob', 'Smith'], ['Sarah', 'Miller'], ['Emily', 'Davis'], ['Michael', 'Brown'],
  ['Tom', 'Harris'], ['Olivia', 'Martin'], ['Daniel', 'Kim'], ['Sophie', 'Laurent'], ['Lucas', 'Moreau'],
  ['Hannah', 'Becker'], ['Yuki', 'Tanaka'], ['Priya', 'Patel'], ['Carlos', 'Rivera'], ['James', 'Wilson'],
  ['Anna', 'Novak'], ['Grace', 'Lin'], ['Ryan', 'Huang'], ['Jessica', 'Wu'], ['Peter', 'Sun'],
  ['Linda', 'Zhao'], ['David', 'Chen'], ['Ethan', 'Gao'], ['Mei', 'Ling'], ['Nina', 'Petrova'],
  ['Omar', 'Haddad'], ['Laura', 'Rossi'], ['Ben', 'Carter'], ['Chloe', 'Nguyen'], ['Victor', 'Lam'],
];

/** Pinyin-written Chinese names (as many people store colleagues). */
const PINYIN: [string, string][] = [
  ['Wei', 'Li'], ['Min', 'Zhang'], ['Jie', 'Chen'], ['Fang', 'Wang'], ['Yang', 'Liu'], ['Jing', 'Yang'],
  ['Lei', 'Zhao'], ['Qiang', 'Zhou'], ['Ting', 'Wu'], ['Ming', 'Xu'], ['Chao', 'Ma'], ['Tao', 'Guo'],
  ['Hao', 'Lin'], ['Feng', 'Gao'], ['Xue', 'He'], ['Yan', 'Huang'],
];

/** Chinese names with their pinyin (surname first, as written). */
const HANZI: [string, string, string][] = [
  ['王', '丽', 'Wang Li'], ['李', '娜', 'Li Na'], ['张', '伟', 'Zhang Wei'], ['刘', '强', 'Liu Qiang'],
  ['陈', '静', 'Chen Jing'], ['杨', '帆', 'Yang Fan'], ['黄', '磊', 'Huang Lei'], ['赵', '敏', 'Zhao Min'],
  ['周', '婷', 'Zhou Ting'], ['吴', '昊', 'Wu Hao'], ['徐', '晓东', 'Xu Xiaodong'], ['孙', '丽娜', 'Sun Lina'],
  ['马', '骏', 'Ma Jun'], ['朱', '琳', 'Zhu Lin'], ['胡', '雪', 'Hu Xue'], ['郭', '涛', 'Guo Tao'],
  ['林', '浩然', 'Lin Haoran'], ['何', '佳', 'He Jia'], ['罗', '娟', 'Luo Juan'], ['高', '峰', 'Gao Feng'],
];

/** Names no seed ever produces: used by infeasible tasks ("message someone who does not exist"). */
export const NOBODY = ['Harold Finch', 'Zoe Washburne', 'Miguel Ortega', 'Ingrid Halvorsen', '欧阳明', 'Teresa Lisbon'];

export const ALL_PEOPLE: Person[] = [
  ...EN.map(([first, last]) => ({ name: `${first} ${last}`, first, last, latin: `${first} ${last}` })),
  ...PINYIN.map(([first, last]) => ({ name: `${last} ${first}`, first, last, latin: `${last} ${first}` })),
  ...HANZI.map(([last, first, latin]) => ({ name: `${last}${first}`, first, last, latin })),
];

/** The two Kevins every phone has, so "message Kevin" is ambiguous on purpose. */
export const KEVINS: Person[] = [
  { name: 'Kevin Zhang', first: 'Kevin', last: 'Zhang', latin: 'Kevin Zhang' },
  { name: 'Kevin Liu', first: 'Kevin', last: 'Liu', latin: 'Kevin Liu' },
];

export const FAMILY: Person[] = [
  { name: '妈妈', first: '妈妈', last: '', latin: 'Mama' },
  { name: '爸爸', first: '爸爸', last: '', latin: 'Baba' },
];

export const COMPANIES = [
  { name: 'Orbit Labs', domain: 'orbitlabs.io' },
  { name: 'Blue Harbor Capital', domain: 'blueharbor.com' },
  { name: 'Huaxin Technology', domain: 'huaxin-tech.cn' },
  { name: '星河科技', domain: 'xinghe.cn' },
  { name: 'Northwind Logistics', domain: 'northwind.com' },
  { name: 'Jade Garden Hotel', domain: 'jadegarden.com' },
  { name: 'Shanghai Ruijin Hospital', domain: 'rjh.com.cn' },
  { name: 'Pixel & Co. Design', domain: 'pixelco.design' },
];

export const TITLES = ['Product Manager', 'Software Engineer', 'Designer', 'Sales Director', 'Doctor', 'Accountant', 'Marketing Lead', 'Analyst', 'HR Manager', '工程师', '项目经理'];

/** Avatar background colours (Material-like, readable with white text). */
export const AVATAR_COLORS = ['#5C6BC0', '#26A69A', '#EF6C00', '#AB47BC', '#42A5F5', '#EC407A', '#8D6E63', '#66BB6A', '#FFA726', '#78909C', '#7E57C2', '#29B6F6'];

/** One or two letters for an avatar: initials of a Latin name, the given name of a Chinese one. */
export function initials(name: string): string {
  if (/^[\u4e00-\u9fff]/.test(name)) return name.length > 2 ? name.slice(-2) : name.slice(-1);
  return name.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
}

/** A mainland mobile number, formatted the way the phone shows it: "138 1234 5678". */
export function cnMobile(r: { int(a: number, b: number): number }): string {
  const prefix = [133, 135, 136, 138, 139, 150, 152, 158, 177, 186, 189][r.int(0, 10)];
  const mid = String(r.int(1000, 9999));
  const end = String(r.int(1000, 9999));
  return `${prefix} ${mid} ${end}`;
}

/** A landline-style work number: "021 6234 5870". */
export function cnWork(r: { int(a: number, b: number): number }): string {
  return `021 ${r.int(5000, 6999)} ${r.int(1000, 9999)}`;
}

/** Phone numbers compare by digits only ("138-1234-5678" = "13812345678"). */
export function digits(phone: string): string {
  return phone.replace(/\D+/g, '');
}
