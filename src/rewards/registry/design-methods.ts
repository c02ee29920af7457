/** Registry entries: reward design methods of REWARDS-2.md (credit assignment and shaping). */
import type { RewardMethod } from './define.js';

export const designMethods: RewardMethod[] = [];
