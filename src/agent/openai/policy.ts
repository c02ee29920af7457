/**
 * The `openai` policy: any OpenAI-compatible chat endpoint (vLLM, ollama, llama.cpp, hosted
 * APIs) driven in one of the output dialects. Per step: resize the screenshot for the model,
 * build the dialect's prompt with its history, call the endpoint (retrying transient failures),
 * parse the answer into a canonical action, and when it does not parse, send the parse error
 * back once (bounded) asking for the exact format.
 */
import type OpenAI from 'openai';
import { ACTIONS, type Action } from '../../core/actions.js';
import { StepwiseError } from '../../core/errors.js';
import { getDialect, toolsForOpenAI, type ChatMessage, type Dialect, type ParsedOutput } from '../../formats/index.js';
import { MODEL_DEFAULTS, type ModelSettings } from '../../config/resolve.js';
import type { Decision, Policy, PolicyContext } from '../policy.js';
import { complete, createClient, endpointError, type Completion } from './client.js';
import { prepareImage } from './image.js';
import { buildMessages, MULTI_IMAGE_DIALECTS, type PastImage, type PromptImage } from './messages.js';
import { defaultProfileFor, getProfile, type ResizeProfile } from './profiles.js';
import { withRetries, type RetryOptions } from './retry.js';

type Settings = Omit<ModelSettings, 'sources' | 'configPath'>;

/** baseURL and model are required; everything else has the documented defaults. */
export type OpenAIPolicyOptions = Pick<Settings, 'baseURL' | 'model'> &
  Partial<Omit<Settings, 'baseURL' | 'model'>> & {
    /** Extra lines for the system prompt (app hints, rules). */
    hints?: string[];
    /** Backoff tuning (tests shorten the delays). */
    backoff?: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>;
  };

interface RunMemory {
  replies: string[];
  images: PastImage[];
}

const JSON_TOOL_HINT = 'Call exactly one of the provided functions for the next action; write your reasoning as the message text.';

export class OpenAIPolicy implements Policy {
  readonly name = 'openai';
  readonly settings: Settings;
  private readonly dialect: Dialect;
  private readonly profile: ResizeProfile;
  private readonly client: OpenAI;

  constructor(private readonly opts: OpenAIPolicyOptions) {
    const dialect = getDialect(opts.dialect ?? MODEL_DEFAULTS.dialect);
    const defined = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
    this.settings = { ...MODEL_DEFAULTS, profile: defaultProfileFor(dialect.name), ...defined } as Settings;
    if (!this.settings.model) throw new StepwiseError('config_error', 'the openai policy needs a model name', 'pass model (--model / STEPWISE_MODEL)');
    this.dialect = dialect;
    this.profile = getProfile(this.settings.profile, {
      maxPixels: this.settings.maxPixels, minPixels: this.settings.minPixels, format: this.settings.imageFormat, quality: this.settings.imageQuality,
    });
    this.client = createClient(this.settings);
  }

  describe(): Record<string, unknown> {
    const s = this.settings;
    return {
      model: s.model, baseURL: s.baseURL, dialect: s.dialect, profile: s.profile, temperature: s.temperature, maxTokens: s.maxTokens,
      ...(s.provider && { provider: s.provider }),
      ...(MULTI_IMAGE_DIALECTS.includes(this.dialect.name) && { historyImages: s.historyImages }),
      ...(s.maxPixels && { maxPixels: s.maxPixels }),
      ...(s.stream && { stream: true }),
      ...(s.coordinates !== 'image' && { coordinates: s.coordinates }),
    };
  }

