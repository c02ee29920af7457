/**
 * The MCP tool table. Device-action tools are generated from the action registry (ACTIONS):
 * each gets the action's own zod fields plus `device`, its description and annotations; only
 * the MCP names of two actions differ (type -> type_text, key -> press_key). The rest
 * (list_devices, get_screenshot, get_ui_tree, ...) are the observation and session tools.
 */
import { z } from 'zod';
import { ACTIONS, ACTION_TYPES, type ActionType, type Platform } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import { PROFILE_NAMES } from '../agent/openai/index.js';
import type { Observation } from '../core/device.js';
import { captureForProfile } from './capture.js';
import { readScreen } from './screen-ocr.js';
import type { CallContext } from './context.js';
import type { ToolOutput } from './privacy.js';
import { compactTree, screenSummary, treeLines } from './screen.js';
import { executeTaskTool } from './execute.js';

export interface Annotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolDef {
  name: string;
  title: string;
  description: string;
  input: z.ZodObject;
  annotations: Annotations;
  /** Platforms the tool works on; absent = every device. */
  platforms?: readonly Platform[];
  run(args: Record<string, unknown>, ctx: CallContext): Promise<ToolOutput>;
}

const device = z.string().optional().describe('device id from list_devices (default: the session default device)');

/** MCP names that differ from the action type. */
const TOOL_NAME: Partial<Record<ActionType, string>> = { type: 'type_text', key: 'press_key' };
/** Actions that are not device tools: they end or pause a task, which only execute_task does. */
const NOT_TOOLS: readonly ActionType[] = ['info', 'complete', 'abort'];

