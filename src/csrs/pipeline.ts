/**
 * `stepwise csrs` end to end: walk the store, calibrate each finished trajectory's verdict,
 * read its steps' signals, extract and select the seven categories, append every export
 * format, and rebuild pairs, rewards and the dataset card. Resumable and idempotent (see
 * export/outdir.ts).
 */
import { createHash } from 'node:crypto';
import { StepwiseError } from '../core/errors.js';
import type { Trajectory } from '../core/trajectory.js';
import type { UiTree } from '../core/uitree.js';
import { dataUri } from '../report/html.js';
import type { Store } from '../store/index.js';
import { CATEGORIES, type Category } from './categories.js';
import { calibrate, type ChainOptions } from './calibrate/chain.js';
import { barChartSvg, datasetCard } from './export/card.js';
import { formatSample, imagePath, SFT_FORMATS } from './export/formats.js';
import type { IndexRecord } from './export/index-record.js';
import { OutDir } from './export/outdir.js';
import { preferencePairs } from './export/pairs.js';
import { stepRewards, type RewardMethod } from './export/step-rewards.js';
import { groundedTargets, toSamples } from './grounded.js';
import { LlmCache, llmTrajectory, type LlmEngineSettings } from './llm-engine.js';
import { screensOf, type TreeLoader } from './screen.js';
import { categoriesFor, type SelectOptions } from './select.js';
import { stepSignals } from './signals.js';

export const ENGINES = ['grounded', 'llm'] as const;

export interface CsrsOptions extends ChainOptions, SelectOptions {
  store: Store;
  out: string;
  engine?: string;
  rewardMethod?: RewardMethod;
  /** Settings of the `llm` engine's model (required with engine llm). */
  llm?: LlmEngineSettings;
  /** Write review_needed annotations into the store (default true). */
  queueReviews?: boolean;
  limit?: number;
  onTrajectory?: (id: string, done: number) => void;
}

export interface CsrsSummary {
  trajectories: number;
  successes: number;
  failures: number;
  samples_by_category: Record<Category, number>;
  action_samples_from_failures: number;
  wasted_steps: number;
  review_queued: number;
  skipped: { unverified: number; running: number; already_done: number; changed: number };
  processed_now: number;
  pairs: number;
  tokens: number;
  /** The llm engine's model use (zero with grounded). */
  llm: { calls: number; tokens: number; cached_steps: number; failed_steps: number; fallback_categories: number; tokens_per_trajectory: number };
  out: string;
}

const APPENDED = ['samples.jsonl', 'prm.jsonl', 'index.jsonl', ...SFT_FORMATS.map((f) => `data/${f}.jsonl`)];

export function contentHash(t: Trajectory, outcomes: unknown): string {
  return createHash('sha256').update(JSON.stringify({ t, outcomes })).digest('hex').slice(0, 32);
}

