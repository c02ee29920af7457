/**
 * A tiny step language for driving the phone from the command line (`sandbox shot --tap-sequence`):
 * steps separated by ";", each one of
 *   540,1200      tap at a norm1000 point          @save        tap the node with data-id "save"
 *   type:hello    type into the focused field       key:back     press a key (back, home, recent, enter)
 *   scroll:down   scroll the main list              open:Ride    open an app by name
 *   long:Text     long-press the node with that text/desc (or @id)
 *   anything else tap the node whose text or content-desc is exactly that (else contains it)
 */
import { ACTIONS, type Action } from '../../core/actions.js';
import { toNorm1000, type Frame } from '../../core/coords.js';
import type { ActResult, Device } from '../../core/device.js';
import { StepwiseError } from '../../core/errors.js';
import type { UiNode } from '../../core/uitree.js';

export function parseScript(src: string): string[] {
  return src.split(';').map((s) => s.trim()).filter(Boolean);
}

/** The node a text or @id step names: exact text/desc first, then substring; visible nodes only. */
export function findTarget(tree: readonly UiNode[], ref: string): UiNode {
  const byId = ref.startsWith('@');
  const q = byId ? ref.slice(1) : ref;
  const match = byId
    ? tree.filter((n) => n.resourceId.endsWith(`:id/${q}`))
    : (() => {
      const exact = tree.filter((n) => n.text === q || n.desc === q);
      return exact.length ? exact : tree.filter((n) => n.text.includes(q) || n.desc.includes(q));
    })();
  if (!match.length) {
    const seen = [...new Set(tree.map((n) => n.text || n.desc).filter(Boolean))].slice(0, 25);
    throw new StepwiseError('not_found', `no element ${byId ? `with data-id "${q}"` : `with text "${q}"`} on screen`, `visible: ${seen.join(' | ')}`);
  }
  return match[0];
}

function centerNorm(n: UiNode, frame: Frame): [number, number] {
  const [l, t, r, b] = n.bounds;
  return toNorm1000([(l + r) / 2, (t + b) / 2], 'device', frame);
}

/** Turn one step into an action, looking at the current screen when it names an element. */
export async function stepToAction(device: Device, step: string): Promise<Action> {
  const m = /^(type|key|scroll|open|long):(.*)$/s.exec(step);
  if (m) {
    const [, verb, rest] = m;
    if (verb === 'type') return { type: 'type', text: rest };
    if (verb === 'key') return { type: 'key', key: rest as never };
    if (verb === 'scroll') return { type: 'scroll', direction: rest as never };
    if (verb === 'open') return { type: 'open_app', app: rest };
  }
  const pt = /^(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)$/.exec(step);
  if (pt) return { type: 'click', point: [Number(pt[1]), Number(pt[2])] };
  const obs = await device.observe({ uiTree: true, format: 'jpeg', quality: 10 });
  const ref = m?.[1] === 'long' ? m[2] : step;
  const point = centerNorm(findTarget(obs.uiTree ?? [], ref), obs.frame);
  return m?.[1] === 'long' ? { type: 'long_press', point, frameId: obs.frame.id } : { type: 'click', point, frameId: obs.frame.id };
}

/** Run steps in order; stops at the first failing step with a typed error naming it. */
export async function runScript(device: Device, steps: readonly string[]): Promise<ActResult[]> {
  const results: ActResult[] = [];
  for (const step of steps) {
    const action = await stepToAction(device, step);
    const r = await device.act(action);
    results.push(r);
    if (!r.ok) {
      throw new StepwiseError(r.error?.code === 'stale_frame' ? 'stale_frame' : 'invalid_action', `step "${step}" (${action.type}) failed: ${r.error?.message ?? 'unknown error'}`, r.error?.hint ?? `see ${Object.keys(ACTIONS).join(', ')}`);
    }
  }
  return results;
}
