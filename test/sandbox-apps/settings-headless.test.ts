import { describe, expect, it } from 'vitest';
import { settingsApp } from '../../src/sandbox/apps/settings/index.js';
import type { SettingsState } from '../../src/sandbox/apps/settings/data.js';
import { checkTemplate, matchTargets, ownText, parseHtml, runHeadless, textContent } from '../../src/sandbox/headless.js';
import type { PhoneState, TaskTemplate } from '../../src/sandbox/framework.js';
import { createPhone } from '../../src/sandbox/phone.js';

const APPS = [settingsApp];
const S = (p: PhoneState) => p.apps.settings as SettingsState;

describe('headless html parsing', () => {
  it('parses nesting, void and self-closing tags, attributes and entities', () => {
    const root = parseHtml('<div data-id="a" class="x"><span>Tom &amp; Jerry</span><input data-field="q" placeholder="Search"><svg><path d="M0 0"/></svg><b>x &#39;y&#39;</b></div>');
    const div = root.children[0] as any;
    expect(div.attrs).toEqual({ 'data-id': 'a', class: 'x' });
    expect(div.children.map((c: any) => c.tag)).toEqual(['span', 'input', 'svg', 'b']);
    expect(ownText(div.children[0])).toBe('Tom & Jerry');
    expect(textContent(div)).toBe("Tom & Jerry x 'y'");
  });
  it('matches targets by id, exact text, substring, aria-label, within and nth', () => {
    const root = parseHtml('<div data-id="l1"><p>Alpha</p><p aria-label="Beta item">Beta</p></div><div data-id="l2"><p>Alpha</p></div>');
    expect(matchTargets(root, { text: 'Alpha' })).toHaveLength(2);
    expect(matchTargets(root, { text: 'Alpha', within: 'l2' })).toHaveLength(1);
    expect(matchTargets(root, { contains: 'lph' })).toHaveLength(2);
    expect(matchTargets(root, { text: 'Beta item' })).toHaveLength(1);
    expect(matchTargets(root, { id: 'l2' })[0].attrs['data-id']).toBe('l2');
    expect(matchTargets(root, { text: 'Alph' })).toHaveLength(0);
    expect(matchTargets(root, {})).toHaveLength(0);
  });
});

describe('headless executor', () => {
  it('taps through screens, types into fields and answers', () => {
    const p = createPhone(3, APPS);
    const n = S(p).networks.find((x) => x.secured && !x.saved)!;
    const r = runHeadless(p, APPS, [
      { do: 'open_app', app: '设置' }, { do: 'tap', text: 'Wi‑Fi' }, { do: 'tap', text: n.ssid },
      { do: 'type', text: n.password, into: { id: 'password-input' } }, { do: 'tap', text: 'Connect' }, { do: 'complete', answer: 'done' },
    ]);
    expect(r.answer).toBe('done');
    expect(S(p).wifiConnected).toBe(n.ssid);
  });
  it('throws a clear error for a target that is not on screen', () => {
    const p = createPhone(3, APPS);
    expect(() => runHeadless(p, APPS, [{ do: 'open_app', app: 'Settings' }, { do: 'tap', id: 'dark-switch' }])).toThrow(/not on screen/);
    expect(() => runHeadless(createPhone(3, APPS), APPS, [{ do: 'open_app', app: 'Nope' }])).toThrow(/no app named/);
  });
  it('refuses to type into a non-empty field (append and replace would differ)', () => {
    const p = createPhone(3, APPS);
    p.system.fields['settings.appsearch'] = 'we';
    expect(() => runHeadless(p, APPS, [{ do: 'open_app', app: 'Settings' }, { do: 'tap', id: 'apps-entry' }, { do: 'type', text: 'chat', into: { id: 'apps-search' } }])).toThrow(/not empty/);
  });
  it('back closes an overlay before leaving the screen', () => {
    const p = createPhone(3, APPS);
    runHeadless(p, APPS, [{ do: 'open_app', app: 'Settings' }, { do: 'tap', id: 'display-entry' }, { do: 'tap', id: 'timeout-entry' }, { do: 'key', key: 'back' }]);
    expect(p.system.overlay).toBeNull();
    expect(p.system.stacks.settings.at(-1)?.name).toBe('display');
  });
});

describe('checkTemplate', () => {
  const base: TaskTemplate<Record<string, never>> = {
    id: 'settings.test-dark', app: 'settings', scenario: 'system', type: 'filter', complexity: 'atomic', ambiguity: 'low', lang: 'en',
    params: () => ({}), instruction: () => 'Turn on dark mode', setup: (p) => { S(p).darkMode = false; }, expect: 'complete',
    verify: (f) => ({ ok: S(f).darkMode, reason: 'dark' }),
    solution: () => [{ do: 'open_app', app: 'Settings' }, { do: 'tap', id: 'display-entry' }, { do: 'tap', id: 'dark-switch' }, { do: 'complete' }],
    wrongEnds: () => [{ name: 'off', mutate: (p) => { S(p).darkMode = false; } }, { name: 'off again', mutate: (p) => { S(p).darkMode = false; S(p).dnd = true; } }],
  };
  it('passes a sound template', () => {
    expect(checkTemplate(base, APPS, 1)).toEqual([]);
  });
  it('reports a missing target, a lenient verifier, a wrong expectation and too few wrong ends', () => {
    expect(checkTemplate({ ...base, solution: () => [{ do: 'open_app', app: 'Settings' }, { do: 'tap', id: 'no-such' }] }, APPS, 1)[0]).toMatch(/reference solution failed/);
    expect(checkTemplate({ ...base, verify: () => ({ ok: true, reason: '' }) }, APPS, 1).join()).toMatch(/accepts wrong end "off"/);
    expect(checkTemplate({ ...base, expect: 'abort' }, APPS, 1).join()).toMatch(/expects abort/);
    expect(checkTemplate({ ...base, wrongEnds: () => [] }, APPS, 1).join()).toMatch(/at least 2 wrong ends/);
    expect(checkTemplate({ ...base, reply: () => 'x' }, APPS, 1).join()).toMatch(/info step/);
    expect(checkTemplate({ ...base, solution: () => [{ do: 'open_app', app: 'Settings' }, { do: 'complete' }] }, APPS, 1).join()).toMatch(/rejects the reference end state/);
  });
});
