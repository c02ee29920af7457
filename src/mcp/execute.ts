/**
 * execute_task: hands a whole task to the local specialist policy on one device. Streams a
 * progress notification per step, stops when the request is cancelled, turns an `info`
 * question into an MCP elicitation (or returns needs_reply + session_id to continue with).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { runTask } from '../agent/runner.js';
import { sandboxTask } from '../agent/sandbox-suite.js';
import { describeAction, stripMeta } from '../core/actions.js';
import { StepwiseError } from '../core/errors.js';
import type { Step, TaskRef } from '../core/trajectory.js';
import { SandboxDevice } from '../devices/sandbox/index.js';
import { APPS } from '../sandbox/apps/index.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { instantiate, taskRef, type TaskInstance } from '../sandbox/tasks/instance.js';
import type { CallContext } from './context.js';
import { pausedTrajectory, withMemory } from './paused.js';
import type { ToolOutput } from './privacy.js';
import type { ToolDef } from './tools.js';

const input = z.object({
  task: z.string().min(1).optional().describe('what to do, in plain language; or a sandbox task instance "TEMPLATE#SEED"'),
  template: z.string().optional().describe('sandbox task template id (with seed), instead of task'),
  seed: z.number().int().min(0).optional().describe('seed of the sandbox task instance'),
  device: z.string().optional().describe('device id (default: the session default device)'),
  max_steps: z.number().int().min(1).max(500).optional().describe('step budget (default from the server)'),
  session_id: z.string().optional().describe('continue a run that stopped with needs_reply'),
  reply: z.string().optional().describe('the answer to the question of that run'),
}).strict();

/** "shop.add-to-cart#123" or template+seed -> a sandbox task instance; undefined for free text. */
export function sandboxInstance(task: string | undefined, template: string | undefined, seed: number | undefined): TaskInstance | undefined {
  let id = template, s = seed;
  const m = task ? /^\s*([\w.-]+)#(\d+)\s*$/.exec(task) : null;
  if (m) { id = m[1]; s = Number(m[2]); }
  if (id === undefined) return undefined;
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new StepwiseError('not_found', `no sandbox task template "${id}"`, 'list templates with `stepwise tasks list`; write the task as TEMPLATE#SEED, e.g. ' + `${TEMPLATES[0]?.id}#1`);
  if (s === undefined) throw new StepwiseError('invalid_input', `template ${id} needs a seed`, `pass seed, or write the task as ${id}#1`);
  return instantiate(t, s, APPS);
}

function stepLine(s: Step): string {
  const a = s.action ?? s.model?.action;
  const what = a ? `${a.type} ${JSON.stringify(stripMeta(a)).replace(/^\{"type":"[^"]+",?/, '{')}` : `no action (${s.model?.parseError ?? 'unparsed'})`;
  return `${s.index + 1}. ${what}${s.result && !s.result.ok ? ` -> failed: ${s.result.error}` : ''}`;
}

