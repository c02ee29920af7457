/** The dataset card (Markdown) and its SVG bar chart, from the output folder's running totals. */
import { CATEGORIES } from '../categories.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChartSvg(title: string, bars: [string, number][]): string {
  const w = 640, rowH = 26, left = 170, top = 36;
  const max = Math.max(1, ...bars.map(([, v]) => v));
  const rows = bars.map(([k, v], i) => {
    const y = top + i * rowH;
    const len = Math.round(((w - left - 70) * v) / max);
    return `<text x="${left - 8}" y="${y + 16}" text-anchor="end" font-size="13">${esc(k)}</text>` +
      `<rect x="${left}" y="${y + 3}" width="${len}" height="18" fill="#4a7bd0"/>` +
      `<text x="${left + len + 6}" y="${y + 16}" font-size="12">${v}</text>`;
  });
  const h = top + bars.length * rowH + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">` +
    `<text x="10" y="22" font-size="15" font-weight="bold">${esc(title)}</text>${rows.join('')}</svg>\n`;
}

function table(head: [string, string], rows: [string, number][]): string {
  return `| ${head[0]} | ${head[1]} |\n|---|---:|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}

const prefixed = (totals: Record<string, number>, p: string) =>
  Object.entries(totals).filter(([k]) => k.startsWith(p)).map(([k, v]) => [k.slice(p.length), v] as [string, number]).sort();

export function datasetCard(totals: Record<string, number>, extra: { pairs: number; rewardMethod: string }): string {
  const cats = CATEGORIES.map((c) => [c, totals[`cat:${c}`] ?? 0] as [string, number]);
  const t = (k: string) => totals[k] ?? 0;
  return `# CSRS dataset

Made by \`stepwise csrs\` from ${t('trajectories')} trajectories (${t('verdict:success')} successes, ${t('verdict:failure')} failures).
Failures feed only knowledge categories; action samples from failures: ${t('action_from_failures')}.
Wasted steps kept out of action prediction: ${t('wasted')}. Trajectories queued for human review: ${t('review')}.

![samples per category](chart.svg)

## Samples per category
${table(['category', 'samples'], cats)}
## Trajectories per app
${table(['app', 'trajectories'], prefixed(totals, 'app:'))}
## Trajectories per verdict source
${table(['source', 'trajectories'], prefixed(totals, 'source:'))}
## Cost
Verdict tokens (judge calls): ${t('tokens')}; extraction tokens: 0 (grounded engine).

## Files
- \`data/sharegpt.jsonl\` (LLaMA-Factory, see dataset_info.json), \`data/swift.jsonl\` (ms-swift), \`data/openai.jsonl\` (OpenAI chat fine-tuning), \`data/gelab.jsonl\` (GELab SFT, action samples)
- \`samples.jsonl\` (every sample with its target), \`prm.jsonl\` (step labels), \`dpo.jsonl\` (${extra.pairs} preference pairs), \`rewards.jsonl\` (step rewards, method ${extra.rewardMethod})
- \`images/\` (screenshots by sha256)
`;
}
