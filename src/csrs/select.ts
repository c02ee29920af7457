/**
 * Selective learning: which categories a step may feed. A success feeds all seven; a failure
 * only the knowledge categories (intent execution optional). Inside successes, wasted steps
 * (no effect, detours, loops) are kept out of action prediction but still feed reflection.
 */
import { CATEGORIES, KNOWLEDGE, type Category } from './categories.js';
import type { StepSignals } from './signals.js';

export interface SelectOptions {
  /** Failures also feed intent execution (category 6). Default true. */
  intentFromFailures?: boolean;
  /** Keep wasted steps of successes out of action prediction. Default true (false = the paper's baseline). */
  filterWaste?: boolean;
}

export function categoriesFor(verdict: 'success' | 'failure', sig: StepSignals, opts: SelectOptions = {}): Category[] {
  if (verdict === 'failure') {
    return opts.intentFromFailures === false ? [...KNOWLEDGE] : [...KNOWLEDGE, 'intent_execution'];
  }
  if (sig.waste && opts.filterWaste !== false) return CATEGORIES.filter((c) => c !== 'action_prediction');
  return [...CATEGORIES];
}
