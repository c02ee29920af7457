/**
 * Every protocol stepwise knows, declared once: name, adapter kind, what it does, which public
 * models fit. `stepwise judge --list`, docs and createJudge's errors are generated from this;
 * implementations register against these names in protocols/index.ts.
 */
export type JudgeKind = 'scalar' | 'logit-probe' | 'generative' | 'likelihood' | 'sidecar' | 'ensemble';

export interface ProtocolInfo {
  name: string;
  kind: JudgeKind;
  summary: string;
  /** Public models this protocol fits. */
  models: string[];
  /** Score scale, for users comparing numbers. */
  scale: string;
}

export const CATALOGUE: readonly ProtocolInfo[] = [
  { name: 'scalar', kind: 'scalar', summary: 'reward-model head served by vLLM /pooling or /classify, SGLang /classify, or TEI /predict',
    models: ['Skywork/Skywork-Reward-V2-*', 'nvidia/Llama-3.1-Nemotron-70B-Reward-HF', 'any *ForSequenceClassification RM'], scale: 'raw logit (comparable within one prompt); confidence = sigmoid' },
  { name: 'verifyrm', kind: 'scalar', summary: "Cooper's reference-based verifier: <question>/<reference_answer>/<completion> text, sigmoid(logit) = P(correct)",
    models: ['zju-real/VerifyRM (Cooper)'], scale: 'P(correct) in [0,1]' },
  { name: 'polar', kind: 'scalar', summary: 'POLAR policy discriminator: similarity of the output to a reference, last-token value from /pooling',
    models: ['internlm/POLAR-7B', 'internlm/POLAR-1_8B'], scale: 'unbounded, higher = closer to the reference policy' },
  { name: 'logit-probe', kind: 'logit-probe', summary: 'one-token Yes/No probe over chat top_logprobs with a configurable question',
    models: ['any instruct model served with logprobs (vLLM, llama.cpp, OpenAI)'], scale: 'lp(Yes) - lp(No); confidence = P(Yes)' },
  { name: 'rlbff', kind: 'logit-probe', summary: 'RLBFF principle-following: "does the response satisfy {principle}? Yes or No", lp(Yes)-lp(No); regex fallback',
    models: ['nvidia/Qwen3-Nemotron-32B-RLBFF', 'any instruct model'], scale: 'lp(Yes) - lp(No); confidence = sigmoid' },
  { name: 'rewarddance', kind: 'logit-probe', summary: 'RewardDance: P("yes") that the candidate beats a reference under stated criteria',
    models: ['any VLM served with logprobs (RewardDance weights are not public)'], scale: 'P(yes) in [0,1]' },
  { name: 'pairwise-rl', kind: 'logit-probe', summary: 'Pairwise-RL: P(first better) from a preference token, both orders averaged to cancel position bias',
    models: ['any instruct model served with logprobs'], scale: 'P(a better than b); score = P(item beats its reference)' },
  { name: 'rm-r1', kind: 'generative', summary: 'RM-R1 reasoning judge: rubric/eval then <answer>[[A]]|[[B]]</answer>, A/B randomly swapped per pair',
    models: ['gaotang/RM-R1-Qwen2.5-Instruct-7B', 'gaotang/RM-R1-DeepSeek-Distilled-Qwen-14B'], scale: 'votes for a over b in [0,1]' },
  { name: 'thinkprm', kind: 'generative', summary: 'ThinkPRM verification chain of thought: \\boxed{correct|incorrect} per step, k chains averaged',
    models: ['launch/ThinkPRM-14B', 'launch/ThinkPRM-1.5B'], scale: 'share of chains judging the solution correct, or P(Yes) at the final question' },
  { name: 'spark', kind: 'generative', summary: 'SPARK: k independent verifications aggregated per step, a meta-critique pass, format gates (reward 0 on failure)',
    models: ['any reasoning model (ThinkPRM, Qwen3)'], scale: '[0,1], 0 when a gate fails' },
  { name: 'mm-rlhf', kind: 'generative', summary: 'MM-RLHF critique-then-score: sampled critiques, each followed by a score with the critique in context, averaged',
    models: ['yifanzhang114/MM-RLHF-Reward-7B-llava-ov-qwen (via sidecar)', 'any VLM'], scale: 'score on the configured range (default 0-10), confidence = normalised' },
  { name: 'gui-verdict', kind: 'generative', summary: 'GELab-style reference judge for GUI trajectories: quick rules, then a VLM over the last screens returning {verdict, confidence, reason}',
    models: ['Qwen/Qwen2.5-VL-*-Instruct', 'Qwen/Qwen3-VL-*', 'any VLM'], scale: 'P(success) in [0,1]' },
  { name: 'themis', kind: 'generative', summary: 'Themis tool-augmented judge: function calls to UI-tree queries, app state, OCR and a calculator; the trace is kept',
    models: ['any tool-calling model (Qwen2.5/3, Llama-3.1, GPT-4o)'], scale: 'P(success) in [0,1]' },
  { name: 'flr', kind: 'likelihood', summary: 'follow-up likelihood: mean log-likelihood of positive minus negative follow-up user turns (completions with prompt logprobs)',
    models: ['any base or instruct model on vLLM (prompt_logprobs) or a server with echo+logprobs'], scale: 'nats per token (positive minus negative)' },
  { name: 'sidecar', kind: 'sidecar', summary: 'models that need their own code (InternLM-XComposer2.5-Reward, MM-RLHF-Reward, BaseReward) behind a small documented HTTP contract',
    models: ['internlm/internlm-xcomposer2d5-7b-reward', 'yifanzhang114/MM-RLHF-Reward-7B-llava-ov-qwen'], scale: 'what the sidecar returns' },
  { name: 'hybrid', kind: 'ensemble', summary: 'rule checks + member judges with weights, multi-aspect vector, voting; documented aggregation',
    models: ['any mix of the above'], scale: 'weighted mean of member confidences in [0,1]' },
  { name: 'capo', kind: 'generative', summary: 'CAPO: K critiques listing wrong steps, aggregated by majority/intersection/average, step penalties',
    models: ['any instruct model'], scale: 'outcome minus step penalties' },
];

export function protocolInfo(name: string): ProtocolInfo | undefined {
  return CATALOGUE.find((p) => p.name === name);
}
