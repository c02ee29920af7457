/**
 * Typed errors. Every error says what was wrong (message) and what to do about it (hint),
 * so a CLI user, an MCP client or a model can recover without reading a stack trace.
 */
export type ErrorCode =
  | 'parse_error'
  | 'invalid_action'
  | 'invalid_input'
  | 'out_of_range'
  | 'stale_frame'
  | 'unsupported_action'
  | 'device_error'
  | 'device_gone'
  | 'no_target'
  | 'not_found'
  | 'store_error'
  | 'import_error'
  | 'config_error'
  | 'timeout'
  | 'model_error'
  | 'cancelled'
  | 'not_implemented';

export class StepwiseError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, hint = '', details: Record<string, unknown> = {}) {
    super(hint ? `${message} (${hint})` : message);
    this.name = 'StepwiseError';
    this.code = code;
    this.hint = hint;
    this.details = details;
  }
  toJSON() {
    return { code: this.code, message: this.message, hint: this.hint, ...this.details };
  }
}

/** Model output that is not in the expected dialect: says what was found and what was expected. */
export class ParseError extends StepwiseError {
  constructor(message: string, expected: string, details: Record<string, unknown> = {}) {
    super('parse_error', message, `expected ${expected}`, details);
    this.name = 'ParseError';
  }
}

/** A point outside the frame; never clamped, because a clamped tap lands somewhere else. */
export class OutOfRangeError extends StepwiseError {
  constructor(message: string, hint: string, details: Record<string, unknown> = {}) {
    super('out_of_range', message, hint, details);
    this.name = 'OutOfRangeError';
  }
}

/** An action computed on a frame that is no longer on screen. */
export class StaleFrameError extends StepwiseError {
  constructor(actionFrame: string, currentFrame: string) {
    super(
      'stale_frame',
      `action refers to frame ${actionFrame} but the device now shows frame ${currentFrame}`,
      'take a new screenshot and compute the coordinates on it',
      { actionFrame, currentFrame },
    );
    this.name = 'StaleFrameError';
  }
}

export class UnsupportedActionError extends StepwiseError {
  constructor(action: string, platform: string, supported: readonly string[]) {
    super(
      'unsupported_action',
      `action "${action}" is not supported on ${platform} devices`,
      `use one of: ${supported.join(', ')}`,
      { action, platform },
    );
    this.name = 'UnsupportedActionError';
  }
}

export function isStepwiseError(e: unknown): e is StepwiseError {
  return e instanceof StepwiseError;
}

/** Any thrown value as a message, for recording in a trajectory step. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
