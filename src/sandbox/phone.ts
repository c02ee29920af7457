/** Creating and copying whole-phone state. */
import { Rng } from '../core/random.js';
import type { AppDef, PhoneState } from './framework.js';

export const DEFAULT_CLOCK = '2026-11-26T09:41';

/** A fresh phone: system defaults plus every app's seeded data (each app from its own fork). */
export function createPhone(seed: string | number, apps: readonly AppDef[]): PhoneState {
  const rng = new Rng(`phone/${seed}`);
  const data: Record<string, unknown> = {};
  for (const app of apps) data[app.id] = app.seed(rng.fork(app.id));
  return {
    version: 1,
    seed: String(seed),
    system: {
      clock: DEFAULT_CLOCK,
      battery: 82,
      foreground: null,
      recents: [],
      stacks: {},
      overlay: null,
      toast: null,
      focus: null,
      fields: {},
      scroll: {},
      home: { page: 0, view: 'grid' },
    },
    apps: data,
  };
}

/** Deep copy of plain serialisable state. */
export function clonePhone(p: PhoneState): PhoneState {
  return structuredClone(p);
}

/** Typed access to one app's data. */
export function appData<S>(p: PhoneState, id: string): S {
  return p.apps[id] as S;
}
