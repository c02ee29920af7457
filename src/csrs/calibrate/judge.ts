/**
 * The LLM/VLM judge: CSRS's judge step runs through the judges interface (protocol
 * gui-verdict, src/judges): one OpenAI-compatible call per trajectory (or k for voting) over
 * the task, the action log and the final screenshot(s), answering JSON {verdict, confidence,
 * reason}. `judgeSteps` is the step-level baseline (one call per step) that CSRS's cost is
 * compared with.
 */
import { StepwiseError, errorMessage } from '../../core/errors.js';
import type { Outcome, Trajectory } from '../../core/trajectory.js';
import { complete, createClient, endpointError, withRetries } from '../../agent/openai/index.js';
import { actionText } from '../../store/format.js';
import { createJudge } from '../../judges/index.js';
import { guiVerdictMessages, parseGuiVerdict, type GuiVerdictReply } from '../../judges/protocols/gui-verdict.js';
import { dataUrl as bytesUrl } from '../../judges/render.js';

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

export type JudgeReply = GuiVerdictReply;

export function parseJudgeReply(text: string): JudgeReply {
  return parseGuiVerdict(text);
}

function dataUrl(load: ImageLoader, sha: string): string {
  return bytesUrl(load(sha));
}

export function judgeMessages(t: Trajectory, load: ImageLoader, images = 1) {
  const shas = t.steps.map((s) => s.observation?.image).filter((x): x is string => !!x).slice(-images);
  return guiVerdictMessages({ target: { kind: 'trajectory', trajectory: t } }, shas.map((s) => dataUrl(load, s)));
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

/** The judge's outcome (majority of k samples); throws when no sample gave a verdict. */
export async function judgeTrajectory(t: Trajectory, s: JudgeSettings, load: ImageLoader): Promise<Outcome & { errors: string[] }> {
  const judge = createJudge({
    protocol: 'gui-verdict', baseURL: s.baseURL, apiKey: s.apiKey, model: s.model, timeoutMs: s.timeoutMs ?? 60_000, retries: s.retries ?? 2,
    // CSRS applies its own rules earlier in the chain.
    retryDelayMs: 200, samples: s.samples ?? 1, images: s.images ?? 1, temperature: s.temperature ?? 0.7, rules: false,
  }, { context: { loadImage: load } });
  const r = await judge.score({ id: t.id, target: { kind: 'trajectory', trajectory: t } });
  const pSuccess = r.confidence ?? r.score;
  const verdict = r.verdict ?? (pSuccess >= 0.5 ? 'success' : 'failure');
  return {
    verdict, confidence: verdict === 'success' ? pSuccess : 1 - pSuccess, source: 'judge', by: s.model, reason: r.rationale ?? '',
    cost: { tokens: r.cost.promptTokens + r.cost.completionTokens, ms: r.cost.latencyMs }, errors: r.errors ?? [],
  };
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
