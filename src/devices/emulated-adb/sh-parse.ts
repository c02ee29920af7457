/**
 * A parser for the subset of POSIX sh that an Android device's /system/bin/sh applies to what
 * the adb client sends: quoting ('...', "...", backslash), command substitution ($(...) and
 * backticks), $VAR, the separators ; && || | & and newline, redirections > >> < and 2>&1.
 * The emulated device parses exactly like a real shell would so that escaping bugs in the
 * backend show up as wrong text or as extra commands, and it never runs anything on the host.
 */
import { StepwiseError } from '../../core/errors.js';

export type Part =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'sub'; script: Script; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean };
export interface Word { parts: Part[] }
export interface Redirect { fd: number; op: '>' | '>>' | '<' | '>&'; target: Word }
export interface SimpleCommand { argv: Word[]; redirects: Redirect[] }
export interface Pipeline { commands: SimpleCommand[] }
export type Joiner = ';' | '&&' | '||';
export interface Script { items: { pipeline: Pipeline; next: Joiner }[] }

/** What a real sh prints for bad syntax, as a typed error. */
export class ShellSyntaxError extends StepwiseError {
  constructor(message: string) {
    super('invalid_input', `/system/bin/sh: syntax error: ${message}`, 'check the quoting of the shell command');
  }
}

const isSpace = (c: string) => c === ' ' || c === '\t';
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  private peek(n = 0): string { return this.src[this.pos + n] ?? ''; }

  parseScript(closer?: ')'): Script {
    const items: Script['items'] = [];
    for (;;) {
      this.skipBlanks(true);
      if (this.pos >= this.src.length) {
        if (closer) throw new ShellSyntaxError("unterminated '$('");
        break;
      }
      if (closer && this.peek() === ')') { this.pos++; break; }
      const pipeline = this.parsePipeline();
      let next: Joiner = ';';
      this.skipBlanks(false);
      const c = this.peek();
      if (c === '&' && this.peek(1) === '&') { next = '&&'; this.pos += 2; }
      else if (c === '|' && this.peek(1) === '|') { next = '||'; this.pos += 2; }
      else if (c === ';' || c === '\n' || c === '&') this.pos++;
      if (pipeline.commands.length) items.push({ pipeline, next });
    }
    return { items };
  }

  private skipBlanks(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (isSpace(c) || (newlines && c === '\n')) this.pos++;
      else if (c === '#') { while (this.pos < this.src.length && this.peek() !== '\n') this.pos++; }
      else return;
    }
  }

  private parsePipeline(): Pipeline {
    const commands: SimpleCommand[] = [];
    for (;;) {
      const cmd = this.parseCommand();
      if (!cmd.argv.length && !cmd.redirects.length) {
        if (commands.length) throw new ShellSyntaxError("unexpected end after '|'");
        const c = this.peek();
        if (c && c !== '\n' && c !== ')') throw new ShellSyntaxError(`unexpected '${c}'`);
        return { commands };
      }
      commands.push(cmd);
      this.skipBlanks(false);
      if (this.peek() === '|' && this.peek(1) !== '|') { this.pos++; continue; }
      return { commands };
    }
  }

  private parseCommand(): SimpleCommand {
    const cmd: SimpleCommand = { argv: [], redirects: [] };
    for (;;) {
      this.skipBlanks(false);
      const c = this.peek();
      if (!c || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')') return cmd;
      if (c === '(') throw new ShellSyntaxError("subshells '(' are not supported by the emulated device");
      const redirect = this.tryRedirect();
      if (redirect) { cmd.redirects.push(redirect); continue; }
      cmd.argv.push(this.parseWord());
    }
  }

  private tryRedirect(): Redirect | null {
    const m = /^(\d?)(>>|>&|>|<)/.exec(this.src.slice(this.pos, this.pos + 3));
    if (!m) return null;
    this.pos += m[0].length;
    this.skipBlanks(false);
    const target = this.parseWord();
    if (!target.parts.length) throw new ShellSyntaxError(`redirection '${m[2]}' needs a target`);
    const op = m[2] as Redirect['op'];
    return { fd: m[1] ? Number(m[1]) : op === '<' ? 0 : 1, op, target };
  }

  private parseWord(): Word {
    const parts: Part[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ kind: 'lit', text, quoted });
    };
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (WORD_END.has(c)) break;
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
        lit(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        this.parseDoubleQuoted(parts, lit);
      } else if (c === '\\') {
        const n = this.peek(1);
        this.pos += 2;
        if (n !== '\n') lit(n, true);
      } else if (c === '$' || c === '`') {
        const p = this.parseDollar(false);
        if (p) parts.push(p); else { lit('$', false); this.pos++; }
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    return { parts };
  }

  private parseDoubleQuoted(parts: Part[], lit: (t: string, q: boolean) => void): void {
    for (;;) {
      if (this.pos >= this.src.length) throw new ShellSyntaxError('unterminated quoted string');
      const c = this.peek();
      if (c === '"') { this.pos++; if (!parts.length) lit('', true); return; }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '$' || n === '`' || n === '"' || n === '\\') { lit(n, true); this.pos += 2; }
        else if (n === '\n') this.pos += 2;
        else { lit('\\', true); this.pos++; }
      } else if (c === '$' || c === '`') {
        const p = this.parseDollar(true);
        if (p) parts.push(p); else { lit('$', true); this.pos++; }
      } else { lit(c, true); this.pos++; }
    }
  }

  /** $(...), `...`, ${NAME}, $NAME; null when the $ is literal. */
  private parseDollar(quoted: boolean): Part | null {
    if (this.peek() === '`') {
      let inner = '';
      let i = this.pos + 1;
      for (;;) {
        if (i >= this.src.length) throw new ShellSyntaxError("unterminated '`'");
        const ch = this.src[i];
        if (ch === '`') break;
        if (ch === '\\' && '$`\\'.includes(this.src[i + 1] ?? '')) { inner += this.src[i + 1]; i += 2; continue; }
        inner += ch;
        i++;
      }
      this.pos = i + 1;
      return { kind: 'sub', script: parseSh(inner), quoted };
    }
    const n = this.peek(1);
    if (n === '(') {
      this.pos += 2;
      return { kind: 'sub', script: this.parseScript(')'), quoted };
    }
    if (n === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw new ShellSyntaxError("unterminated '${'");
      const name = this.src.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { kind: 'var', name, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9?#$!@*-]/.exec(this.src.slice(this.pos + 1));
    if (!m) return null;
    this.pos += 1 + m[0].length;
    return { kind: 'var', name: m[0], quoted };
  }
}

/** Parses one command line the way the device's sh would. */
export function parseSh(src: string): Script {
  return new Parser(src).parseScript();
}
