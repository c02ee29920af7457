export * from './errors.js';
export * from './random.js';
export * from './coords.js';
export * from './actions.js';
export * from './uitree.js';
export * from './device.js';
export * from './trajectory.js';
