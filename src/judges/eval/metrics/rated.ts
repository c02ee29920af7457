/** Rating sets (HelpSteer2): does the judge order a prompt's responses as people rated them. */

export interface RatedAgreement {
  /** Share of same-prompt pairs with different ratings the judge orders the same way (judge ties 0). */
  pairAccuracy: number;
  pairs: number;
  /** Pearson correlation of judge score and rating over all items (0 when undefined). */
  pearson: number;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export function ratedAgreement(rows: readonly { prompt: string; rating: number; score: number }[]): RatedAgreement {
  const byPrompt = new Map<string, { rating: number; score: number }[]>();
  for (const r of rows) byPrompt.set(r.prompt, [...(byPrompt.get(r.prompt) ?? []), r]);
  let pairs = 0, agree = 0;
  for (const g of byPrompt.values()) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) {
      if (g[i].rating === g[j].rating) continue;
      pairs++;
      const want = Math.sign(g[i].rating - g[j].rating), got = Math.sign(g[i].score - g[j].score);
      if (Number.isFinite(g[i].score) && Number.isFinite(g[j].score) && want === got) agree++;
    }
  }
  const ok = rows.filter((r) => Number.isFinite(r.score));
  return { pairAccuracy: pairs ? agree / pairs : 0, pairs, pearson: pearson(ok.map((r) => r.score), ok.map((r) => r.rating)) };
}
