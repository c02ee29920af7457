/** The metro network (a Shanghai-like subset): stations with map positions and lines in order. */

export interface Station {
  id: string;
  name: string;
  en: string;
  /** Kilometres east / north of People's Square. */
  x: number;
  y: number;
}

export interface Line {
  id: string;
  /** Number shown on the badge. */
  no: number;
  colour: string;
  stations: string[];
}

type S = [id: string, name: string, en: string, x: number, y: number];
const STATION_LIST: S[] = [
  ['xinzhuang', '莘庄', 'Xinzhuang', -12, -12], ['shnz', '上海南站', 'Shanghai South Railway Station', -5, -7],
  ['xujiahui', '徐家汇', 'Xujiahui', -5, -4.5], ['hengshan', '衡山路', 'Hengshan Road', -3.8, -3.2],
  ['changshu', '常熟路', 'Changshu Road', -3.2, -2], ['shaanxinan', '陕西南路', 'South Shaanxi Road', -2.4, -1.6],
  ['huangpinan', '黄陂南路', 'South Huangpi Road', -0.8, -1], ['renmin', '人民广场', "People's Square", 0, 0],
  ['xinzha', '新闸路', 'Xinzha Road', -0.5, 1.2], ['hanzhong', '汉中路', 'Hanzhong Road', -1, 1.8],
  ['shrs', '上海火车站', 'Shanghai Railway Station', -0.6, 2.5], ['zhongshanbei', '中山北路', 'Zhongshan North Road', -0.8, 4],
  ['yanchang', '延长路', 'Yanchang Road', -0.9, 5.2],
  ['hqrs', '虹桥火车站', 'Hongqiao Railway Station', -16, -1], ['hqt2', '虹桥2号航站楼', 'Hongqiao Airport Terminal 2', -15, -1.3],
  ['songhong', '淞虹路', 'Songhong Road', -12, 0], ['weining', '威宁路', 'Weining Road', -9, 0.5],
  ['loushanguan', '娄山关路', 'Loushanguan Road', -7.5, 0], ['zhongshanpark', '中山公园', 'Zhongshan Park', -6.5, 0.5],
  ['jiangsu', '江苏路', 'Jiangsu Road', -5, 0.3], ['jingansi', '静安寺', "Jing'an Temple", -3.5, 0.2],
  ['nanjingxi', '南京西路', 'West Nanjing Road', -1.8, 0.4], ['nanjingdong', '南京东路', 'East Nanjing Road', 1, 0.5],
  ['lujiazui', '陆家嘴', 'Lujiazui', 2.8, 0.4], ['dongchang', '东昌路', 'Dongchang Road', 3.6, -0.3],
  ['shijidadao', '世纪大道', 'Century Avenue', 5, -1], ['kejiguan', '上海科技馆', 'Shanghai Science and Technology Museum', 7, -1.8],
  ['longyang', '龙阳路', 'Longyang Road', 8.5, -3], ['zhangjiang', '张江高科', 'Zhangjiang Hi-Tech Park', 12, -5],
  ['guanglan', '广兰路', 'Guanglan Road', 14, -5], ['tangzhen', '唐镇', 'Tangzhen', 17, -4],
  ['chuansha', '川沙', 'Chuansha', 22, -6], ['pvg', '浦东国际机场', 'Pudong International Airport', 30, -8],
  ['hqt1', '虹桥1号航站楼', 'Hongqiao Airport Terminal 1', -13.5, -1.5], ['zoo', '上海动物园', 'Shanghai Zoo', -12.5, -2],
  ['longxi', '龙溪路', 'Longxi Road', -10.5, -2.3], ['shuicheng', '水城路', 'Shuicheng Road', -9, -2],
  ['yili', '伊犁路', 'Yili Road', -8, -2.2], ['songyuan', '宋园路', 'Songyuan Road', -7, -2.5],
  ['hongqiaolu', '虹桥路', 'Hongqiao Road', -6, -3], ['jiaotong', '交通大学', 'Jiaotong University', -4.6, -3.8],
  ['library', '上海图书馆', 'Shanghai Library', -3.9, -2.6], ['xintiandi', '新天地', 'Xintiandi', -0.6, -1.5],
  ['laoximen', '老西门', 'Laoximen', 0.3, -1.8], ['yuyuan', '豫园', 'Yuyuan Garden', 1.3, -0.9],
  ['tiantong', '天潼路', 'Tiantong Road', 1, 1.5], ['sichuanbei', '四川北路', 'North Sichuan Road', 1.2, 2.4],
  ['hailun', '海伦路', 'Hailun Road', 2, 3.3], ['siping', '四平路', 'Siping Road', 3, 4.8],
  ['tongji', '同济大学', 'Tongji University', 3.4, 6], ['wujiaochang', '五角场', 'Wujiaochang', 4, 8],
  ['huangxing', '黄兴路', 'Huangxing Road', 4.5, 5.5], ['hongkou', '虹口足球场', 'Hongkou Football Stadium', 1.2, 4.3],
  ['xizangbei', '西藏北路', 'North Xizang Road', 0.4, 3], ['qufu', '曲阜路', 'Qufu Road', 0.3, 1.5],
  ['dashijie', '大世界', 'Great World', 0.2, -0.8], ['lujiabang', '陆家浜路', 'Lujiabang Road', 0.6, -2.6],
  ['xizangnan', '西藏南路', 'South Xizang Road', 1, -3.4], ['artmuseum', '中华艺术宫', 'China Art Museum', 2.3, -4.5],
  ['yaohua', '耀华路', 'Yaohua Road', 3.5, -5.3], ['chengshan', '成山路', 'Chengshan Road', 4.5, -6.5],
  ['qibao', '七宝', 'Qibao', -14, -6], ['caohejing', '漕河泾开发区', 'Caohejing Hi-Tech Park', -8, -6.5],
  ['guilin', '桂林路', 'Guilin Road', -7, -6], ['yishan', '宜山路', 'Yishan Road', -6.3, -5],
  ['zhaojiabang', '肇嘉浜路', 'Zhaojiabang Road', -3.5, -3.6], ['jiashan', '嘉善路', 'Jiashan Road', -2.6, -3.1],
  ['dapuqiao', '打浦桥', 'Dapuqiao', -1.6, -2.9], ['madang', '马当路', 'Madang Road', -0.9, -2.6],
  ['xiaonanmen', '小南门', 'Xiaonanmen', 1.3, -2], ['shangcheng', '商城路', 'Shangcheng Road', 4.2, -0.6],
  ['yanggao', '杨高中路', 'Middle Yanggao Road', 6.5, -0.5], ['fangdian', '芳甸路', 'Fangdian Road', 7.7, 0],
  ['lantian', '蓝天路', 'Lantian Road', 8.8, 0.6],
  ['zhongtan', '中潭路', 'Zhongtan Road', -2, 3.3], ['zhenping', '镇坪路', 'Zhenping Road', -3.5, 2.5],
  ['caoyang', '曹杨路', 'Caoyang Road', -4.8, 2.5], ['jinshajiang', '金沙江路', 'Jinshajiang Road', -5.9, 1.7],
  ['yananxi', '延安西路', "West Yan'an Road", -6.5, -1], ['tiyuguan', '上海体育馆', 'Shanghai Indoor Stadium', -5, -5.7],
  ['dongan', '东安路', "Dong'an Road", -3, -5.3], ['damuqiao', '大木桥路', 'Damuqiao Road', -2.2, -4.5],
  ['luban', '鲁班路', 'Luban Road', -0.8, -4], ['tangqiao', '塘桥', 'Tangqiao', 3.2, -2.8],
  ['lancun', '蓝村路', 'Lancun Road', 4.2, -2.5], ['pudian', '浦电路', 'Pudian Road', 4.8, -1.8],
];

