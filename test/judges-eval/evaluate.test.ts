import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Outcome } from '../../src/core/trajectory.js';
import { judgeFromScorer } from '../../src/judges/eval/judges/scorer.js';
import { contrastPairs, labelledFromPairs, selectTemplateIds } from '../../src/judges/eval/gui-set.js';
import { goldOutcome, loadGuiVerdicts } from '../../src/judges/eval/gui-verdicts.js';
import type { EvalItem } from '../../src/judges/eval/items.js';
import { mergeReports, runJudgeEval, sampleDatasets } from '../../src/judges/eval/run.js';
import { renderHtml, renderMarkdown } from '../../src/judges/eval/report.js';
import { openStore } from '../../src/store/index.js';

/** A judge that knows every gold answer of the given sets (or gets every one backwards). */
function oracle(items: EvalItem[], invert = false) {
  const good = new Map<string, number>();
  const key = (p: string, r: string) => `${p}\u0000${r}`;
  for (const it of items) {
    if (it.kind === 'choice') { it.chosen.forEach((r) => good.set(key(it.prompt, r), 1)); it.rejected.forEach((r) => good.set(key(it.prompt, r), 0)); }
    if (it.kind === 'label') good.set(key(it.prompt, it.response), Number(it.correct));
    if (it.kind === 'rated') good.set(key(it.prompt, it.response), it.rating / 4);
  }
  const flip = (v: number) => (invert ? 1 - v : v);
  return judgeFromScorer(invert ? 'anti-oracle' : 'oracle', (ji) => {
    if (ji.target.kind !== 'text') throw new Error('text only');
    const steps = ji.meta?.steps as string[] | undefined;
    if (steps) {
      const it = items.find((x) => x.kind === 'process' && x.problem === (ji.target as { prompt: string }).prompt && x.steps.join('\n\n') === (ji.target as { response: string }).response);
      const fe = it && it.kind === 'process' ? it.firstError : -1;
      const s = steps.map((_, i) => flip(fe === -1 || i < fe ? 1 : 0));
      return { score: Math.min(...s), stepScores: s };
    }
    const v = good.get(key(ji.target.prompt, ji.target.response));
    if (v === undefined) throw new Error('unknown item');
    return { score: flip(v) };
  });
}

describe('evaluation over the sample sets', () => {
  const sets = sampleDatasets();
  const all = sets.flatMap((s) => s.items);

  test('a judge that knows the answers gets the top result on every set; one that inverts them gets 0', async () => {
    const r = await runJudgeEval({
      judges: [{ name: 'oracle', judge: oracle(all), description: 'test oracle' }, { name: 'anti', judge: oracle(all, true), description: 'test anti-oracle' }],
      datasets: sets,
    });
    expect(r.datasets).toHaveLength(2 * sets.length);
    for (const d of r.datasets.filter((x) => x.judgeName === 'oracle')) {
      expect(d.judgeErrors).toEqual([]);
      expect(d.overall, d.source).toBeGreaterThanOrEqual(1); // RewardBench 2 Ties tops out at 1.01
    }
    for (const d of r.datasets.filter((x) => x.judgeName === 'anti')) {
      if (d.format === 'processbench' || d.format === 'prm800k') {
        // Inverted step scores flag step 0 on every sample: right only where the error is step 0.
        expect(d.extra.correctAccuracy, d.source).toBe(0);
      } else {
        expect(d.overall, d.source).toBeLessThanOrEqual(0);
      }
    }
    const rb2 = r.datasets.find((d) => d.judgeName === 'oracle' && d.format === 'rewardbench2')!;
    expect(rb2.subsets.find((s) => s.name === 'Ties')!.value).toBeCloseTo(1.01, 12);
    const vb = r.datasets.find((d) => d.judgeName === 'oracle' && d.format === 'verifybench')!;
    expect(vb.calibration!.raw.ece).toBe(0);
  });

  test('a failing judge lowers the result and is reported, the run completes', async () => {
    const broken = judgeFromScorer('broken', () => { throw new Error('server said 500'); });
    const r = await runJudgeEval({ judges: [{ name: 'broken', judge: broken, description: 'always fails' }], datasets: sets });
    for (const d of r.datasets) {
      expect(d.judgeErrors.length, d.source).toBe(d.items);
      // 0, or just below for RewardBench 2 Ties, whose margin term gives a failed prompt its worst value (-1).
      expect(d.overall, d.source).toBeLessThanOrEqual(0);
      expect(d.overall, d.source).toBeGreaterThan(-0.011);
    }
    expect(renderMarkdown(r)).toMatch(/failed judge calls, first: server said 500/);
  });

  test('reports merge across runs and render with one chart set per judge', async () => {
    const one = await runJudgeEval({ judges: [{ name: 'oracle', judge: oracle(all), description: 'x' }], datasets: sets.slice(0, 2) });
    const two = await runJudgeEval({ judges: [{ name: 'anti', judge: oracle(all, true), description: 'y' }], datasets: sets.slice(0, 2) });
    const m = mergeReports([one, two]);
    expect(m.judges.map((j) => j.name)).toEqual(['oracle', 'anti']);
    const md = renderMarkdown(m);
    expect(md).toMatch(/\| dataset \| metric \| items \| bad records \| oracle \| anti \|/);
    const html = renderHtml(m);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});

describe('GUI verdict sets from the store', () => {
  const verifier = (ok: boolean): Outcome => ({ verdict: ok ? 'success' : 'failure', confidence: 1, source: 'verifier' });
  test('gold is the latest human outcome, else the verifier; judge-only outcomes are skipped; the judge never sees the label', () => {
    const [p] = contrastPairs(selectTemplateIds('chat.send-text'), 1, 3);
    const [good, bad, trunc] = labelledFromPairs([p]);
    const store = openStore(mkdtempSync(join(tmpdir(), 'je-store-')));
    try {
      store.putTrajectory({ ...good.trajectory, id: 'a' }, { outcomes: [verifier(true)] });
      store.putTrajectory({ ...bad.trajectory, id: 'b' }, { outcomes: [verifier(true), { verdict: 'failure', confidence: 1, source: 'human' }] });
      store.putTrajectory({ ...trunc.trajectory, id: 'c' }, { outcomes: [{ verdict: 'success', confidence: 0.6, source: 'judge' }] });
      const set = loadGuiVerdicts(store);
      const byId = Object.fromEntries(set.items.map((x) => [x.id, x]));
      expect(Object.keys(byId).sort()).toEqual(['a', 'b']);
      expect(byId.a.kind === 'label' && byId.a.correct).toBe(true);
      expect(byId.b.kind === 'label' && byId.b.correct).toBe(false);
      expect(byId.a.kind === 'label' && byId.a.trajectory?.outcome).toBeUndefined();
      expect(set.skipped.map((s) => s.reason)).toEqual(['c: no human or verifier outcome']);
    } finally {
      store.close();
    }
    expect(goldOutcome([verifier(true), verifier(false)])?.verdict).toBe('failure');
  });
});
