/**
 * The LLM/VLM judge: one OpenAI-compatible call per trajectory (or k for voting) over the
 * task, the action log and the final screenshot(s); the answer is JSON {verdict, confidence,
 * reason} checked with zod. `judgeSteps` is the step-level baseline (one call per step) that
 * CSRS's cost is compared with.
 */
import { z } from 'zod';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import type { Outcome, Trajectory } from '../../core/trajectory.js';
import { complete, createClient, endpointError, withRetries } from '../../agent/openai/index.js';
import { actionText } from '../../store/format.js';

export interface JudgeSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  retries?: number;
  /** Samples for majority voting (default 1). */
  samples?: number;
  /** Final screenshots shown (default 1). */
  images?: number;
  temperature?: number;
}

/** Reads a screenshot blob (png/jpeg bytes) by sha. */
export type ImageLoader = (sha: string) => Buffer;

const Reply = z.object({ verdict: z.enum(['success', 'failure']), confidence: z.number().min(0).max(1), reason: z.string().default('') });
export type JudgeReply = z.infer<typeof Reply>;

const SYSTEM = 'You judge whether a phone agent completed its task. Read the task, the action log and the final screen(s). ' +
  'Answer with JSON only: {"verdict":"success"|"failure","confidence":0.0-1.0,"reason":"one sentence"}.';

export function parseJudgeReply(text: string): JudgeReply {
  const m = /\{[\s\S]*\}/.exec(text);
  if (!m) throw new StepwiseError('parse_error', `the judge answered without JSON: ${JSON.stringify(text.slice(0, 120))}`, 'the judge prompt asks for {"verdict","confidence","reason"}; check the model');
  try {
    return Reply.parse(JSON.parse(m[0]));
  } catch (e) {
    throw new StepwiseError('parse_error', `the judge's JSON is not a verdict: ${errorMessage(e).slice(0, 200)}`, 'expected {"verdict":"success"|"failure","confidence":0-1,"reason":"..."}');
  }
}

function dataUrl(load: ImageLoader, sha: string): string {
  const b = load(sha);
  const mime = b[0] === 0xff ? 'image/jpeg' : 'image/png';
  return `data:${mime};base64,${b.toString('base64')}`;
}

export function judgeMessages(t: Trajectory, load: ImageLoader, images = 1) {
  const log = t.steps.map((s) => `${s.index}. ${actionText(s.action)}${s.result && !s.result.ok ? ` (failed: ${s.result.error ?? ''})` : ''}`).join('\n');
  const shas = t.steps.map((s) => s.observation?.image).filter((x): x is string => !!x).slice(-images);
  const text = `Task: ${t.task.instruction}\nStopped: ${t.stopReason ?? t.status}${t.answer ? `\nFinal answer: ${t.answer}` : ''}\nActions:\n${log || '(none)'}`;
  return [
    { role: 'system' as const, content: SYSTEM },
    { role: 'user' as const, content: [{ type: 'text' as const, text }, ...shas.map((s) => ({ type: 'image_url' as const, image_url: { url: dataUrl(load, s) } }))] },
  ];
}

interface Call { reply?: JudgeReply; tokens: number; error?: string }

async function call(s: JudgeSettings, messages: unknown[]): Promise<Call> {
  const settings = { baseURL: s.baseURL, apiKey: s.apiKey, model: s.model, timeoutMs: s.timeoutMs ?? 60_000 };
  const client = createClient(settings);
  let attempts = 0;
  try {
    const c = await withRetries((a) => { attempts = a + 1; return complete(client, { model: s.model, messages: messages as never, temperature: s.temperature ?? 0.7 }, { timeoutMs: settings.timeoutMs, stream: false }); }, { retries: s.retries ?? 2, baseDelayMs: 200 });
    const tokens = (c.usage?.prompt ?? 0) + (c.usage?.completion ?? 0);
    try {
      return { reply: parseJudgeReply(c.content), tokens };
    } catch (e) {
      return { tokens, error: errorMessage(e) };
    }
  } catch (e) {
    return { tokens: 0, error: errorMessage(endpointError(e, settings, attempts)) };
  }
}

/** The judge's outcome (majority of k samples), or undefined when no sample gave a verdict. */
export async function judgeTrajectory(t: Trajectory, s: JudgeSettings, load: ImageLoader): Promise<Outcome & { errors: string[] }> {
  const started = Date.now();
  const k = s.samples ?? 1;
  const messages = judgeMessages(t, load, s.images ?? 1);
  const calls = await Promise.all(Array.from({ length: k }, () => call(s, messages)));
  const tokens = calls.reduce((a, c) => a + c.tokens, 0);
  const votes = calls.filter((c) => c.reply).map((c) => c.reply!);
  const errors = calls.filter((c) => c.error).map((c) => c.error!);
  const cost = { tokens, ms: Date.now() - started };
  if (votes.length === 0) {
    throw new StepwiseError('model_error', `the judge gave no usable verdict in ${k} call(s): ${errors[0] ?? ''}`, 'check the judge endpoint and model', { tokens });
  }
  const yes = votes.filter((v) => v.verdict === 'success').length;
  const verdict = yes * 2 >= votes.length ? 'success' : 'failure';
  // Probability of the majority verdict averaged over votes (a dissenting vote counts 1 - c).
  const p = votes.reduce((a, v) => a + (v.verdict === verdict ? v.confidence : 1 - v.confidence), 0) / votes.length;
  const reason = votes.find((v) => v.verdict === verdict)?.reason ?? '';
  return { verdict, confidence: p, source: 'judge', by: s.model, reason: k > 1 ? `${reason} (${votes.length} votes, ${yes} success)` : reason, cost, errors };
}

/** Step-level judge baseline: one call per step over that step's screen; returns tokens spent. */
export async function judgeSteps(t: Trajectory, s: JudgeSettings, load: ImageLoader): Promise<{ calls: number; tokens: number }> {
  let tokens = 0;
  for (const step of t.steps) {
    const img = step.observation?.image;
    const text = `Task: ${t.task.instruction}\nStep ${step.index}: ${actionText(step.action)}\nIs this step correct?`;
    const messages = [
      { role: 'system', content: 'You judge one step of a phone agent. Answer with JSON only: {"verdict":"success"|"failure","confidence":0.0-1.0,"reason":"..."}.' },
      { role: 'user', content: [{ type: 'text', text }, ...(img ? [{ type: 'image_url', image_url: { url: dataUrl(load, img) } }] : [])] },
    ];
    tokens += (await call(s, messages)).tokens;
  }
  return { calls: t.steps.length, tokens };
}
