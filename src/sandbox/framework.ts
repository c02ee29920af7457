/**
 * The sandbox phone's app framework: the contract between the phone shell (status bar, home,
 * navigation, keyboard, overlays, gestures), the apps, and the task suite.
 *
 * Apps are isomorphic TypeScript: pure functions that build HTML strings and mutate plain state.
 * The same modules run in Node (seed data, verifiers, tests) and in the page bundle (rendering).
 * No DOM access at import time, no Date.now(), no Math.random(): everything comes from state.
 *
 * HTML conventions inside an app screen (the shell's event delegation reads these):
 *  - data-tap="action" [data-arg="string"]     tap runs apps[id].actions[action](ctx, arg)
 *  - data-longpress="action" [data-arg]         long press (>= 500 ms) runs that action
 *  - <input|textarea data-field="key" ...>      text field; its value lives in
 *                                               phone.system.fields["<appId>.<key>"]; the shell
 *                                               renders value from there; focusing it shows the
 *                                               soft keyboard; typing updates the field and runs
 *                                               data-oninput="action" if given; Enter runs
 *                                               data-onsubmit="action" if given
 *  - data-id="name"                             becomes resource-id "<package>:id/<name>" in the UI tree
 *  - data-class="android.widget.Switch"          overrides the inferred widget class
 *  - aria-label="..."                           becomes content-desc
 *  - data-checked="true|false"                  checkable widget state
 *  - data-selected="true"                       selected state (tabs, chips)
 *  - class="scroll" data-scroll="key"           a vertical scroll container; swipes/scrolls move it and
 *                                               its offset is kept in phone.system.scroll["<appId>.<key>"]
 *  - class="hscroll" data-scroll="key"          a horizontal scroll container (same, sideways)
 * Every app's markup is wrapped by the shell in <div class="app app-<id>"> and the app's `css` is
 * injected once, so apps scope their CSS under `.app-<id>`.
 */
import type { Rng } from '../core/random.js';
import type { Raw } from './html.js';