  async decide(ctx: PolicyContext): Promise<Decision> {
    const started = Date.now();
    const s = this.settings;
    const mem = memoryOf(ctx);
    if (ctx.reply !== undefined) mem.replies.push(ctx.reply);
    const image = await prepareImage(ctx.observation.image, this.profile);
    // The size the model's numbers refer to: the sent image, or a 0-1000 grid for models that use one.
    const pointSize = s.coordinates === 'norm1000' ? { width: 1000, height: 1000 } : { width: image.width, height: image.height };
    let messages = buildMessages(this.dialect, {
      instruction: ctx.task.instruction,
      history: ctx.history,
      image: { dataUrl: image.dataUrl, ...pointSize },
      platform: s.platform,
      userReplies: mem.replies,
      hints: [...(this.opts.hints ?? []), ...(this.usesTools() ? [JSON_TOOL_HINT] : [])],
      historyImages: s.historyImages,
      pastImages: mem.images,
    });
    this.remember(mem, ctx.stepIndex, { dataUrl: image.dataUrl, ...pointSize });

    const usage = { prompt: 0, completion: 0, seen: false };
    let requests = 0;
    for (let round = 0; ; round++) {
      const c = await this.request(messages, ctx.signal, (n) => (requests += n));
      if (c.usage) {
        usage.prompt += c.usage.prompt;
        usage.completion += c.usage.completion;
        usage.seen = true;
      }
      const raw = rawOf(c);
      const meta: Record<string, unknown> = {
        model: s.model, imageSize: `${image.width}x${image.height}`, requests, parseRounds: round + 1,
        ...(c.finishReason && { finishReason: c.finishReason }),
        ...(c.logprobs && { logprobs: summarize(c.logprobs) }),
      };
      const common = {
        raw,
        latencyMs: Date.now() - started,
        ...(usage.seen && { tokens: { prompt: usage.prompt, completion: usage.completion } }),
        ...(usage.seen && s.price && { costUsd: (usage.prompt * s.price.prompt + usage.completion * s.price.completion) / 1e6 }),
      };
      let parsed: ParsedOutput;
      try {
        parsed = this.dialect.parse(raw, { imageSize: pointSize, platform: s.platform });
      } catch (e) {
        if (!(e instanceof StepwiseError) || e.code !== 'parse_error') throw e;
        if (round < s.parseRetries) {
          messages = [...messages, { role: 'assistant', content: raw }, { role: 'user', content: correction(e.message) }];
          continue;
        }
        return { ...common, parseError: e.message, ...(c.reasoning && { thought: c.reasoning }), meta };
      }
      if (parsed.thought !== undefined && c.reasoning) meta.reasoning = c.reasoning;
      const thought = parsed.thought ?? c.reasoning;
      return {
        ...common,
        action: bindFrame(parsed.action, ctx.observation.frame.id),
        ...(thought !== undefined && { thought }),
        ...(parsed.summary !== undefined && { summary: parsed.summary }),
        ...(Object.keys(parsed.extras).length && { extras: parsed.extras }),
        meta,
      };
    }
  }

  private usesTools(): boolean {
    return this.dialect.name === 'json' && this.settings.toolChoice !== 'none';
  }

  private async request(messages: ChatMessage[], signal: AbortSignal | undefined, count: (n: number) => void): Promise<Completion> {
    const s = this.settings;
    const body: Record<string, unknown> = {
      model: s.model,
      messages,
      temperature: s.temperature,
      max_tokens: s.maxTokens,
      ...(s.topP !== undefined && { top_p: s.topP }),
      ...(this.usesTools() && { tools: toolsForOpenAI(s.platform), tool_choice: s.toolChoice }),
      ...(s.logprobs !== undefined && { logprobs: true, ...(s.logprobs > 0 && { top_logprobs: s.logprobs }) }),
      ...s.extraBody,
    };
    let attempts = 0;
    try {
      return await withRetries(
        () => {
          attempts++;
          return complete(this.client, body as never, { timeoutMs: s.timeoutMs, stream: s.stream, signal });
        },
        { retries: s.retries, signal, ...this.opts.backoff },
      );
    } catch (e) {
      throw endpointError(e, s, attempts);
    } finally {
      count(attempts);
    }
  }

  private remember(mem: RunMemory, stepIndex: number, image: PromptImage): void {
    if (!MULTI_IMAGE_DIALECTS.includes(this.dialect.name)) return;
    mem.images.push({ stepIndex, image });
    // Only the images a later prompt can show are kept.
    const keep = Math.max(0, this.settings.historyImages - 1);
    mem.images.splice(0, Math.max(0, mem.images.length - keep));
  }
}

function memoryOf(ctx: PolicyContext): RunMemory {
  const m = ctx.memory as { openai?: RunMemory };
  m.openai ??= { replies: [], images: [] };
  return m.openai;
}

/** The text the dialect parses; tool calls are kept as the assistant message JSON. */
function rawOf(c: Completion): string {
  if (c.toolCalls.length === 0) return c.content;
  return JSON.stringify({
    content: c.content,
    tool_calls: c.toolCalls.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } })),
  });
}

export function correction(parseError: string): string {
  return `Your last answer could not be read: ${parseError}\nAnswer again for the same screenshot, in exactly the required output format, with one action.`;
}

/** Point actions carry the frame they were computed on, so a stale tap is refused by the device. */
function bindFrame(action: Action, frameId: string): Action {
  return ACTIONS[action.type].pointFields.length ? ({ ...action, frameId } as Action) : action;
}

function summarize(lp: { logprob: number }[]): { tokens: number; sum: number; mean: number; min: number } {
  const sum = lp.reduce((a, t) => a + t.logprob, 0);
  return { tokens: lp.length, sum, mean: lp.length ? sum / lp.length : 0, min: lp.reduce((a, t) => Math.min(a, t.logprob), 0) };
}
