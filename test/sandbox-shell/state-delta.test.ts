import { describe, expect, it } from 'vitest';
import { APPS } from '../../src/sandbox/apps/index.js';
import { createPhone } from '../../src/sandbox/phone.js';
import { StateDeltaSender, StateMirror } from '../../src/sandbox/state-delta.js';

describe('state deltas between the phone page and the device', () => {
  it('sends only changed parts and the mirror rebuilds the exact whole state', () => {
    const state = createPhone('7', APPS);
    const sender = new StateDeltaSender();
    const mirror = new StateMirror();
    sender.markSent(state);
    mirror.setWhole(JSON.stringify(state));
    expect(sender.delta(state)).toEqual({ apps: {} });

    state.system.toast = 'hello';
    (state.apps.settings as Record<string, unknown>).airplane = true;
    const d = sender.delta(state);
    expect(Object.keys(d.apps)).toEqual(['settings']);
    expect(d.head).toBeDefined();
    mirror.apply(d);
    // A change to one app only: the head is not re-sent.
    (state.apps.notes as Record<string, unknown>).extra = [1, 2, 3];
    const d2 = sender.delta(state);
    expect(d2.head).toBeUndefined();
    expect(Object.keys(d2.apps)).toEqual(['notes']);
    mirror.apply(d2);
    expect(JSON.parse(mirror.json()!)).toEqual(state);
    // The delta is a small fraction of the whole state.
    expect(JSON.stringify(d2).length).toBeLessThan(JSON.stringify(state).length / 5);
  });

  it('starts over after a whole-state write', () => {
    const a = createPhone('1', APPS), b = createPhone('2', APPS);
    const sender = new StateDeltaSender();
    const mirror = new StateMirror();
    sender.markSent(a);
    mirror.setWhole(JSON.stringify(a));
    b.system.toast = 'x';
    mirror.apply(sender.delta(b));
    expect(JSON.parse(mirror.json()!)).toEqual(b);
    sender.markSent(a);
    mirror.setWhole(JSON.stringify(a));
    expect(JSON.parse(mirror.json()!)).toEqual(a);
  });

  it('refuses a delta before any whole state', () => {
    expect(() => new StateMirror().apply({ apps: {} })).toThrow(/before any whole state/);
    expect(new StateMirror().json()).toBeNull();
  });
});
