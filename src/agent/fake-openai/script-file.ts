/**
 * Reading a fake-model script for `stepwise fake-model serve`: a JSON or YAML file holding a
 * list of replies (or {replies: [...]}), or an ES module whose default export is a list or a
 * function (request -> reply), for demos that answer from what they see.
 */
import { readFileSync, existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { StepwiseError, errorMessage } from '../../core/errors.js';
import type { FakeReply, FakeScript } from './types.js';

export interface LoadedScript {
  script: FakeScript;
  /** For lists: replay from the start when the list is used up. */
  loop: boolean;
}

export async function loadFakeScript(path: string, cwd = process.cwd()): Promise<LoadedScript> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new StepwiseError('config_error', `script file ${file} does not exist`, 'give a .json, .yaml or .mjs file');
  const ext = extname(file).toLowerCase();
  if (ext === '.mjs' || ext === '.js') {
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (e) {
      throw new StepwiseError('config_error', `cannot load script module ${file}: ${errorMessage(e)}`, 'check the module for syntax errors');
    }
    if (typeof mod.default === 'function') return { script: mod.default as FakeScript, loop: false };
    return fromData(mod.default, file);
  }
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = ext === '.json' ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    throw new StepwiseError('config_error', `cannot read script ${file}: ${errorMessage(e)}`, 'it must be JSON or YAML');
  }
  return fromData(data, file);
}

function fromData(data: unknown, file: string): LoadedScript {
  const obj = data as { replies?: unknown; loop?: unknown } | null;
  const list = Array.isArray(data) ? data : Array.isArray(obj?.replies) ? obj!.replies as unknown[] : undefined;
  if (!list) {
    throw new StepwiseError('config_error', `script ${file} holds no list of replies`, 'write a list, or {replies: [...], loop: true}; a reply is a string, {content, reasoning_content, tool_calls} or {fault: ...}');
  }
  list.forEach((r, i) => {
    const ok = typeof r === 'string' || (typeof r === 'object' && r !== null && !Array.isArray(r));
    if (!ok) throw new StepwiseError('config_error', `script ${file}: reply ${i} is ${JSON.stringify(r)}`, 'a reply is a string or an object');
  });
  const replies = list as FakeReply[];
  if (obj?.loop !== true || replies.length === 0) return { script: replies, loop: false };
  let next = 0;
  return { script: () => replies[next++ % replies.length], loop: true };
}
