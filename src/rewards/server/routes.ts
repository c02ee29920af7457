/** Route handlers of the reward server; each takes the parsed JSON body and returns the reply body. */
import { assignCredit, CREDIT_METHODS, type CreditOptions, type CreditTrajectory } from '../credit.js';
import { guiActionReward, type GuiActionComponents, type GuiActionOptions } from '../gui-action.js';
import { parseGuiItem } from '../gui-action-input.js';
import { describeMethods, getMethod, METHOD_NAMES, runMethod } from '../registry/index.js';
import { asObject, HttpError, isObject } from './http-util.js';
import { checkGetReward, getRewards, type FormatsLoader } from './openrlhf.js';

export interface RouteContext {
  dialect?: string;
  gui?: GuiActionOptions;
  maxBatch: number;
  /** Where model dialects come from (default: src/formats, imported at runtime). */
  loadFormats?: FormatsLoader;
  /** Judges for POST /v1/judge/<name> (judge-route.ts). */
  judges?: Record<string, Record<string, unknown>>;
}

export { judgeRoute } from './judge-route.js';

function batchOf(v: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new HttpError(400, `${field}: expected a list`, field);
  if (v.length > max) throw new HttpError(413, `${field}: ${v.length} items exceed the batch limit of ${max}`, field);
  return v;
}

/** POST /v1/rewards/<method>: one input, or {batch: [...]} -> {results: [...]}. */
export function rewardRoute(method: string, body: unknown, ctx: RouteContext): unknown {
  getMethod(method);
  if (isObject(body) && 'batch' in body && Object.keys(body).length === 1) {
    const items = batchOf(body.batch, 'batch', ctx.maxBatch);
    return { ok: true, method, results: items.map((x, i) => runMethod(method, x, `batch[${i}]`)) };
  }
  return { ok: true, method, result: runMethod(method, body) };
}

/** POST /v1/gui-action: {items: [{pred, gt, boxes?, predBox?}]} -> {rewards, components} (components omitted when withComponents is false). */
export function guiActionRoute(body: unknown, ctx: RouteContext, withComponents = true): unknown {
  const b = asObject(body);
  const items = batchOf(b.items, 'items', ctx.maxBatch);
  const rewards = new Array<number>(items.length);
  const components = new Array<GuiActionComponents>(items.length);
  for (let i = 0; i < items.length; i++) {
    const c = guiActionReward(parseGuiItem(items[i], `items[${i}]`), ctx.gui);
    components[i] = c;
    rewards[i] = c.total;
  }
  return withComponents ? { ok: true, rewards, components } : { ok: true, rewards };
}

/** POST /v1/credit: {method, trajectories: [...], options?} -> {credits: number[][]}. */
export function creditRoute(body: unknown, ctx: RouteContext): unknown {
  const b = asObject(body);
  if (typeof b.method !== 'string') throw new HttpError(400, `method: expected one of ${Object.keys(CREDIT_METHODS).join(', ')}`, 'method');
  const trajectories = batchOf(b.trajectories, 'trajectories', ctx.maxBatch);
  trajectories.forEach((t, i) => {
    if (!isObject(t)) throw new HttpError(400, `trajectories[${i}]: expected an object {stepRewards?, outcome, ...}`, `trajectories[${i}]`);
    if (t.stepRewards !== undefined && (!Array.isArray(t.stepRewards) || t.stepRewards.some((x) => typeof x !== 'number' || !Number.isFinite(x)))) {
      throw new HttpError(400, `trajectories[${i}].stepRewards: expected a list of numbers`, `trajectories[${i}].stepRewards`);
    }
    if (t.grounded !== undefined && (!Array.isArray(t.grounded) || t.grounded.length !== (t.stepRewards as unknown[] | undefined)?.length)) {
      throw new HttpError(400, `trajectories[${i}].grounded: expected one boolean per step reward`, `trajectories[${i}].grounded`);
    }
    if (t.path !== undefined && (!Array.isArray(t.path) || t.path.some((x) => typeof x !== 'string'))) {
      throw new HttpError(400, `trajectories[${i}].path: expected a list of strings`, `trajectories[${i}].path`);
    }
  });
  const options = b.options === undefined ? {} : b.options;
  if (!isObject(options)) throw new HttpError(400, 'options: expected an object', 'options');
  for (const [k, v] of Object.entries(options)) {
    if (k === 'std') {
      if (v !== 'sample' && v !== 'population') throw new HttpError(400, "options.std: expected 'sample' or 'population'", 'options.std');
    } else if (['temperature', 'eta', 'delta', 'bonus', 'blend'].includes(k)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new HttpError(400, `options.${k}: expected a number`, `options.${k}`);
    } else {
      throw new HttpError(400, `options.${k}: unknown option`, `options.${k}`);
    }
  }
  const credits = assignCredit(b.method, trajectories as unknown as CreditTrajectory[], options as CreditOptions);
  return { ok: true, method: b.method, credits };
}

/** POST /get_reward (OpenRLHF remote reward model). */
export async function getRewardRoute(body: unknown, ctx: RouteContext): Promise<unknown> {
  const req = checkGetReward(asObject(body));
  batchOf(req.query, 'query', ctx.maxBatch);
  const { rewards, parsed } = await getRewards(req, ctx.dialect, ctx.gui, ctx.loadFormats);
  return { rewards, scores: rewards, extra_logs: { parsed: parsed.map((p) => (p ? 1 : 0)) } };
}

let methodsCache: unknown;
export function methodsRoute(): unknown {
  methodsCache ??= { ok: true, methods: describeMethods(), credit: CREDIT_METHODS };
  return methodsCache;
}

export function healthRoute(): unknown {
  return { ok: true, methods: METHOD_NAMES.length };
}
