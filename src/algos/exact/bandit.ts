/**
 * Closed forms for the K-armed softmax bandit (Sutton & Barto 2nd ed. §2.8, the gradient bandit algorithm):
 * π = softmax(θ), arm a pays R = q*(a) + noise with E[noise] = 0, Var[noise] = σ²_a (Gaussian in the env; only
 * the first two moments matter here). Used to test the single-pull REINFORCE estimator (Williams 1992)
 *   g = (R − b) s(A),   s_i(a) = ∂ log π(a)/∂θ_i = 1{a = i} − π_i,   A ~ π,
 * for a constant baseline b: its mean, covariance and the variance-minimising baseline.
 *
 * Derivations (m_a = E[(R − b)² | A = a] = (q_a − b)² + σ²_a, M = Σ_a π_a m_a, J = Σ_a π_a q_a):
 *   E[g_i] = Σ_a π_a (q_a − b) s_i(a) = π_i (q_i − J)                        (b drops out: E[s_i] = 0)
 *   E[g_i g_j] = Σ_a π_a m_a s_i(a) s_j(a) = δ_ij π_i m_i − π_i π_j (m_i + m_j) + π_i π_j M
 *   Var g_i = π_i m_i (1 − π_i)² + π_i² (M − π_i m_i) − π_i² (q_i − J)²
 *   ∂ Var g_i / ∂b = −2 Σ_a π_a (q_a − b) s_i(a)² = 0  ⇒  b*_i = E[R s_i²] / E[s_i²]
 *     with E[s_i²] = π_i (1 − π_i) and E[R s_i²] = π_i q_i (1 − π_i)² + π_i² (J − π_i q_i).
 * A batch of N independent pulls averaged divides every (co)variance by N.
 */

/** Per-arm reward-noise variance σ²_a: one number for every arm, or one per arm. */
export type RewardVariance = number | ArrayLike<number>;

function noiseVar(v: RewardVariance, a: number): number {
  return typeof v === 'number' ? v : v[a];
}

/** Expected reward J = Σ_a π_a q*_a over the first n arms. */
export function banditObjective(
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
  n = probs.length,
): number {
  let J = 0;
  for (let a = 0; a < n; a++) J += probs[a] * qStar[a];
  return J;
}

/** Writes ∂J/∂θ_b = π_b (q*_b − J) (S&B eq. 2.12 in expectation) into grad and returns J. */
export function banditGradientInto(
  grad: Float64Array,
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
  n = probs.length,
): number {
  const J = banditObjective(probs, qStar, n);
  // ∂J/∂θ_b = Σ_a q_a π_a (1{a = b} − π_b) = π_b (q_b − J)
  for (let b = 0; b < n; b++) grad[b] = probs[b] * (qStar[b] - J);
  return J;
}

/** M = Σ_a π_a m_a with m_a = (q_a − b)² + σ²_a: the second moment E[(R − b)²]. */
function secondMoment(
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
  v: RewardVariance,
  b: number,
): number {
  let M = 0;
  for (let a = 0; a < probs.length; a++) M += probs[a] * ((qStar[a] - b) ** 2 + noiseVar(v, a));
  return M;
}

/**
 * Writes Var[g_i] of the single-pull estimator g = (R − b)(e_A − π) into out (length K) and returns the total
 * variance Σ_i Var[g_i] (the trace of the covariance).
 */
export function banditVarianceInto(
  out: Float64Array,
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
  rewardVar: RewardVariance,
  baseline: number,
): number {
  const K = probs.length;
  const J = banditObjective(probs, qStar, K);
  const M = secondMoment(probs, qStar, rewardVar, baseline);
  let total = 0;
  // Var g_i = π_i m_i (1 − π_i)² + π_i² (M − π_i m_i) − π_i² (q_i − J)²
  for (let i = 0; i < K; i++) {
    const p = probs[i];
    const mi = (qStar[i] - baseline) ** 2 + noiseVar(rewardVar, i);
    const mean = p * (qStar[i] - J);
    out[i] = p * mi * (1 - p) ** 2 + p * p * (M - p * mi) - mean * mean;
    total += out[i];
  }
  return total;
}

/** Writes the K×K covariance of g = (R − b)(e_A − π) into out (row-major) and returns out. */
export function banditCovarianceInto(
  out: Float64Array,
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
  rewardVar: RewardVariance,
  baseline: number,
): Float64Array {
  const K = probs.length;
  const J = banditObjective(probs, qStar, K);
  const M = secondMoment(probs, qStar, rewardVar, baseline);
  // Cov_ij = δ_ij π_i m_i − π_i π_j (m_i + m_j) + π_i π_j M − π_i (q_i − J) π_j (q_j − J)
  for (let i = 0; i < K; i++) {
    const mi = (qStar[i] - baseline) ** 2 + noiseVar(rewardVar, i);
    for (let j = 0; j < K; j++) {
      const mj = (qStar[j] - baseline) ** 2 + noiseVar(rewardVar, j);
      const pp = probs[i] * probs[j];
      let c = pp * (M - mi - mj) - pp * (qStar[i] - J) * (qStar[j] - J);
      if (i === j) c += probs[i] * mi;
      out[i * K + j] = c;
    }
  }
  return out;
}

/**
 * Writes the per-parameter variance-minimising constant baselines b*_i = E[R s_i²] / E[s_i²] into out and
 * returns out (b*_i = J where π_i ∈ {0, 1}: there Var g_i = 0 for every b). Independent of the noise.
 */
export function banditOptimalBaselinesInto(
  out: Float64Array,
  probs: ArrayLike<number>,
  qStar: ArrayLike<number>,
): Float64Array {
  const K = probs.length;
  const J = banditObjective(probs, qStar, K);
  // b*_i = [π_i q_i (1 − π_i)² + π_i² (J − π_i q_i)] / [π_i (1 − π_i)] = [q_i (1 − π_i)² + π_i (J − π_i q_i)] / (1 − π_i)
  for (let i = 0; i < K; i++) {
    const p = probs[i];
    out[i] = p > 0 && p < 1 ? (qStar[i] * (1 - p) ** 2 + p * (J - p * qStar[i])) / (1 - p) : J;
  }
  return out;
}

/**
 * The single constant baseline minimising the total variance Σ_i Var g_i:
 * b* = E[R ‖s(A)‖²] / E[‖s(A)‖²], with ‖s(a)‖² = 1 − 2π_a + ‖π‖².
 */
export function banditOptimalBaseline(probs: ArrayLike<number>, qStar: ArrayLike<number>): number {
  const K = probs.length;
  let pp = 0;
  for (let a = 0; a < K; a++) pp += probs[a] * probs[a];
  let num = 0;
  let den = 0;
  for (let a = 0; a < K; a++) {
    const w = probs[a] * (1 - 2 * probs[a] + pp);
    num += w * qStar[a];
    den += w;
  }
  return den > 0 ? num / den : banditObjective(probs, qStar, K);
}
