/**
 * Runs a parsed sh script against an emulated device: expansions (command substitution runs in
 * the emulator, never on the host), field splitting, pipelines, && / ||, redirections into an
 * in-memory file system, and the small toolbox every Android shell has (echo, cat, grep, rm...).
 * Device commands (input, wm, dumpsys...) come from the caller's handler.
 */
import { parseSh, type Redirect, type Script, type SimpleCommand, type Word } from './sh-parse.js';

export interface ShResult { out: Buffer; code: number }
export type CommandHandler = (argv: string[], stdin: Buffer) => Promise<ShResult | null>;

export interface ShContext {
  vars: Record<string, string>;
  files: Map<string, Buffer>;
  /** Device commands; null means "no such command". */
  run: CommandHandler;
  /** Every command line executed (argv), in order: tests check that typed text ran nothing. */
  log: string[][];
}

export const ok = (s: string | Buffer = ''): ShResult => ({ out: typeof s === 'string' ? Buffer.from(s) : s, code: 0 });
export const fail = (s: string, code = 1): ShResult => ({ out: Buffer.from(s), code });

export async function runSh(src: string, ctx: ShContext): Promise<ShResult> {
  let script: Script;
  try {
    script = parseSh(src);
  } catch (e) {
    return fail(`${(e as Error).message.replace(/ \(.*\)$/, '')}\n`, 2);
  }
  return runScript(script, ctx);
}

async function runScript(script: Script, ctx: ShContext): Promise<ShResult> {
  const outs: Buffer[] = [];
  let code = 0;
  let skip = false;
  for (const { pipeline, next } of script.items) {
    if (!skip) {
      let stdin: Buffer = Buffer.alloc(0);
      for (let i = 0; i < pipeline.commands.length; i++) {
        const r = await runCommand(pipeline.commands[i], stdin, ctx);
        code = r.code;
        if (i === pipeline.commands.length - 1) outs.push(r.out);
        else stdin = r.out;
      }
    }
    skip = (next === '&&' && code !== 0) || (next === '||' && code === 0);
  }
  return { out: Buffer.concat(outs), code };
}

async function expandWord(w: Word, ctx: ShContext): Promise<string[]> {
  const fields: string[] = [];
  let cur = '';
  let have = false;
  for (const p of w.parts) {
    let text: string;
    if (p.kind === 'lit') { cur += p.text; have = true; continue; }
    if (p.kind === 'var') text = ctx.vars[p.name] ?? '';
    else text = (await runScript(p.script, ctx)).out.toString('utf8').replace(/\n+$/, '');
    if (p.quoted) { cur += text; have = true; continue; }
    const pieces = text.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) { if (have || cur) fields.push(cur); cur = ''; have = false; }
      if (pieces[i]) { cur += pieces[i]; have = true; }
    }
  }
  if (have || cur) fields.push(cur);
  return fields;
}

async function runCommand(cmd: SimpleCommand, stdin: Buffer, ctx: ShContext): Promise<ShResult> {
  const argv: string[] = [];
  for (const w of cmd.argv) argv.push(...(await expandWord(w, ctx)));
  let input = stdin;
  const outputs: { op: Redirect['op']; path: string }[] = [];
  for (const r of cmd.redirects) {
    const [path = ''] = await expandWord(r.target, ctx);
    if (r.op === '<') {
      const f = ctx.files.get(path);
      if (!f) return fail(`/system/bin/sh: can't open '${path}': No such file or directory\n`);
      input = f;
    } else if (r.op !== '>&' && r.fd === 1) outputs.push({ op: r.op, path });
  }
  if (!argv.length) return ok();
  ctx.log.push(argv);
  let res = await builtin(argv, input, ctx) ?? await ctx.run(argv, input);
  if (!res) res = fail(`/system/bin/sh: ${argv[0]}: inaccessible or not found\n`, 127);
  for (const o of outputs) {
    if (o.path === '/dev/null') { res = { ...res, out: Buffer.alloc(0) }; continue; }
    const prev = o.op === '>>' ? ctx.files.get(o.path) ?? Buffer.alloc(0) : Buffer.alloc(0);
    ctx.files.set(o.path, Buffer.concat([prev, res.out]));
    res = { ...res, out: Buffer.alloc(0) };
  }
  return res;
}

/** The toybox commands the backend and users rely on. */
async function builtin(argv: string[], stdin: Buffer, ctx: ShContext): Promise<ShResult | null> {
  const [name, ...args] = argv;
  switch (name) {
    case 'true': return ok();
    case 'false': return fail('');
    case 'sleep': return ok();
    case 'echo': {
      const noNl = args[0] === '-n';
      return ok((noNl ? args.slice(1) : args).join(' ') + (noNl ? '' : '\n'));
    }
    case 'cat': {
      if (!args.length) return ok(stdin);
      const outs: Buffer[] = [];
      for (const p of args) {
        const f = ctx.files.get(p);
        if (!f) return fail(`cat: ${p}: No such file or directory\n`);
        outs.push(f);
      }
      return ok(Buffer.concat(outs));
    }
    case 'rm': {
      for (const p of args.filter((a) => !a.startsWith('-'))) ctx.files.delete(p);
      return ok();
    }
    case 'grep': return grep(args, stdin);
    default: return null;
  }
}

function grep(args: string[], stdin: Buffer): ShResult {
  let ignoreCase = false, extended = false, invert = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[iEv]+$/.test(a)) { ignoreCase ||= a.includes('i'); extended ||= a.includes('E'); invert ||= a.includes('v'); }
    else rest.push(a);
  }
  const pattern = rest[0];
  if (pattern === undefined) return fail('usage: grep [-iEv] PATTERN\n', 2);
  // Basic regexps treat | ( ) + ? literally; escape them unless -E.
  const src = extended ? pattern : pattern.replace(/[|()+?{}]/g, '\\$&');
  let re: RegExp;
  try { re = new RegExp(src, ignoreCase ? 'i' : ''); } catch { return fail(`grep: bad regex '${pattern}'\n`, 2); }
  const lines = stdin.toString('utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
  const hits = lines.filter((l) => re.test(l) !== invert);
  return hits.length ? ok(hits.join('\n') + '\n') : fail('', 1);
}
