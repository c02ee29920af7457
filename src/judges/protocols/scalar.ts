/**
 * Scalar reward heads: vLLM /pooling or /classify, SGLang /classify, TEI /predict. `scalar`
 * is the general adapter (conversation or text input, raw logits by default because margins
 * matter); `verifyrm` (Cooper) and `polar` fix the input format their models were trained on.
 * Text inputs are sent in lists of batchSize per request.
 */
import { z } from 'zod';
import { StepwiseError } from '../../core/errors.js';
import { pointwiseJudge, sigmoid } from '../base.js';
import type { CommonConfig } from '../config.js';
import { newCost, type JudgeEndpoint } from '../endpoint.js';
import { registerProtocol } from '../registry.js';
import { fill, imagesOf, needReference, promptOf, responseOf, userMessage } from '../render.js';
import { needEndpoint, type JudgeRuntime } from '../runtime.js';
import type { CallOptions, JudgeCost, JudgeItem, JudgeResult } from '../types.js';

const ScalarOptions = z.object({
  route: z.enum(['classify', 'pooling', 'predict']).default('classify').describe('vLLM/SGLang /classify, vLLM /pooling, TEI /predict'),
  input: z.enum(['messages', 'text']).default('messages').describe('messages: the server applies the chat template (avoids a doubled BOS); text: the template below'),
  template: z.string().min(1).default('{prompt}\n\n{response}'),
  activation: z.boolean().default(false).describe('false: raw logits (use_activation: false); true: the server\'s sigmoid/softmax'),
  activationField: z.enum(['use_activation', 'activation']).default('use_activation').describe('older vLLM builds call it activation'),
  label: z.number().int().min(0).default(0).describe('which output of a multi-label head is the reward'),
  poolingTask: z.string().min(1).optional().describe('vLLM /pooling task, e.g. classify or token_classify'),
  images: z.number().int().min(0).max(8).default(0).describe('images sent in messages (multimodal RMs)'),
});
type ScalarCfg = CommonConfig & z.infer<typeof ScalarOptions>;

type Input = { text: string } | { messages: unknown[] };

/** The last token's row of a (possibly token-wise) pooling output, then the label's value. */
export function pooledValue(data: unknown, label: number): number | undefined {
  let d = data;
  while (Array.isArray(d) && d.length > 0 && Array.isArray(d[d.length - 1])) d = d[d.length - 1];
  if (typeof d === 'number') return d;
  if (Array.isArray(d)) return typeof d[label] === 'number' ? d[label] : undefined;
  return undefined;
}

async function requestScores(ep: JudgeEndpoint, cfg: ScalarCfg, inputs: Input[], cost: JudgeCost, signal?: AbortSignal): Promise<number[]> {
  const texts = inputs.every((i) => 'text' in i) ? (inputs as { text: string }[]).map((i) => i.text) : undefined;
  let body: Record<string, unknown>;
  if (cfg.route === 'predict') {
    if (!texts) throw new StepwiseError('config_error', 'scalar: route predict (TEI) takes text input', 'set input: text');
    body = { inputs: texts.length === 1 ? texts[0] : texts, raw_scores: !cfg.activation };
  } else {
    body = { model: ep.opts.model, ...(texts ? { input: texts.length === 1 ? texts[0] : texts } : { messages: (inputs[0] as { messages: unknown[] }).messages }) };
    if (cfg.route === 'classify' && !cfg.activation) body[cfg.activationField] = false;
    if (cfg.route === 'pooling' && cfg.poolingTask) body.task = cfg.poolingTask;
  }
  const res = await ep.postRoot(`/${cfg.route}`, body, cost, signal, `${cfg.route} answer with ${inputs.length} score(s) (label ${cfg.label})`, (r) => parseScores(r, cfg, inputs.length) !== undefined);
  return parseScores(res, cfg, inputs.length)!;
}

function parseScores(res: any, cfg: ScalarCfg, n: number): number[] | undefined {
  let out: (number | undefined)[];
  if (cfg.route === 'predict') {
    const rows: unknown[] = n === 1 ? [res] : Array.isArray(res) ? res : [];
    out = rows.map((r) => (Array.isArray(r) ? (r[cfg.label] as { score?: unknown } | undefined)?.score : undefined) as number | undefined);
  } else {
    const data = Array.isArray(res?.data) ? [...res.data].sort((a: any, b: any) => (a?.index ?? 0) - (b?.index ?? 0)) : [];
    out = data.map((d: any) => (cfg.route === 'classify' ? (Array.isArray(d?.probs) ? d.probs[cfg.label] : undefined) : pooledValue(d?.data, cfg.label)));
  }
  return out.length === n && out.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (out as number[]) : undefined;
}

