/**
 * The `llm` engine: a thinking model writes the words of each category (reasoning, progress,
 * intents, thoughts, summaries) while every fact stays anchored to what the step really shows
 * (the executed action, the element under it, screen changes, the calibrated verdict). A model
 * answer that is missing, malformed or contradicts an anchor falls back to the grounded target
 * for that category, so the dataset never holds an invented action or a false completion.
 * One call per step, bounded concurrency, answers cached by content hash in the output folder.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonrepair } from 'jsonrepair';
import pLimit from 'p-limit';
import { stripMeta } from '../core/actions.js';
import { errorMessage } from '../core/errors.js';
import { chatMessages } from '../agent/openai/index.js';
import { CATEGORIES, SCHEMAS, type Category } from './categories.js';
import { stepText, type Built, type StepContext } from './grounded.js';

export interface LlmEngineSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  retries?: number;
  /** Steps of one trajectory in flight at once (default 4). */
  concurrency?: number;
  temperature?: number;
}

/** Fields whose values come from the grounded engine whatever the model says. */
const ANCHORED: Record<Category, readonly string[]> = {
  progress_tracking: ['step'],
  state_summary: ['app', 'keyboard_open'],
  effect_prediction: ['action', 'target', 'app_changed', 'screen_changed', 'appeared', 'disappeared'],
  self_reflection: ['action', 'assessment', 'should_repeat'],
  state_verification: ['task_complete'],
  intent_execution: ['action', 'element'],
  action_prediction: ['action'],
};

/** List fields the model may fill, kept only where each entry is a text of the screen. */
const ON_SCREEN: Partial<Record<Category, readonly string[]>> = {
  state_summary: ['key_texts', 'actionable'],
  state_verification: ['evidence'],
};

/** What the model is asked to write per category (everything else is anchored). */
const WRITES: Record<Category, string> = {
  progress_tracking: '{"done": [short phrases of the effective steps so far], "next": "the next step (omit if the run failed)", "reasoning": "..."}',
  state_summary: '{"key_texts": [texts on the screen that matter for the task], "actionable": [names of tappable elements], "reasoning": "..."}',
  effect_prediction: '{"reasoning": "why the action has the effect stated in the facts"}',
  self_reflection: '{"reasoning": "why the step is assessed as stated in the facts"}',
  state_verification: '{"evidence": [texts on the screen that show whether the task is done], "reasoning": "..."}',
  intent_execution: '{"intent": "the intent this action carries out, in the imperative", "reasoning": "..."}',
  action_prediction: '{"thought": "the thinking that leads to the action", "reasoning": "..."}',
};

const SYSTEM = 'You write training data for a phone-using agent from one recorded step. Facts about the step are given and are true; ' +
  'never contradict them. Answer with one JSON object whose keys are the requested categories, each holding the fields shown. JSON only.';

export interface LlmStepResult {
  built: Built;
  tokens: number;
  calls: number;
  cached: boolean;
  /** Categories that fell back to the grounded target, with why. */
  fallbacks: { category: Category; why: string }[];
  error?: string;
}

type Cached = { content: string; tokens: number };

/** Model answers by content hash, persisted as JSONL in the output folder (survives crashes). */
export class LlmCache {
  private readonly entries = new Map<string, Cached>();
  private readonly file: string;
  constructor(dir: string) {
    this.file = join(dir, 'llm-cache.jsonl');
    if (!existsSync(this.file)) return;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      try {
        const e = JSON.parse(line) as { key: string } & Cached;
        this.entries.set(e.key, { content: e.content, tokens: e.tokens });
      } catch { /* a torn last line */ }
    }
  }
  get(key: string): Cached | undefined { return this.entries.get(key); }
  set(key: string, v: Cached): void {
    this.entries.set(key, v);
    appendFileSync(this.file, JSON.stringify({ key, ...v }) + '\n');
  }
}

function facts(ctx: StepContext, i: number, grounded: Built): string {
  const { t, verdict, signals } = ctx;
  const step = t.steps[i];
  const sig = signals[i];
  const lines = [
    `Task: ${t.task.instruction}`,
    `The whole run was verified as a ${verdict.toUpperCase()}.`,
    `Step ${i} of ${t.steps.length}. Effective steps before it: ${signals.slice(0, i).filter((s) => !s.waste).map((s) => stepText(t.steps[s.index]?.action, s)).join('; ') || 'none'}.`,
    `Executed action: ${JSON.stringify(step.action ? stripMeta(step.action) : null)} (${stepText(step.action, sig)}).`,
  ];
  if (sig.before) lines.push(`Screen before (app ${sig.before.app ?? 'unknown'}): ${sig.before.texts.slice(0, 30).join(' | ')}`);
  if (sig.diff) lines.push(sig.diff.changed ? `After the action ${sig.diff.appeared.length} text(s) appeared (${sig.diff.appeared.slice(0, 10).join(' | ')}) and ${sig.diff.disappeared.length} disappeared.` : 'After the action the screen did not change.');
  for (const c of CATEGORIES) {
    const g = grounded[c]?.target as Record<string, unknown> | undefined;
    if (!g) continue;
    const fixed = Object.fromEntries(ANCHORED[c].filter((k) => k in g).map((k) => [k, g[k]]));
    if (Object.keys(fixed).length) lines.push(`Fact for ${c}: ${JSON.stringify(fixed)}`);
  }
  return lines.join('\n');
}