const ro = (idempotent = true): Annotations => ({ readOnlyHint: true, destructiveHint: false, idempotentHint: idempotent, openWorldHint: false });
/** A GUI action can press "Delete" or "Pay": destructive unless it cannot change the app state. */
function actionAnnotations(t: ActionType): Annotations {
  if (t === 'wait') return ro(true);
  if (t === 'hover') return { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  if (t === 'scroll' || t === 'swipe') return { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
  return { readOnlyHint: false, destructiveHint: true, idempotentHint: t === 'navigate' || t === 'open_app', openWorldHint: t === 'navigate' };
}

export function actionToolName(t: ActionType): string {
  return TOOL_NAME[t] ?? t;
}

function actionTool(t: ActionType): ToolDef {
  const spec = ACTIONS[t];
  const hasPoints = spec.pointFields.length > 0;
  // `space` only means something for actions with points.
  const drop = hasPoints ? { type: true } as const : { type: true, space: true } as const;
  const input = (spec.schema as z.ZodObject).omit(drop).extend({ device }).strict();
  return {
    name: actionToolName(t),
    title: t.replace(/_/g, ' '),
    description: `${spec.description}${hasPoints ? ' Points are [x, y] integers 0-1000 on the last screenshot (space norm1000) unless `space` says otherwise; pass its frameId to reject a stale screen.' : ''} Returns once the screen has settled, with the new frameId.`,
    input,
    annotations: actionAnnotations(t),
    platforms: spec.platforms,
    run: async (args, ctx) => {
      const { device: id, ...fields } = args as { device?: string };
      const { device: dev, info } = ctx.server.hub.resolve(id, ctx.session.defaultDevice);
      if (!spec.platforms.includes(info.platform)) {
        throw new StepwiseError('unsupported_action', `${actionToolName(t)} does not work on ${info.platform} devices (${info.id})`, `tools for ${info.platform}: ${toolsFor(info.platform).join(', ')}`);
      }
      const r = await ctx.server.hub.use(info.id, ctx.session.id, () => dev.act({ type: t, ...fields } as never, { signal: ctx.signal }), { signal: ctx.signal });
      if (!r.ok) throw new StepwiseError((r.error?.code ?? 'device_error') as never, r.error?.message ?? 'the action failed', r.error?.hint ?? 'take a new screenshot and try again', {});
      return { data: { ok: true, device: info.id, frameId: r.details?.frame, ms: Math.round(r.durationMs), ...detailsWithout(r.details) } };
    },
  };
}

function detailsWithout(d: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!d) return {};
  const { frame: _f, ...rest } = d;
  return rest;
}

const getScreenshot: ToolDef = {
  name: 'get_screenshot',
  title: 'get screenshot',
  description: 'Capture the screen: the image plus frame metadata (frameId, image size, device size, coordinate space norm1000, rotation). `profile` captures a model-sized image (fewer bytes, faster; coordinates stay norm1000 of the frame). At privacy summary: a text summary instead (UI tree + on-device OCR, PII redacted).',
  input: z.object({
    device,
    profile: z.enum(PROFILE_NAMES as [string, ...string[]]).optional().describe('resize profile: none (default), gelab (<=1 MP JPEG), claude, qwen, uitars'),
    format: z.enum(['png', 'jpeg']).optional().describe("image encoding instead of the profile's (none: png); jpeg is smaller and faster to capture"),
    quality: z.number().int().min(1).max(100).optional().describe('JPEG quality 1-100 (default 80, gelab 85)'),
  }).strict(),
  annotations: ro(false),
  run: async (args, ctx) => {
    const { device: dev, info } = ctx.server.hub.resolve(args.device as string | undefined, ctx.session.defaultDevice);
    const meta = (obs: Observation): Record<string, unknown> => ({
      device: info.id, frameId: obs.frame.id, app: obs.app, space: 'norm1000', rotation: obs.frame.rotation,
      deviceSize: { width: obs.frame.width, height: obs.frame.height },
    });
    if (ctx.server.privacy !== 'open') {
      const obs = await ctx.server.hub.use(info.id, ctx.session.id, () => dev.observe({ uiTree: true, signal: ctx.signal }), { signal: ctx.signal });
      if (ctx.server.privacy === 'private') return { data: meta(obs) };
      // OCR runs after the device is free again: it needs only the pixels, which stay here.
      const read = await readScreen(ctx.server.readText, obs);
      const data = { ...meta(obs), text_from: [...(obs.uiTree ? ['ui_tree'] : []), ...(read.ocr === 'on' ? ['ocr'] : [])], ocr: read.ocr, ...(read.note ? { ocr_note: read.note } : {}) };
      return { data, screenText: screenSummary(obs.uiTree, obs.frame, obs.app, read.lines) };
    }
    const profile = (args.profile as string | undefined) ?? 'none';
    const overrides = { format: args.format as 'png' | 'jpeg' | undefined, quality: args.quality as number | undefined };
    const shot = await ctx.server.hub.use(info.id, ctx.session.id, () => captureForProfile(dev, info, profile, ctx.signal, overrides), { signal: ctx.signal });
    const data = meta(shot.obs);
    data.image = { width: shot.width, height: shot.height, format: shot.format, bytes: shot.bytes };
    return { data, image: { data: shot.base64, mimeType: shot.format === 'jpeg' ? 'image/jpeg' : 'image/png' } };
  },
};

const getUiTree: ToolDef = {
  name: 'get_ui_tree',
  title: 'get UI tree',
  description: 'The visible UI elements, one line each: [index] role "text" id=... @(x,y) flags, where (x,y) is the norm1000 center to tap. `query` keeps elements whose text, description or id contains it.',
  input: z.object({
    device,
    query: z.string().optional().describe('case-insensitive text to look for'),
    limit: z.number().int().min(1).max(1000).optional().describe('maximum elements (default 200)'),
  }).strict(),
  annotations: ro(false),
  run: async (args, ctx) => {
    const { device: dev, info } = ctx.server.hub.resolve(args.device as string | undefined, ctx.session.defaultDevice);
    const obs = await ctx.server.hub.use(info.id, ctx.session.id, () => dev.observe({ uiTree: true, signal: ctx.signal }), { signal: ctx.signal });
    if (!obs.uiTree) throw new StepwiseError('unsupported_action', `${info.id} does not provide a UI tree`, 'use get_screenshot');
    const { nodes, total } = compactTree(obs.uiTree, obs.frame, args.query as string | undefined, (args.limit as number | undefined) ?? 200);
    return { data: { device: info.id, frameId: obs.frame.id, app: obs.app, space: 'norm1000', total, shown: nodes.length, elements: treeLines(nodes) } };
  },
};

const listDevices: ToolDef = {
  name: 'list_devices',
  title: 'list devices',
  description: 'The devices this server drives: id, platform, backend, screen size, rotation, and whether another session holds it.',
  input: z.object({}).strict(),
  annotations: ro(true),
  run: async (_args, ctx) => {
    const hub = ctx.server.hub;
    const def = ctx.session.defaultDevice ?? hub.ids()[0];
    const devices = hub.list().map((d) => {
      const holder = hub.holder(d.id);
      return { id: d.id, platform: d.platform, backend: d.backend, width: d.width, height: d.height, rotation: d.rotation, model: d.model, busy: !!holder && holder !== ctx.session.id, default: d.id === def };
    });
    return { data: { devices, default_device: def } };
  },
};

const selectDevice: ToolDef = {
  name: 'select_device',
  title: 'select device',
  description: 'Set the device that tools use when they are called without `device` in this session.',
  input: z.object({ device: z.string().describe('device id from list_devices') }).strict(),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run: async (args, ctx) => {
    const { info } = ctx.server.hub.resolve(args.device as string);
    ctx.session.defaultDevice = info.id;
    return { data: { ok: true, default_device: info.id } };
  },
};

const releaseDevice: ToolDef = {
  name: 'release_device',
  title: 'release device',
  description: 'Let other sessions use a device now (a session keeps a device it acted on until it has been idle for a while).',
  input: z.object({ device }).strict(),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run: async (args, ctx) => {
    const id = args.device as string | undefined;
    if (id) ctx.server.hub.resolve(id);
    return { data: { ok: true, released: ctx.server.hub.release(ctx.session.id, id) } };
  },
};

export const ACTION_TOOLS: ToolDef[] = ACTION_TYPES.filter((t) => !NOT_TOOLS.includes(t)).map(actionTool);
export const ALL_TOOLS: ToolDef[] = [listDevices, selectDevice, releaseDevice, getScreenshot, getUiTree, ...ACTION_TOOLS, executeTaskTool];

export function toolsFor(platform: Platform): string[] {
  return ALL_TOOLS.filter((t) => !t.platforms || t.platforms.includes(platform)).map((t) => t.name);
}

/** Tools offered by a server whose devices have these platforms (web extras only with a web device). */
export function toolsForPlatforms(platforms: readonly Platform[]): ToolDef[] {
  return ALL_TOOLS.filter((t) => !t.platforms || t.platforms.some((p) => platforms.includes(p)));
}
