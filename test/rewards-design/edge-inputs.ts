/**
 * Inputs of size 0, 1 and n (all entries equal) for every reward-design method, used by the
 * no-NaN sweep over the whole registry (test/rewards/properties.test.ts) and by ours.
 */
const node = (id: string, parent: string | null, correct?: boolean) => ({ id, parent, step: id, ...(correct === undefined ? {} : { correct }) });
const star = (n: number) => [node('root', null), node('a', 'root'), ...Array.from({ length: n }, (_, k) => node(`l${k}`, 'a', true))];

export const DESIGN_EDGE: Record<string, (n: number) => unknown> = {
  vsrm: (n) => ({ acc: Array(n).fill(0.5) }),
  revibranch: (n) => ({ terminal: 1, importance: Array(n).fill(1) }),
  oprl: (n) => ({ logRatioSums: Array(n).fill([0, 0]), success: Array(n).fill(true) }),
  capo: (n) => ({ steps: n, flags: Array(n).fill([]), correct: true }),
  'behavior-alignment': (n) => ({ primary: Array(n).fill(0), auxiliary: Array(n).fill(0), phi: [1, 0.2] }),
  'potential-shaping': (n) => ({ r: Array(n).fill(0), phi: Array(n + 1).fill(0.5), gamma: 0.99 }),
  'teacher-potential': (n) => ({ teacherValue: Array(n).fill(1), learnerValue: Array(n).fill(1) }),
  l2calib: (n) => ({ est: Array.from({ length: n }, (_, t) => ({ t, p: [1, 1] })), ref: Array.from({ length: n }, (_, t) => ({ t, p: [1, 1] })) }),
  morec: (n) => ({ d: Array(n).fill([0.5, 0.5]) }),
  hrm: (n) => ({ nodes: star(n) }),
  hnc: (n) => ({ nodes: star(n), p: 1 }),
  'hybrid-reward': () => ({ confidence: 0.5, rule: 1, model: 1, length: 0, targetLength: 1, lengthWeight: 1 }),
  'vector-reward': (n) => ({ r: Array(n).fill(1), weights: Array(n).fill(1), heads: Array(n).fill([0, 0]) }),
  'mah-dpo': (n) => ({ margins: Array(n).fill([0]) }),
  'reward-spec': (n) => ({ spec: { components: Array.from({ length: n }, (_, k) => ({ name: `c${k}` })) }, values: Object.fromEntries(Array.from({ length: n }, (_, k) => [`c${k}`, 1])) }),
  rpr: (n) => ({ text: 'wait '.repeat(n * 20), score: 0.3 }),
  'noisy-flip': (n) => ({ groups: Array(n).fill([1, 1]), p: 0.5 }),
  find: () => ({ r: 0.5, v: 0.5, rho: 1 }),
  srum: (n) => ({ width: n, height: n, regions: [{ box: [0, 0, n, n], score: 0 }], global: 0 }),
  'tp-grpo': (n) => ({ verdicts: Array(n).fill(1), outcome: 1, accuracy: 1 }),
  'glore-sorm': (n) => ({ rollouts: Array(n).fill([0]) }),
  'grounded-prm': (n) => ({ verdicts: Array(n).fill(1), final: 1, depth: n }),
  'grounded-tree': (n) => ({ nodes: [{ id: 'r', parent: null }, ...Array.from({ length: n }, (_, k) => ({ id: `c${k}`, parent: 'r' }))], rollouts: Array.from({ length: n }, (_, k) => ({ from: `c${k}`, verdicts: [], final: 1 })) }),
  parm: (n) => ({ candidates: Array(n).fill({ potential: false, pNo: 0.5 }) }),
  cooper: () => ({ positive: 0, negative: 0 }),
};
