/**
 * ONI's three ways to distil LLM annotations into a reward model that scores new steps without
 * calling the LLM: a hash table of labelled messages, a classifier trained on the labels, and a
 * Bradley-Terry ranking model trained on pairwise preferences (normalised over its training
 * messages, then thresholded r 1[r > -0.5]). Messages become hashed bag-of-words features; the
 * models are plain JSON so they can be saved and loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { StepwiseError } from '../../core/errors.js';
import { normalizeMessage } from './reward.js';

export interface LabelledMessage {
  message: string;
  label: 0 | 1;
}

export interface Preference {
  better: string;
  worse: string;
}

const HashModel = z.object({ kind: z.literal('hash'), version: z.literal(1), table: z.record(z.string(), z.union([z.literal(0), z.literal(1)])), unknown: z.number() });
const ClassifierModel = z.object({ kind: z.literal('classifier'), version: z.literal(1), dims: z.number().int().positive(), weights: z.array(z.number()), bias: z.number(), threshold: z.number().min(0).max(1) });
const RankingModel = z.object({ kind: z.literal('ranking'), version: z.literal(1), dims: z.number().int().positive(), weights: z.array(z.number()), mean: z.number(), std: z.number().positive(), cutoff: z.number() });
const OniModelSchema = z.discriminatedUnion('kind', [HashModel, ClassifierModel, RankingModel]);
export type OniModel = z.infer<typeof OniModelSchema>;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** Hashed words and word pairs, L2-normalised (signed hashing keeps collisions unbiased). */
export function messageFeatures(msg: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const words = normalizeMessage(msg).match(/[\p{L}\p{N}]+/gu) ?? [];
  const add = (f: string) => { const h = fnv1a(f); v[h % dims] += h & 0x80000000 ? -1 : 1; };
  words.forEach((w, i) => { add(`w:${w}`); if (i > 0) add(`b:${words[i - 1]} ${w}`); });
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  return n > 0 ? v.map((x) => x / n) : v;
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function trainHashModel(data: LabelledMessage[], unknown = 0): OniModel {
  const table: Record<string, 0 | 1> = {};
  for (const d of data) table[normalizeMessage(d.message)] = d.label;
  return { kind: 'hash', version: 1, table, unknown };
}

export interface TrainOptions {
  dims?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

function checkData(n: number, what: string, hint: string) {
  if (n === 0) throw new StepwiseError('invalid_input', `no ${what} to train on`, hint);
}

/** Logistic regression by full-batch gradient descent from zero weights: same data, same model. */
export function trainClassifier(data: LabelledMessage[], o: TrainOptions & { threshold?: number } = {}): OniModel {
  checkData(data.length, 'labelled messages', 'annotate some observations first');
  const dims = o.dims ?? 256, lr = o.learningRate ?? 1, l2 = o.l2 ?? 1e-4;
  const xs = data.map((d) => messageFeatures(d.message, dims));
  const w = new Array<number>(dims).fill(0);
  let b = 0;
  for (let e = 0; e < (o.epochs ?? 400); e++) {
    const gw = new Array<number>(dims).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const err = sigmoid(dot(w, x) + b) - data[i].label;
      for (let j = 0; j < dims; j++) gw[j] += err * x[j];
      gb += err;
    });
    for (let j = 0; j < dims; j++) w[j] -= lr * (gw[j] / xs.length + l2 * w[j]);
    b -= (lr * gb) / xs.length;
  }
  return { kind: 'classifier', version: 1, dims, weights: w, bias: b, threshold: o.threshold ?? 0.5 };
}

/** Bradley-Terry: P(a over b) = sigmoid(s(a) - s(b)) with a linear score s, fitted by gradient descent. */
export function trainRanking(prefs: Preference[], o: TrainOptions & { cutoff?: number } = {}): OniModel {
  checkData(prefs.length, 'preferences', 'ask the LLM to compare some pairs of observations first');
  const dims = o.dims ?? 256, lr = o.learningRate ?? 1, l2 = o.l2 ?? 1e-4;
  const diffs = prefs.map((p) => { const a = messageFeatures(p.better, dims), b = messageFeatures(p.worse, dims); return a.map((x, i) => x - b[i]); });
  const w = new Array<number>(dims).fill(0);
  for (let e = 0; e < (o.epochs ?? 400); e++) {
    const g = new Array<number>(dims).fill(0);
    for (const d of diffs) {
      const err = sigmoid(dot(w, d)) - 1;
      for (let j = 0; j < dims; j++) g[j] += err * d[j];
    }
    for (let j = 0; j < dims; j++) w[j] -= lr * (g[j] / diffs.length + l2 * w[j]);
  }
  // normalise over the messages it was trained on, so the cutoff means "half a std below average"
  const msgs = [...new Set(prefs.flatMap((p) => [normalizeMessage(p.better), normalizeMessage(p.worse)]))];
  const scores = msgs.map((m) => dot(w, messageFeatures(m, dims)));
  const mean = scores.reduce((a, x) => a + x, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, x) => a + (x - mean) ** 2, 0) / scores.length) || 1;
  return { kind: 'ranking', version: 1, dims, weights: w, mean, std, cutoff: o.cutoff ?? -0.5 };
}

/** r_int of a message: hash label (unknown -> model.unknown), classifier 1[p >= threshold], ranking r 1[r > cutoff]. */
export function intrinsicReward(m: OniModel, msg: string): number {
  if (m.kind === 'hash') return m.table[normalizeMessage(msg)] ?? m.unknown;
  const x = messageFeatures(msg, m.dims);
  if (m.kind === 'classifier') return sigmoid(dot(m.weights, x) + m.bias) >= m.threshold ? 1 : 0;
  const r = (dot(m.weights, x) - m.mean) / m.std;
  return r > m.cutoff ? r : 0;
}

/** The classifier's probability, for calibration plots (the reward itself is thresholded). */
export function classifierProbability(m: OniModel, msg: string): number {
  if (m.kind !== 'classifier') throw new StepwiseError('invalid_input', `a ${m.kind} model has no probability`, 'use a classifier model');
  return sigmoid(dot(m.weights, messageFeatures(msg, m.dims)) + m.bias);
}

export function parseOniModel(value: unknown, where = 'the ONI model'): OniModel {
  const r = OniModelSchema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new StepwiseError('invalid_input', `${where} is not a distilled ONI model: ${i.path.join('.') || '(root)'}: ${i.message}`, 'expected JSON written by saveOniModel (kind hash, classifier or ranking, version 1)');
  }
  if (r.data.kind !== 'hash' && r.data.weights.length !== r.data.dims) {
    throw new StepwiseError('invalid_input', `${where} has ${r.data.weights.length} weights for ${r.data.dims} dims`, 'the file is damaged; distil the model again');
  }
  return r.data;
}

export function saveOniModel(path: string, m: OniModel): void {
  writeFileSync(path, JSON.stringify(m) + '\n');
}

export function loadOniModel(path: string): OniModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('not_found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'pass the file written by saveOniModel');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new StepwiseError('invalid_input', `${path} is not JSON: ${(e as Error).message}`, 'pass the file written by saveOniModel');
  }
  return parseOniModel(value, path);
}