async function run(args: z.infer<typeof input>, ctx: CallContext): Promise<ToolOutput> {
  const srv = ctx.server;
  const paused = args.session_id ? srv.paused.take(args.session_id) : undefined;
  if (paused && args.reply === undefined) {
    srv.paused.put(paused);
    throw new StepwiseError('invalid_input', `session ${paused.id} is waiting for a reply to: ${paused.question}`, 'call execute_task again with session_id and reply');
  }
  let inst: TaskInstance | undefined;
  let task: TaskRef;
  let deviceId: string;
  if (paused) {
    task = paused.task;
    deviceId = paused.deviceId;
  } else {
    if (!args.task && !args.template) throw new StepwiseError('invalid_input', 'execute_task needs a task', 'pass task (plain language or TEMPLATE#SEED) or template+seed; to continue a paused run pass session_id and reply');
    inst = sandboxInstance(args.task, args.template, args.seed);
    if (!inst && srv.policyName === 'demo') {
      throw new StepwiseError('unsupported_action', 'the demo specialist only runs sandbox task instances (it follows their reference solutions)', 'pass task as TEMPLATE#SEED (e.g. ' + `${TEMPLATES[0]?.id}#7), or start the server with --policy openai for free-text tasks`);
    }
    task = inst ? taskRef(inst) : { instruction: args.task! };
    deviceId = srv.hub.resolve(args.device, ctx.session.defaultDevice).info.id;
  }
  const { device } = srv.hub.resolve(deviceId);
  const owner = paused?.owner ?? ctx.session.id;
  const sessionId = paused?.id ?? randomUUID().slice(0, 8);
  // One memory object for the whole task, across pauses (the runner's own is per run).
  const memory = paused?.memory ?? {};
  const inner = paused?.policy ?? srv.makePolicy();
  const policy = withMemory(inner, memory);
  const maxSteps = args.max_steps ?? srv.maxSteps;
  // A continuation appends to the paused trajectory (the store's copy when there is a store).
  const resume = paused ? { trajectory: pausedTrajectory(paused, srv.store), reply: args.reply! } : undefined;
  const first = paused?.history.length ?? 0;

  const result = await srv.hub.use(deviceId, owner, async () => {
    if (inst) {
      if (!(device instanceof SandboxDevice)) throw new StepwiseError('unsupported_action', `sandbox task instances need a sandbox device, ${deviceId} is not one`, 'pick a sandbox device (list_devices) or give a plain-language task');
      await device.reset(inst.initial);
    }
    return runTask({
      device, policy, task, store: srv.store, maxSteps, signal: ctx.signal, resume,
      meta: { via: 'mcp', mcp_session: sessionId },
      onInfo: ctx.elicit,
      onStep: (s) => { void ctx.progress(s.index + 1, first + maxSteps, stepLine(s)).catch(() => {}); },
    });
  }, { signal: ctx.signal, idleMs: srv.paused.ttl });

  const history = result.steps;
  const trajectoryId = srv.store ? result.trajectoryId : undefined;
  const data: Record<string, unknown> = {
    status: result.stopReason, stop_reason: result.stopReason, device: deviceId, steps: history.length,
    ...(trajectoryId ? { trajectory_id: trajectoryId } : {}),
    ...(paused ? { continued: true } : {}),
    ...(result.answer !== undefined ? { answer: result.answer } : {}),
    ...(result.error ? { error: result.error } : {}),
    log: history.slice(-12).map(stepLine),
  };
  if (result.stopReason === 'needs_reply') {
    srv.paused.put({ id: sessionId, owner, deviceId, task, policy: inner, memory, history, question: result.question ?? '', trajectoryId, startedAt: paused?.startedAt ?? Date.now(), instanceId: paused?.instanceId ?? inst?.id });
    Object.assign(data, { session_id: sessionId, question: result.question, hint: 'ask the user, then call execute_task with this session_id and their reply' });
  } else {
    srv.hub.release(owner, deviceId);
    const instanceId = paused?.instanceId ?? inst?.id;
    if (instanceId && device instanceof SandboxDevice) {
      const [tid, seed] = instanceId.split('#');
      const verify = sandboxTask(instantiate(TEMPLATES.find((t) => t.id === tid)!, Number(seed), APPS)).verify;
      const outcome = verify ? await verify(device, result) : undefined;
      if (outcome) {
        data.verified = outcome.verdict;
        if (srv.store && trajectoryId) srv.store.setOutcome(trajectoryId, outcome);
      }
    }
  }
  const out: ToolOutput = { data };
  const last = result.lastObservation;
  if (last) {
    out.image = { data: last.image.base64 ?? last.image.data.toString('base64'), mimeType: last.image.format === 'jpeg' ? 'image/jpeg' : 'image/png' };
  }
  return out;
}

export const executeTaskTool: ToolDef = {
  name: 'execute_task',
  title: 'execute task',
  description:
    'Hand a whole task to the local GUI specialist, which operates the device step by step until done. ' +
    'Returns stop_reason (completed, aborted, max_steps, needs_reply, error, cancelled), the answer, a short step log and the trajectory id. ' +
    'When the specialist needs the user (stop_reason needs_reply), ask them the `question` and call again with session_id and reply. ' +
    `Step signatures it may use: ${['click', 'type', 'scroll', 'open_app'].map((t) => describeAction(t as never)).join('; ')}.`,
  input,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  run: (args, ctx) => run(args as z.infer<typeof input>, ctx),
};
