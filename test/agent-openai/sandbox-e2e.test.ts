/**
 * End to end on the sandbox phone: the policy talks to the fake server, whose "model" reads the
 * task and the UI tree of the screen the runner observed, decides with the demo policy's
 * reference solution (no noise), and answers in the dialect under test, in the coordinates of
 * the image it was sent. The task's own verifier judges the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { startFakeOpenAI, type FakeReply, type FakeRequest, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { OpenAIPolicy } from '../../src/agent/openai/index.js';
import { runTask } from '../../src/agent/runner.js';
import { sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { stripMeta, type Action } from '../../src/core/actions.js';
import type { ActResult, Device, DeviceInfo, Observation, ObserveOptions } from '../../src/core/device.js';
import type { TaskRef } from '../../src/core/trajectory.js';
import { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { getDialect } from '../../src/formats/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { instantiate, taskRef } from '../../src/sandbox/tasks/instance.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';

/** Passes everything through and keeps the last observation, which the fake "model" reads. */
class Watched implements Device {
  last?: Observation;
  constructor(readonly inner: Device) {}
  info(): Promise<DeviceInfo> { return this.inner.info(); }
  async observe(o?: ObserveOptions): Promise<Observation> { this.last = await this.inner.observe(o); return this.last; }
  act(a: Action, o?: { signal?: AbortSignal }): Promise<ActResult> { return this.inner.act(a, o); }
  close(): Promise<void> { return this.inner.close(); }
}

/** Qwen's mobile_use has no scroll: a model would swipe instead. */
function expressible(dialect: string, a: Action): Action {
  if (dialect === 'qwen' && a.type === 'scroll') {
    const [x, y] = a.point ?? [500, 500];
    const dy = a.direction === 'down' ? -250 : a.direction === 'up' ? 250 : 0;
    return { type: 'swipe', from: [x, y], to: [x, Math.min(1000, Math.max(0, y + dy))] };
  }
  return a;
}

function fakeModel(dialectName: string, device: Watched, task: TaskRef) {
  const demo = new DemoPolicy({ solutionFor });
  const memory: Record<string, unknown> = {};
  let step = 0;
  return async (req: FakeRequest): Promise<FakeReply> => {
    const d = await demo.decide({ task, stepIndex: step++, observation: device.last!, history: [], memory });
    const action = expressible(dialectName, stripMeta(d.action!));
    if (dialectName === 'json') {
      const { type, ...args } = action;
      return { content: d.thought ?? '', tool_calls: [{ name: type, arguments: args }] };
    }
    const img = req.images[req.images.length - 1];
    const raw = getDialect(dialectName).render({ thought: d.thought ?? 'next', action, summary: `step ${step}` }, { imageSize: { width: img.width!, height: img.height! }, lossy: true });
    return raw;
  };
}

let browser: SandboxBrowser;
let device: SandboxDevice;
let server: FakeServer;

beforeAll(async () => {
  browser = new SandboxBrowser();
  device = await SandboxDevice.create(browser);
  server = await startFakeOpenAI({});
}, 120_000);
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

const CASES: [string, string][] = [
  ['gelab', 'settings.connect-wifi'],
  ['uitars', 'settings.dark-mode-on'],
  ['uitars-1.5', 'settings.app-notifications-off'],
  ['qwen', 'settings.dark-mode-on'],
  ['json', 'settings.app-notifications-off'],
];

describe('openai policy solves sandbox tasks through the fake server', () => {
  for (const [dialect, templateId] of CASES) {
    it(`${dialect}: ${templateId}`, async () => {
      const template = TEMPLATES.find((t) => t.id === templateId);
      expect(template, `template ${templateId}`).toBeDefined();
      const inst = instantiate(template!, 3, APPS);
      const suiteTask = sandboxTask(inst);
      await suiteTask.prepare(device);
      const watched = new Watched(device);
      server.respondWith(fakeModel(dialect, watched, taskRef(inst)));
      const before = server.requests.length;
      const policy = new OpenAIPolicy({ baseURL: server.url, model: 'fake', dialect, timeoutMs: 10_000 });
      const result = await runTask({ device: watched, policy, task: suiteTask.ref, maxSteps: 25, onInfo: async () => suiteTask.reply });
      const outcome = await suiteTask.verify!(device, result);
      const trace = `${outcome.reason}: ${JSON.stringify(result.steps.map((s) => [s.action ?? s.model?.parseError, s.result?.ok]))}`;
      expect(outcome.verdict, trace).toBe('success');
      expect(result.stopReason).toBe('completed');
      const sent = server.requests.slice(before);
      expect(sent.length).toBe(result.steps.length);
      // The prompt carried the task, and every screenshot was resized for the dialect's model.
      expect(sent[0].text).toContain(inst.instruction);
      const sizes = new Set(sent.flatMap((r) => r.images.map((i) => `${i.width}x${i.height}`)));
      expect([...sizes]).toEqual([dialect === 'gelab' || dialect === 'json' ? '670x1490' : '1092x2408']);
    }, 120_000);
  }
});