export const STATIONS: Station[] = STATION_LIST.map(([id, name, en, x, y]) => ({ id, name, en, x, y }));

export const LINES: Line[] = [
  { id: 'L1', no: 1, colour: '#e3002b', stations: ['xinzhuang', 'shnz', 'xujiahui', 'hengshan', 'changshu', 'shaanxinan', 'huangpinan', 'renmin', 'xinzha', 'hanzhong', 'shrs', 'zhongshanbei', 'yanchang'] },
  { id: 'L2', no: 2, colour: '#8cc220', stations: ['hqrs', 'hqt2', 'songhong', 'weining', 'loushanguan', 'zhongshanpark', 'jiangsu', 'jingansi', 'nanjingxi', 'renmin', 'nanjingdong', 'lujiazui', 'dongchang', 'shijidadao', 'kejiguan', 'longyang', 'zhangjiang', 'guanglan', 'tangzhen', 'chuansha', 'pvg'] },
  { id: 'L4', no: 4, colour: '#461d84', stations: ['shrs', 'zhongtan', 'zhenping', 'caoyang', 'jinshajiang', 'zhongshanpark', 'yananxi', 'hongqiaolu', 'yishan', 'tiyuguan', 'dongan', 'damuqiao', 'luban', 'xizangnan', 'tangqiao', 'lancun', 'pudian', 'shijidadao'] },
  { id: 'L8', no: 8, colour: '#009dd9', stations: ['huangxing', 'siping', 'hongkou', 'xizangbei', 'qufu', 'renmin', 'dashijie', 'laoximen', 'lujiabang', 'xizangnan', 'artmuseum', 'yaohua', 'chengshan'] },
  { id: 'L9', no: 9, colour: '#71c5e8', stations: ['qibao', 'caohejing', 'guilin', 'yishan', 'xujiahui', 'zhaojiabang', 'jiashan', 'dapuqiao', 'madang', 'lujiabang', 'xiaonanmen', 'shangcheng', 'shijidadao', 'yanggao', 'fangdian', 'lantian'] },
  { id: 'L10', no: 10, colour: '#c6afd4', stations: ['hqrs', 'hqt2', 'hqt1', 'zoo', 'longxi', 'shuicheng', 'yili', 'songyuan', 'hongqiaolu', 'jiaotong', 'library', 'shaanxinan', 'xintiandi', 'laoximen', 'yuyuan', 'nanjingdong', 'tiantong', 'sichuanbei', 'hailun', 'siping', 'tongji', 'wujiaochang'] },
];

