/**
 * Task files: JSONL, one task per line, {instruction, id?, app?, seed?, template?, reply?, meta?}.
 * A line naming a sandbox `template` (with `seed`, default 1) becomes a verifiable sandbox
 * instance; any other line is a free-text task that runs without a verifier (its outcome is
 * left to CSRS). Bad lines are reported with their line numbers and skipped.
 */
import { readFileSync } from 'node:fs';
import { errorMessage, StepwiseError } from '../core/errors.js';
import type { TaskRef } from '../core/trajectory.js';
import { APPS } from '../sandbox/apps/index.js';
import { instantiate } from '../sandbox/tasks/instance.js';
import { TEMPLATES } from '../sandbox/tasks/index.js';
import { sandboxTask } from './sandbox-suite.js';
import type { SuiteTask } from './suite.js';

export interface TaskLine {
  instruction?: string;
  id?: string;
  app?: string;
  seed?: number;
  template?: string;
  reply?: string;
  meta?: Record<string, unknown>;
}

export interface TaskFileError {
  line: number;
  message: string;
}

export interface ParsedTaskFile {
  tasks: SuiteTask[];
  errors: TaskFileError[];
}

const KEYS = new Set(['instruction', 'id', 'app', 'seed', 'template', 'reply', 'meta']);

/** Parses task-file text; never throws for a bad line, only collects it in `errors`. */
export function parseTaskFile(text: string): ParsedTaskFile {
  const tasks: SuiteTask[] = [];
  const errors: TaskFileError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    try {
      tasks.push(taskFromLine(JSON.parse(line)));
    } catch (e) {
      errors.push({ line: i + 1, message: e instanceof SyntaxError ? `not valid JSON: ${e.message}` : errorMessage(e) });
    }
  });
  return { tasks, errors };
}

export function readTaskFile(path: string): ParsedTaskFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StepwiseError('invalid_input', `cannot read task file ${path}: ${errorMessage(e)}`, 'pass an existing JSONL file to --tasks');
  }
  return parseTaskFile(text);
}

function bad(message: string): StepwiseError {
  return new StepwiseError('invalid_input', message, 'each line is {"instruction": "..."} or {"template": "<id>", "seed": N}; see docs/MODELS.md');
}

export function taskFromLine(v: unknown): SuiteTask {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad('a task line must be a JSON object');
  const o = v as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KEYS.has(k));
  if (unknown.length) throw bad(`unknown field(s) ${unknown.join(', ')}`);
  for (const k of ['instruction', 'id', 'app', 'template', 'reply'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw bad(`"${k}" must be a string`);
  }
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw bad('"seed" must be an integer');
  if (o.meta !== undefined && (typeof o.meta !== 'object' || o.meta === null || Array.isArray(o.meta))) throw bad('"meta" must be an object');
  const line = o as TaskLine;
  if (line.template !== undefined) return sandboxLine(line);
  if (!line.instruction?.trim()) throw bad('a free-text task needs a non-empty "instruction"');
  const ref: TaskRef = { instruction: line.instruction };
  if (line.id) ref.id = line.id;
  if (line.app) ref.app = line.app;
  if (line.meta) ref.meta = line.meta;
  // Free-text tasks start wherever the device is; there is nothing to reset or verify.
  return { ref, reply: line.reply, prepare: async () => {} };
}

function sandboxLine(line: TaskLine): SuiteTask {
  const t = TEMPLATES.find((x) => x.id === line.template);
  if (!t) throw bad(`unknown sandbox template "${line.template}" (list them with: stepwise tasks list)`);
  const inst = instantiate(t, line.seed ?? 1, APPS);
  const task = sandboxTask(inst);
  if (line.id) task.ref.id = line.id;
  if (line.instruction && line.instruction !== inst.instruction) {
    throw bad(`"instruction" differs from template ${t.id}'s instruction for seed ${inst.seed}; leave it out for sandbox tasks`);
  }
  if (line.meta) task.ref.meta = { ...line.meta, ...task.ref.meta };
  if (line.reply !== undefined) task.reply = line.reply;
  return task;
}

/** True when every task can run on the sandbox only (it resets and verifies the sandbox phone). */
export function isSandboxTask(t: SuiteTask): boolean {
  return typeof t.ref.meta?.template === 'string' && typeof t.ref.meta?.seed === 'number' && t.verify !== undefined;
}
