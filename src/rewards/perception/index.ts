/** Rewards from perception (docs/REWARDS.md, "Rewards from perception and LLM feedback"). */
export * from './upr.js';
export * from './features.js';
export * from './vlmrm.js';
export { openAIEmbedder, createGoalReward, type Embed, type EmbeddingEndpoint, type GoalReward, type GoalRewardOptions } from './embeddings.js';
export * from './gui.js';
