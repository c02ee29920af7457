/**
 * The sandbox task suite as runnable tasks: reset the phone to the instance's initial state,
 * auto-reply to info questions with the template's reply, and verify the final app state and
 * answer with the template's programmatic verifier.
 */
import type { Device } from '../core/device.js';
import { StepwiseError } from '../core/errors.js';
import type { Outcome, TaskRef } from '../core/trajectory.js';
import { SandboxBrowser, SandboxDevice } from '../devices/sandbox/index.js';
import { APPS } from '../sandbox/apps/index.js';
import type { SemanticStep } from '../sandbox/framework.js';
import { instantiate, taskRef, verifyInstance, type TaskInstance } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import type { RunResult } from './runner.js';
import type { SuiteRun, SuiteTask } from './suite.js';

function asSandbox(device: Device): SandboxDevice {
  if (!(device instanceof SandboxDevice)) {
    throw new StepwiseError('unsupported_action', 'sandbox tasks need a sandbox device', 'run them with --device sandbox');
  }
  return device;
}

export function sandboxTask(inst: TaskInstance): SuiteTask {
  return {
    ref: taskRef(inst),
    reply: inst.template.reply?.(inst.params),
    prepare: (device) => asSandbox(device).reset(inst.initial),
    verify: async (device, result: RunResult): Promise<Outcome> => {
      const final = await asSandbox(device).state();
      const answer = result.stopReason === 'completed' || result.stopReason === 'aborted' ? result.answer : undefined;
      const expected = inst.template.expect;
      const stoppedRight = expected === 'abort' ? result.stopReason === 'aborted' : result.stopReason === 'completed';
      const v = stoppedRight
        ? verifyInstance(inst, final, answer)
        : { ok: false, reason: `expected the agent to ${expected === 'abort' ? 'abort' : 'complete'}, but it stopped with ${result.stopReason}` };
      return { verdict: v.ok ? 'success' : 'failure', confidence: 1, source: 'verifier', by: inst.template.id, reason: v.reason, at: Date.now() };
    },
  };
}

/** Rebuilds a task instance from what the store keeps (template id + seed in task.meta). */
export function instanceFromRef(ref: TaskRef): TaskInstance {
  const id = ref.meta?.template;
  const seed = ref.meta?.seed;
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t || typeof seed !== 'number') {
    throw new StepwiseError('not_found', `task ${ref.id ?? ref.instruction} is not a sandbox task instance`, 'sandbox tasks carry meta.template and meta.seed');
  }
  return instantiate(t, seed, APPS);
}

/** Reference solution lookup for the demo policy. */
export function solutionFor(ref: TaskRef): SemanticStep[] {
  const inst = instanceFromRef(ref);
  return inst.template.solution(inst.params, inst.initial);
}

/** K sandbox phones in one Chromium. */
export async function openSandboxDevices(k: number, browser = new SandboxBrowser()): Promise<{ browser: SandboxBrowser; devices: SandboxDevice[] }> {
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new StepwiseError('config_error', `cannot open ${k} sandbox devices`, 'use 1 to 16 devices');
  const devices: SandboxDevice[] = [];
  for (let i = 0; i < k; i++) devices.push(await SandboxDevice.create(browser));
  return { browser, devices };
}

export function runSummary(runs: SuiteRun[]) {
  const ok = runs.filter((r) => r.outcome?.verdict === 'success').length;
  return {
    success_rate: runs.length ? ok / runs.length : 0,
    runs: runs.map((r) => ({
      task: r.task.ref.id,
      template: r.task.ref.meta?.template,
      scenario: r.task.ref.meta?.scenario,
      success: r.outcome?.verdict === 'success',
      steps: r.result.steps.length,
      stop_reason: r.result.stopReason,
      trajectory_id: r.result.trajectoryId,
      reason: r.outcome?.reason,
      ...(r.result.error ? { error: r.result.error } : {}),
    })),
  };
}
