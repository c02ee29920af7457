/**
 * Validation of gui-action items from JSON (server, CLI, registry). Each action is checked
 * against its own entry of the core action registry (one object schema, not the whole
 * union), which keeps a 1,000-item batch cheap; a bad item names its field, e.g. `items[3].gt.point`.
 */
import { ACTIONS, ACTION_TYPES, type Action, type ActionType } from '../core/actions.js';
import type { Box } from './geometry.js';
import { assertBox } from './geometry.js';
import type { GuiActionItem } from './gui-action.js';
import { compileCheck } from './fast-check-schema.js';
import { formatPath } from './registry/define.js';
import { RewardInputError } from './util.js';

const sub = (field: string, key: string) => (field ? `${field}.${key}` : key);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Per action type, a quick acceptance test compiled from the registry's zod schema. */
const QUICK = new Map(ACTION_TYPES.map((t) => [t, compileCheck(ACTIONS[t].schema)]));

/** A canonical action from JSON; throws RewardInputError naming `field` (`field.key` when key is given). */
export function parseActionJson(v: unknown, parent: string, key?: string): Action {
  // Quick path first; the field name is only built when something is wrong.
  if (isObject(v) && typeof v.type === 'string' && (v.space === undefined || v.space === 'norm1000')) {
    const quick = QUICK.get(v.type as ActionType);
    if (quick && quick(v)) return v as unknown as Action;
  }
  const field = key ? sub(parent, key) : parent;
  if (!isObject(v)) throw new RewardInputError(field, `expected an action object, got ${v === null ? 'null' : typeof v}`, 'e.g. {"type":"click","point":[500,500]}');
  const type = v.type;
  if (typeof type !== 'string' || !(type in ACTIONS)) {
    throw new RewardInputError(sub(field, 'type'), `unknown action type ${JSON.stringify(type)}`, `use one of: ${ACTION_TYPES.join(', ')}`);
  }
  const r = ACTIONS[type as ActionType].schema.safeParse(v);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new RewardInputError(formatPath(issue.path, field), issue.message, 'points are [x, y] on the 0-1000 grid; see `stepwise actions`');
  }
  if (r.data.space && r.data.space !== 'norm1000') {
    throw new RewardInputError(sub(field, 'space'), `is ${r.data.space}; rewards compare norm1000 points`, 'canonicalize actions before scoring');
  }
  return r.data as Action;
}

function parseBox(v: unknown, field: string): Box {
  if (!Array.isArray(v)) throw new RewardInputError(field, 'expected [x1, y1, x2, y2]', 'boxes are on the 0-1000 grid');
  assertBox(field, v as number[]);
  return v as Box;
}

/** {pred, gt, boxes?, predBox?}; pred may be null (unparseable output: reward 0). */
export function parseGuiItem(v: unknown, field: string): GuiActionItem {
  if (!isObject(v)) throw new RewardInputError(field, 'expected {pred, gt, boxes?, predBox?}', 'one object per item');
  for (const k in v) {
    if (k !== 'pred' && k !== 'gt' && k !== 'boxes' && k !== 'predBox') {
      throw new RewardInputError(sub(field, k), 'unknown field', 'allowed: pred, gt, boxes, predBox');
    }
  }
  const pred = v.pred === null ? null : parseActionJson(v.pred, field, 'pred');
  const gt = parseActionJson(v.gt, field, 'gt');
  let boxes: Box[] | undefined;
  if (v.boxes !== undefined) {
    if (!Array.isArray(v.boxes)) throw new RewardInputError(sub(field, 'boxes'), 'expected a list of boxes', 'e.g. [[100,200,300,260]]');
    boxes = v.boxes.map((b, i) => parseBox(b, formatPath([i], sub(field, 'boxes'))));
  }
  const predBox = v.predBox === undefined ? undefined : parseBox(v.predBox, sub(field, 'predBox'));
  return { pred, gt, boxes, predBox };
}
