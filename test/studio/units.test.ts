/** Studio's pure parts: the action overlay geometry, review throughput, report rendering, query parsing. */
import { describe, expect, it } from 'vitest';
import { parseBrowseQuery } from '../../src/studio/browse.js';
import { actionLabel, overlayElements, overlaySvg } from '../../src/studio/overlay.js';
import { compareReports, numericLeaves, renderReport } from '../../src/studio/reports.js';
import { throughput } from '../../src/studio/review.js';

const size = { width: 1080, height: 2400 };
const nums = (s: string, attr: string) => [...s.matchAll(new RegExp(`${attr}="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('action overlay', () => {
  it('puts a tap ring on the norm1000 point scaled to the image', () => {
    const svg = overlayElements({ type: 'click', point: [250, 500] }, size);
    expect(new Set(nums(svg, 'cx').slice(0, 3))).toEqual(new Set([270]));
    expect(new Set(nums(svg, 'cy').slice(0, 3))).toEqual(new Set([1200]));
    const small = overlayElements({ type: 'click', point: [250, 500] }, { width: 108, height: 240 });
    expect(nums(small, 'cx')[0]).toBe(27);
  });

  it('draws a swipe as a path from its start to its end, with a start dot', () => {
    const svg = overlayElements({ type: 'swipe', from: [500, 800], to: [500, 200] }, size);
    expect(svg).toMatch(/d="M540\.0,1920\.0 L540\.0,480\.0/);
    expect(nums(svg, 'cy')).toContain(1920);
    expect(actionLabel({ type: 'swipe', from: [500, 800], to: [500, 200] })).toBe('swipe ↑');
  });

  it('scroll down moves the finger up (content follows the finger)', () => {
    const svg = overlayElements({ type: 'scroll', direction: 'down' }, size);
    const m = /d="M([\d.]+),([\d.]+) L([\d.]+),([\d.]+)/.exec(svg)!;
    expect(Number(m[4])).toBeLessThan(Number(m[2]));
  });

  it('shows typed text and keys in an escaped badge; points in other spaces convert, unknown sizes draw only the label', () => {
    const typed = overlaySvg({ type: 'type', text: '<b>hi</b> & 你好' }, size);
    expect(typed).toContain('type &quot;&lt;b&gt;hi&lt;/b&gt; &amp; 你好&quot;');
    expect(typed).not.toContain('<b>');
    expect(overlayElements({ type: 'key', key: 'back' }, size)).toContain('>key back<');
    expect(nums(overlayElements({ type: 'click', point: [0.5, 0.25], space: 'norm1' }, size), 'cx')[0]).toBe(540);
    const img = overlayElements({ type: 'click', point: [10, 10], space: 'image' }, size);
    expect(img).not.toContain('<circle');
    expect(img).toContain('>tap<');
    expect(overlayElements(undefined, size)).toContain('no action');
  });

  it('shrinks the badge font so long text stays inside the image', () => {
    const svg = overlayElements({ type: 'complete', answer: 'x'.repeat(27) }, { width: 200, height: 444 });
    const [x] = nums(svg, 'x'), [w] = nums(svg, 'width');
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(200);
  });
});

describe('review throughput', () => {
  it('is (n - 1) decisions over the span of the latest session', () => {
    const t0 = 1_700_000_000_000;
    expect(throughput([])).toEqual({ reviews: 0, session: 0, perMinute: null });
    expect(throughput([t0]).perMinute).toBeNull();
    // 5 decisions 30 s apart: 4 intervals in 2 minutes = 2 per minute.
    expect(throughput([0, 1, 2, 3, 4].map((i) => t0 + i * 30_000)).perMinute).toBeCloseTo(2);
    // An hour-old session does not dilute the current one.
    const r = throughput([t0 - 3600_000, t0 - 3590_000, t0, t0 + 20_000, t0 + 40_000]);
    expect(r).toMatchObject({ reviews: 5, session: 3, sessionStart: t0 });
    expect(r.perMinute).toBeCloseTo(3);
  });
});

describe('benchmark reports', () => {
  it('renders numbers as a table and arrays of records as bar charts, whatever the shape', () => {
    const html = renderReport('r.json', { title: 'Suite <1>', success_rate: 0.5, nested: { steps: 4 }, runs: [{ task: 'a', success: 1, steps: 3 }, { task: 'b', success: 0, steps: 7 }] });
    expect(html).toContain('Suite &lt;1&gt;');
    expect(html).toContain('nested.steps');
    expect((html.match(/<svg/g) ?? []).length).toBe(2); // success and steps per task
    expect(renderReport('x.json', ['just', 'strings'])).toContain('No numbers found');
    expect(renderReport('x.json', null)).toContain('No numbers found');
  });

  it('compares the metrics reports share, with the difference for two', () => {
    const html = compareReports([{ name: 'a.json', report: { rate: 0.5, only_a: 1, ms: 1200 } }, { name: 'b.json', report: { rate: 0.75, ms: 900 } }]);
    expect(html).toContain('rate');
    expect(html).not.toContain('only_a');
    expect(html).toContain('0.250');
    expect((html.match(/<svg/g) ?? []).length).toBe(2); // 0-1 rates and millisecond metrics on separate scales
    expect(compareReports([{ name: 'a', report: { x: 1 } }, { name: 'b', report: { y: 1 } }])).toContain('share no numeric metric');
    expect([...numericLeaves({ a: { b: 2, c: 'x', d: true } })]).toEqual([['a.b', 2], ['a.d', 1]]);
  });
});

describe('browser query', () => {
  it('checks every parameter and names the bad one', () => {
    const q = parseBrowseQuery(new URLSearchParams('task=a&verdict=none&round=3&q=Alarm&sort=steps&order=asc&limit=10&offset=5&since=2026-11-01'));
    expect(q).toMatchObject({ filter: { task: 'a', verdict: 'none', since: Date.parse('2026-11-01') }, round: '3', q: 'alarm', sort: 'steps', order: 'asc', limit: 10, offset: 5 });
    expect(() => parseBrowseQuery(new URLSearchParams('status=done'))).toThrow(/status="done".*running, finished or interrupted/);
    expect(() => parseBrowseQuery(new URLSearchParams('limit=999999'))).toThrow(/limit/);
  });
});
