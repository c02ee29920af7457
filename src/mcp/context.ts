/** What a tool call sees: the shared server state plus this call's session, signal and channels. */
import type { Policy } from '../agent/policy.js';
import type { Store } from '../store/index.js';
import type { DeviceHub } from './hub.js';
import type { Privacy } from './privacy.js';
import type { PausedTasks } from './paused.js';
import type { ReadText } from './screen-ocr.js';

export interface ServerState {
  hub: DeviceHub;
  privacy: Privacy;
  /** Name of the specialist policy for execute_task ("demo", "openai"). */
  policyName: string;
  makePolicy: () => Policy;
  store?: Store;
  paused: PausedTasks;
  /** Default step budget of execute_task. */
  maxSteps: number;
  log: (line: string) => void;
  /** On-device OCR for `summary` screen text; undefined when turned off (--ocr off). */
  readText?: ReadText;
}

export interface SessionState {
  id: string;
  defaultDevice?: string;
}

export interface CallContext {
  server: ServerState;
  session: SessionState;
  signal: AbortSignal;
  /** Sends a progress notification when the client asked for progress; no-op otherwise. */
  progress: (progress: number, total: number | undefined, message: string) => Promise<void>;
  /** Asks the user through the client (MCP elicitation); undefined when the client cannot. */
  elicit?: (question: string) => Promise<string | undefined>;
}
