/**
 * Reasoning blocks: <THINK>, <think>, <thinking> and the <TINK> typo seen in GELab outputs,
 * with any case and stray spaces inside the tag. Only blocks at the start of the output count,
 * so an action that types "</think>" stays intact. A served model whose reasoning parser ate
 * the opening tag leaves "reasoning</think>action": a closing tag with no opening one counts
 * when the text before it holds no action payload.
 */
import { ParseError } from '../core/errors.js';

const OPEN_AT_START = /^\s*<\s*(?:think|thinking|tink)\s*>/i;
const CLOSE = /<\s*\/\s*(?:think|thinking|tink)\s*>/i;

export interface ThinkSplit {
  /** Reasoning, trimmed (several leading blocks are joined); undefined when there is none. */
  thought?: string;
  /** The text after the reasoning. */
  rest: string;
}

/** `payload` matches the start of the dialect's action text (e.g. /action\s*:/ for GELab). */
export function splitThink(dialect: string, text: string, payload: RegExp): ThinkSplit {
  const blocks: string[] = [];
  let rest = text;
  for (let open = OPEN_AT_START.exec(rest); open; open = OPEN_AT_START.exec(rest)) {
    const body = rest.slice(open[0].length);
    const close = CLOSE.exec(body);
    if (!close) {
      throw new ParseError(`${dialect}: found ${open[0].trim()} but no closing tag; the output may be truncated`, 'a reasoning block closed by </think> followed by the action');
    }
    blocks.push(body.slice(0, close.index).trim());
    rest = body.slice(close.index + close[0].length);
  }
  if (blocks.length) return { thought: blocks.join('\n\n'), rest };
  const orphan = CLOSE.exec(text);
  if (orphan && !payload.test(text.slice(0, orphan.index))) {
    return { thought: text.slice(0, orphan.index).trim(), rest: text.slice(orphan.index + orphan[0].length) };
  }
  return { rest: text };
}

/** True when text contains anything that reads as a reasoning tag (render refuses such text). */
export function hasThinkTag(text: string): boolean {
  return /<\s*\/?\s*(?:think|thinking|tink)\s*>/i.test(text);
}

/** Output without a thought must not read as if it had one (an early "</think>" would). */
export function readsAsThought(dialect: string, output: string, payload: RegExp): boolean {
  try {
    return splitThink(dialect, output, payload).thought !== undefined;
  } catch (e) {
    if (e instanceof ParseError) return true;
    throw e;
  }
}
