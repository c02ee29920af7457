/** CSRS: the Calibrated Step Reward System (docs/CSRS.md). */
export * from './categories.js';
export * from './screen.js';
export * from './signals.js';
export * from './select.js';
export * from './grounded.js';
export * from './pipeline.js';
export * from './review.js';
export * from './calibrate/chain.js';
export * from './calibrate/rules.js';
export * from './calibrate/script.js';
export * from './calibrate/judge.js';
export * from './calibrate/gold.js';
export * from './export/formats.js';
export * from './export/pairs.js';
export * from './export/step-rewards.js';
export * from './export/card.js';
export * from './export/outdir.js';
export type { IndexRecord, IndexStep } from './export/index-record.js';
