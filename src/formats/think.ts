/**
 * Reasoning blocks: <THINK>, <think>, <thinking> and the <TINK> typo seen in GELab outputs,
 * with any case and stray spaces inside the tag. A served model whose reasoning parser ate
 * the opening tag leaves only "...</think>", which is accepted too.
 */
import { ParseError } from '../core/errors.js';

const OPEN = /<\s*(?:think|thinking|tink)\s*>/gi;
const CLOSE = /<\s*\/\s*(?:think|thinking|tink)\s*>/gi;

export interface ThinkSplit {
  /** Content of the first block, trimmed; undefined when there is no block. */
  thought?: string;
  /** The text outside the blocks (before the first and after the last). */
  rest: string;
}

export function splitThink(dialect: string, text: string): ThinkSplit {
  const opens = [...text.matchAll(OPEN)];
  const closes = [...text.matchAll(CLOSE)];
  if (closes.length === 0) {
    if (opens.length > 0) {
      throw new ParseError(`${dialect}: found ${opens[0][0]} but no closing tag; the output may be truncated`, 'a reasoning block closed by </think> followed by the action');
    }
    return { rest: text };
  }
  const firstClose = closes[0];
  const lastClose = closes[closes.length - 1];
  const firstOpen = opens.find((m) => m.index! < firstClose.index!);
  const start = firstOpen ? firstOpen.index! + firstOpen[0].length : 0;
  const before = firstOpen ? text.slice(0, firstOpen.index) : '';
  const after = text.slice(lastClose.index! + lastClose[0].length);
  // Tags left after the last close (e.g. an unclosed second block) mean the action text is not clean.
  const stray = after.match(OPEN);
  if (stray) {
    throw new ParseError(`${dialect}: found ${stray[0]} after the reasoning block without a closing tag`, 'one reasoning block followed by the action');
  }
  return { thought: text.slice(start, firstClose.index).trim(), rest: `${before}${after}` };
}

/** True when text contains anything that reads as a reasoning tag (render refuses such text). */
export function hasThinkTag(text: string): boolean {
  return /<\s*\/?\s*(?:think|thinking|tink)\s*>/i.test(text);
}
