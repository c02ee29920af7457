/**
 * Static steps from AndroidControl-style episodes (docs/BENCH.md, "AndroidControl episodes"):
 * a JSON array of episodes (or one per line in .jsonl), each with a goal, its screenshots,
 * their pixel sizes and one action per step in AndroidControl's vocabulary. Pixel points go to
 * the 0-1000 grid; with `ui_trees` (our UiNode shape) a click also gets the box of the element
 * under it, otherwise it scores by distance.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { Action } from '../core/actions.js';
import { toNorm1000, type Frame } from '../core/coords.js';
import { errorMessage, StepwiseError } from '../core/errors.js';
import type { UiTree } from '../core/uitree.js';
import { boxUnder } from './build-store.js';
import type { StaticRow } from './static-format.js';

const AcAction = z.object({
  action_type: z.enum(['click', 'long_press', 'input_text', 'scroll', 'open_app', 'navigate_back', 'navigate_home', 'wait', 'status']),
  x: z.number().optional(),
  y: z.number().optional(),
  text: z.string().optional(),
  direction: z.enum(['up', 'down', 'left', 'right']).optional(),
  app_name: z.string().optional(),
  goal_status: z.string().optional(),
}).passthrough();

export const AndroidControlEpisodeSchema = z.object({
  episode_id: z.union([z.string(), z.number()]).transform(String),
  goal: z.string().min(1),
  screenshots: z.array(z.string().min(1)).min(1),
  screenshot_widths: z.array(z.number().int().positive()),
  screenshot_heights: z.array(z.number().int().positive()),
  actions: z.array(AcAction).min(1),
  step_instructions: z.array(z.string()).optional(),
  ui_trees: z.array(z.array(z.any()).nullable()).optional(),
}).passthrough();

type AcEpisode = z.infer<typeof AndroidControlEpisodeSchema>;

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`${what} is missing`);
  return v;
}

/** One AndroidControl action as a registry action on the screen of `frame`. */
export function androidControlAction(a: z.infer<typeof AcAction>, frame: Frame): Action {
  const pt = () => toNorm1000([need(a.x, 'x'), need(a.y, 'y')], 'device', frame);
  switch (a.action_type) {
    case 'click': return { type: 'click', point: pt() };
    case 'long_press': return { type: 'long_press', point: pt() };
    case 'input_text': return { type: 'type', text: need(a.text, 'text') };
    case 'scroll': return { type: 'scroll', direction: need(a.direction, 'direction') };
    case 'open_app': return { type: 'open_app', app: need(a.app_name, 'app_name') };
    case 'navigate_back': return { type: 'key', key: 'back' };
    case 'navigate_home': return { type: 'key', key: 'home' };
    case 'wait': return { type: 'wait', seconds: 2 };
    case 'status':
      return a.goal_status === 'infeasible' ? { type: 'abort', reason: 'infeasible' } : { type: 'complete', answer: '' };
  }
}

function episodeRows(ep: AcEpisode, baseDir: string, outDir: string): StaticRow[] {
  const n = ep.actions.length;
  if (ep.screenshots.length < n) throw new Error(`${n} actions but ${ep.screenshots.length} screenshots (one screenshot per step is needed)`);
  if (ep.screenshot_widths.length < n || ep.screenshot_heights.length < n) throw new Error('screenshot_widths / screenshot_heights need one entry per step');
  const rows: StaticRow[] = [];
  const done: Action[] = [];
  for (let i = 0; i < n; i++) {
    const frame: Frame = { id: `${ep.episode_id}/${i}`, width: ep.screenshot_widths[i], height: ep.screenshot_heights[i], rotation: 0 };
    let gt: Action;
    try { gt = androidControlAction(ep.actions[i], frame); } catch (e) { throw new Error(`actions.${i}: ${errorMessage(e)}`); }
    const shot = isAbsolute(ep.screenshots[i]) ? ep.screenshots[i] : resolve(baseDir, ep.screenshots[i]);
    const row: StaticRow = {
      id: frame.id, episode: ep.episode_id, step: i, task: ep.goal, screenshot: relative(outDir, shot), width: frame.width, height: frame.height,
      history: done.map((action, j) => ({ action, ...(ep.step_instructions?.[j] ? { summary: ep.step_instructions[j] } : {}) })),
      gt, meta: { source: 'androidcontrol' },
    };
    const tree = ep.ui_trees?.[i] as UiTree | null | undefined;
    if (tree && 'point' in gt && gt.point) {
      const b = boxUnder(tree, gt.point, frame);
      if (b) row.boxes = [b];
    }
    rows.push(row);
    done.push(gt);
  }
  return rows;
}

function episodesIn(path: string): unknown[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read ${path}: ${errorMessage(e)}`, 'pass a JSON file of AndroidControl-style episodes');
  }
  try {
    if (/\.jsonl$/i.test(path)) return text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
    const v = JSON.parse(text);
    return Array.isArray(v) ? v : [v];
  } catch (e) {
    throw new StepwiseError('invalid_input', `${path} is not valid JSON: ${errorMessage(e)}`, 'a JSON array of episodes, or one episode per line in a .jsonl file; see docs/BENCH.md');
  }
}

/** Rows of every valid episode; a bad episode is reported with its index and skipped only when `skipBad`. */
export function buildFromAndroidControl(path: string, outDir: string, opts: { skipBad?: boolean } = {}): { rows: StaticRow[]; errors: string[] } {
  const rows: StaticRow[] = [];
  const errors: string[] = [];
  episodesIn(path).forEach((v, k) => {
    try {
      const p = AndroidControlEpisodeSchema.safeParse(v);
      if (!p.success) throw new Error(`${p.error.issues[0].path.join('.')}: ${p.error.issues[0].message}`);
      rows.push(...episodeRows(p.data, dirname(resolve(path)), resolve(outDir)));
    } catch (e) {
      errors.push(`episode ${k}: ${errorMessage(e)}`);
    }
  });
  if (errors.length && !opts.skipBad) {
    throw new StepwiseError('invalid_input', `${path}: ${errors.length} bad episode(s): ${errors.slice(0, 3).join('; ')}`, 'fix them or pass --skip-bad; the accepted fields are listed in docs/BENCH.md');
  }
  if (!rows.length) throw new StepwiseError('invalid_input', `${path} has no usable episodes`, 'see docs/BENCH.md for the accepted JSON');
  return { rows, errors };
}
