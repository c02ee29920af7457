/**
 * Shared pieces of the dialect parsers: the error contract (everything a parser rejects is a
 * ParseError), number and point reading, and the pixel <-> norm1000 conversion.
 */
import { validateAction, type Action, type ActionType } from '../core/actions.js';
import { fromNorm1000, roundHalfUp, toNorm1000, type Frame, type Point, type Size } from '../core/coords.js';
import { ParseError, StepwiseError } from '../core/errors.js';
import type { CoordinateConvention } from './types.js';

/**
 * Run a parser body; any typed error it raises (out-of-range point, invalid action) becomes a
 * ParseError that keeps the original message. Untyped errors are bugs and pass through, so
 * the fuzz tests can see them.
 */
export function guardParse<T>(dialect: string, raw: unknown, body: (raw: string) => T): T {
  if (typeof raw !== 'string') {
    throw new ParseError(`${dialect}: model output is ${raw === null ? 'null' : typeof raw}, not text`, 'the raw model output as a string');
  }
  try {
    return body(raw);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof StepwiseError) {
      const expected = e.hint ? `a valid ${dialect} action; ${e.hint}` : `a valid ${dialect} action`;
      throw new ParseError(`${dialect}: ${bareMessage(e)}`, expected, { cause: e.code });
    }
    throw e;
  }
}

/** The message of a StepwiseError without the "(hint)" its constructor appended. */
function bareMessage(e: StepwiseError): string {
  const suffix = ` (${e.hint})`;
  return e.hint && e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message;
}

/** render cannot say this in the dialect; `lossy` would drop it instead. */
export function unsupported(dialect: string, what: string, hint = 'pick another dialect or pass { lossy: true } to drop it'): StepwiseError {
  return new StepwiseError('unsupported_action', `${dialect} cannot express ${what}`, hint, { dialect });
}

/** Validate a constructed action; the validation error becomes a ParseError naming the field. */
export function finishAction(dialect: string, value: Record<string, unknown>): Action {
  try {
    return validateAction(value);
  } catch (e) {
    if (e instanceof StepwiseError) throw new ParseError(`${dialect}: ${bareMessage(e)}`, e.hint || 'a valid action');
    throw e;
  }
}

/** Throw when a field the dialect cannot express is set, unless lossy. */
export function refuseFields(dialect: string, action: Action, fields: readonly string[], lossy: boolean | undefined): void {
  if (lossy) return;
  const rec = action as Record<string, unknown>;
  for (const f of fields) {
    if (rec[f] !== undefined) throw unsupported(dialect, `${action.type}.${f}`);
  }
}

export function refuseType(dialect: string, action: Action, supported: readonly ActionType[]): never {
  throw unsupported(dialect, `the action "${action.type}"`, `${dialect} can express: ${supported.join(', ')}`);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number from text or a JSON value, or a ParseError that says what was found. */
export function readNumber(dialect: string, v: unknown, what: string): number {
  let n = NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && NUMBER.test(v.trim())) n = Number(v.trim());
  if (!Number.isFinite(n)) {
    throw new ParseError(`${dialect}: ${what} is ${short(v)}`, `a finite number for ${what}`);
  }
  return n;
}

// Wrappers models put around coordinates: (x,y) [x,y] <point>x y</point> <|box_start|>...<|box_end|>.
const COORD_WRAPPERS = /<\|box_start\|>|<\|box_end\|>|<\/?point>|<\/?bbox>|[()[\]{}（）【】]/g;

/** "x,y" | "x y" | "(x, y)" | "[x1,y1,x2,y2]" (box -> centre) | "<point>x y</point>" -> [x, y]. */
export function readCoords(dialect: string, text: string, what: string, allowBox = true): [number, number] {
  const parts = text.replace(COORD_WRAPPERS, ' ').split(/[\s,，、]+/).filter((s) => s.length > 0);
  if (parts.length === 2 || (allowBox && parts.length === 4)) {
    const nums = parts.map((p) => readNumber(dialect, p, what));
    if (nums.length === 2) return [nums[0], nums[1]];
    return [(nums[0] + nums[2]) / 2, (nums[1] + nums[3]) / 2];
  }
  throw new ParseError(
    `${dialect}: ${what} is ${short(text)}`,
    allowBox ? `two numbers "x,y" (or a box "x1,y1,x2,y2") for ${what}` : `two numbers "x,y" for ${what}`,
  );
}

/** Converts points between a dialect's convention and canonical norm1000 integers. */
export interface PointCodec {
  toCanonical(p: readonly [number, number]): Point;
  fromCanonical(p: readonly [number, number]): [number, number];
}

function checkSize(dialect: string, size: Size, forParse: boolean): Size {
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 1e6;
  if (!ok(size.width) || !ok(size.height)) {
    const msg = `${dialect}: image size ${short(size.width)}x${short(size.height)} is not a pair of positive integers`;
    if (forParse) throw new ParseError(msg, 'an image size like 1092x2408');
    throw new StepwiseError('config_error', msg, 'give the size of the image the model saw, e.g. 1092x2408');
  }
  return size;
}

/** The codec for a dialect; pixel dialects need the size of the image the model saw. */
export function pointCodec(dialect: string, coords: CoordinateConvention, imageSize: Size | undefined, forParse: boolean): PointCodec {
  if (coords === 'norm1000') {
    const frame: Frame = { id: 'parse', width: 1000, height: 1000, rotation: 0 };
    return {
      toCanonical: (p) => toNorm1000(p, 'norm1000', frame),
      fromCanonical: (p) => {
        const [x, y] = fromNorm1000(p, 'norm1000', frame);
        return [roundHalfUp(x), roundHalfUp(y)];
      },
    };
  }
  if (!imageSize) {
    const msg = `${dialect} writes pixel coordinates of the image the model saw, and no image size was given`;
    if (forParse) throw new ParseError(msg, 'the image size: pass --image-size WxH (or opts.imageSize)');
    throw new StepwiseError('config_error', msg, 'pass --image-size WxH (or opts.imageSize)');
  }
  const size = checkSize(dialect, imageSize, forParse);
  const frame: Frame = { id: 'parse', width: size.width, height: size.height, rotation: 0, image: size };
  return {
    toCanonical: (p) => toNorm1000(p, 'image', frame),
    // Models write integer pixels; round half up like the parse direction.
    fromCanonical: (p) => {
      const [x, y] = fromNorm1000(p, 'image', frame);
      return [roundHalfUp(x), roundHalfUp(y)];
    },
  };
}

/** A short, safe quotation of a found value for error messages. */
export function short(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = JSON.stringify(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Object.prototype.toString.call(v);
    }
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Canonical key name from a model's spelling: "Back", "KEYCODE_BACK", "volume up", "返回". */
export function keyAlias(name: string): string {
  const k = name.trim().toLowerCase().replace(/^keycode_/, '').replace(/[\s-]+/g, '_');
  return KEY_ALIASES[k] ?? k;
}

const KEY_ALIASES: Record<string, string> = {
  esc: 'escape', return: 'enter', backspace: 'delete', del: 'delete', recents: 'recent',
  app_switch: 'recent', overview: 'recent', volumeup: 'volume_up', volumedown: 'volume_down',
  '返回': 'back', '主页': 'home', '桌面': 'home', '回车': 'enter', '多任务': 'recent',
};
