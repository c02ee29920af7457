/**
 * Composable multi-component rewards from a declarative spec. arXiv 2511.16073 (REWARDS-2.md 11;
 * the form is a design proposal): r = r_decision + a r_closeness + b r_format - g r_penalty with
 * small penalty weights ("gentle polishing": heavy penalties invited reward hacking). The spec is
 * declared once; compileRewardSpec turns it into a function of named component values.
 */
import { RewardInputError } from '../util.js';

export interface ComponentSpec {
  name: string;
  /** Weight (>= 0). Penalties are subtracted. */
  weight?: number;
  role?: 'bonus' | 'penalty';
  /** Clip the raw value to [lo, hi] before weighting. */
  clip?: readonly [number, number];
  /** Value used when the input lacks this component; absent = the component is required. */
  default?: number;
}

export interface RewardSpec {
  components: readonly ComponentSpec[];
  /** Largest allowed penalty weight (OURS, default 0.5): a spec above it is rejected as "not gentle". */
  maxPenaltyWeight?: number;
}

/**
 * A resolver computes a component from its raw input (e.g. by running a registered reward method
 * and picking a number from its result). Without one, component values must be numbers.
 */
export type ComponentResolver = (name: string, raw: unknown) => number;

export interface RewardBreakdown {
  total: number;
  parts: Record<string, number>;
}

export function compileRewardSpec(spec: RewardSpec, resolve?: ComponentResolver): (values: Record<string, unknown>) => RewardBreakdown {
  const maxPenalty = spec.maxPenaltyWeight ?? 0.5;
  const seen = new Set<string>();
  spec.components.forEach((c, i) => {
    if (seen.has(c.name)) throw new RewardInputError(`spec.components[${i}].name`, `${JSON.stringify(c.name)} appears twice`, 'give every component a unique name');
    seen.add(c.name);
    const w = c.weight ?? 1;
    if (!(w >= 0)) throw new RewardInputError(`spec.components[${i}].weight`, `${w} is negative`, "weights are >= 0; use role: 'penalty' to subtract");
    if (c.role === 'penalty' && w > maxPenalty) throw new RewardInputError(`spec.components[${i}].weight`, `penalty weight ${w} is above maxPenaltyWeight ${maxPenalty}`, 'keep penalties gentle (g << 1), or raise spec.maxPenaltyWeight knowingly');
    if (c.clip && !(c.clip[0] <= c.clip[1])) throw new RewardInputError(`spec.components[${i}].clip`, `[${c.clip.join(', ')}] is empty`, 'give [lo, hi] with lo <= hi');
  });
  return (values) => {
    const parts: Record<string, number> = {};
    let total = 0;
    for (const c of spec.components) {
      const raw = values[c.name];
      let v: number;
      if (raw === undefined) {
        if (c.default === undefined) throw new RewardInputError(`values.${c.name}`, 'is missing', `give a value for every component (or a default in the spec): ${spec.components.map((x) => x.name).join(', ')}`);
        v = c.default;
      } else if (typeof raw === 'number') v = raw;
      else if (resolve) v = resolve(c.name, raw);
      else throw new RewardInputError(`values.${c.name}`, `is ${typeof raw}, not a number`, 'give a number');
      if (!Number.isFinite(v)) throw new RewardInputError(`values.${c.name}`, `${v} is not a finite number`, 'give a finite number');
      if (c.clip) v = Math.min(Math.max(v, c.clip[0]), c.clip[1]);
      const part = (c.role === 'penalty' ? -1 : 1) * (c.weight ?? 1) * v;
      parts[c.name] = part;
      total += part;
    }
    for (const k of Object.keys(values)) if (!seen.has(k)) throw new RewardInputError(`values.${k}`, 'is not a component of the spec', `use one of: ${[...seen].join(', ')}`);
    return { total, parts };
  };
}
