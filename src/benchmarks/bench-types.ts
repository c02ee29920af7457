/**
 * AndroidDaily's static action types and how the 17 registry actions map onto them. The
 * mapping is declared once here; docs/BENCH.md prints it and the scorer reads it.
 */
import type { Action, ActionType } from '../core/actions.js';
import type { BenchType } from './report-types.js';

export { BENCH_TYPES, type BenchType } from './report-types.js';

/** Every registry action -> the AndroidDaily column it is counted in (OTHER: no column). */
export const ACTION_TO_BENCH: Readonly<Record<ActionType, BenchType>> = {
  click: 'CLICK',
  double_click: 'CLICK',
  long_press: 'LONGPRESS',
  type: 'TYPE',
  swipe: 'SLIDE',
  scroll: 'SLIDE',
  drag: 'SLIDE',
  open_app: 'AWAKE',
  info: 'INFO',
  complete: 'COMPLETE',
  wait: 'WAIT',
  key: 'OTHER',
  abort: 'OTHER',
  right_click: 'OTHER',
  hover: 'OTHER',
  hotkey: 'OTHER',
  navigate: 'OTHER',
};

export function benchTypeOf(a: Pick<Action, 'type'>): BenchType {
  return ACTION_TO_BENCH[a.type];
}

/**
 * AndroidDaily static type counts (3,146 steps; STEP-GUI.md section 3). LONGPRESS is "a few"
 * in the paper and the listed counts already sum to 3,146, so it is 0 here.
 */
export const ANDROIDDAILY_COUNTS: Readonly<Record<Exclude<BenchType, 'OTHER'>, number>> = {
  CLICK: 1354, TYPE: 371, SLIDE: 93, AWAKE: 528, INFO: 305, COMPLETE: 410, WAIT: 85, LONGPRESS: 0,
};
export const ANDROIDDAILY_STEPS = 3146;
