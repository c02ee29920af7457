/** Verifier synthesis for GUI tasks (docs/VERIFIERS.md): sandbox, critic, designer, analyzer, CSRS source. */
export { runSandboxed, DEFAULT_LIMITS, type SandboxLimits, type SandboxCall, type CallOutcome } from './sandbox.js';
export { staticCheck, type StaticFinding } from './static.js';
export { buildCases, type EndCase, type InstanceCases, type CaseOrigin } from './cases.js';
export { critique, readVerdict, type Critique, type CaseVerdict, type CritiqueOptions } from './critic.js';
export { designPrompt, extractCode, stateSketch, DESIGNER_SYSTEM, VERIFIER_CONTRACT, type DesignContext, type Redesign } from './designer.js';
export { analyzeFailures, analyzeWithModel, diffPaths, type RolloutEnd } from './analyzer.js';
export { chat, type ChatEndpoint } from './model.js';
export { synthesizeVerifier, measureSynthesis, type SynthOptions, type SynthResult, type SynthRound, type MeasureSummary, type TemplateMeasure } from './synth.js';
export { synthesizedVerifierSource, formatVerifierFile, parseVerifierFile, autoMcReward, verifierStepRewards, type SynthesizedVerifier, type VerifierMeta, type VerifierSourceOptions } from './source.js';
export { screenCasesFromStore, screenSketch, finalTree, matchesTask, type ScreenCase, type ScreenTask, type TaskMatch, type TrajectorySource } from './screens.js';
export { critiqueScreens } from './critic.js';
export { SCREEN_CONTRACT, SCREEN_DESIGNER_SYSTEM } from './designer.js';
export { measureReport } from './report.js';
