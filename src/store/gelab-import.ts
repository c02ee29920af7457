/**
 * Import GELab-Zero session logs (layout in gelab-log.ts and docs/STORE.md) as trajectories.
 * Tolerant: a bad line is reported and skipped, every valid step is kept. The model's raw
 * text is stored as model.raw; the canonical action is filled in by the `gelab` dialect of
 * src/formats when that module is available, otherwise only raw (plus thought and summary
 * from the logged dict) is kept. One trajectory per session, id `gelab-<session_id>`, so
 * importing the same logs twice skips what is already there.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import sharp from 'sharp';
import type { Action } from '../core/actions.js';
import { errorMessage, StepwiseError } from '../core/errors.js';
import type { ImageFormat } from '../core/device.js';
import type { ModelOutput, Step, StopReason, Trajectory } from '../core/trajectory.js';
import { type GelabSessionInfo, type GelabStepRecord, gelabActionText, readGelabLine } from './gelab-log.js';
import { sniffImage } from './jsonl-format.js';
import type { Store } from './store.js';

/** What the importer needs from a dialect: src/formats' Dialect satisfies it. */
export interface GelabParser {
  parse(raw: string): { thought?: string; action: Action; summary?: string; extras?: Record<string, unknown> };
}

export interface GelabImportOptions {
  /** Extra folders to look for screenshots in (GELab logs often hold paths of another machine). */
  imageDirs?: string[];
  /** Parser for raw outputs; default: the `gelab` dialect of src/formats if present; null = keep raw only. */
  parser?: GelabParser | null;
}

export interface GelabIssue { file: string; line: number; reason: string }

export interface GelabImportReport {
  /** Steps imported. */
  imported: number;
  trajectories: number;
  /** Steps whose raw output parsed into a canonical action. */
  parsed: number;
  /** Lines not imported, and sessions already in the store. */
  skipped: GelabIssue[];
  /** Steps imported with something missing (image not found, output did not parse). */
  warnings: GelabIssue[];
  /** Whether a parser was available. */
  parser: boolean;
}

type Rec = GelabStepRecord & { file: string };
interface Session { id: string; file: string; line: number; info: GelabSessionInfo; steps: Rec[] }

/** Loads the gelab dialect from src/formats when it is built; undefined when it is not there. */
export async function loadGelabParser(): Promise<GelabParser | undefined> {
  const tryImport = async (spec: string): Promise<Record<string, unknown> | undefined> => {
    try { return (await import(spec)) as Record<string, unknown>; } catch { return undefined; }
  };
  const index = await tryImport('../formats/index.js');
  if (typeof index?.getDialect === 'function') {
    try { return (index.getDialect as (n: string) => GelabParser)('gelab'); } catch { /* no such dialect */ }
  }
  const direct = (await tryImport('../formats/gelab.js'))?.gelab as GelabParser | undefined;
  return typeof direct?.parse === 'function' ? direct : undefined;
}

