import { describe, expect, it } from 'vitest';
import { barChart, groupedBarChart, lineChart, reliabilityDiagram } from '../../src/report/charts.js';
import { htmlPage, htmlTable, markdownTable } from '../../src/report/html.js';

const rects = (svg: string) => [...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="#/g)].map((m) => Number(m[2]));

describe('SVG charts', () => {
  it('draws bar heights proportional to values against the axis maximum', () => {
    const svg = barChart({ title: 'acc', labels: ['CLICK', 'TYPE'], values: [0.5, 1], max: 1 });
    const [a, b] = rects(svg);
    expect(b).toBeGreaterThan(0);
    expect(a / b).toBeCloseTo(0.5, 5);
    expect(svg).toContain('CLICK');
  });

  it('leaves a gap for NaN and escapes labels', () => {
    const svg = groupedBarChart({ labels: ['<x>', 'y'], series: [{ name: 'a&b', values: [NaN, 2] }, { name: 'c', values: [1, 1] }] });
    expect(rects(svg)).toHaveLength(3 + 2); // 3 bars + 2 legend swatches
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).not.toContain('<x>');
    expect(svg).toContain('a&amp;b');
  });

  it('plots lines and a reliability diagram with one bar per non-empty bin', () => {
    expect(lineChart({ series: [{ name: 's', points: [[0, 1], [1, 2], [2, NaN]] }] })).toMatch(/<polyline[^>]+points="[^"]+ [^"]+"/);
    const svg = reliabilityDiagram({ ece: 0.05, bins: [
      { lo: 0, hi: 0.5, count: 0, confidence: 0, accuracy: 0 },
      { lo: 0.5, hi: 1, count: 4, confidence: 0.8, accuracy: 0.75 },
    ] });
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('ECE 0.050');
  });
});

describe('report pages', () => {
  it('renders tables as HTML and Markdown with fixed digits', () => {
    expect(htmlTable(['k', 'v'], [['a', 0.12345]])).toContain('<td>0.123</td>');
    expect(markdownTable(['k', 'v'], [['a|b', 2]])).toBe('| k | v |\n|---|---|\n| a\\|b | 2 |');
    const page = htmlPage({ title: 'T <1>', body: '<p>x</p>' });
    expect(page).toContain('<title>T &lt;1&gt;</title>');
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});
