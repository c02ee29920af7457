/** The compact per-trajectory record kept in index.jsonl: enough for pairs and rewards. */
import type { Action } from '../../core/actions.js';

export interface IndexStep {
  /** Screen signature before the step. */
  sig?: string;
  action?: Action;
  image?: string;
  waste?: string;
  changed?: boolean;
}

export interface IndexRecord {
  id: string;
  taskId?: string;
  instruction: string;
  app?: string;
  verdict: 'success' | 'failure';
  confidence: number;
  steps: IndexStep[];
}