export function llmMessages(ctx: StepContext, i: number, grounded: Built, imageUrl?: string) {
  const wanted = CATEGORIES.filter((c) => grounded[c]);
  const ask = `Write these categories: {${wanted.map((c) => `"${c}": ${WRITES[c]}`).join(', ')}}`;
  return [
    { role: 'system' as const, content: SYSTEM },
    { role: 'user' as const, content: [{ type: 'text' as const, text: `${facts(ctx, i, grounded)}\n\n${ask}` }, ...(imageUrl ? [{ type: 'image_url' as const, image_url: { url: imageUrl } }] : [])] },
  ];
}

/** The model's object for each category, merged over the anchors and validated; grounded where it fails. */
export function mergeAnswer(content: string, grounded: Built, screenTexts: readonly string[]): { built: Built; fallbacks: LlmStepResult['fallbacks'] } {
  const built: Built = {};
  const fallbacks: LlmStepResult['fallbacks'] = [];
  let answer: Record<string, unknown> = {};
  let whole: string | undefined;
  try {
    const m = /\{[\s\S]*\}/.exec(content);
    if (!m) throw new Error('no JSON object in the answer');
    const v = JSON.parse(jsonrepair(m[0])) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('the answer is not a JSON object');
    answer = v as Record<string, unknown>;
  } catch (e) {
    whole = `unreadable answer: ${errorMessage(e).slice(0, 120)}`;
  }
  const onScreen = new Set(screenTexts.map((s) => s.trim().toLowerCase()));
  for (const c of CATEGORIES) {
    const g = grounded[c];
    if (!g) continue;
    const fallback = (why: string) => { (built as Record<string, unknown>)[c] = g; fallbacks.push({ category: c, why }); };
    if (whole) { fallback(whole); continue; }
    const given = answer[c];
    if (!given || typeof given !== 'object' || Array.isArray(given)) { fallback('category missing from the answer'); continue; }
    const target: Record<string, unknown> = { ...(g.target as Record<string, unknown>) };
    for (const [k, v] of Object.entries(given as Record<string, unknown>)) if (!ANCHORED[c].includes(k) && k in SCHEMAS[c].shape) target[k] = v;
    for (const k of ON_SCREEN[c] ?? []) {
      if (Array.isArray(target[k])) target[k] = (target[k] as unknown[]).filter((x) => typeof x === 'string' && onScreen.has(x.trim().toLowerCase()));
    }
    const parsed = SCHEMAS[c].safeParse(target);
    if (!parsed.success) { fallback(`invalid ${c}: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`); continue; }
    (built as Record<string, unknown>)[c] = { input: g.input, target: parsed.data };
  }
  return { built, fallbacks };
}

/** One step through the model (or the cache); never throws: failures fall back to grounded. */
export async function llmTargets(ctx: StepContext, i: number, grounded: Built, s: LlmEngineSettings, cache: LlmCache, imageUrl?: (sha: string) => string): Promise<LlmStepResult> {
  const sha = ctx.t.steps[i].observation?.image;
  const messages = llmMessages(ctx, i, grounded, sha && imageUrl ? imageUrl(sha) : undefined);
  const key = createHash('sha256').update(JSON.stringify({ model: s.model, text: messages[1].content[0], image: sha ?? null, system: SYSTEM })).digest('hex');
  const screen = ctx.signals[i].before?.texts ?? [];
  const hit = cache.get(key);
  if (hit) return { ...mergeAnswer(hit.content, grounded, screen), tokens: 0, calls: 0, cached: true };
  try {
    const c = await chatMessages({ ...s, timeoutMs: s.timeoutMs ?? 120_000, temperature: s.temperature ?? 0.3 }, messages, { body: { response_format: { type: 'json_object' } } });
    cache.set(key, { content: c.text, tokens: c.tokens });
    return { ...mergeAnswer(c.text, grounded, screen), tokens: c.tokens, calls: c.attempts, cached: false };
  } catch (e) {
    const error = errorMessage(e);
    const attempts = (e as { attempts?: number }).attempts ?? 1;
    return { built: grounded, fallbacks: CATEGORIES.filter((c) => grounded[c]).map((category) => ({ category, why: error })), tokens: 0, calls: attempts, cached: false, error };
  }
}

/** Every step of a trajectory through the model, `concurrency` at a time, in step order. */
export async function llmTrajectory(ctx: StepContext, grounded: Built[], s: LlmEngineSettings, cache: LlmCache, imageUrl?: (sha: string) => string): Promise<LlmStepResult[]> {
  const limit = pLimit(Math.max(1, s.concurrency ?? 4));
  return Promise.all(grounded.map((g, i) => limit(() => llmTargets(ctx, i, g, s, cache, imageUrl))));
}
