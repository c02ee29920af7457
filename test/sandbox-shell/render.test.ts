import { describe, expect, it } from 'vitest';
import { createPhone } from '../../src/sandbox/phone.js';
import { renderPhone } from '../../src/sandbox/shell/render.js';
import { readSettings, clockParts } from '../../src/sandbox/shell/settings.js';
import { FIXTURE_APPS } from './fixtures/apps.js';

describe('renderPhone (pure)', () => {
  it('draws the status bar from the clock, battery and settings, with defaults without a settings app', () => {
    const p = createPhone(1, FIXTURE_APPS);
    p.system.clock = '2026-03-05T18:07';
    p.system.battery = 9;
    const { html } = renderPhone(p, FIXTURE_APPS);
    expect(html).toContain('>18:07<');
    expect(html).toContain('9%');
    expect(html).toContain('data-id="wifi"');
    expect(html).not.toContain('data-id="bluetooth"');
    p.apps.settings = { wifi: false, bluetooth: true, airplane: true, brightness: 30, darkMode: true };
    const r = renderPhone(p, FIXTURE_APPS);
    expect(r.html).toContain('data-id="bluetooth"');
    expect(r.html).toContain('data-id="airplane"');
    expect(r.html).not.toContain('data-id="wifi"');
    expect(r.className.split(' ')).toContain('dark');
  });

  it('reads settings defensively', () => {
    const p = createPhone(1, FIXTURE_APPS);
    p.apps.settings = { wifi: 'yes', brightness: 400 };
    expect(readSettings(p)).toMatchObject({ wifi: true, brightness: 100, darkMode: false });
    expect(clockParts('2026-11-26T09:41')).toMatchObject({ hh: '09', mm: '41', weekday: 4 });
  });

  it('wraps the foreground app with its scope and package, and shows an error screen when it throws', () => {
    const p = createPhone(1, FIXTURE_APPS);
    p.system.foreground = 'lab';
    expect(renderPhone(p, FIXTURE_APPS).html).toContain('class="app app-lab" data-pkg="com.stepwise.lab" data-scope="lab"');
    p.system.stacks.lab = [{ name: 'nowhere' }];
    expect(renderPhone(p, FIXTURE_APPS).html).toContain('屡次停止运行');
  });

  it('shows the keyboard only while a field is focused, and escapes app-provided text', () => {
    const p = createPhone(1, FIXTURE_APPS);
    expect(renderPhone(p, FIXTURE_APPS).html).not.toContain('data-id="keyboard"');
    p.system.focus = 'home.search';
    p.system.fields['home.search'] = '<b>';
    const { html } = renderPhone(p, FIXTURE_APPS);
    expect(html).toContain('data-id="keyboard"');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('same state -> same markup', () => {
    const a = renderPhone(createPhone('s', FIXTURE_APPS), FIXTURE_APPS);
    const b = renderPhone(createPhone('s', FIXTURE_APPS), FIXTURE_APPS);
    expect(a).toEqual(b);
  });
});
