export { startFakeOpenAI, type FakeServer, type FakeServerOptions } from './server.js';
export { loadFakeScript } from './script-file.js';
export * from './types.js';
export { hashEmbedding, tokenize, tokenLogprob } from './tokens.js';
export { defaultScore, renderMessages, type ScoringOptions } from './scoring.js';
