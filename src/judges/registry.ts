/**
 * Implementations of the catalogue's protocols. Each registers its option schema (checked
 * strictly, together with the common keys) and a builder that turns a validated config and
 * the shared runtime (endpoint, budget, caller context) into a Judge.
 */
import type { z } from 'zod';
import type { CommonConfig } from './config.js';
import type { Judge } from './types.js';
import type { JudgeRuntime } from './runtime.js';

export interface ProtocolImpl<O extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** The protocol's own keys (defaults included). */
  options: z.ZodObject;
  /** Needs baseURL and model (false for ensembles, which only have members). */
  needsEndpoint: boolean;
  build(cfg: CommonConfig & O, rt: JudgeRuntime): Judge;
}

const IMPLS = new Map<string, ProtocolImpl<any>>();

export function registerProtocol<O extends Record<string, unknown>>(impl: ProtocolImpl<O>): void {
  IMPLS.set(impl.name, impl as ProtocolImpl<any>);
}

export function implementation(name: string): ProtocolImpl<any> | undefined {
  return IMPLS.get(name);
}
