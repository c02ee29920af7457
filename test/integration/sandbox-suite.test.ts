/**
 * The sandbox task suite end to end in real Chromium with the demo policy:
 * - noise 0: every sampled instance (>= 500, across all templates) succeeds, i.e. every task
 *   is solvable and every verifier accepts its reference end state;
 * - every template's hand-made wrong end states (built from the real reference end state)
 *   are rejected;
 * - noise 0.3: success falls, and no run with an injected premature completion succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { openSandboxDevices, sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { runSuite, type SuiteRun } from '../../src/agent/suite.js';
import type { SandboxBrowser, SandboxDevice } from '../../src/devices/sandbox/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { clonePhone } from '../../src/sandbox/phone.js';
import { sampleInstances, verifyInstance, type TaskInstance } from '../../src/sandbox/tasks/instance.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';

const N = Number(process.env.STEPWISE_SUITE_SAMPLE ?? 520);
let browser: SandboxBrowser;
let devices: SandboxDevice[];

beforeAll(async () => {
  ({ browser, devices } = await openSandboxDevices(4));
});
afterAll(async () => {
  await browser?.close();
});

async function run(instances: TaskInstance[], noise: number) {
  const finals = new Map<string, unknown>();
  const tasks = instances.map((inst) => {
    const t = sandboxTask(inst);
    const verify = t.verify!;
    return {
      ...t,
      verify: async (device: Parameters<typeof verify>[0], result: Parameters<typeof verify>[1]) => {
        finals.set(inst.id, await (device as SandboxDevice).state());
        return verify(device, result);
      },
    };
  });
  const runs = await runSuite({ tasks, devices, policy: new DemoPolicy({ noise, seed: 11, solutionFor }), maxSteps: 60 });
  return { runs, finals };
}

const describeRun = (r: SuiteRun) => `${r.task.ref.id}: ${r.result.stopReason} ${r.outcome?.reason ?? ''} ${r.result.error ?? ''}`;

describe('sandbox task suite', () => {
  it('has at least 80 templates covering the five AndroidDaily scenarios and the system apps', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(80);
    const scenarios = new Set(TEMPLATES.map((t) => t.scenario));
    for (const s of ['transportation', 'shopping', 'social', 'content', 'local_services', 'system']) expect(scenarios).toContain(s);
    for (const k of ['filter', 'query', 'analyze']) expect(TEMPLATES.some((t) => t.type === k)).toBe(true);
    for (const k of ['atomic', 'composite', 'conditional']) expect(TEMPLATES.some((t) => t.complexity === k)).toBe(true);
    for (const k of ['low', 'mid', 'high']) expect(TEMPLATES.some((t) => t.ambiguity === k)).toBe(true);
    expect(TEMPLATES.some((t) => t.reply)).toBe(true);
    expect(TEMPLATES.some((t) => t.expect === 'abort')).toBe(true);
    expect(TEMPLATES.some((t) => t.lang === 'zh')).toBe(true);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(APPS.length).toBeGreaterThanOrEqual(10);
  });

  it(`noise 0: the demo policy solves every one of ${N} sampled instances, and wrong end states are rejected`, async () => {
    const instances = sampleInstances(TEMPLATES, Math.max(N, TEMPLATES.length), 5, APPS);
    const { runs, finals } = await run(instances, 0);
    const failed = runs.filter((r) => r.outcome?.verdict !== 'success').map(describeRun);
    expect(failed).toEqual([]);
    expect(runs).toHaveLength(instances.length);
    const accepted: string[] = [];
    for (const inst of instances) {
      const ends = inst.template.wrongEnds(inst.params);
      expect(ends.length, `${inst.template.id} needs hand-made wrong end states`).toBeGreaterThanOrEqual(2);
      const final = finals.get(inst.id) as Parameters<typeof verifyInstance>[1];
      const run = runs.find((r) => r.task.ref.id === inst.id)!;
      for (const w of ends) {
        const state = clonePhone(final);
        w.mutate?.(state);
        const answer = w.answer ?? run.result.answer;
        if (verifyInstance(inst, state, answer).ok) accepted.push(`${inst.id} accepted wrong end "${w.name}"`);
      }
    }
    expect(accepted).toEqual([]);
  }, 1_800_000);

  it('noise 0.3: success falls and no injected premature completion is scored a success', async () => {
    const instances = sampleInstances(TEMPLATES, 120, 9, APPS);
    const { runs } = await run(instances, 0.3);
    const rate = runs.filter((r) => r.outcome?.verdict === 'success').length / runs.length;
    expect(rate).toBeLessThan(0.95);
    expect(rate).toBeGreaterThan(0.05);
    const premature = runs.filter((r) => r.result.steps.some((s) => s.meta?.injected === 'premature_complete'));
    expect(premature.length).toBeGreaterThan(0);
    for (const r of premature) expect(r.outcome?.verdict, describeRun(r)).toBe('failure');
  }, 900_000);
});
