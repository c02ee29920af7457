/**
 * The demo policy: follows a task's reference solution (SemanticStep[]), resolving each named
 * element against the live UI tree and scrolling to find elements that are off-screen. With
 * `noise` it injects realistic, seeded mistakes and labels each one in the step's meta
 * (`injected`), the ground truth for judging CSRS. A perturbed tap that lands in the same
 * clickable element as the right one is labelled `injected_harmless` instead: it does the
 * same. It is a synthetic policy for demos and tests, never a model.
 */
import type { Action } from '../core/actions.js';
import { toDevicePixel, type Frame } from '../core/coords.js';
import { StepwiseError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import type { TaskRef } from '../core/trajectory.js';
import { clickableAncestor, tapTarget, type UiNode, type UiTree } from '../core/uitree.js';
import type { SemanticStep, Target } from '../sandbox/framework.js';
import { KEYBOARD_PACKAGE, SYSTEMUI_PACKAGE } from '../sandbox/shell/packages.js';
import type { Decision, Policy, PolicyContext } from './policy.js';
import { describeTarget, findTarget, idOf, mainScrollable, nodeCenterNorm, reachability } from './targets.js';

export const INJECTED_KINDS = ['wrong_item', 'off_target', 'skip', 'premature_complete', 'detour', 'wrong_text'] as const;
export type InjectedKind = (typeof INJECTED_KINDS)[number] | 'detour_undo';

export interface DemoOptions {
  /** Probability of a mistake at each semantic step (0 = perfect). */
  noise?: number;
  seed?: number;
  /** The reference solution of a task. */
  solutionFor: (task: TaskRef) => SemanticStep[];
  /** Scroll attempts before giving up on finding an element. */
  maxSearch?: number;
}

interface Memory {
  plan: SemanticStep[];
  cursor: number;
  rng: Rng;
  noiseDrawnFor: number;
  pendingBack: boolean;
  searches: number;
  searchDir: 'down' | 'up';
  lastSkip?: SemanticStep;
}

const NAV_DESCS = new Set(['Back', 'Home', 'Recent apps']);

export class DemoPolicy implements Policy {
  readonly name = 'demo';
  private readonly noise: number;
  private readonly seed: number;
  private readonly maxSearch: number;

  constructor(private readonly opts: DemoOptions) {
    this.noise = opts.noise ?? 0;
    this.seed = opts.seed ?? 0;
    this.maxSearch = opts.maxSearch ?? 14;
    if (!(this.noise >= 0 && this.noise <= 1)) throw new StepwiseError('config_error', `noise ${opts.noise} is not a probability`, 'use a number from 0 to 1, e.g. --noise 0.2');
  }

  describe(): Record<string, unknown> {
    return { noise: this.noise, seed: this.seed, synthetic: true };
  }

  async decide(ctx: PolicyContext): Promise<Decision> {
    const m = this.memory(ctx);
    const tree = ctx.observation.uiTree;
    if (!tree) throw new StepwiseError('device_error', 'the demo policy needs the UI tree', 'observe with uiTree enabled');
    const frame = ctx.observation.frame;
    if (m.pendingBack) {
      m.pendingBack = false;
      return decision({ type: 'key', key: 'back' }, 'Undo the detour.', { injected: 'detour_undo' });
    }
    const step = m.plan[m.cursor];
    if (!step) return decision({ type: 'complete', answer: '' }, 'The reference solution is finished.');

    if (m.noiseDrawnFor !== m.cursor) {
      m.noiseDrawnFor = m.cursor;
      const kind = this.noise > 0 && m.rng.chance(this.noise) ? pickKind(step, m.rng) : undefined;
      if (kind) {
        const injected = this.inject(kind, step, m, tree, frame);
        if (injected) return injected;
      }
    }
    return this.follow(step, m, tree, frame, ctx);
  }

  private memory(ctx: PolicyContext): Memory {
    const mem = ctx.memory as { demo?: Memory };
    if (!mem.demo) {
      mem.demo = {
        plan: this.opts.solutionFor(ctx.task),
        cursor: 0,
        rng: new Rng(`demo/${this.seed}/${ctx.task.id ?? ctx.task.instruction}`),
        noiseDrawnFor: -1,
        pendingBack: false,
        searches: 0,
        searchDir: 'down',
      };
    }
    return mem.demo;
  }

  /** One correct action for the current semantic step (or a scroll to find its element). */
  private follow(step: SemanticStep, m: Memory, tree: UiTree, frame: Frame, ctx: PolicyContext): Decision {
    const advance = (a: Action, thought: string, meta?: Record<string, unknown>) => {
      m.cursor++;
      m.searches = 0;
      m.searchDir = 'down';
      if (m.lastSkip) { meta = { ...meta, after_skip: m.lastSkip.do }; m.lastSkip = undefined; }
      return decision(a, thought, meta);
    };
    switch (step.do) {
      case 'open_app': return advance({ type: 'open_app', app: step.app }, `Open ${step.app}.`);
      case 'key': return advance({ type: 'key', key: step.key }, `Press ${step.key}.`);
      case 'wait': return advance({ type: 'wait', seconds: step.seconds }, 'Wait for the screen.');
      case 'info': return advance({ type: 'info', question: step.question }, 'I need the user to decide.');
      case 'complete': return advance({ type: 'complete', answer: step.answer ?? '' }, 'The task is done.');
      case 'abort': return advance({ type: 'abort', reason: step.reason }, 'This cannot be done.');
      case 'swipe': return advance({ type: 'swipe', from: step.from, to: step.to }, 'Swipe.');
      case 'scroll': {
        const c = step.within ? tree.find((n) => idOf(n) === step.within) : mainScrollable(tree);
        return advance({ type: 'scroll', direction: step.direction, ...(c ? { point: nodeCenterNorm(c, frame) } : {}) }, `Scroll ${step.direction}.`);
      }
      case 'tap':
      case 'long_press':
      case 'type': {
        const target: Target | undefined = step.do === 'type' ? step.into : step;
        if (!target) return advance({ type: 'type', text: step.do === 'type' ? step.text : '' }, 'Type into the focused field.');
        const found = this.locate(target, m, tree, frame);
        if (!found.point) return found.decision!;
        const p = found.point;
        if (step.do === 'tap') return advance({ type: 'click', point: p, frameId: frame.id }, `Tap ${describeTarget(target)}.`);
        if (step.do === 'long_press') return advance({ type: 'long_press', point: p, frameId: frame.id }, `Long-press ${describeTarget(target)}.`);
        return advance({ type: 'type', text: step.text, point: p, frameId: frame.id }, `Type "${step.text}".`);
      }
    }
    void ctx;
    throw new StepwiseError('invalid_action', `unknown semantic step ${JSON.stringify(step)}`);
  }

  /** A tappable point for a target, or the decision that brings it closer (scroll, hide keyboard). */
  private locate(target: Target, m: Memory, tree: UiTree, frame: Frame): { point?: [number, number]; decision?: Decision } {
    const node = findTarget(tree, target, frame);
    if (node) {
      const r = reachability(tree, node, frame);
      if (r.kind === 'tappable') return { point: r.point };
      if (r.kind === 'covered') {
        // Under the keyboard or a dialog: back closes those first. Under a system bar or the
        // app's own floating button: scroll the content out from under it.
        if (r.by.package === KEYBOARD_PACKAGE || r.by.package !== node.package && r.by.package !== SYSTEMUI_PACKAGE) {
          return { decision: decision({ type: 'key', key: 'back' }, `${describeTarget(target)} is covered; close what covers it.`) };
        }
        const main = mainScrollable(tree);
        if (main && m.searches < this.maxSearch) {
          const lower = (node.bounds[1] + node.bounds[3]) / 2 > (main.bounds[1] + main.bounds[3]) / 2;
          return { decision: this.scroll(lower ? 'down' : 'up', main, m, frame, target) };
        }
        m.cursor = m.plan.length;
        return { decision: decision({ type: 'abort', reason: `${describeTarget(target)} stays hidden under another element` }, 'The element cannot be reached.', { search_failed: true }) };
      }
      return { decision: this.scroll(r.direction, r.container, m, frame, target) };
    }
    if (tree.some((n) => n.package === KEYBOARD_PACKAGE)) {
      return { decision: decision({ type: 'key', key: 'back' }, 'Hide the keyboard to see more.') };
    }
    const main = mainScrollable(tree);
    if (!main || m.searches >= this.maxSearch * 2) {
      m.cursor = m.plan.length; // give up: nothing else in the plan can work without this element
      return { decision: decision({ type: 'abort', reason: `could not find ${describeTarget(target)} on screen` }, 'The element is not on this screen.', { search_failed: true }) };
    }
    if (m.searches >= this.maxSearch && m.searchDir === 'down') m.searchDir = 'up';
    return { decision: this.scroll(m.searchDir, main, m, frame, target) };
  }

  private scroll(direction: 'up' | 'down' | 'left' | 'right', container: UiNode, m: Memory, frame: Frame, target: Target): Decision {
    m.searches++;
    return decision({ type: 'scroll', direction, point: nodeCenterNorm(container, frame) }, `Scroll ${direction} to find ${describeTarget(target)}.`);
  }

  /** A labelled mistake for the current step, or undefined when it does not apply here. */
  private inject(kind: InjectedKind, step: SemanticStep, m: Memory, tree: UiTree, frame: Frame): Decision | undefined {
    const label = { injected: kind };
    switch (kind) {
      case 'premature_complete':
        m.cursor = m.plan.length;
        return decision({ type: 'complete', answer: '' }, 'I think the task is done.', label);
      case 'skip':
        m.lastSkip = step;
        m.cursor++;
        return undefined;
      case 'detour': {
        const options = tree.filter((n) => n.clickable && !NAV_DESCS.has(n.desc) && n.package !== KEYBOARD_PACKAGE && n.package !== SYSTEMUI_PACKAGE);
        const node = options.length ? m.rng.pick(options) : undefined;
        if (!node || reachability(tree, node, frame).kind !== 'tappable') return undefined;
        m.pendingBack = true;
        m.noiseDrawnFor = m.cursor; // the same step is retried after the undo, without new noise
        return decision({ type: 'click', point: nodeCenterNorm(node, frame), frameId: frame.id }, 'Let me look at this first.', label);
      }
      case 'wrong_text': {
        if (step.do !== 'type') return undefined;
        const t = step.text;
        const cut = t.length > 1 ? t.slice(0, -1) : t + t;
        return this.followWith({ ...step, text: cut }, m, tree, frame, label);
      }
      case 'wrong_item':
      case 'off_target': {
        if (step.do !== 'tap' && step.do !== 'long_press') return undefined;
        const node = findTarget(tree, step, frame);
        if (!node || reachability(tree, node, frame).kind !== 'tappable') return undefined;
        const point = kind === 'wrong_item' ? wrongItemPoint(tree, node, frame, m.rng) : offTargetPoint(node, frame, m.rng);
        if (!point) return undefined;
        m.cursor++;
        const type = step.do === 'tap' ? 'click' : 'long_press';
        // A perturbed point inside the same clickable element as the target activates exactly
        // what the right tap would: not a mistake, so it must not count as one in measurements.
        const meta = sameClickable(tree, node, point, frame) ? { injected_harmless: kind } : label;
        return decision({ type, point, frameId: frame.id } as Action, `Tap ${describeTarget(step)}.`, meta);
      }
      default:
        return undefined;
    }
  }

  private followWith(step: SemanticStep, m: Memory, tree: UiTree, frame: Frame, meta: Record<string, unknown>): Decision | undefined {
    if (step.do !== 'type' || !step.into) return undefined;
    const found = this.locate(step.into, m, tree, frame);
    if (!found.point) return undefined;
    m.cursor++;
    return decision({ type: 'type', text: step.text, point: found.point, frameId: frame.id }, `Type "${step.text}".`, meta);
  }
}

function pickKind(step: SemanticStep, rng: Rng): InjectedKind | undefined {
  const kinds: InjectedKind[] = [];
  // A premature completion only where work remains (never at the plan's own complete step).
  if (step.do === 'tap' || step.do === 'long_press') kinds.push('wrong_item', 'wrong_item', 'off_target', 'detour', 'detour', 'skip', 'premature_complete');
  else if (step.do === 'type') kinds.push('wrong_text', 'detour', 'skip', 'premature_complete');
  else if (step.do === 'open_app') kinds.push('premature_complete');
  else return undefined;
  return rng.pick(kinds);
}

/** Centre of another clickable element like the target (a sibling row, a neighbour button). */
function wrongItemPoint(tree: UiTree, node: UiNode, frame: Frame, rng: Rng): [number, number] | undefined {
  const prefix = idOf(node).replace(/[-_]?[^-_]*$/, '');
  const same = tree.filter((n) => n.index !== node.index && n.clickable && prefix && idOf(n).startsWith(prefix));
  const siblings = tree.filter((n) => n.index !== node.index && n.clickable && n.parent === node.parent);
  const pool = (same.length ? same : siblings).filter((n) => reachability(tree, n, frame).kind === 'tappable');
  return pool.length ? nodeCenterNorm(rng.pick(pool), frame) : undefined;
}

/** Whether a tap at `point` activates the same clickable element as a tap on `target`. */
function sameClickable(tree: UiTree, target: UiNode, point: [number, number], frame: Frame): boolean {
  const [x, y] = toDevicePixel(point, frame);
  const want = clickableAncestor(tree, target) ?? target;
  return tapTarget(tree, x, y)?.index === want.index;
}

/** A point just outside the element, where a clumsy tap lands. */
function offTargetPoint(node: UiNode, frame: Frame, rng: Rng): [number, number] {
  const [l, t, r, b] = node.bounds;
  const w = r - l, h = b - t;
  const side = rng.int(0, 3);
  const dx = side === 0 ? -0.6 * w : side === 1 ? 0.6 * w : 0;
  const dy = side === 2 ? -0.6 * h - 12 : side === 3 ? 0.6 * h + 12 : 0;
  const x = Math.min(frame.width - 1, Math.max(0, (l + r) / 2 + dx));
  const y = Math.min(frame.height - 1, Math.max(0, (t + b) / 2 + dy));
  return [Math.round((1000 * x) / frame.width), Math.round((1000 * y) / frame.height)];
}

function decision(action: Action, thought: string, meta?: Record<string, unknown>): Decision {
  const d: Decision = { action, thought, raw: JSON.stringify({ thought, action }) };
  if (meta) d.meta = meta;
  return d;
}
