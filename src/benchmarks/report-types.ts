/**
 * The JSON schema of benchmark reports (`stepwise bench static|e2e --json`, and the files
 * saved under `<store dir>/reports/bench-<kind>-<timestamp>.json`). Declared once as zod; the
 * TypeScript types are inferred from it, so the Studio and `bench compare` read exactly what
 * the CLI writes.
 *
 * Rates are fractions in [0, 1] (not percent); the paper's published numbers in `reference`
 * are converted to the same scale.
 */
import { z } from 'zod';

export const REPORT_SCHEMA = 'stepwise.bench/1';

/** AndroidDaily's static columns, in its order. OTHER holds registry actions it has no column for. */
export const BENCH_TYPES = ['CLICK', 'TYPE', 'SLIDE', 'AWAKE', 'INFO', 'COMPLETE', 'WAIT', 'LONGPRESS'] as const;
export const BenchTypeSchema = z.enum([...BENCH_TYPES, 'OTHER']);
export type BenchType = z.infer<typeof BenchTypeSchema>;

const rate = z.number().min(0).max(1);

/** Who produced the predictions (policy.describe() plus its name). */
export const PolicyInfoSchema = z.object({ name: z.string() }).catchall(z.unknown());

/** A row of someone else's published numbers, shown beside ours and never mixed into them. */
export const ReferenceRowSchema = z.object({
  name: z.string(),
  /** Where the number comes from, e.g. "Step-GUI technical report, AndroidDaily static". */
  source: z.string(),
  avg: rate.optional(),
  per_type: z.partialRecord(BenchTypeSchema, rate).optional(),
  success_rate: rate.optional(),
});

const common = {
  schema: z.literal(REPORT_SCHEMA),
  /** Unique run id, also the file name stem under reports/. */
  id: z.string(),
  created_at: z.string().describe('ISO 8601 UTC'),
  /** Optional human label for compare tables (defaults to the policy name). */
  label: z.string().optional(),
  policy: PolicyInfoSchema,
  reference: z.array(ReferenceRowSchema),
  /** Wall-clock seconds for the whole run. */
  seconds: z.number().nonnegative(),
  tokens: z.object({ prompt: z.number().nonnegative(), completion: z.number().nonnegative() }),
};

// ------------------------------------------------------------------------ static

export const TypeRowSchema = z.object({
  /** Ground-truth steps of this type. */
  n: z.number().int().nonnegative(),
  /** Predicted type == ground-truth type. */
  type_acc: rate,
  /** Type match AND value match (the headline number). */
  exact_acc: rate,
});
export type TypeRow = z.infer<typeof TypeRowSchema>;

export const PerTypeSchema = z.object({
  ...(Object.fromEntries(BENCH_TYPES.map((t) => [t, TypeRowSchema])) as Record<(typeof BENCH_TYPES)[number], typeof TypeRowSchema>),
  OTHER: TypeRowSchema.optional(),
});

export const StaticStepResultSchema = z.object({
  /** Row id in the JSONL (episode id + step index). */
  id: z.string(),
  task: z.string(),
  step: z.number().int().nonnegative(),
  gt_type: BenchTypeSchema,
  /** Predicted action type in AndroidDaily's vocabulary; null when no action was produced. */
  pred_type: BenchTypeSchema.nullable(),
  /** The predicted action (canonical registry JSON) or null. */
  pred: z.unknown().nullable(),
  type_ok: z.boolean(),
  exact_ok: z.boolean(),
  /** Which scoring rule decided the value, e.g. "box", "distance", "text:f1", "direction". */
  rule: z.string(),
  /** One sentence on why it failed (or the parse/policy error). */
  note: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  /** Screenshot path (as in the data file) for thumbnails. */
  screenshot: z.string().optional(),
});
export type StaticStepResult = z.infer<typeof StaticStepResultSchema>;

