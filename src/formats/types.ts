/**
 * The shape every model-output dialect implements: parse raw text into a canonical step,
 * render a canonical step as the dialect's exact training-target text, and build the
 * chat prompt that asks a model for that text.
 */
import type { Action, ActionType, Platform } from '../core/actions.js';
import type { Size } from '../core/coords.js';

export type CoordinateConvention = 'norm1000' | 'pixels';

export interface ParseOptions {
  /** Size of the image the model saw; required by pixel dialects. */
  imageSize?: Size;
  /** Where the action runs; decides e.g. whether UI-TARS `drag` is a phone swipe or a mouse drag. */
  platform?: Platform;
}

export interface RenderOptions {
  /** Size of the image the model saw; required by pixel dialects. */
  imageSize?: Size;
  /** Platform of the step (as for ParseOptions). */
  platform?: Platform;
  /**
   * Drop what the dialect cannot say (e.g. a long-press duration) instead of throwing.
   * Off by default: a training target that silently differs from the step teaches the wrong thing.
   */
  lossy?: boolean;
}

/** A parsed model output: canonical action (norm1000 integer points) plus the text around it. */
export interface ParsedOutput {
  thought?: string;
  action: Action;
  summary?: string;
  /** Dialect fields that have no canonical home (GELab explain/verify/note, UI-TARS reflection...). */
  extras: Record<string, unknown>;
}

/** What render takes: a canonical step. */
export interface RenderStep {
  thought?: string;
  action: Action;
  summary?: string;
  extras?: Record<string, unknown>;
}

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

/** An OpenAI chat-completions message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

/** One earlier step as the prompt shows it. */
export interface HistoryEntry {
  summary?: string;
  action?: Action;
  thought?: string;
}

export interface PromptContext {
  instruction: string;
  history?: HistoryEntry[];
  /** The current screenshot; pixel dialects need its size. */
  image?: { dataUrl: string; width: number; height: number };
  /** Which action space to offer (default phone). */
  platform?: Platform;
  /** Replies the user gave to earlier `info` questions, oldest first. */
  userReplies?: string[];
  /** Extra lines appended to the system prompt (app hints, rules). */
  hints?: string[];
}

export interface Dialect {
  name: string;
  /** How the dialect writes points: norm1000 integers or pixels of the image the model saw. */
  coordinates: CoordinateConvention;
  /** One line for help text and docs. */
  description: string;
  /** Canonical action types this dialect can express (render throws for the others). */
  actions: readonly ActionType[];
  parse(raw: string, opts?: ParseOptions): ParsedOutput;
  render(step: RenderStep, opts?: RenderOptions): string;
  /** Only the action part of the output, as the action-space listing of a prompt shows it. */
  renderAction(action: Action, opts?: RenderOptions): string;
  buildPrompt(ctx: PromptContext): ChatMessage[];
}
