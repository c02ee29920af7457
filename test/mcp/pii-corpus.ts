/**
 * Labelled PII corpus: each line's PII spans are written [[kind:text]]; everything else is not
 * PII. Negatives are what phone screens are full of: prices, order numbers, dates, times,
 * version strings, ID-like numbers with a wrong checksum, card-like numbers failing Luhn.
 */
export const CORPUS: string[] = [
  'Call me at [[phone:138 1234 5678]] after 6pm',
  'Mobile: [[phone:13912345678]]',
  'Tel [[phone:+86 139-1234-5678]]',
  '联系电话：[[phone:+86 13800138000]]，谢谢',
  '手机号[[phone:186-0101-2233]]',
  'Dad [[phone:189 1567 4578]], home [[phone:021 6194 6169]]',
  'Office (010) line: [[phone:010-12345678]]',
  'Shenzhen desk [[phone:0755-8765432]]',
  'US office [[phone:(415) 555-2671]] or [[phone:415-555-2671]]',
  'Call [[phone:+1 415 555 2671]] for support',
  'London [[phone:+44 20 7946 0958]]',
  '[[phone:0086 137 0000 1111]] is my WeChat number too',
  'Email [[email:anna.novak@outlook.com]] about the rent',
  'cc: [[email:zhang.wei+shop@example.com.cn]]; bcc [[email:li_na@163.com]]',
  '请发邮件到[[email:wangfang@qq.com]]',
  'ID [[id:11010519491231002X]] verified',
  '身份证号：[[id:440308199901010012]]',
  'passenger id [[id:110101199003076632]]',
  'Card [[card:4111 1111 1111 1111]] expires 12/27',
  'Visa [[card:4111111111111111]]',
  '银行卡号 [[card:6222 0212 3456 7890 128]]',
  'Pay with [[card:5555-5555-5555-4444]]',
  'Amex [[card:378282246310005]]',
  'UnionPay [[card:6212261202011584340]]',
  'Order #20240501123456 shipped',
  'Total ¥1,299.00 for 3 items',
  'Meeting on 2024-05-01 at 14:30',
  'Flight MU5101 departs 08:05, gate 23',
  'Version 13.4.1 (build 20231109)',
  'Tracking number SF1234567890123',
  'ID 110105194912310021 is not valid (bad checksum)',
  'Card 4111 1111 1111 1112 is mistyped',
  'Numbers 1234 5678 9012 3456 fail Luhn',
  '138 orders, 1234 views, 5678 likes',
  'Room 1203, Building 5, 88 Century Ave',
  'Price dropped from 2599 to 1999',
  'Steps today: 12,345 (goal 10000)',
  'Coordinates 31.2304, 121.4737',
  'ISBN 978-7-111-54742-6',
  'Invoice 2024-0001-3345',
  '第 3 站 · 约 25 分钟 · ¥5',
  'Alarm 06:45 早班地铁',
  'Password must be 8-16 characters',
  'Battery 87%, 3h 20m left',
  'Temperature 23°C, humidity 65%',
  'Receipt no. 00123456',
  'Bus 49 arrives in 4 min',
  'Score 3-1, 90+2 minutes',
  'Postcode 200120, Shanghai',
  'Chapter 12: pages 345-378',
  // Harder cases, kept even where the redactor gets them wrong, so the numbers stay honest.
  'WeChat me: [[phone:138-1234-5678]]',
  '座机 [[phone:021-61946169]]',
  'write to [[email:anna at outlook dot com]]',
  'Service hotline 400-820-8820 (a company number, not personal)',
  'Transfer to account [[card:6217 0000 1000 0000 003]] please',
];

export interface Span { kind: string; text: string }

/** Splits a labelled line into plain text and its expected spans. */
export function parseLine(line: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  const text = line.replace(/\[\[(\w+):([^\]]+)\]\]/g, (_, kind: string, t: string) => { spans.push({ kind, text: t }); return t; });
  return { text, spans };
}
