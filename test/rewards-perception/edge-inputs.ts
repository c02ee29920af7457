/** Inputs of size 0, 1 and n (all equal) for the perception methods, for the registry's no-NaN sweep. */
import { trainHashModel } from '../../src/rewards/oni/models.js';

const frames = (n: number) => Array.from({ length: n }, () => [1, 1, 1]);

export const PERCEPTION_EDGE: Record<string, (n: number) => unknown> = {
  'perceptual-progress': (n) => ({ demos: n ? [frames(n)] : [], frames: frames(n), steps: 1 }),
  'vlm-rm': (n) => ({ x: Array(n).fill(1), goal: Array(n).fill(1), baseline: Array(n).fill(0.5), alpha: 0.5 }),
  'oni-reward': (n) => ({ model: trainHashModel(Array.from({ length: n }, () => ({ message: 'same', label: 1 }))), messages: Array(n).fill('same') }),
};
