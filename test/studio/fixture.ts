/**
 * Shared by the Studio tests: a store recorded by the real runner on a sandbox phone, a
 * Chromium for looking at Studio (the sandbox launcher's binary and flags, at 1x scale), and
 * where screenshots for docs/STUDIO.md go.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DemoPolicy } from '../../src/agent/demo-policy.js';
import { runPool } from '../../src/agent/pool.js';
import { sandboxTask, solutionFor } from '../../src/agent/sandbox-suite.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/devices/chromium.js';
import type { SandboxDevice } from '../../src/devices/sandbox/index.js';
import { APPS } from '../../src/sandbox/apps/index.js';
import { TEMPLATES } from '../../src/sandbox/tasks/index.js';
import { instantiate } from '../../src/sandbox/tasks/instance.js';
import type { Store } from '../../src/store/index.js';

export const tmp = (p = 'sw-studio-') => mkdtempSync(join(tmpdir(), p));

export function instance(templateId: string, seed: number) {
  const t = TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new Error(`no template ${templateId}`);
  return instantiate(t, seed, APPS);
}

/** Runs one sandbox task with the demo policy (noise 0) and returns its trajectory id. */
export async function record(store: Store, device: SandboxDevice, templateId: string, seed: number, round: number): Promise<string> {
  const [run] = await runPool({
    tasks: [sandboxTask(instance(templateId, seed))], devices: [device], store, maxSteps: 20,
    policy: new DemoPolicy({ noise: 0, seed: 1, solutionFor }), meta: { round },
  });
  if (!run.result.trajectoryId) throw new Error(`run of ${templateId} stored nothing: ${run.result.error}`);
  return run.result.trajectoryId;
}

/** Chromium for viewing Studio pages: the sandbox's binary and flags, at device scale 1. */
export function launchViewer(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** Screenshots land in docs/img only when asked (STEPWISE_UPDATE_DOCS_IMG=1), so CI leaves the tree clean. */
export function docsImage(name: string): string {
  if (process.env.STEPWISE_UPDATE_DOCS_IMG === '1') return join('docs', 'img', name);
  const dir = join(tmpdir(), 'sw-studio-shots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
