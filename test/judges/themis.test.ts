/**
 * Themis on a real stored sandbox trajectory: the demo policy runs one task on a sandbox
 * phone (Chromium), the store keeps its screenshots and UI trees, and the judge model (the
 * fake server) asks for a UI-tree search before answering. The trace must hold the real
 * tool result from the recorded tree.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxBatch } from '../../src/cli/sandbox-batch.js';
import type { Trajectory } from '../../src/core/trajectory.js';
import type { UiTree } from '../../src/core/uitree.js';
import { createJudge } from '../../src/judges/index.js';
import { calculate } from '../../src/judges/themis-tools.js';
import { openStore, type Store } from '../../src/store/index.js';
import { endpoint, fake } from './helpers.js';

const storeDir = join(mkdtempSync(join(tmpdir(), 'themis-')), 'store');
let store: Store;
let traj: Trajectory;

beforeAll(async () => {
  await runSandboxBatch({ device: 'sandbox', devices: 1, policy: 'demo', tasks: 'all', sample: 1, seed: 11, noise: 0, maxSteps: 25, store: storeDir, progress: false, report: false });
  store = openStore(storeDir);
  traj = store.getTrajectory(store.listTrajectories()[0].id);
}, 300_000);
afterAll(() => store?.close());

const context = () => ({ loadImage: (sha: string) => store.getBlob(sha), loadUiTree: (sha: string) => JSON.parse(store.getBlob(sha).toString('utf8')) as UiTree });

describe('Themis tool-augmented judging', () => {
  it('calls the UI-tree tool on the stored trajectory and keeps the trace with the verdict', async () => {
    const last = traj.steps[traj.steps.length - 1];
    const tree = context().loadUiTree(last.observation!.uiTree!);
    const word = tree.find((n) => n.text.trim().length >= 3)!.text.trim().split(/\s+/)[0];
    const s = await fake({ script: [
      { tool_calls: [{ name: 'ui_tree_search', arguments: { query: word } }, { name: 'app_state', arguments: {} }] },
      '{"verdict":"success","confidence":0.8,"reason":"the final screen shows the expected state"}',
    ] });
    const j = createJudge({ protocol: 'themis', ...endpoint(s) }, { context: context() });
    const r = await j.score({ id: traj.id, target: { kind: 'trajectory', trajectory: traj } });
    expect(r.verdict).toBe('success');
    expect(r.confidence).toBeCloseTo(0.8, 9);
    expect(r.trace!.map((t) => t.tool)).toEqual(['ui_tree_search', 'app_state']);
    const found = r.trace![0].result as { step: number; matches: { text?: string }[]; total: number };
    expect(found.step).toBe(last.index);
    expect(found.total).toBeGreaterThan(0);
    expect(found.matches.some((m) => m.text?.includes(word))).toBe(true);
    expect((r.trace![1].result as { stopReason: string }).stopReason).toBe(traj.stopReason);
    // The model saw the tools, then the tool results in the second request.
    expect((s.requests[0].tools as { function: { name: string } }[]).map((t) => t.function.name)).toEqual(['ui_tree_search', 'ui_tree_texts', 'app_state', 'calculator']);
    expect(s.requests[0].images).toHaveLength(1);
    const toolMsgs = s.requests[1].messages.filter((m) => m.role === 'tool');
    expect(toolMsgs).toHaveLength(2);
    expect(String(toolMsgs[0].content)).toContain(word);
  });

  it('offers OCR only when an engine is given, and reports bad tool arguments to the model', async () => {
    const s = await fake({ script: [
      { tool_calls: [{ name: 'ocr_screen', arguments: { step: 0 } }, { name: 'ui_tree_texts', arguments: { step: 999 } }] },
      '{"verdict":"failure","confidence":0.7,"reason":"r"}',
    ] });
    const ocrCalls: number[] = [];
    const j = createJudge({ protocol: 'themis', ...endpoint(s) }, { context: { ...context(), ocr: async (img) => { ocrCalls.push(img.length); return 'Settings\nWi-Fi'; } } });
    const r = await j.score({ target: { kind: 'trajectory', trajectory: traj } });
    expect((s.requests[0].tools as { function: { name: string } }[]).map((t) => t.function.name)).toContain('ocr_screen');
    expect(r.trace![0].result).toEqual({ step: 0, text: 'Settings\nWi-Fi' });
    expect(ocrCalls).toHaveLength(1);
    expect(r.trace![1].result).toMatchObject({ error: expect.stringMatching(/no step 999/) });
    expect(r.score).toBeCloseTo(0.3, 9);
  });

  it('a model that never stops calling tools is made to answer after maxTurns', async () => {
    const s = await fake({ script: (req) => (req.tools ? { tool_calls: [{ name: 'calculator', arguments: { expression: '2*(3+4)' } }] } : '{"verdict":"success","confidence":0.6,"reason":"ok"}') });
    const r = await createJudge({ protocol: 'themis', ...endpoint(s), maxTurns: 2 }, { context: context() }).score({ target: { kind: 'trajectory', trajectory: traj } });
    expect(r.trace).toHaveLength(2);
    expect(r.trace![0].result).toEqual({ value: 14 });
    expect(s.requests).toHaveLength(3);
    expect(s.requests[2].tools).toBeUndefined();
  });

  it('the calculator refuses anything but arithmetic', () => {
    expect(calculate('1.5 + 2^3 * (4 - 1) % 5')).toBeCloseTo(1.5 + ((8 * 3) % 5), 9);
    expect(() => calculate('process.exit()')).toThrow(/unexpected/);
  });
});
