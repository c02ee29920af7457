/** Importing this module registers every implemented protocol. */
import './probes.js';
import './scalar.js';
import './generative.js';
import './gui-verdict.js';
import './flr.js';
import './sidecar.js';
import './hybrid.js';
import './themis.js';