export const SCENARIOS = ['transportation', 'shopping', 'social', 'content', 'local_services', 'system'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScreenRef {
  name: string;
  params?: Record<string, unknown>;
}

export interface DialogButton {
  label: string;
  /** App action to run; omit to just close the dialog. */
  action?: string;
  arg?: string;
  style?: 'primary' | 'danger' | 'default';
}

export type Overlay =
  | { kind: 'dialog'; app: string; title: string; body?: string; buttons: DialogButton[] }
  | { kind: 'menu'; app: string; items: DialogButton[]; title?: string }
  | { kind: 'sheet'; app: string; title?: string; items: DialogButton[] };

export interface SystemState {
  /** Wall clock shown in the status bar, ISO local time, e.g. "2026-11-26T09:41". Deterministic. */
  clock: string;
  battery: number;
  /** Foreground app id, or null for the home screen. */
  foreground: string | null;
  /** Most recent first. */
  recents: string[];
  /** Navigation stack per app (top = last). */
  stacks: Record<string, ScreenRef[]>;
  overlay: Overlay | null;
  toast: string | null;
  /** Focused field key "<appId>.<field>" (or "home.search"); the soft keyboard shows while set. */
  focus: string | null;
  fields: Record<string, string>;
  /** Scroll offsets in CSS px per "<appId>.<scrollKey>". */
  scroll: Record<string, number>;
  /** Home screen: 'grid' or 'recents' view state handled by the shell. */
  home: { page: number; view: 'grid' | 'recents' };
}

export interface PhoneState {
  version: 1;
  seed: string;
  system: SystemState;
  /** Each app's data, keyed by app id. */
  apps: Record<string, unknown>;
}

/** What a screen renderer sees. */
export interface ViewCtx<S> {
  /** This app's data. */
  s: S;
  phone: PhoneState;
  screen: ScreenRef;
  /** Value of one of this app's text fields. */
  field(key: string): string;
}

/** What an action handler may do. Handlers mutate `s` (and only this app's data) in place. */
export interface ActCtx<S> extends ViewCtx<S> {
  push(name: string, params?: Record<string, unknown>): void;
  /** Back one screen within the app; at the app's root this closes the app (goes home). */
  pop(): void;
  replace(name: string, params?: Record<string, unknown>): void;
  /** Clear the stack to the app's home screen (optionally then push). */
  resetTo(name: string, params?: Record<string, unknown>): void;
  toast(text: string): void;
  dialog(title: string, body: string, buttons: DialogButton[]): void;
  menu(items: DialogButton[], title?: string): void;
  sheet(items: DialogButton[], title?: string): void;
  closeOverlay(): void;
  setField(key: string, value: string): void;
  focus(key: string | null): void;
  openApp(id: string): void;
  /** Settings and other system-wide data, for system apps. */
  system: SystemState;
}

export interface AppDef<S = any> {
  id: string;
  /** Label under the home-screen icon (what open_app matches first). */
  label: string;
  /** Other names open_app accepts (Chinese name, generic names like "taxi"). */
  aliases?: string[];
  /** Android-style package, e.g. com.stepwise.ride; used for resource-ids and the UI tree. */
  package: string;
  scenario: Scenario;
  /** Square SVG markup for the launcher icon (viewBox 0 0 48 48, draws its own background). */
  icon: string;
  /** CSS for this app, scoped under `.app-<id>`. */
  css: string;
  /** Realistic initial data from a seed. Same seed -> same data. */
  seed(rng: Rng): S;
  /** Name of the first screen. */
  home: string;
  screens: Record<string, (ctx: ViewCtx<S>) => string | Raw>;
  actions: Record<string, (ctx: ActCtx<S>, arg: string) => void>;
}

// ---------------------------------------------------------------- task suite contract

export type TaskType = 'filter' | 'query' | 'analyze';
export type Complexity = 'atomic' | 'composite' | 'conditional';
export type Ambiguity = 'low' | 'mid' | 'high';

/** A UI element named the way a person would: resolved against the live UI tree. */
export interface Target {
  /** resource-id suffix (the data-id). */
  id?: string;
  /** Exact visible text (or content-desc). */
  text?: string;
  /** Substring of the visible text. */
  contains?: string;
  /** Which match when several (0-based, document order). Default 0. */
  nth?: number;
  /** Restrict to descendants of the element with this data-id. */
  within?: string;
}

/** One step of a reference solution, resolved against the UI tree by the demo policy. */
export type SemanticStep =
  | { do: 'open_app'; app: string }
  | ({ do: 'tap' } & Target)
  | ({ do: 'long_press' } & Target)
  | { do: 'type'; text: string; into?: Target }
  | { do: 'key'; key: 'back' | 'home' | 'enter' | 'recent' }
  | { do: 'scroll'; direction: 'up' | 'down' | 'left' | 'right'; within?: string }
  | { do: 'swipe'; from: [number, number]; to: [number, number] }
  | { do: 'wait'; seconds: number }
  | { do: 'info'; question: string }
  | { do: 'complete'; answer?: string }
  | { do: 'abort'; reason: string };

export interface VerifyResult {
  ok: boolean;
  /** Why, in one sentence: what was expected and what was found. */
  reason: string;
}

export interface TaskTemplate<P = any> {
  id: string;
  /** Main app. */
  app: string;
  scenario: Scenario;
  type: TaskType;
  complexity: Complexity;
  ambiguity: Ambiguity;
  lang: 'en' | 'zh';
  /** Sample parameters from the seeded phone data (so tasks refer to things that exist). */
  params(rng: Rng, phone: PhoneState): P;
  instruction(p: P): string;
  /** Optional changes to the initial state (an unread message, an item already in the cart...). */
  setup?(phone: PhoneState, p: P): void;
  /** For tasks that need the user's reply to an INFO question: the reply a user gives. */
  reply?(p: P): string;
  /** The right outcome: do the task and complete, or recognise it cannot be done and abort. */
  expect: 'complete' | 'abort';
  verify(final: PhoneState, answer: string | undefined, p: P, initial: PhoneState): VerifyResult;
  /** Reference solution; with `reply`, steps after an `info` step assume the reply was given. */
  solution(p: P, phone: PhoneState): SemanticStep[];
  /**
   * Hand-made wrong end states for negative tests: each mutates a copy of the state reached by
   * the reference solution (or replaces the answer) into something the verifier must reject.
   */
  wrongEnds(p: P): { name: string; mutate?: (phone: PhoneState) => void; answer?: string }[];
}
