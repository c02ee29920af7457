/**
 * The chat messages for one step, per dialect. The dialect builds the prompt; this module only
 * decides what history it sees:
 *  - gelab, qwen, json: the step history as text (GELab: the last summary) + the current screenshot;
 *  - uitars, uitars-1.5: the last k screenshots as earlier user/assistant turns (the model's own
 *    outputs as the assistant turns, as UI-TARS was trained), older steps as text.
 */
import type { Platform } from '../../core/actions.js';
import type { Step } from '../../core/trajectory.js';
import type { ChatMessage, ContentPart, Dialect, HistoryEntry } from '../../formats/index.js';

export interface PromptImage {
  dataUrl: string;
  width: number;
  height: number;
}

/** A screenshot sent at an earlier step, kept in the policy's run memory. */
export interface PastImage {
  stepIndex: number;
  image: PromptImage;
}

export interface MessageInput {
  instruction: string;
  history: readonly Step[];
  image: PromptImage;
  platform: Platform;
  userReplies: string[];
  hints: string[];
  /** Screenshots per request for multi-image dialects, the current one included. */
  historyImages: number;
  pastImages: readonly PastImage[];
}

export const MULTI_IMAGE_DIALECTS: readonly string[] = ['uitars', 'uitars-1.5'];

export function historyEntry(step: Step): HistoryEntry {
  const action = step.action ?? step.model?.action;
  return {
    ...(step.model?.summary !== undefined && { summary: step.model.summary }),
    ...(action && { action }),
    ...(step.model?.thought !== undefined && { thought: step.model.thought }),
  };
}

/** Steps the prompt can describe: those that produced an action. */
function described(history: readonly Step[]): Step[] {
  return history.filter((s) => s.action ?? s.model?.action);
}

export function buildMessages(dialect: Dialect, input: MessageInput): ChatMessage[] {
  const steps = described(input.history);
  const base = {
    instruction: input.instruction,
    platform: input.platform,
    userReplies: input.userReplies,
    hints: input.hints,
    image: input.image,
  };
  if (!MULTI_IMAGE_DIALECTS.includes(dialect.name)) {
    return dialect.buildPrompt({ ...base, history: steps.map(historyEntry) });
  }
  // The newest steps that still have their screenshot and raw output become turns.
  const byIndex = new Map(input.pastImages.map((p) => [p.stepIndex, p.image]));
  const turns: { step: Step; image: PromptImage }[] = [];
  for (let i = steps.length - 1; i >= 0 && turns.length < input.historyImages - 1; i--) {
    const image = byIndex.get(steps[i].index);
    if (!image || !steps[i].model?.raw) break;
    turns.unshift({ step: steps[i], image });
  }
  const older = steps.slice(0, steps.length - turns.length);
  const prompt = dialect.buildPrompt({ ...base, history: older.map(historyEntry) });
  const out: ChatMessage[] = [];
  for (const m of prompt) {
    if (m.role !== 'user' || typeof m.content === 'string') {
      out.push(m);
      continue;
    }
    // Text stays in the first user message; the screenshots follow as their own turns.
    const text = m.content.filter((p) => p.type === 'text');
    if (text.length) out.push({ role: 'user', content: text });
  }
  const imagePart = (img: PromptImage): ContentPart => ({ type: 'image_url', image_url: { url: img.dataUrl } });
  for (const t of turns) {
    out.push({ role: 'user', content: [imagePart(t.image)] });
    out.push({ role: 'assistant', content: t.step.model!.raw });
  }
  out.push({ role: 'user', content: [imagePart(input.image)] });
  return out;
}
