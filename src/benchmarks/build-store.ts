/**
 * Static steps from trajectories in a store: each step with a recorded screenshot and an
 * action that worked becomes a row; its history is the steps before it; valid boxes of a
 * point action come from the UI element under the action (the clickable node a tap on that
 * point reaches, as the runtime's nodeAt defines it).
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ACTIONS, stripMeta, type Action } from '../core/actions.js';
import { deviceBoxToNorm, pointInBox, toDevicePixel, type Box, type Frame } from '../core/coords.js';
import type { Step, Trajectory } from '../core/trajectory.js';
import { tapTarget, type UiTree } from '../core/uitree.js';
import type { ListFilter, Store } from '../store/index.js';
import type { StaticHistoryItem, StaticRow } from './static-format.js';

export interface StoreBuildOptions {
  /** Folder for images/ (rows name screenshots relative to it). */
  outDir: string;
  /** Which trajectories: default finished ones whose latest verdict is success. */
  filter?: ListFilter;
  /** Also take trajectories without a success verdict (e.g. imported logs with no outcome). */
  anyVerdict?: boolean;
  /** Re-encode screenshots as JPEG this wide (keeps the aspect ratio); default: copy as recorded. */
  imageWidth?: number;
  /** Keep this step? (e.g. drop steps a noisy demo policy labelled as injected mistakes). */
  keepStep?: (t: Trajectory, s: Step) => boolean;
  /** Accepted names for an open_app target (aliases). */
  appNames?: (app: string) => string[] | undefined;
  /** Select rows before images are written (quota sampling), so unused screenshots cost nothing. */
  select?: (rows: StaticRow[]) => StaticRow[];
  onTrajectory?: (t: Trajectory) => void;
}

/** Box of the element a point action reaches, on the 0-1000 grid, grown to hold the point after rounding. */
export function boxUnder(tree: UiTree, point: readonly [number, number], frame: Frame): Box | undefined {
  const [x, y] = toDevicePixel(point, frame);
  const node = tapTarget(tree, x, y);
  if (!node) return undefined;
  const b = deviceBoxToNorm(node.bounds, frame);
  const grown: Box = [Math.min(b[0], point[0]), Math.min(b[1], point[1]), Math.max(b[2], point[0]), Math.max(b[3], point[1])];
  return pointInBox(point, grown) ? grown : undefined;
}

function historyOf(steps: readonly Step[]): StaticHistoryItem[] {
  return steps.filter((s) => s.action).map((s) => ({ action: stripMeta(s.action!), ...(s.model?.summary ? { summary: s.model.summary } : {}) }));
}

const TASK_META = ['template', 'seed', 'scenario', 'type', 'complexity', 'ambiguity', 'lang'];

interface Pending { row: StaticRow; image: string; format: string }

/** Rows (without images yet) of one trajectory. */
function rowsOf(store: Store, t: Trajectory, opts: StoreBuildOptions): Pending[] {
  const out: Pending[] = [];
  const meta: Record<string, unknown> = { source: 'store', trajectory: t.id };
  for (const k of TASK_META) if (t.task.meta?.[k] !== undefined) meta[k] = t.task.meta[k];
  t.steps.forEach((s, i) => {
    const obs = s.observation;
    if (!s.action || !obs?.image || s.result?.ok === false) return;
    // Mistakes a noisy demo policy injected (and their undo) are labelled, not ground truth.
    if (s.meta?.injected !== undefined) return;
    if (opts.keepStep && !opts.keepStep(t, s)) return;
    const gt = stripMeta(s.action) as Action;
    const row: StaticRow = {
      id: `${t.id}/${s.index}`, episode: t.id, step: s.index, task: t.task.instruction,
      ...(t.task.app ? { app: t.task.app } : {}),
      screenshot: '', width: obs.width, height: obs.height,
      history: historyOf(t.steps.slice(0, i)), gt, meta,
    };
    const point = ACTIONS[gt.type].pointFields.includes('point') ? (gt as { point?: [number, number] }).point : undefined;
    if (point && obs.uiTree && gt.type !== 'type') {
      const tree = JSON.parse(store.getBlob(obs.uiTree).toString('utf8')) as UiTree;
      const b = boxUnder(tree, point, { id: obs.frameId, width: obs.width, height: obs.height, rotation: obs.rotation ?? 0 });
      if (b) row.boxes = [b];
    }
    if (gt.type === 'open_app') {
      const names = opts.appNames?.(gt.app);
      if (names?.length) row.app_names = names;
    }
    out.push({ row, image: obs.image, format: obs.format ?? 'png' });
  });
  return out;
}

function verified(t: Trajectory, anyVerdict: boolean): boolean {
  return t.status === 'finished' && (anyVerdict || t.outcome?.verdict === 'success');
}

/** Builds rows from the store and writes their screenshots under outDir/images. */
export async function buildFromStore(store: Store, opts: StoreBuildOptions): Promise<StaticRow[]> {
  const perTrajectory: Pending[][] = [];
  const filter: ListFilter = { ...(opts.anyVerdict ? {} : { verdict: 'success' }), ...opts.filter };
  for (const summary of store.iterate(filter)) {
    const t = store.getTrajectory(summary.id);
    if (!verified(t, opts.anyVerdict === true)) continue;
    perTrajectory.push(rowsOf(store, t, opts));
    opts.onTrajectory?.(t);
  }
  // The store lists newest first; the file goes oldest first, steps in order.
  const pending = perTrajectory.reverse().flat();
  const chosen = new Set(opts.select ? opts.select(pending.map((p) => p.row)) : pending.map((p) => p.row));
  const images = join(opts.outDir, 'images');
  mkdirSync(images, { recursive: true });
  const rows: StaticRow[] = [];
  for (const p of pending) {
    if (!chosen.has(p.row)) continue;
    const safe = p.row.id.replace(/[^A-Za-z0-9_.-]+/g, '_');
    const bytes = store.getBlob(p.image);
    if (opts.imageWidth) {
      const img = await sharp(bytes).resize({ width: opts.imageWidth }).jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
      p.row.screenshot = `images/${safe}.jpg`;
      p.row.width = img.info.width;
      p.row.height = img.info.height;
      await writeFile(join(opts.outDir, p.row.screenshot), img.data);
    } else {
      p.row.screenshot = `images/${safe}.${p.format === 'jpeg' ? 'jpg' : 'png'}`;
      await writeFile(join(opts.outDir, p.row.screenshot), bytes);
    }
    rows.push(p.row);
  }
  return rows;
}