interface ScalarSpec {
  protocol: string;
  input(item: JudgeItem): Input;
  /** Score and P(good) from the head's number. */
  interpret(v: number): { score: number; confidence: number };
}

function scalarJudge(cfg: ScalarCfg, rt: JudgeRuntime, spec: ScalarSpec) {
  const ep = needEndpoint(rt);
  const result = (item: JudgeItem, v: number, cost: JudgeCost, share: number): JudgeResult => {
    const { score, confidence } = spec.interpret(v);
    // A batched request's cost is split evenly over its items.
    const c = { calls: cost.calls / share, promptTokens: cost.promptTokens / share, completionTokens: cost.completionTokens / share, latencyMs: cost.latencyMs / share };
    return { id: item.id, protocol: spec.protocol, score, confidence, verdict: confidence >= 0.5 ? 'success' : 'failure', raw: [String(v)], cost: c };
  };
  const scoreBatch = async (items: JudgeItem[], o?: CallOptions): Promise<JudgeResult[]> => {
    const inputs = items.map(spec.input);
    const out: JudgeResult[] = new Array(items.length);
    const textual = inputs.every((i) => 'text' in i);
    const groups: number[][] = [];
    for (let i = 0; i < items.length; i += textual ? cfg.batchSize : 1) groups.push(items.slice(i, i + (textual ? cfg.batchSize : 1)).map((_, k) => i + k));
    await Promise.all(groups.map(async (g) => {
      const cost = newCost();
      const values = await requestScores(ep, cfg, g.map((i) => inputs[i]), cost, o?.signal);
      g.forEach((i, k) => (out[i] = result(items[i], values[k], cost, g.length)));
    }));
    return out;
  };
  return pointwiseJudge({ protocol: spec.protocol, concurrency: cfg.concurrency, scoreBatch, score: async (item, o) => (await scoreBatch([item], o))[0] });
}

registerProtocol<z.infer<typeof ScalarOptions>>({
  name: 'scalar', options: ScalarOptions, needsEndpoint: true,
  build: (cfg, rt) => scalarJudge(cfg, rt, {
    protocol: 'scalar',
    input: (item) => cfg.input === 'text' || cfg.route === 'predict'
      ? { text: fill(cfg.template, { prompt: promptOf(item.target), response: responseOf(item.target), reference: item.reference ?? '' }) }
      : { messages: [userMessage(promptOf(item.target), imagesOf(item.target, rt.ctx, cfg.images)), { role: 'assistant', content: responseOf(item.target) }] },
    // Raw logits are unbounded; with the server's activation the number is already P(good).
    interpret: (v) => ({ score: v, confidence: cfg.activation ? v : sigmoid(v) }),
  }),
});

const FixedTextOptions = ScalarOptions.pick({ route: true, activation: true, activationField: true, label: true, poolingTask: true });

registerProtocol<z.infer<typeof FixedTextOptions>>({
  name: 'verifyrm', options: FixedTextOptions.extend({ route: z.enum(['classify', 'pooling', 'predict']).default('classify') }), needsEndpoint: true,
  build: (cfg, rt) => scalarJudge({ ...cfg, input: 'text', template: '', images: 0 } as ScalarCfg, rt, {
    protocol: 'verifyrm',
    input: (item) => ({ text: `<question>${promptOf(item.target)}</question>\n<reference_answer>${needReference(item, 'verifyrm')}</reference_answer>\n<completion>${responseOf(item.target)}</completion>` }),
    interpret: (v) => {
      const p = cfg.activation ? v : sigmoid(v);
      return { score: p, confidence: p };
    },
  }),
});

/** ~4096 tokens at ~4 characters a token: POLAR's per-response limit. */
const POLAR_MAX_CHARS = 16_384;
registerProtocol<z.infer<typeof FixedTextOptions>>({
  name: 'polar', options: FixedTextOptions.extend({ route: z.enum(['classify', 'pooling', 'predict']).default('pooling') }), needsEndpoint: true,
  build: (cfg, rt) => scalarJudge({ ...cfg, input: 'text', template: '', images: 0 } as ScalarCfg, rt, {
    protocol: 'polar',
    input: (item) => {
      const p = promptOf(item.target);
      const ref = needReference(item, 'polar').slice(0, POLAR_MAX_CHARS);
      const out = responseOf(item.target).slice(0, POLAR_MAX_CHARS);
      return { text: `${p}\n${ref}<|reward|>${p}\n${out}[UNUSED_TOKEN_130]` };
    },
    interpret: (v) => ({ score: v, confidence: sigmoid(v) }),
  }),
});
