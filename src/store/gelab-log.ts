/**
 * Reading GELab-Zero session logs into plain step records. Two line shapes are accepted
 * (docs/STORE.md, "GELab-Zero import"):
 *  - the agent server's log (copilot_agent_server LocalServerLogger):
 *      {"session_id", "timestamp", "message": {"log_type": "session_start", "task", "task_type", "model_config", ...}}
 *      {"session_id", "timestamp", "message": {"environment": {"image", "user_comment"}, "action": {...},
 *                                              "model_response", "llm_cost": {"llm_time", "llm_start_time"}}}
 *  - flat step records: {"session_id", "task", "step" | "step_idx", "image" | "screenshot",
 *      "response" | "raw", "action", "timestamp"?, "model"?}
 * Everything else on a line is ignored; a line that has neither a raw response nor an
 * action is not a step.
 */

export interface GelabSessionInfo {
  task?: string;
  taskType?: string;
  model?: string;
  extra?: unknown;
  at?: number;
}

export interface GelabStepRecord {
  session: string;
  line: number;
  /** The step number the log gives, if any. */
  step?: number;
  /** Image as written in the log: a path or base64 / data URL. */
  image?: string;
  raw?: string;
  action?: Record<string, unknown>;
  userComment?: string;
  at?: number;
  latencyMs?: number;
  task?: string;
  model?: string;
}

export type GelabLine =
  | { kind: 'session'; session?: string; info: GelabSessionInfo }
  | { kind: 'step'; record: Omit<GelabStepRecord, 'session' | 'line'> & { session?: string } };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** "2025-12-01 10:20:30" (GELab's local-time format), ISO strings, epoch seconds or ms. */
export function gelabTime(v: unknown): number | undefined {
  const n = num(v);
  if (n !== undefined) return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(/^\d{4}-\d\d-\d\d \d\d:\d\d/.test(s) ? s.replace(' ', 'T') : s);
  return Number.isNaN(t) ? undefined : t;
}

function modelName(v: unknown): string | undefined {
  return str(v) ?? str(obj(v)?.model_name) ?? str(obj(v)?.model);
}

/** Classifies one parsed JSON line; throws a plain Error with the reason when it is neither. */
export function readGelabLine(value: unknown): GelabLine {
  const top = obj(value);
  if (!top) throw new Error('line is not a JSON object');
  const msg = obj(top.message) ?? top;
  const session = str(top.session_id) ?? str(msg.session_id) ?? str(top.session);
  const at = gelabTime(top.timestamp ?? msg.timestamp);
  if (msg.log_type === 'session_start') {
    return {
      kind: 'session',
      session,
      info: { task: str(msg.task), taskType: str(msg.task_type), model: modelName(msg.model_config), extra: msg.extra_info, at },
    };
  }
  const env = obj(msg.environment) ?? {};
  const raw = str(msg.model_response) ?? str(msg.response) ?? str(msg.raw) ?? str(msg.output);
  const action = obj(msg.action);
  if (raw === undefined && action === undefined) {
    throw new Error('neither a model response (model_response/response/raw) nor an action object');
  }
  const cost = obj(msg.llm_cost) ?? {};
  const llmTime = num(cost.llm_time);
  const image = str(env.image) ?? str(msg.image) ?? str(msg.screenshot) ?? str(obj(msg.screenshot)?.path);
  return {
    kind: 'step',
    record: {
      session,
      step: num(msg.step) ?? num(msg.step_idx) ?? num(msg.step_index),
      image,
      raw,
      action,
      userComment: str(env.user_comment) ?? str(msg.user_comment),
      at: gelabTime(cost.llm_start_time) ?? at,
      latencyMs: llmTime !== undefined ? Math.round(llmTime * 1000) : num(msg.latency_ms),
      task: str(msg.task) ?? str(msg.instruction),
      model: modelName(msg.model_config) ?? modelName(msg.model),
    },
  };
}

/**
 * GELab's action dict in the text form its prompt asks for (explain, action, parameters,
 * summary): used to recover the model's output when a log kept only the parsed dict.
 */
export function gelabActionText(action: Record<string, unknown>): string {
  const verb = action.action ?? action.action_type;
  const rest = Object.entries(action).filter(([k]) => !['cot', 'explain', 'action', 'action_type', 'summary'].includes(k));
  const fields: [string, unknown][] = [['explain', action.explain], ['action', verb], ...rest, ['summary', action.summary]];
  const kv = fields
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}:${Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v.replace(/[\t\n]/g, ' ').trim() : JSON.stringify(v)}`);
  const cot = str(action.cot);
  return `${cot ? `<THINK> ${cot} </THINK>\n` : ''}${kv.join('\t')}`;
}
