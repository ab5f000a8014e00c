/**
 * Reward presets for the continuous bandit, as expression strings in the variable `a` (mathjs syntax). They
 * are data only: src/expr/ compiles them (with derivatives) for the app and the CLI; nothing here imports
 * mathjs. The shapes show where each gradient estimator struggles: a smooth bowl, a narrow bump (tiny
 * gradients far away), two modes, an oscillation, and a step (zero derivative: pathwise gradients vanish while
 * the score function still sees the jump).
 */

/** A named reward expression. */
export interface RewardPreset {
  /** Identifier used in options, URLs and the CLI. */
  readonly id: string;
  /** Human-readable name. */
  readonly label: string;
  /** mathjs expression in the action variable `a`. */
  readonly expr: string;
}

/** All reward presets, in menu order; the first is the env's default reward. */
export const rewardPresets: readonly RewardPreset[] = [
  { id: 'quadratic', label: 'Quadratic bowl', expr: '-(a - 2)^2' },
  { id: 'bump', label: 'Gaussian bump', expr: 'exp(-(a - 2)^2)' },
  { id: 'multimodal', label: 'Two bumps', expr: 'exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)' },
  { id: 'cosine', label: 'Cosine', expr: 'cos(3 * a)' },
  { id: 'step', label: 'Step', expr: 'a > 1 ? 1 : 0' },
];

/** The reward preset with this id, or undefined. */
export function findRewardPreset(id: string): RewardPreset | undefined {
  return rewardPresets.find((p) => p.id === id);
}
