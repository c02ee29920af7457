/**
 * `stepwise verifier` end to end: the command file is bundled into a small program (as main.ts
 * registers it) and run as a child process against the fake model server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleCommand, type BundledCommand } from '../helpers/command-bundle.js';
import { startFakeOpenAI, type FakeServer } from '../../src/agent/fake-openai/index.js';
import { openStore } from '../../src/store/index.js';
import { BAD, GOOD, reply, templateOf } from './fixtures.js';

let cli: BundledCommand;
let dir: string;
let fake: FakeServer;

beforeAll(async () => {
  cli = await bundleCommand('verifier');
  dir = cli.dir;
  fake = await startFakeOpenAI({ script: (req) => reply(GOOD[templateOf(req.text) ?? ''] ?? BAD.alwaysTrue) });
});
afterAll(async () => {
  await fake.close();
  cli.cleanup();
});

const run = (args: string[]) => cli.run(['verifier', ...args], { cwd: dir });

describe('stepwise verifier', () => {
  it('synth writes an accepted verifier that check then accepts', async () => {
    const out = join(dir, 'delete.js');
    const s = await run(['synth', '--task', 'Delete the note about gift ideas.', '--template', 'notes.delete-note-about', '--base-url', fake.url, '--model', 'designer', '--out', out]);
    expect(s.stderr).toContain('round 1: accepted');
    expect(s.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\/\/ stepwise-verifier .*"template":"notes.delete-note-about".*"accepted":true/);
    const c = await run(['check', out, '--template', 'notes.delete-note-about', '--seeds', '4,5']);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/^accepted: agrees with the hand-written verifier on (\d+)\/\1 end states/);
  });

  it('check rejects a planted wrong verifier with exit code 1 and shows the case', async () => {
    const f = join(dir, 'bad.js');
    writeFileSync(f, BAD.tickTargetOnly);
    const c = await run(['check', f, '--template', 'notes.tick-checklist-item']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/^rejected/);
    expect(c.stdout).toMatch(/BAD .* another item ticked too: expected reject, got accept/);
  });

  it('synth without acceptance exits 1 and reports the problems', async () => {
    const s = await run(['synth', '--task', 'Write my shopping list.', '--template', 'notes.write-shopping-list', '--rounds', '1', '--base-url', fake.url, '--model', 'm']);
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(/not accepted after 1 round/);
    expect(s.stdout).toMatch(/should reject/);
  });

  it('measure reports the share agreeing on held-out seeds', async () => {
    const out = join(dir, 'measure.json');
    const html = join(dir, 'measure.html');
    const m = await run(['measure', '--templates', 'notes.look-up-fact,notes.write-shopping-list', '--rounds', '1', '--held-out', '2', '--base-url', fake.url, '--model', 'm', '--json', '--out', out, '--html', html]);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ templates: 2, accepted: 1, agreeing: 1, agreementShare: 0.5 });
    expect(m.stderr).toMatch(/verifiers 2\/2/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: { template: string; agrees: boolean }[] };
    expect(report.results.map((r) => [r.template, r.agrees])).toEqual([['notes.look-up-fact', true], ['notes.write-shopping-list', false]]);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg[\s\S]*agrees/);
    expect(page).toMatch(/1\/2 templates \(50.0 %\) agree/);
    expect(page).toMatch(/<td>notes.write-shopping-list<\/td><td>no<\/td>/);
  });

  it('over UI trees: synth from a store\'s labelled runs, then check from the file header', async () => {
    const storeDir = join(dir, 'store');
    const store = openStore(storeDir);
    const tree = (on: boolean) => JSON.stringify([{ index: 0, class: 'android.widget.Switch', text: '', desc: '', resourceId: 'com.android.settings:id/wifi-switch', bounds: [0, 0, 9, 9], clickable: true, focused: false, scrollable: false, checkable: true, checked: on, selected: false, enabled: true, parent: -1 }]);
    for (const [id, on] of [['a', true], ['b', false], ['c', true]] as const) {
      store.createTrajectory({ id, task: { instruction: 'Turn on Wi-Fi' } });
      store.appendStep(id, { index: 0, observation: { frameId: id, width: 9, height: 9, uiTree: store.putBlob(Buffer.from(tree(on))) } });
      store.finishTrajectory(id, { stopReason: 'completed' });
      store.setOutcome(id, { verdict: on ? 'success' : 'failure', confidence: 1, source: 'human' });
    }
    store.close();
    fake.enqueue(reply(readFileSync(resolve('test/verifiers/examples/screen.wifi-on.js'), 'utf8')));
    const out = join(dir, 'wifi.js');
    const s = await run(['synth', '--task', 'Turn on Wi-Fi', '--over', 'uitree', '--store', storeDir, '--base-url', fake.url, '--model', 'm', '--out', out]);
    expect(s.stdout).toMatch(/^accepted after 1 round/);
    expect(readFileSync(out, 'utf8')).toMatch(/"over":"uitree"/);
    const c = await run(['check', out, '--store', storeDir]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/^accepted: agrees with the recorded outcomes on 3\/3/);
    const none = await run(['synth', '--task', 'Turn off Bluetooth', '--over', 'uitree', '--store', storeDir, '--base-url', fake.url, '--model', 'm']);
    expect(none.stderr).toMatch(/no finished trajectory of "Turn off Bluetooth" has a UI tree/);
  });

  it('bad input gets clear errors', async () => {
    const missing = await run(['check', join(dir, 'nope.js'), '--template', 'notes.look-up-fact']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.js: ENOENT/);
    const f = join(dir, 'ok.js');
    writeFileSync(f, GOOD['notes.look-up-fact']);
    const tpl = await run(['check', f, '--template', 'notes.no-such']);
    expect(tpl.stderr).toMatch(/no task template "notes.no-such".*stepwise tasks list/);
    const seeds = await run(['check', f, '--template', 'notes.look-up-fact', '--seeds', 'a,b']);
    expect(seeds.stderr).toMatch(/--seeds "a,b" is not a list of seeds/);
    const header = join(dir, 'hdr.js');
    writeFileSync(header, '// stepwise-verifier {not json\nfunction verify() {}');
    expect((await run(['check', header, '--template', 'notes.look-up-fact'])).stderr).toMatch(/header line is not JSON/);
    const over = await run(['synth', '--task', 'x', '--over', 'pixels', '--base-url', fake.url, '--model', 'm']);
    expect(over.stderr).toMatch(/--over pixels is not state or uitree/);
    const noTemplate = await run(['check', f]);
    expect(noTemplate.stderr).toMatch(/check needs --template ID/);
    const down = await run(['synth', '--task', 'x', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--retries', '0']);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot reach model "m" at http:\/\/127.0.0.1:9\/v1/);
  });
});
