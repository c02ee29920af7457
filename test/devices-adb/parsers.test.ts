import { describe, expect, it } from 'vitest';
import type { UiNode } from '../../src/core/uitree.js';
import { parseDensity, parseDevicesL, parseFocus, parseLauncherActivities, parseRotation, parseScreenState, parseUiautomatorXml, parseWmSize, pngSize } from '../../src/devices/adb/index.js';
import { toUiautomatorXml } from '../../src/devices/emulated-adb/index.js';

const node = (over: Partial<UiNode>): UiNode => ({
  index: 0, class: 'android.widget.FrameLayout', text: '', desc: '', resourceId: '', bounds: [0, 0, 1080, 2400],
  clickable: false, focused: false, scrollable: false, checkable: false, checked: false, selected: false, enabled: true, parent: -1, package: 'com.x', ...over,
});

describe('adb output parsers', () => {
  it('wm size prefers the override size; density reads either line', () => {
    expect(parseWmSize('Physical size: 1080x2400\n')).toEqual({ width: 1080, height: 2400 });
    expect(parseWmSize('Physical size: 1440x3200\nOverride size: 1080x2400\n')).toEqual({ width: 1080, height: 2400 });
    expect(() => parseWmSize('error: no display')).toThrow(/screen size/);
    expect(parseDensity('Physical density: 560\nOverride density: 420\n')).toBe(420);
  });

  it('reads rotation, screen state and focus across Android versions', () => {
    expect(parseRotation('    mCurrentRotation=ROTATION_270\n')).toBe(270);
    expect(parseRotation('      SurfaceOrientation: 1\n')).toBe(90);
    expect(parseRotation('nothing')).toBeUndefined();
    expect(parseScreenState('mWakefulness=Awake\n mShowingLockscreen=false')).toEqual({ awake: true, locked: false });
    expect(parseScreenState('mWakefulness=Dozing\n isStatusBarKeyguard=true')).toEqual({ awake: false, locked: true });
    expect(parseFocus('  mCurrentFocus=Window{2c3 u0 com.tencent.mm/com.tencent.mm.ui.LauncherUI}')).toBe('com.tencent.mm');
    expect(parseFocus('  mFocusedApp=ActivityRecord{4a u0 com.android.settings/.Settings t12}')).toBe('com.android.settings');
  });

  it('parses adb devices -l', () => {
    const out = 'List of devices attached\nR58M123ABC             device usb:1-1 product:beyond1 model:SM_G973F device:beyond1 transport_id:3\nemulator-5554          offline\n\n';
    expect(parseDevicesL(out)).toEqual([
      { serial: 'R58M123ABC', state: 'device', props: { usb: '1-1', product: 'beyond1', model: 'SM_G973F', device: 'beyond1', transport_id: '3' } },
      { serial: 'emulator-5554', state: 'offline', props: {} },
    ]);
  });

  it('uiautomator XML round-trips the shared node shape, with escaping and nesting', () => {
    const tree: UiNode[] = [
      node({}),
      node({ index: 1, parent: 0, class: 'android.widget.EditText', text: 'a "b" <c> & d\nline', resourceId: 'com.x:id/input', bounds: [10, 20, 300, 120], focused: true, clickable: true }),
      node({ index: 2, parent: 0, class: 'android.widget.ListView', scrollable: true, bounds: [0, 200, 1080, 2000] }),
      node({ index: 3, parent: 2, class: 'android.widget.CheckBox', desc: '收藏', checkable: true, checked: true, selected: true, enabled: false, bounds: [0, 200, 100, 300] }),
    ];
    const parsed = parseUiautomatorXml(toUiautomatorXml(tree, 0, (b) => b));
    expect(parsed.tree).toEqual(tree);
    expect(parsed.rotation).toBe(0);
    expect(() => parseUiautomatorXml('ERROR: could not get idle state.')).toThrow(/did not return a UI hierarchy/);
  });

  it('launcher activities give packages, activities and literal labels', () => {
    const out = '2 activities found:\n  Activity #0:\n    ActivityInfo:\n      name=com.android.settings.Settings\n      packageName=com.android.settings\n      labelRes=0x7f1201 nonLocalizedLabel=null icon=0x0\n  Activity #1:\n    ActivityInfo:\n      name=org.demo.Main\n      packageName=org.demo\n      labelRes=0x0 nonLocalizedLabel=Demo App icon=0x0\n';
    expect(parseLauncherActivities(out)).toEqual([
      { id: 'com.android.settings', label: 'settings', aliases: ['settings'], activity: 'com.android.settings.Settings' },
      { id: 'org.demo', label: 'Demo App', aliases: ['demo'], activity: 'org.demo.Main' },
    ]);
  });

  it('pngSize rejects bytes that are not a PNG (a screencap cut short)', () => {
    expect(() => pngSize(Buffer.from('error: closed'))).toThrow(/did not return a PNG/);
  });
});
