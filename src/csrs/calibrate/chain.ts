/**
 * The calibration chain: verdict sources in a configured order, each recording verdict,
 * confidence, source and cost; the final verdict; and routing to a human when the best
 * verdict is unsure or the sources disagree.
 */
import { StepwiseError, errorMessage } from '../../core/errors.js';
import { goldOutcome, type Outcome, type Trajectory } from '../../core/trajectory.js';
import type { IsotonicModel } from '../../rewards/index.js';
import { applyCalibrator } from './gold.js';
import { judgeTrajectory, type ImageLoader, type JudgeSettings } from './judge.js';
import { ruleVerdict } from './rules.js';
import { scriptVerdict } from './script.js';

export const SOURCES = ['human', 'verifier', 'synth', 'script', 'rules', 'judge'] as const;
export type SourceName = (typeof SOURCES)[number];

export interface ChainOptions {
  /** Sources in order of precedence on ties (default: all, in SOURCES order). */
  chain?: SourceName[];
  /** Synthesized verifiers (src/verifiers, `--verifier-file`): the first that applies gives the `synth` verdict. */
  synthesized?: ((t: Trajectory) => Promise<Outcome | undefined>)[];
  /** Shell command of a user verifier (source `script`). */
  script?: string;
  judge?: JudgeSettings;
  /** Maps the judge's confidence through a calibrator fitted on gold (`stepwise csrs gold`). */
  judgeCalibrator?: IsotonicModel;
  /** `fallback` (default): call the judge only when no earlier source reaches `decisive`. */
  judgeWhen?: 'fallback' | 'always';
  decisive?: number;
  /** Route to review when the final confidence is below this (default 0.7). */
  reviewBelow?: number;
  /** Disagreement routes to review unless the final confidence reaches this (default 0.99). */
  trustAt?: number;
}

export interface Calibrated {
  final?: Outcome;
  sources: Outcome[];
  review?: string;
  /** Errors of sources that could not answer (script crash, judge down). */
  errors: string[];
}

export function parseChain(spec: string): SourceName[] {
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(SOURCES as readonly string[]).includes(n)) throw new StepwiseError('invalid_input', `unknown verdict source "${n}"`, `use a comma-separated list of: ${SOURCES.join(', ')}`);
  }
  if (names.length === 0) throw new StepwiseError('invalid_input', 'the verdict chain is empty', `e.g. --chain ${SOURCES.join(',')}`);
  return names as SourceName[];
}


export async function calibrate(t: Trajectory, stored: Outcome[], opts: ChainOptions, loadImage: ImageLoader): Promise<Calibrated> {
  const chain = opts.chain ?? [...SOURCES];
  const decisive = opts.decisive ?? 0.95;
  const sources: Outcome[] = [];
  const errors: string[] = [];
  for (const name of chain) {
    try {
      let o: Outcome | undefined;
      if (name === 'human') o = goldOutcome(stored, ['human']);
      else if (name === 'verifier') o = goldOutcome(stored, ['verifier', 'import']);
      else if (name === 'synth') {
        for (const v of opts.synthesized ?? []) if ((o = await v(t))) break;
      } else if (name === 'rules') o = ruleVerdict(t);
      else if (name === 'script' && opts.script) o = await scriptVerdict(opts.script, t);
      else if (name === 'judge' && opts.judge) {
        const sure = sources.some((s) => s.confidence >= decisive);
        if (opts.judgeWhen === 'always' || !sure) {
          const { errors: e, ...j } = await judgeTrajectory(t, opts.judge, loadImage);
          errors.push(...e);
          o = opts.judgeCalibrator ? { ...j, ...applyCalibrator(opts.judgeCalibrator, j.verdict, j.confidence), reason: `${j.reason ?? ''} (calibrated from ${j.verdict} ${j.confidence.toFixed(2)})` } : j;
        }
      }
      if (o) sources.push(o);
    } catch (e) {
      errors.push(`${name}: ${errorMessage(e)}`);
    }
  }
  const human = sources.find((s) => s.source === 'human');
  // Highest confidence wins; sort is stable, so ties keep the chain's order.
  const final = human ?? [...sources].sort((a, b) => b.confidence - a.confidence)[0];
  let review: string | undefined;
  if (!human) {
    const disagree = new Set(sources.map((s) => s.verdict)).size > 1;
    if (!final) review = 'no source gave a verdict';
    else if (final.confidence < (opts.reviewBelow ?? 0.7)) review = `confidence ${final.confidence.toFixed(2)} of ${final.source} is below ${opts.reviewBelow ?? 0.7}`;
    else if (disagree && final.confidence < (opts.trustAt ?? 0.99)) review = `sources disagree: ${sources.map((s) => `${s.source}=${s.verdict}`).join(', ')}`;
  }
  return { final, sources, review, errors };
}
