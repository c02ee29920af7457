/**
 * Static scoring (docs/BENCH.md, "Scoring"): a step is right when the predicted type matches
 * the ground truth's AndroidDaily type AND the value matches by the rule of that type. Text
 * normalisation, token F1 and the direction cosine come from src/rewards; the thresholds are
 * ours (AndroidDaily publishes none) and live in SCORING.
 */
import type { Action } from '../core/actions.js';
import { pointInBox } from '../core/coords.js';
import { cosineReward, guiActionReward } from '../rewards/gui-action.js';
import { normalizeText, tokenF1 } from '../rewards/text-sim.js';
import { benchTypeOf, type BenchType } from './bench-types.js';

export const SCORING = {
  /** Without boxes, a click hits when it lands within this many 0-1000 grid units of the ground-truth point. */
  clickDistance: 70,
  /** Token F1 at or above this counts as the same text (after exact and contains). */
  textF1: 0.5,
  /** Slides agree when the cosine of their finger vectors reaches this (45 degrees). */
  slideCosine: Math.SQRT1_2,
} as const;

export type ScoringRules = { -readonly [K in keyof typeof SCORING]: number };

export interface StepScore {
  type_ok: boolean;
  exact_ok: boolean;
  /** The rule that decided the value. */
  rule: string;
  note?: string;
}

export interface ScoreTarget {
  gt: Action;
  boxes?: readonly (readonly [number, number, number, number])[];
  app_names?: readonly string[];
}

type Pt = readonly [number, number];
const DIR: Record<string, Pt> = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };

/** The finger's movement: a scroll "down" (see what is below) is a finger moving up. */
export function fingerVector(a: Action): Pt | undefined {
  if (a.type === 'swipe' || a.type === 'drag') return [a.to[0] - a.from[0], a.to[1] - a.from[1]];
  if (a.type === 'scroll') { const d = DIR[a.direction]; return [-d[0], -d[1]]; }
  return undefined;
}


/** exact, contains (the prediction includes the whole expected text) or token F1; null when none holds. */
export function textRule(pred: string, gt: string, f1: number = SCORING.textF1): 'exact' | 'contains' | 'f1' | null {
  const p = normalizeText(pred), g = normalizeText(gt);
  if (p === g) return 'exact';
  if (g && p.includes(g)) return 'contains';
  if (tokenF1(p, g) >= f1) return 'f1';
  return null;
}

/** App names compared without case, spaces or punctuation ("Metro Go" = "metro-go"). */
export function appKey(name: string): string {
  return normalizeText(name).replace(/[^\p{L}\p{N}]/gu, '');
}

const ok = (rule: string): StepScore => ({ type_ok: true, exact_ok: true, rule });
const miss = (rule: string, note: string): StepScore => ({ type_ok: true, exact_ok: false, rule, note });

function pointOf(a: Action): Pt | undefined {
  return 'point' in a && a.point ? (a.point as unknown as Pt) : undefined;
}

function scorePoint(pred: Action, t: ScoreTarget, rules: ScoringRules): StepScore {
  const p = pointOf(pred);
  if (!p) return miss('point', `${pred.type} has no point`);
  if (t.boxes && t.boxes.length) {
    return t.boxes.some((b) => pointInBox(p, b)) ? ok('box') : miss('box', `[${p.join(', ')}] is outside all ${t.boxes.length} valid box(es)`);
  }
  const g = pointOf(t.gt);
  if (!g) return miss('distance', 'the ground truth has neither boxes nor a point');
  const d = Math.hypot(p[0] - g[0], p[1] - g[1]);
  return d <= rules.clickDistance ? ok('distance') : miss('distance', `${d.toFixed(0)} grid units from the target (max ${rules.clickDistance})`);
}

function scoreText(pred: string, gt: string, rules: ScoringRules): StepScore {
  const r = textRule(pred, gt, rules.textF1);
  return r ? ok(`text:${r}`) : miss('text', `"${pred}" does not match "${gt}"`);
}

function scoreValue(type: BenchType, pred: Action, t: ScoreTarget, rules: ScoringRules): StepScore {
  const gt = t.gt;
  switch (type) {
    case 'CLICK':
    case 'LONGPRESS':
      return scorePoint(pred, t, rules);
    case 'TYPE':
      return scoreText((pred as { text: string }).text, (gt as { text: string }).text, rules);
    case 'INFO':
      return scoreText((pred as { question: string }).question, (gt as { question: string }).question, rules);
    case 'SLIDE': {
      const u = fingerVector(pred), v = fingerVector(gt);
      if (!u || !v) return miss('direction', 'no direction');
      // cosineReward maps cos to [0, 1]; compare on that scale.
      const passes = cosineReward(u as [number, number], v as [number, number]) >= (rules.slideCosine + 1) / 2;
      return passes ? ok('direction') : miss('direction', 'the slide goes another way');
    }
    case 'AWAKE': {
      const want = [(gt as { app: string }).app, ...(t.app_names ?? [])].map(appKey);
      return want.includes(appKey((pred as { app: string }).app)) ? ok('app') : miss('app', `app "${(pred as { app: string }).app}" is not ${(gt as { app: string }).app}`);
    }
    case 'COMPLETE':
    case 'WAIT':
      return ok('type');
    case 'OTHER': {
      if (pred.type !== gt.type) return { type_ok: false, exact_ok: false, rule: 'type', note: `expected ${gt.type}, got ${pred.type}` };
      if (gt.type === 'abort') return ok('type');
      if (pointOf(gt)) return scorePoint(pred, t, rules);
      return guiActionReward({ pred, gt }).value >= 1 ? ok('registry') : miss('registry', `${gt.type} value differs`);
    }
  }
}

/** Scores one predicted action (undefined: the policy produced none) against a ground-truth step. */
export function scoreStep(pred: Action | undefined, t: ScoreTarget, rules: ScoringRules = SCORING): StepScore {
  const want = benchTypeOf(t.gt);
  if (!pred) return { type_ok: false, exact_ok: false, rule: 'type', note: 'no action' };
  const got = benchTypeOf(pred);
  if (got !== want) return { type_ok: false, exact_ok: false, rule: 'type', note: `expected ${want}, got ${got}` };
  return scoreValue(want, pred, t, rules);
}