export async function importGelab(store: Store, path: string, opts: GelabImportOptions = {}): Promise<GelabImportReport> {
  const parser = opts.parser === undefined ? await loadGelabParser() : opts.parser ?? undefined;
  const report: GelabImportReport = { imported: 0, trajectories: 0, parsed: 0, skipped: [], warnings: [], parser: !!parser };
  const sessions = new Map<string, Session>();
  for (const file of logFiles(path)) await readFile(file, sessions, report);
  for (const s of sessions.values()) {
    const id = `gelab-${s.id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    if (store.hasTrajectory(id)) {
      report.skipped.push({ file: s.file, line: s.line, reason: `session ${s.id} is already in the store as ${id}` });
      continue;
    }
    if (s.steps.length === 0) {
      report.skipped.push({ file: s.file, line: s.line, reason: `session ${s.id} has no valid steps` });
      continue;
    }
    const t = await buildTrajectory(store, id, s, parser, opts.imageDirs ?? [], report);
    store.putTrajectory(t);
    report.trajectories++;
    report.imported += t.steps.length;
  }
  return report;
}

function logFiles(path: string): string[] {
  if (!existsSync(path)) throw new StepwiseError('import_error', `no such file or folder ${path}`, 'pass a GELab-Zero session .jsonl file or the log folder holding them');
  if (!statSync(path).isDirectory()) return [path];
  const files = (readdirSync(path, { recursive: true }) as string[]).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f));
  if (files.length === 0) throw new StepwiseError('import_error', `no .jsonl files in ${path}`, 'GELab-Zero writes one <session_id>.jsonl per session into its log_dir');
  return files;
}

async function readFile(file: string, sessions: Map<string, Session>, report: GelabImportReport): Promise<void> {
  const fallback = basename(file).replace(/\.jsonl$/, '');
  const session = (id: string | undefined, line: number): Session => {
    const key = id ?? fallback;
    let s = sessions.get(key);
    if (!s) sessions.set(key, (s = { id: key, file, line, info: {}, steps: [] }));
    return s;
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    try {
      const parsed = readGelabLine(JSON.parse(text));
      if (parsed.kind === 'session') Object.assign(session(parsed.session, n).info, parsed.info);
      else session(parsed.record.session, n).steps.push({ ...parsed.record, session: parsed.record.session ?? fallback, file, line: n });
    } catch (e) {
      report.skipped.push({ file, line: n, reason: e instanceof SyntaxError ? `invalid JSON: ${e.message}` : errorMessage(e) });
    }
  }
}

async function buildTrajectory(store: Store, id: string, s: Session, parser: GelabParser | undefined, imageDirs: string[], report: GelabImportReport): Promise<Trajectory> {
  const ordered = orderSteps(s.steps, report);
  const steps: Step[] = [];
  for (const rec of ordered) steps.push(await buildStep(store, s.id, rec, steps.length, parser, imageDirs, report));
  const first = ordered[0];
  const last = steps[steps.length - 1];
  const end = endOf(last, ordered[ordered.length - 1].action);
  const startedAt = s.info.at ?? first.at ?? Math.round(statSync(s.file).mtimeMs);
  const t: Trajectory = {
    id,
    task: { instruction: s.info.task ?? first.task ?? '', ...(s.info.taskType ? { meta: { taskType: s.info.taskType } } : {}) },
    policy: { name: 'gelab-zero', dialect: 'gelab', ...(s.info.model ?? first.model ? { model: s.info.model ?? first.model } : {}) },
    status: end.stopReason ? 'finished' : 'interrupted',
    stopReason: end.stopReason ?? 'interrupted',
    startedAt,
    steps,
    meta: { source: 'gelab-zero', session: s.id, file: s.file, ...(s.info.extra !== undefined ? { extra: s.info.extra } : {}) },
  };
  if (end.answer !== undefined) t.answer = end.answer;
  const lastAt = last.startedAt ?? startedAt;
  t.endedAt = lastAt + (last.model?.latencyMs ?? 0);
  return t;
}

/** Steps in log order, or by their step numbers when every line has one; repeated numbers are skipped. */
function orderSteps(recs: Rec[], report: GelabImportReport): Rec[] {
  if (!recs.every((r) => r.step !== undefined)) return recs;
  const seen = new Set<number>();
  const out: Rec[] = [];
  for (const r of [...recs].sort((a, b) => a.step! - b.step!)) {
    if (seen.has(r.step!)) {
      report.skipped.push({ file: r.file, line: r.line, reason: `step ${r.step} appears twice in session ${r.session}; kept the first` });
      continue;
    }
    seen.add(r.step!);
    out.push(r);
  }
  return out;
}

async function buildStep(store: Store, session: string, rec: Rec, index: number, parser: GelabParser | undefined, imageDirs: string[], report: GelabImportReport): Promise<Step> {
  const warn = (reason: string) => report.warnings.push({ file: rec.file, line: rec.line, reason });
  const raw = rec.raw ?? gelabActionText(rec.action ?? {});
  const model: ModelOutput = { raw };
  if (rec.raw === undefined) model.extras = { rawReconstructed: true };
  if (rec.latencyMs !== undefined) model.latencyMs = rec.latencyMs;
  if (parser) {
    try {
      const p = parser.parse(raw);
      model.action = p.action;
      if (p.thought) model.thought = p.thought;
      if (p.summary) model.summary = p.summary;
      if (p.extras && Object.keys(p.extras).length) model.extras = { ...model.extras, ...p.extras };
      report.parsed++;
    } catch (e) {
      model.parseError = errorMessage(e);
      warn(`model output did not parse: ${model.parseError}`);
    }
  }
  if (!model.thought && typeof rec.action?.cot === 'string' && rec.action.cot) model.thought = rec.action.cot;
  if (!model.summary && typeof rec.action?.summary === 'string' && rec.action.summary) model.summary = rec.action.summary;

  const step: Step = { index, model };
  if (model.action) step.action = model.action;
  if (rec.at !== undefined) step.startedAt = rec.at;
  const meta: Record<string, unknown> = { gelabLine: rec.line };
  if (rec.step !== undefined) meta.gelabStep = rec.step;
  if (rec.action) meta.gelabAction = rec.action;
  if (rec.userComment) meta.userComment = rec.userComment;
  step.meta = meta;

  if (rec.image) {
    const img = loadImage(rec.image, rec.file, imageDirs);
    if (typeof img === 'string') {
      warn(img);
      meta.gelabImage = rec.image.length > 300 ? `${rec.image.slice(0, 300)}...` : rec.image;
    } else {
      try {
        const info = await sharp(img.bytes).metadata();
        step.observation = {
          frameId: `${session}/${rec.step ?? index}`,
          image: store.putBlob(img.bytes),
          format: img.format,
          width: info.width ?? 0,
          height: info.height ?? 0,
          ...(rec.at !== undefined ? { at: rec.at } : {}),
        };
      } catch (e) {
        warn(`screenshot is not a readable image: ${errorMessage(e)}`);
      }
    }
  } else {
    warn('step has no screenshot');
  }
  return step;
}

/** Image bytes from a data URL, bare base64 or a path (as logged, next to the log, or in imageDirs); a string says why not. */
function loadImage(ref: string, logFile: string, imageDirs: string[]): { bytes: Buffer; format: ImageFormat } | string {
  const data = /^data:image\/[\w.+-]+;base64,/i.exec(ref);
  let bytes: Buffer | undefined;
  if (data || (ref.length > 256 && /^[A-Za-z0-9+/=\s]+$/.test(ref))) {
    bytes = Buffer.from(ref.slice(data ? data[0].length : 0), 'base64');
  } else {
    const logDir = dirname(resolve(logFile));
    const name = basename(ref);
    const dirs = [logDir, join(logDir, 'images'), join(dirname(logDir), 'images'), ...imageDirs.map((d) => resolve(d))];
    const candidates = [...(isAbsolute(ref) ? [ref] : [join(logDir, ref)]), ...dirs.flatMap((d) => [join(d, ref), join(d, name)])];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (!found) return `screenshot ${ref} not found (looked next to the log, in images/ and in --images folders)`;
    bytes = readFileSync(found);
  }
  const format = sniffImage(bytes);
  if (!format) return `screenshot ${ref.length > 80 ? ref.slice(0, 80) + '...' : ref} is not a PNG or JPEG`;
  return { bytes, format };
}

/** How the session ended, judged from the last step's action. */
function endOf(last: Step, logged: Record<string, unknown> | undefined): { stopReason?: StopReason; answer?: string } {
  const a = last.model?.action;
  if (a?.type === 'complete') return { stopReason: 'completed', answer: a.answer };
  if (a?.type === 'abort') return { stopReason: 'aborted' };
  if (a?.type === 'info') return { stopReason: 'needs_reply' };
  const verb = String(logged?.action ?? logged?.action_type ?? '').toUpperCase();
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (verb === 'COMPLETE') return { stopReason: 'completed', answer: text(logged?.return) ?? text(logged?.value) };
  if (verb === 'ABORT') return { stopReason: 'aborted' };
  if (verb === 'INFO') return { stopReason: 'needs_reply' };
  return {};
}