export async function runCsrs(o: CsrsOptions): Promise<CsrsSummary> {
  const engine = o.engine ?? 'grounded';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new StepwiseError('invalid_input', `unknown engine "${engine}"`, `use --engine grounded (no model) or --engine llm with --llm-base-url`);
  }
  if (engine === 'llm' && !o.llm) throw new StepwiseError('invalid_input', 'the llm engine needs a model endpoint', 'pass --llm-base-url URL and --llm-model NAME (any OpenAI-compatible server)');
  const out = new OutDir(o.out, APPENDED);
  const store = o.store;
  const cache = engine === 'llm' ? new LlmCache(o.out) : undefined;
  const imageUrl = (sha: string) => dataUri(store.getBlob(sha));
  const trees = new Map<string, UiTree>();
  const load: TreeLoader = (sha) => {
    let t = trees.get(sha);
    if (!t) { t = JSON.parse(store.getBlob(sha).toString('utf8')) as UiTree; trees.set(sha, t); }
    return t;
  };
  const skipped = { unverified: 0, running: 0, already_done: 0, changed: 0 };
  let now = 0;
  for (const sum of store.iterate({ limit: o.limit })) {
    if (sum.status === 'running') { skipped.running++; continue; }
    const t = store.getTrajectory(sum.id);
    const stored = store.getOutcomes(t.id);
    const hash = contentHash(t, stored);
    const prev = out.done.get(t.id);
    if (prev === hash) { skipped.already_done++; continue; }
    if (prev !== undefined && !wasQueued(store, t.id)) { skipped.changed++; continue; }
    trees.clear(); // trees are shared within a trajectory only: memory stays bounded
    const cal = await calibrate(t, stored, o, (sha) => store.getBlob(sha));
    const counts: Record<string, number> = {};
    const bump = (k: string, n = 1) => { counts[k] = (counts[k] ?? 0) + n; };
    if (cal.review && o.queueReviews !== false && !wasQueued(store, t.id)) {
      store.addAnnotation({ trajectoryId: t.id, kind: 'review_needed', value: { reason: cal.review, sources: cal.sources }, author: 'csrs' });
    }
    if (!cal.final || cal.review) {
      if (!cal.final) skipped.unverified++;
      if (cal.review) bump('review');
      out.commit(t.id, hash, counts);
      continue;
    }
    const verdict = cal.final.verdict;
    bump('trajectories'); bump(`verdict:${verdict}`); bump(`app:${t.task.app ?? 'unknown'}`); bump(`source:${cal.final.source}`);
    bump('tokens', cal.sources.reduce((a, s) => a + (s.cost?.tokens ?? 0), 0));
    const signals = stepSignals(t, screensOf(t, load));
    const ctx = { t, verdict, signals };
    let built = t.steps.map((_, i) => groundedTargets(ctx, i));
    if (cache && o.llm) {
      const res = await llmTrajectory(ctx, built, o.llm, cache, imageUrl);
      built = res.map((r) => r.built);
      for (const r of res) {
        bump('tokens', r.tokens); bump('llm_tokens', r.tokens); bump('llm_calls', r.calls);
        if (r.cached) bump('llm_cached');
        if (r.error) bump('llm_errors');
        bump('llm_fallbacks', r.fallbacks.length);
      }
    }
    const samples = t.steps.flatMap((_, i) => {
      const keep = categoriesFor(verdict, signals[i], o);
      if (verdict === 'success' && signals[i].waste) bump('wasted');
      return toSamples(ctx, i, built[i], keep);
    });
    for (const s of samples) {
      bump(`cat:${s.category}`);
      if (s.category === 'action_prediction' && s.verdict === 'failure') bump('action_from_failures');
      for (const sha of s.images) out.copyImage(store.blobPath(sha), imagePath(sha));
    }
    out.append('samples.jsonl', samples);
    for (const f of SFT_FORMATS) out.append(`data/${f}.jsonl`, samples.map((s) => formatSample(s, f)).filter((x) => x !== undefined));
    out.append('prm.jsonl', signals.map((s) => ({
      trajectoryId: t.id, step: s.index, verdict,
      label: verdict === 'success' ? (s.waste ? 0 : 1) : s.waste ? 0 : null,
      ...(s.waste ? { waste: s.waste } : {}),
    })));
    const rec: IndexRecord = {
      id: t.id, taskId: t.task.id, instruction: t.task.instruction, app: t.task.app, verdict, confidence: cal.final.confidence,
      steps: t.steps.map((st, i) => ({ sig: signals[i].before?.signature, action: st.action, image: st.observation?.image, waste: signals[i].waste, changed: signals[i].diff?.changed })),
    };
    out.append('index.jsonl', [rec]);
    out.commit(t.id, hash, counts);
    now++;
    o.onTrajectory?.(t.id, now);
  }
  const records = out.readLines<IndexRecord>('index.jsonl');
  const pairs = preferencePairs(records);
  out.write('dpo.jsonl', pairs.map((p) => JSON.stringify(p) + '\n').join(''));
  const method = o.rewardMethod ?? 'outcome';
  out.write('rewards.jsonl', stepRewards(records, method).map((r) => JSON.stringify(r) + '\n').join(''));
  const tot = out.totals;
  out.write('chart.svg', barChartSvg('CSRS samples per category', CATEGORIES.map((c) => [c, tot[`cat:${c}`] ?? 0])));
  out.write('card.md', datasetCard(tot, { pairs: pairs.length, rewardMethod: method }));
  out.write('dataset_info.json', JSON.stringify({ csrs_sharegpt: { file_name: 'data/sharegpt.jsonl', formatting: 'sharegpt', columns: { messages: 'messages', images: 'images' }, tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' } } }, null, 2) + '\n');
  return {
    trajectories: tot.trajectories ?? 0,
    successes: tot['verdict:success'] ?? 0,
    failures: tot['verdict:failure'] ?? 0,
    samples_by_category: Object.fromEntries(CATEGORIES.map((c) => [c, tot[`cat:${c}`] ?? 0])) as Record<Category, number>,
    action_samples_from_failures: tot.action_from_failures ?? 0,
    wasted_steps: tot.wasted ?? 0,
    review_queued: tot.review ?? 0,
    skipped,
    processed_now: now,
    pairs: pairs.length,
    tokens: tot.tokens ?? 0,
    llm: {
      calls: tot.llm_calls ?? 0, tokens: tot.llm_tokens ?? 0, cached_steps: tot.llm_cached ?? 0, failed_steps: tot.llm_errors ?? 0,
      fallback_categories: tot.llm_fallbacks ?? 0, tokens_per_trajectory: tot.trajectories ? (tot.llm_tokens ?? 0) / tot.trajectories : 0,
    },
    out: o.out,
  };
}

function wasQueued(store: Store, id: string): boolean {
  return store.getAnnotations(id).some((a) => a.kind === 'review_needed');
}
