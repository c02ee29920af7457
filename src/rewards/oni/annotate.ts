/**
 * Asynchronous LLM annotation for ONI: the agent keeps acting while observations wait in a
 * queue; at most `concurrency` LLM calls run at once; each distinct message is asked about once;
 * answers land in a table that is read synchronously (unknown until annotated). Failed calls are
 * kept with their error and can be submitted again. The same queue serves labels (is this step
 * useful?) and preferences (which of two steps is better?).
 */
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { chat, type ChatEndpoint } from '../../agent/openai/chat.js';
import type { LabelledMessage, Preference } from './models.js';
import { normalizeMessage } from './reward.js';

export interface QueueStats {
  done: number;
  queued: number;
  inFlight: number;
  /** Most calls that ran at once. */
  maxInFlight: number;
  failed: number;
  dropped: number;
}

export type Submitted = 'known' | 'queued' | 'pending' | 'dropped';

export class AnnotationQueue<V> {
  private readonly results = new Map<string, V>();
  private readonly waiting: string[] = [];
  private readonly pending = new Set<string>();
  private readonly errors = new Map<string, string>();
  private inFlight = 0;
  private maxInFlight = 0;
  private dropped = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly work: (key: string) => Promise<V>, private readonly opts: { concurrency?: number; maxQueue?: number } = {}) {
    const c = opts.concurrency ?? 4;
    if (!Number.isInteger(c) || c < 1) throw new StepwiseError('invalid_input', `concurrency ${c} is not a positive integer`, 'use 1 or more concurrent LLM calls');
  }

  /** Non-blocking: queue the key unless it is known, already pending, or the queue is full. */
  submit(key: string): Submitted {
    if (this.results.has(key)) return 'known';
    if (this.pending.has(key)) return 'pending';
    if (this.waiting.length >= (this.opts.maxQueue ?? Infinity)) { this.dropped++; return 'dropped'; }
    this.errors.delete(key);
    this.pending.add(key);
    this.waiting.push(key);
    this.pump();
    return 'queued';
  }

  get(key: string): V | undefined {
    return this.results.get(key);
  }

  entries(): [string, V][] {
    return [...this.results];
  }

  failures(): [string, string][] {
    return [...this.errors];
  }

  stats(): QueueStats {
    return { done: this.results.size, queued: this.waiting.length, inFlight: this.inFlight, maxInFlight: this.maxInFlight, failed: this.errors.size, dropped: this.dropped };
  }

  /** Resolves when nothing is queued or running. */
  drain(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private pump(): void {
    while (this.inFlight < (this.opts.concurrency ?? 4) && this.waiting.length > 0) {
      const key = this.waiting.shift()!;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      this.work(key).then(
        (v) => { this.results.set(key, v); },
        (e: unknown) => { this.errors.set(key, errorMessage(e)); },
      ).finally(() => {
        this.inFlight--;
        this.pending.delete(key);
        this.pump();
        if (this.pending.size === 0) for (const r of this.idle.splice(0)) r();
      });
    }
  }
}

/** Labels per normalised message. */
export class LabelAnnotator {
  readonly queue: AnnotationQueue<0 | 1>;
  constructor(label: (message: string) => Promise<0 | 1>, opts?: { concurrency?: number; maxQueue?: number }) {
    this.queue = new AnnotationQueue(label, opts);
  }
  submit(message: string): Submitted { return this.queue.submit(normalizeMessage(message)); }
  label(message: string): 0 | 1 | undefined { return this.queue.get(normalizeMessage(message)); }
  dataset(): LabelledMessage[] { return this.queue.entries().map(([message, label]) => ({ message, label })); }
}

const PAIR = '\u0000';

/** Preferences per unordered pair of normalised messages. */
export class PreferenceAnnotator {
  readonly queue: AnnotationQueue<'a' | 'b' | 'tie'>;
  constructor(compare: (a: string, b: string) => Promise<'a' | 'b' | 'tie'>, opts?: { concurrency?: number; maxQueue?: number }) {
    this.queue = new AnnotationQueue((key) => { const [a, b] = key.split(PAIR); return compare(a, b); }, opts);
  }
  submit(a: string, b: string): Submitted { return this.queue.submit(`${normalizeMessage(a)}${PAIR}${normalizeMessage(b)}`); }
  dataset(): Preference[] {
    return this.queue.entries().flatMap(([k, v]) => {
      const [a, b] = k.split(PAIR);
      return v === 'a' ? [{ better: a, worse: b }] : v === 'b' ? [{ better: b, worse: a }] : [];
    });
  }
}

export const LABEL_SYSTEM = 'You help train a phone agent. Given the task and one observation of the phone (what the screen shows, or what just happened), ' +
  'say whether this observation is useful progress toward the task. Answer with JSON only: {"label": 1} for useful progress, {"label": 0} otherwise.';
export const COMPARE_SYSTEM = 'You help train a phone agent. Given the task and two observations A and B, say which shows more progress toward the task. ' +
  'Answer with JSON only: {"better": "A"}, {"better": "B"} or {"better": "tie"}.';

export function parseLabel(text: string): 0 | 1 {
  const m = /"label"\s*:\s*"?([01])"?/.exec(text) ?? /^\s*([01])\s*$/.exec(text);
  if (!m) throw new StepwiseError('parse_error', `the annotator answered without a label: ${JSON.stringify(text.slice(0, 120))}`, 'expected {"label": 0} or {"label": 1}');
  return m[1] === '1' ? 1 : 0;
}

export function parsePreference(text: string): 'a' | 'b' | 'tie' {
  const m = /"better"\s*:\s*"(A|B|tie)"/i.exec(text);
  if (!m) throw new StepwiseError('parse_error', `the annotator answered without a preference: ${JSON.stringify(text.slice(0, 120))}`, 'expected {"better": "A" | "B" | "tie"}');
  const v = m[1].toLowerCase();
  return v === 'a' ? 'a' : v === 'b' ? 'b' : 'tie';
}

export function llmLabeler(ep: ChatEndpoint, task: string): (message: string) => Promise<0 | 1> {
  return async (message) => parseLabel((await chat(ep, LABEL_SYSTEM, `Task: ${task}\nObservation: ${message}`)).text);
}

export function llmComparer(ep: ChatEndpoint, task: string): (a: string, b: string) => Promise<'a' | 'b' | 'tie'> {
  return async (a, b) => parsePreference((await chat(ep, COMPARE_SYSTEM, `Task: ${task}\nA: ${a}\nB: ${b}`)).text);
}
