/**
 * Runs untrusted verifier code (written by a model) away from the host: each batch gets a fresh
 * worker thread with memory limits and an empty environment, the code runs in a node:vm context
 * that has only the JavaScript built-ins (no require, process, import(), fetch, eval, timers,
 * shared memory), arguments enter as JSON text parsed inside the context so no host object is
 * reachable, every call has a vm timeout, and a watchdog in the parent terminates the worker
 * when a call outlives its limit. node:vm alone is not a security boundary; the thread, the
 * limits and the watchdog are what make a hostile or runaway verifier harmless.
 */
import { Worker } from 'node:worker_threads';
import { StepwiseError } from '../core/errors.js';

export interface SandboxLimits {
  /** Per-call limit enforced inside the worker (vm timeout), ms. */
  callTimeoutMs: number;
  /** Parent watchdog per call (kills the worker), ms; default callTimeoutMs + 1000. */
  killAfterMs?: number;
  /** Extra time allowed for the worker to start, ms. */
  startupMs: number;
  /** V8 old-generation heap cap for the worker, MB. */
  memoryMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { callTimeoutMs: 1000, startupMs: 5000, memoryMb: 128 };

export interface SandboxCall {
  /** Name of a function the source defines at top level. */
  fn: string;
  /** JSON-serialisable arguments. */
  args: unknown[];
}

export type CallOutcome =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'error' | 'timeout' | 'killed' | 'memory' | 'load'; error: string };

/** The worker's program: plain CommonJS so it runs with `eval: true` from src (vitest) and dist alike. */
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { source, calls, timeout } = workerData;
const ctx = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' });
// Built-ins that block a thread or share memory with the host have no place in a verifier.
vm.runInContext('delete globalThis.SharedArrayBuffer; delete globalThis.Atomics; delete globalThis.WebAssembly;', ctx);
// A promise the code left behind must not take the thread down after its call has answered.
process.on('unhandledRejection', () => undefined);
const timedOut = (e) => e && e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
try {
  new vm.Script(source, { filename: 'verifier.js' }).runInContext(ctx, { timeout });
  parentPort.postMessage({ loaded: true });
} catch (e) {
  parentPort.postMessage({ loaded: false, timeout: timedOut(e), error: String(e && e.message || e) });
  process.exit(0);
}
const names = workerData.names;
// typeof lookups see both function declarations and top-level const/let bindings of the source.
const table = '({' + names.map((n) => n + ': typeof ' + n + ' === "function" ? ' + n + ' : undefined').join(', ') + '})';
// Runs inside the context under the vm timeout, so even a hostile error object is read there.
const CALL = '(() => { const a = JSON.parse(globalThis.__stepwise_args); delete globalThis.__stepwise_args;' +
  ' const f = ' + table + '[a.fn]; if (typeof f !== "function") return JSON.stringify({ e: "the verifier defines no function " + a.fn });' +
  ' try { const r = f.apply(undefined, a.args);' +
  ' if (r !== null && typeof r === "object" && typeof r.then === "function") { r.then(undefined, () => undefined); return JSON.stringify({ e: "a verifier returns its result, not a Promise" }); }' +
  ' return JSON.stringify({ v: r === undefined ? null : r }); }' +
  ' catch (err) { let m; try { m = String(err && err.message !== undefined ? err.message : err); } catch (_) { m = "an unprintable error"; } return JSON.stringify({ e: m }); } })()';
for (let i = 0; i < calls.length; i++) {
  try {
    // (a setter the code planted on this name runs outside the vm timeout; the parent's watchdog ends it)
    ctx.__stepwise_args = calls[i];
    const out = vm.runInContext(CALL, ctx, { timeout });
    if (typeof out !== 'string') throw new Error('the verifier replaced JSON.stringify');
    const r = JSON.parse(out);
    parentPort.postMessage(r.e !== undefined ? { i, ok: false, kind: 'error', error: String(r.e) } : { i, ok: true, value: r.v });
  } catch (e) {
    parentPort.postMessage({ i, ok: false, kind: timedOut(e) ? 'timeout' : 'error', error: timedOut(e) ? 'the call ran longer than ' + timeout + ' ms' : String(e && e.message || e) });
  }
}
`;

/**
 * Load `source` in a fresh sandbox and run each call in order. Never throws for anything the
 * code does: a load failure, error, timeout, kill or out-of-memory becomes that call's outcome.
 */
export async function runSandboxed(source: string, calls: SandboxCall[], limits: Partial<SandboxLimits> = {}): Promise<CallOutcome[]> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (!(lim.callTimeoutMs > 0) || !(lim.memoryMb >= 8)) {
    throw new StepwiseError('invalid_input', `bad sandbox limits ${JSON.stringify(lim)}`, 'callTimeoutMs > 0 and memoryMb >= 8');
  }
  for (const c of calls) {
    if (!/^[A-Za-z_$][\w$]*$/.test(c.fn)) throw new StepwiseError('invalid_input', `"${c.fn}" is not a function name`, 'name a top-level function of the verifier, e.g. verify');
  }
  // Calls travel as JSON text: it is the serialisability check, strings cross to the worker
  // cheaply, and a state shared by many calls (the initial one) is serialised once.
  const cache = new Map<unknown, string>();
  const json = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
    let t = cache.get(v);
    if (t === undefined) { t = JSON.stringify(v); cache.set(v, t); }
    return t;
  };
  let payload: string[];
  try {
    payload = calls.map((c) => `{"fn":${JSON.stringify(c.fn)},"args":[${c.args.map(json).join(',')}]}`);
  } catch (e) {
    throw new StepwiseError('invalid_input', `verifier arguments are not JSON: ${(e as Error).message}`, 'pass plain data (phone states, strings, numbers)');
  }
  const killAfter = lim.killAfterMs ?? lim.callTimeoutMs + 1000;
  const results: CallOutcome[] = [];
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { source, calls: payload, names: [...new Set(calls.map((c) => c.fn))], timeout: Math.round(lim.callTimeoutMs) },
    env: {},
    execArgv: [],
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: lim.memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.round(lim.memoryMb / 4)), codeRangeSizeMb: 16, stackSizeMb: 4 },
  });
  return new Promise<CallOutcome[]>((resolve) => {
    let loaded = false;
    let done = false;
    let timer: NodeJS.Timeout;
    const finish = (rest: CallOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      while (results.length < calls.length) results.push(rest);
      void worker.terminate();
      resolve(results);
    };
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, kind: 'killed', error: `killed after ${killAfter} ms without an answer` }), ms);
    };
    arm(lim.startupMs + killAfter);
    worker.on('message', (m: { loaded?: boolean; timeout?: boolean; error?: string; i?: number } & CallOutcome) => {
      if (m.loaded === false) return finish({ ok: false, kind: m.timeout ? 'timeout' : 'load', error: `the verifier does not load: ${m.error}` });
      if (m.loaded) loaded = true;
      else results.push(m.ok ? { ok: true, value: m.value } : { ok: false, kind: m.kind, error: m.error });
      if (results.length === calls.length) return finish({ ok: false, kind: 'error', error: 'unreachable' });
      arm(killAfter);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, kind: memory ? 'memory' : 'error', error: memory ? `the verifier ran out of its ${lim.memoryMb} MB heap` : `the sandbox failed${loaded ? '' : ' while loading'}: ${e.message}` });
    });
    worker.on('exit', () => finish({ ok: false, kind: 'killed', error: 'the sandbox exited before answering' }));
  });
}
