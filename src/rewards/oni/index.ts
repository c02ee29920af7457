/** ONI intrinsic rewards from LLM feedback (docs/REWARDS.md, "Rewards from perception and LLM feedback"). */
export * from './reward.js';
export * from './models.js';
export * from './annotate.js';
