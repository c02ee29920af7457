/**
 * Perceptual rewards for GUI trajectories: learn key steps from a few demonstrations' UI trees
 * (and OCR), then reward each step of a new trajectory by its progress through them.
 */
import { buildVocabulary, frameTokens, toVector, type PerceivedFrame, type Vocabulary } from './features.js';
import { learnPerceptualRewards, progressRewards, type PerceptualModel, type ProgressStep, type UprOptions } from './upr.js';

export interface GuiPerceptualModel {
  vocabulary: Vocabulary;
  model: PerceptualModel;
}

export function learnFromGuiDemos(demos: PerceivedFrame[][], o: UprOptions): GuiPerceptualModel {
  const tokens = demos.map((d) => d.map(frameTokens));
  const vocabulary = buildVocabulary(tokens.flat());
  return { vocabulary, model: learnPerceptualRewards(tokens.map((d) => d.map((t) => toVector(vocabulary, t))), o) };
}

export function guiProgressRewards(m: GuiPerceptualModel, frames: PerceivedFrame[], reachAt?: number): ProgressStep[] {
  return progressRewards(m.model, frames.map((f) => toVector(m.vocabulary, frameTokens(f))), reachAt);
}
