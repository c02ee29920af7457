/**
 * Python-style calls as UI-TARS writes them: click(start_box='(x,y)'), type(content='it\'s'),
 * wait(). Quoted values take Python escapes; a quote that does not end the value (an
 * unescaped apostrophe, as models sometimes write) is kept as text.
 */
import { ParseError } from '../core/errors.js';
import { short } from './common.js';

export interface PyCall {
  name: string;
  args: Record<string, string>;
  /** Text after the closing parenthesis. */
  rest: string;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
// A quote closes a value only when what follows continues the call: ", name=" or ")".
const CLOSES = /^\s*(?:,\s*[A-Za-z_]\w*\s*=|,?\s*\))/;

export function parseCall(dialect: string, text: string): PyCall {
  const head = /^\s*([A-Za-z_]\w*)\s*\(/.exec(text);
  if (!head) throw new ParseError(`${dialect}: the action ${short(text.trim())} is not a call`, "a call such as click(start_box='(x,y)')");
  const name = head[1];
  const args: Record<string, string> = {};
  let i = head[0].length;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  for (;;) {
    ws();
    if (text[i] === ')') return { name, args, rest: text.slice(i + 1) };
    const key = /^([A-Za-z_]\w*)\s*=\s*/.exec(text.slice(i, i + 200));
    if (!key) throw new ParseError(`${dialect}: in ${name}(...) found ${short(text.slice(i, i + 30))}`, "arguments written as name='value'");
    if (key[1] in args) throw new ParseError(`${dialect}: ${name}(...) gives ${key[1]} twice`, 'each argument once');
    i += key[0].length;
    const q = text[i];
    if (q === "'" || q === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ParseError(`${dialect}: the value of ${key[1]} in ${name}(...) has no closing quote`, 'a complete call; the output may be truncated');
        const c = text[i];
        if (c === '\\' && i + 1 < text.length) {
          const e = ESCAPES[text[i + 1]];
          out += e ?? `\\${text[i + 1]}`;
          i += 2;
        } else if (c === q && CLOSES.test(text.slice(i + 1, i + 201))) {
          i++;
          break;
        } else {
          out += c;
          i++;
        }
      }
      args[key[1]] = out;
    } else {
      const m = /^[^,)]*/.exec(text.slice(i))!;
      args[key[1]] = m[0].trim();
      i += m[0].length;
    }
    ws();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ')') return { name, args, rest: text.slice(i + 1) };
    throw new ParseError(`${dialect}: ${name}(...) is not closed`, "a complete call ending in ')'; the output may be truncated");
  }
}

/** Python single-quoted literal that parseCall reads back to the same string. */
export function pyQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

export function renderCall(name: string, args: [string, string][]): string {
  return `${name}(${args.map(([k, v]) => `${k}=${pyQuote(v)}`).join(', ')})`;
}
