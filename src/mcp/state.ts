/** Builds the shared server state from options: devices, specialist policy, store, privacy. */
import { DemoPolicy } from '../agent/demo-policy.js';
import { openAIPolicyFromFlags } from '../agent/openai/index.js';
import type { Policy } from '../agent/policy.js';
import { solutionFor } from '../agent/sandbox-suite.js';
import type { ModelFlags } from '../config/resolve.js';
import type { Device } from '../core/device.js';
import { StepwiseError } from '../core/errors.js';
import { openStore, resolveStoreDir, type Store } from '../store/index.js';
import type { ServerState } from './context.js';
import { DeviceHub, type BusyMode } from './hub.js';
import { PausedTasks } from './paused.js';
import { cachedOcr, type ReadText } from './screen-ocr.js';
import { PRIVACY_LEVELS, type Privacy } from './privacy.js';

export interface StateOptions {
  devices: Device[];
  privacy?: string;
  policy?: string;
  model?: ModelFlags;
  /** Store folder; `false` keeps no trajectories. */
  store?: string | false;
  busy?: string;
  maxSteps?: number;
  leaseIdleMs?: number;
  pausedTtlMs?: number;
  log?: (line: string) => void;
  /** On-device OCR for the summary level: on (default) or off; or a reader (tests). */
  ocr?: string | ReadText;
}

export function checkPrivacy(v: string): Privacy {
  if (!(PRIVACY_LEVELS as readonly string[]).includes(v)) throw new StepwiseError('config_error', `unknown privacy level "${v}"`, `use one of: ${PRIVACY_LEVELS.join(', ')}`);
  return v as Privacy;
}

function policyFactory(name: string, model: ModelFlags): () => Policy {
  if (name === 'demo') return () => new DemoPolicy({ solutionFor });
  if (name === 'openai') {
    openAIPolicyFromFlags(model); // fail at start-up on bad model settings, not on the first task
    return () => openAIPolicyFromFlags(model);
  }
  throw new StepwiseError('config_error', `unknown policy "${name}"`, 'use --policy demo or --policy openai');
}

export async function createState(o: StateOptions): Promise<ServerState & { close(): Promise<void> }> {
  const busy = o.busy ?? 'error';
  if (busy !== 'error' && busy !== 'wait') throw new StepwiseError('config_error', `--busy ${busy} is not a mode`, 'use --busy error or --busy wait');
  const maxSteps = o.maxSteps ?? 30;
  if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > 500) throw new StepwiseError('config_error', `--max-steps ${o.maxSteps} is out of range`, 'use 1 to 500');
  const privacy = checkPrivacy(o.privacy ?? 'open');
  const ocr = o.ocr ?? 'on';
  if (typeof ocr === 'string' && ocr !== 'on' && ocr !== 'off') throw new StepwiseError('config_error', `--ocr ${ocr} is not a mode`, 'use --ocr on or --ocr off');
  const readText = typeof ocr === 'function' ? cachedOcr(ocr) : ocr === 'on' ? cachedOcr() : undefined;
  const policyName = o.policy ?? 'demo';
  const makePolicy = policyFactory(policyName, o.model ?? {});
  const hub = await DeviceHub.create(o.devices, { busy: busy as BusyMode, leaseIdleMs: o.leaseIdleMs });
  const store: Store | undefined = o.store === false ? undefined : openStore(resolveStoreDir(o.store));
  const log = o.log ?? (() => {});
  const paused = new PausedTasks(o.pausedTtlMs ?? 15 * 60_000, (p) => { hub.release(p.owner, p.deviceId); log(`paused task ${p.id} expired; released ${p.deviceId}`); });
  return {
    hub, privacy, policyName, makePolicy, store, paused, maxSteps, log, readText,
    close: async () => { await hub.close(); store?.close(); },
  };
}
