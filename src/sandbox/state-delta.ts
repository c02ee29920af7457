/**
 * The sandbox phone's state crosses DevTools after every input so a crashed page can be
 * restored. The whole state is ~185 KB of JSON (mostly app data an input never touches), so the
 * page sends only the parts that changed since it last sent them: the system part and each app's
 * data are separate parts. The device keeps a mirror and rebuilds the whole JSON only when it
 * needs it (after a crash). Both sides live here so they cannot drift apart.
 */
import type { PhoneState } from './framework.js';

/** Changed parts as JSON text: `head` is the state without `apps`; `apps` holds changed apps only. */
export interface StateDelta {
  head?: string;
  apps: Record<string, string>;
}

function headOf(state: PhoneState): string {
  const { apps: _apps, ...head } = state;
  return JSON.stringify(head);
}

/** Page side: remembers what the device holds and answers with what changed since. */
export class StateDeltaSender {
  private head = '';
  private apps = new Map<string, string>();

  /** The device now holds exactly `state` (after a reset or a whole-state write). */
  markSent(state: PhoneState): void {
    this.head = headOf(state);
    this.apps = new Map(Object.entries(state.apps).map(([id, s]) => [id, JSON.stringify(s)]));
  }

  /** The parts of `state` that differ from what was last sent; they count as sent from now on. */
  delta(state: PhoneState): StateDelta {
    const out: StateDelta = { apps: {} };
    const head = headOf(state);
    if (head !== this.head) out.head = this.head = head;
    for (const [id, s] of Object.entries(state.apps)) {
      const json = JSON.stringify(s);
      if (this.apps.get(id) !== json) {
        out.apps[id] = json;
        this.apps.set(id, json);
      }
    }
    return out;
  }
}

/** Device side: a whole state (as JSON) plus the deltas received since; rebuilt on demand. */
export class StateMirror {
  private base: string | null = null;
  private head: string | undefined;
  private apps = new Map<string, string>();

  /** Replace everything with a whole state. */
  setWhole(json: string): void {
    this.base = json;
    this.head = undefined;
    this.apps.clear();
  }

  apply(delta: StateDelta): void {
    if (this.base === null) throw new Error('a state delta arrived before any whole state');
    if (delta.head !== undefined) this.head = delta.head;
    for (const [id, json] of Object.entries(delta.apps)) this.apps.set(id, json);
  }

  /** The current whole state as JSON, or null before the first one. */
  json(): string | null {
    if (this.base === null || (this.head === undefined && this.apps.size === 0)) return this.base;
    const state = JSON.parse(this.base) as PhoneState;
    const merged: PhoneState = { ...(this.head === undefined ? state : (JSON.parse(this.head) as Omit<PhoneState, 'apps'>)), apps: state.apps };
    for (const [id, json] of this.apps) merged.apps[id] = JSON.parse(json);
    this.setWhole(JSON.stringify(merged));
    return this.base;
  }
}