export const StaticReportSchema = z.object({
  ...common,
  kind: z.literal('static'),
  data: z.object({
    /** The JSONL file scored (absolute path, or "builtin:sandbox"). */
    path: z.string(),
    steps: z.number().int().nonnegative(),
    tasks: z.number().int().nonnegative(),
  }),
  /** Every AndroidDaily column (n = 0 when the set has none); OTHER only when present. */
  per_type: PerTypeSchema,
  /** Exact accuracy over all steps (step-weighted; AndroidDaily's AVG column). */
  avg: rate,
  /** Type accuracy over all steps. */
  avg_type: rate,
  /** Mean of the per-type exact accuracies over the types present (unweighted). */
  macro_avg: rate,
  /** Steps where the policy returned no action (parse error) or threw. */
  errors: z.object({ no_action: z.number().int().nonnegative(), policy_error: z.number().int().nonnegative() }),
  per_step_ms: z.number().nonnegative(),
  steps: z.array(StaticStepResultSchema),
});
export type StaticReport = z.infer<typeof StaticReportSchema>;

// ------------------------------------------------------------------------ end to end

export const BucketSchema = z.object({
  /** Tasks in the bucket. */
  n: z.number().int().nonnegative(),
  /** Mean success over all attempts (pass@1 estimate). */
  rate: rate,
  /** Fraction of tasks with at least one success in k attempts. */
  pass_at_k: rate,
});
export type Bucket = z.infer<typeof BucketSchema>;

export const AttemptSchema = z.object({
  success: z.boolean(),
  steps: z.number().int().nonnegative(),
  stop_reason: z.string(),
  trajectory_id: z.string().optional(),
  /** Verdict source: verifier (sandbox), rule/judge/human (CSRS chain on real devices). */
  verdict_source: z.string().optional(),
  reason: z.string().optional(),
  /** Wall-clock ms of the whole attempt and mean policy latency per step. */
  ms: z.number().nonnegative(),
  policy_ms_per_step: z.number().nonnegative(),
  tokens: z.object({ prompt: z.number().nonnegative(), completion: z.number().nonnegative() }),
  error: z.string().optional(),
  /** Final screenshot as a small data: URL (for report thumbnails), when available. */
  thumbnail: z.string().optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const E2eTaskResultSchema = z.object({
  id: z.string(),
  instruction: z.string(),
  template: z.string().optional(),
  scenario: z.string(),
  type: z.string(),
  complexity: z.string(),
  ambiguity: z.string(),
  attempts: z.array(AttemptSchema),
  /** Any attempt succeeded. */
  pass: z.boolean(),
});
export type E2eTaskResult = z.infer<typeof E2eTaskResultSchema>;

export const E2eReportSchema = z.object({
  ...common,
  kind: z.literal('e2e'),
  suite: z.object({
    /** "sandbox" or the task file path. */
    name: z.string(),
    tasks: z.number().int().nonnegative(),
    seed: z.number().int(),
    sample: z.number().int().nonnegative(),
    devices: z.array(z.string()),
  }),
  k: z.number().int().positive(),
  /** Mean success over all attempts (pass@1). */
  success_rate: rate,
  pass_at_k: rate,
  by_scenario: z.record(z.string(), BucketSchema),
  by_type: z.record(z.string(), BucketSchema),
  by_complexity: z.record(z.string(), BucketSchema),
  by_ambiguity: z.record(z.string(), BucketSchema),
  steps: z.object({ mean: z.number().nonnegative(), median: z.number().nonnegative(), max: z.number().nonnegative() }),
  latency_ms: z.object({ per_task_mean: z.number().nonnegative(), policy_per_step_mean: z.number().nonnegative() }),
  tasks: z.array(E2eTaskResultSchema),
});
export type E2eReport = z.infer<typeof E2eReportSchema>;

export const BenchReportSchema = z.discriminatedUnion('kind', [StaticReportSchema, E2eReportSchema]);
export type BenchReport = z.infer<typeof BenchReportSchema>;