const BY_ID = new Map(STATIONS.map((s) => [s.id, s]));

export function station(id: string): Station {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`metro: unknown station "${id}"`);
  return s;
}

export function line(id: string): Line {
  const l = LINES.find((x) => x.id === id);
  if (!l) throw new Error(`metro: unknown line "${id}"`);
  return l;
}

export function linesAt(stationId: string): Line[] {
  return LINES.filter((l) => l.stations.includes(stationId));
}

/** Track length between two adjacent stations (km, a little longer than the straight line). */
export function segmentKm(a: string, b: string): number {
  const p = station(a);
  const q = station(b);
  return Math.round(Math.hypot(p.x - q.x, p.y - q.y) * 1.15 * 10) / 10;
}

/** Running time plus dwell between adjacent stations, whole minutes. */
export function segmentMin(a: string, b: string): number {
  return Math.max(2, Math.round(segmentKm(a, b) / 0.6 + 1));
}

/** Landmarks for "nearest station" searches. */
export const LANDMARKS: [id: string, name: string, en: string, x: number, y: number][] = [
  ['bund', '外滩', 'The Bund', 1.6, 0.6], ['pearl', '东方明珠', 'Oriental Pearl Tower', 2.5, 0.9],
  ['museum', '上海博物馆', 'Shanghai Museum', 0.1, -0.4], ['tianzifang', '田子坊', 'Tianzifang', -1.9, -3.1],
  ['wukang', '武康路', 'Wukang Road', -4.3, -2.3], ['fudan', '复旦大学', 'Fudan University', 3.4, 8.6],
  ['stadium', '上海体育场', 'Shanghai Stadium', -4.3, -6.2], ['jingan-park', '静安公园', "Jing'an Park", -3.2, 0.5],
  ['cityhall', '上海大剧院', 'Shanghai Grand Theatre', -0.4, -0.2], ['lxun', '鲁迅公园', 'Lu Xun Park', 1.5, 4.6],
  ['expo', '世博会博物馆', 'World Expo Museum', 1.8, -4.0], ['centurypark', '世纪公园', 'Century Park', 7.4, -2.3],
  ['ifc', '国金中心', 'IFC Mall', 2.9, 0.1], ['hqcity', '虹桥天地', 'Hongqiao Tiandi', -15.6, -1.5],
  ['zhongshan-mall', '龙之梦购物中心', 'Cloud Nine Mall', -6.3, 0.8], ['longhua', '龙华寺', 'Longhua Temple', -4.0, -6.8],
];
