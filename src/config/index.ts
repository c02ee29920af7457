export * from './schema.js';
export * from './load.js';
export * from './resolve.js';
export * from './flags.js';
