/**
 * The Device interface every backend implements (sandbox, adb, browser). Pure types: backends
 * live in src/devices and never import each other.
 */
import type { Action, Platform } from './actions.js';
import type { Frame, Rotation, Size } from './coords.js';
import type { UiTree } from './uitree.js';

export interface DeviceInfo {
  /** e.g. "sandbox:1", "adb:emulator-5554", "browser:http://localhost:3000". */
  id: string;
  platform: Platform;
  backend: 'sandbox' | 'adb' | 'browser';
  /** Screen as displayed, device pixels. */
  width: number;
  height: number;
  rotation: Rotation;
  density?: number;
  model?: string;
}

export type ImageFormat = 'png' | 'jpeg';

export interface ObserveOptions {
  format?: ImageFormat;
  /** JPEG quality 1-100. */
  quality?: number;
  /** Skip the UI tree when the caller does not need it (faster on adb). */
  uiTree?: boolean;
  /**
   * Capture smaller than the screen by this factor (0 < scale <= 1) when the backend can do it
   * cheaply at the source (model-sized images); others ignore it. image.width/height say what came back.
   */
  scale?: number;
  signal?: AbortSignal;
}

export interface Screenshot {
  data: Buffer;
  /** The same bytes as base64, when the backend received them so (saves callers that send base64 a re-encode). */
  base64?: string;
  format: ImageFormat;
  width: number;
  height: number;
}

export interface Observation {
  frame: Frame;
  image: Screenshot;
  uiTree?: UiTree;
  /** Foreground app id / package. */
  app?: string;
  /** Epoch ms when captured. */
  at: number;
  /** Milliseconds spent on each part of the capture (screenshot, tree, ...). */
  timing?: Record<string, number>;
}

export interface ActResult {
  ok: boolean;
  /** Present when ok is false: what went wrong and what to do. */
  error?: { code: string; message: string; hint?: string };
  /** Backend-specific facts, e.g. the text read back after typing. */
  details?: Record<string, unknown>;
  durationMs: number;
}

export interface Device {
  info(): Promise<DeviceInfo>;
  observe(opts?: ObserveOptions): Promise<Observation>;
  /** Executes one canonical action; actions with `frameId` are checked against the current frame. */
  act(action: Action, opts?: { signal?: AbortSignal }): Promise<ActResult>;
  reset?(state?: unknown): Promise<void>;
  close(): Promise<void>;
}

export type { Size };
