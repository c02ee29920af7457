/**
 * The OpenRLHF remote reward model convention: POST /get_reward {query, prompts?, labels?}
 * -> {rewards}. Mapping (OURS): query[i] is the prompt + the model's raw output (OpenRLHF sends
 * the decoded sequence); when prompts[i] is a prefix of query[i] it is cut off. The rest is the
 * model's output: a JSON action, or text in a model dialect parsed by the formats module
 * (`dialect` in the body or the server option). labels[i] is the ground truth: an action (JSON
 * object or string), or {gt, boxes?} / {action, boxes?}. An unparseable output scores 0.
 */
import type { Action } from '../../core/actions.js';
import { guiActionReward, type GuiActionItem, type GuiActionOptions } from '../gui-action.js';
import { parseActionJson, parseGuiItem } from '../gui-action-input.js';
import { HttpError, isObject } from './http-util.js';

interface DialectLike {
  parse(raw: string, opts?: { imageSize?: { width: number; height: number } }): { action: Action };
}
type GetDialect = (name: string) => DialectLike;
export type FormatsLoader = () => Promise<{ getDialect?: GetDialect }>;

let formatsModule: Promise<{ getDialect?: GetDialect }> | undefined;

/** The formats module, imported on first use so the server runs without it when only JSON actions are sent. */
export const importFormats: FormatsLoader = () => {
  // A computed specifier: src/formats is resolved at runtime, not at compile time.
  const spec = '../../formats/index.js';
  formatsModule ??= import(spec).catch(() => ({}));
  return formatsModule;
};

async function loadDialect(name: string, load: FormatsLoader): Promise<DialectLike> {
  const mod = await load();
  if (typeof mod.getDialect !== 'function') {
    throw new HttpError(501, `dialect "${name}" needs the formats module (src/formats getDialect), which is not available in this build`, 'dialect');
  }
  try {
    return mod.getDialect(name);
  } catch (e) {
    throw new HttpError(400, `unknown dialect "${name}": ${(e as Error).message}`, 'dialect');
  }
}

/** A JSON action in the text: the whole text, or the last {...} block that parses. */
export function jsonActionFromText(text: string): Action | null {
  const t = text.trim();
  const candidates = [t];
  const start = t.lastIndexOf('{"type"');
  if (start > 0) candidates.push(t.slice(start, t.lastIndexOf('}') + 1));
  for (const c of candidates) {
    try {
      return parseActionJson(JSON.parse(c), 'output');
    } catch {
      // Not this candidate.
    }
  }
  return null;
}

function labelItem(label: unknown, i: number): Omit<GuiActionItem, 'pred'> {
  const field = `labels[${i}]`;
  let v = label;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      throw new HttpError(400, `${field}: is not JSON; labels are ground-truth actions as JSON`, field);
    }
  }
  if (isObject(v) && (isObject(v.gt) || isObject(v.action))) {
    const { gt, boxes, predBox } = parseGuiItem({ pred: null, gt: v.gt ?? v.action, boxes: v.boxes }, field);
    return { gt, boxes, predBox };
  }
  return { gt: parseActionJson(v, field) };
}

export interface GetRewardBody {
  query: string[];
  prompts?: string[];
  labels: unknown[];
  dialect?: string;
  imageSize?: { width: number; height: number };
}

export function checkGetReward(body: Record<string, unknown>): GetRewardBody {
  const { query, prompts, labels, dialect, imageSize } = body;
  if (!Array.isArray(query) || query.some((q) => typeof q !== 'string')) throw new HttpError(400, 'query: expected a list of strings (prompt + model output)', 'query');
  if (prompts !== undefined && (!Array.isArray(prompts) || prompts.length !== query.length)) throw new HttpError(400, `prompts: expected a list of ${query.length} strings`, 'prompts');
  if (!Array.isArray(labels) || labels.length !== query.length) throw new HttpError(400, `labels: expected a list of ${query.length} ground-truth actions (one per query)`, 'labels');
  if (dialect !== undefined && typeof dialect !== 'string') throw new HttpError(400, 'dialect: expected a dialect name such as "gelab"', 'dialect');
  return { query: query as string[], prompts: prompts as string[] | undefined, labels, dialect: dialect as string | undefined, imageSize: imageSize as GetRewardBody['imageSize'] };
}

export async function getRewards(
  body: GetRewardBody,
  defaultDialect: string | undefined,
  opts: GuiActionOptions = {},
  load: FormatsLoader = importFormats,
): Promise<{ rewards: number[]; parsed: boolean[] }> {
  const name = body.dialect ?? defaultDialect;
  const dialect = name ? await loadDialect(name, load) : undefined;
  const items = body.labels.map(labelItem);
  const rewards: number[] = [];
  const parsed: boolean[] = [];
  body.query.forEach((q, i) => {
    const p = body.prompts?.[i];
    const output = p && q.startsWith(p) ? q.slice(p.length) : q;
    let pred = jsonActionFromText(output);
    if (!pred && dialect) {
      try {
        pred = dialect.parse(output, body.imageSize ? { imageSize: body.imageSize } : undefined).action;
      } catch {
        pred = null;
      }
    }
    parsed.push(pred !== null);
    rewards.push(guiActionReward({ ...items[i], pred }, opts).total);
  });
  return { rewards, parsed };
}
