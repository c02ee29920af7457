import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import type { UiNode } from '../../src/core/uitree.js';
import { openStore, type Store } from '../../src/store/index.js';
import { critiqueScreens } from '../../src/verifiers/critic.js';
import { screenCasesFromStore } from '../../src/verifiers/screens.js';
import { synthesizedVerifierSource } from '../../src/verifiers/source.js';
import { synthesizeVerifier } from '../../src/verifiers/synth.js';
import { BAD, reply } from './fixtures.js';

const GOOD_SCREEN = readFileSync(new URL('./examples/screen.wifi-on.js', import.meta.url), 'utf8');
const TASK = 'Turn on Wi-Fi';
const node = (index: number, p: Partial<UiNode>): UiNode => ({
  index, class: 'android.widget.TextView', text: '', desc: '', resourceId: '', bounds: [0, 0, 100, 50], clickable: false, focused: false,
  scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent: -1, package: 'com.android.settings', ...p,
});
const wifiScreen = (on: boolean) => [node(0, { text: 'Wi-Fi' }), node(1, { class: 'android.widget.Switch', resourceId: 'com.android.settings:id/wifi-switch', checkable: true, checked: on, clickable: true })];
const homeScreen = [node(0, { text: 'Settings', package: 'com.android.launcher' })];

let dir: string;
let store: Store;
let fake: FakeServer;

function record(id: string, instruction: string, tree: UiNode[], verdict: 'success' | 'failure', confidence = 1) {
  store.createTrajectory({ id, task: { instruction } });
  const sha = store.putBlob(Buffer.from(JSON.stringify(tree)));
  store.appendStep(id, { index: 0, observation: { frameId: `${id}-0`, width: 100, height: 200, uiTree: sha } });
  store.finishTrajectory(id, { stopReason: 'completed' });
  store.setOutcome(id, { verdict, confidence, source: 'human', reason: `${verdict} by review` });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'screens-'));
  store = openStore(dir);
  record('on-1', TASK, wifiScreen(true), 'success');
  record('on-2', TASK, wifiScreen(true), 'success');
  record('off', TASK, wifiScreen(false), 'failure');
  record('home', TASK, homeScreen, 'failure');
  record('unsure', TASK, wifiScreen(false), 'success', 0.5);
  record('other', 'Turn off Bluetooth', homeScreen, 'success');
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  store.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verifiers over recorded UI trees', () => {
  it('takes the task\'s finished runs with a sure outcome and a UI tree as labelled cases', () => {
    const cases = screenCasesFromStore(store, { instruction: TASK });
    expect(cases.map((c) => [c.trajectoryId, c.expected]).sort()).toEqual([['home', false], ['off', false], ['on-1', true], ['on-2', true]]);
    expect(cases[0].task).toMatchObject({ instruction: TASK, stopReason: 'completed' });
  });

  it('the critic accepts a verifier that reads the switch and rejects one that accepts all', async () => {
    const cases = screenCasesFromStore(store, { instruction: TASK });
    expect(await critiqueScreens(GOOD_SCREEN, cases)).toMatchObject({ accepted: true, checked: true, agreement: 1 });
    const bad = await critiqueScreens(BAD.alwaysTrue, cases);
    expect(bad.accepted).toBe(false);
    expect(bad.problems).toHaveLength(2);
    expect(await critiqueScreens(GOOD_SCREEN, [])).toMatchObject({ accepted: false, problems: [expect.stringMatching(/no recorded trajectory/)] });
  });

  it('synthesis shows the designer a successful final screen and redesigns after a misjudgement', async () => {
    fake.enqueue(reply(BAD.alwaysTrue), reply(GOOD_SCREEN));
    const before = fake.requests.length;
    const r = await synthesizeVerifier({ task: TASK, screens: screenCasesFromStore(store, { instruction: TASK }), designer: { baseURL: fake.url, apiKey: 'k', model: 'd', retries: 0 } });
    expect(r).toMatchObject({ accepted: true, checked: true, over: 'uitree' });
    expect(r.rounds).toHaveLength(2);
    const first = fake.requests[before];
    expect(first.messages[0].content).toMatch(/function verify\(screen, answer, task\)/);
    expect(first.text).toMatch(/Final screen of a successful run[\s\S]*id=com.android.settings:id\/wifi-switch .*checked=true/);
    expect(fake.requests[before + 1].text).toMatch(/On "trajectory (off|home)" it accepted .* but should reject: human says failure/);
  });

  it('as a CSRS source: verdicts from the last recorded screen, silence for other tasks', async () => {
    const src = synthesizedVerifierSource({ source: GOOD_SCREEN, meta: { task: TASK, over: 'uitree', accepted: true } }, { loadBlob: (sha) => store.getBlob(sha) });
    expect(await src(store.getTrajectory('on-1'))).toMatchObject({ verdict: 'success', source: 'verifier', reason: 'Wi-Fi is on' });
    expect(await src(store.getTrajectory('home'))).toMatchObject({ verdict: 'failure', reason: 'the Wi-Fi switch is not on screen' });
    expect(await src(store.getTrajectory('other'))).toBeUndefined();
    expect(() => synthesizedVerifierSource({ source: GOOD_SCREEN, meta: { task: TASK, over: 'uitree', accepted: true } })).toThrow(/needs loadBlob/);
  });
});
