/**
 * In-place LU factorisation and solves for a banded n×n matrix, used by the exact tabular evaluator to solve
 * (I − γ P_π) v = r_π and its transpose (Sutton & Barto 2nd ed. §4.1 in matrix form).
 *
 * Band storage: with lower and upper band widths kl, ku and w = kl + ku + 1, entry A[i][j] (|i − j| within the
 * band) lives at band[i·w + j − i + kl], so row i is w numbers with the diagonal at offset kl. Elimination is
 * Doolittle's without pivoting (Golub & Van Loan 4th ed. §4.3), which keeps the band and costs n·kl·ku. That
 * is only safe for matrices that need no pivoting, such as the diagonally dominant M-matrices I − γ P_π
 * (growth ≤ 2, Higham 2002 ch. 9); their pivots are computed as sums of terms of one sign (Grassmann, Taksar &
 * Heyman 1985). The caller owns `band`; the solves read the factors left by {@link bandLUFactorGTH}.
 */

/**
 * Overwrites a banded, row diagonally dominant M-matrix A with its LU factors, no pivoting: L (unit diagonal,
 * not stored) below the diagonal, U on and above it. A is given by its off-diagonal entries in `band` (all ≤ 0;
 * the diagonal entries on entry are ignored) and its row sums rowSum[i] = Σ_j A[i][j] ≥ 0, which the caller
 * computes without cancellation (for I − γ P_π: (1 − γ) + γ P(end | s)); `rowSum` is overwritten.
 *
 * No diagonal entry is ever formed by subtraction (Grassmann, Taksar & Heyman 1985, the "GTH" variant of
 * elimination): the pivot of row k is its current row sum plus the magnitudes of its entries right of the
 * diagonal, and eliminating row k from row i adds |l_ik|·rowSum_k to rowSum_i. Every sum then has terms of one
 * sign, so the factors keep their relative accuracy however close A is to singular (O'Cinneide 1993; Alfa, Xue
 * & Ye 2002), e.g.
 * I − P_π for a policy that ends its episode with probability 1e−18 per step, where 1 − P_π(s, s) rounds to 0.
 * A row with no way out (row sum 0 and nothing right of the diagonal once eliminated) gives a zero pivot.
 */
export function bandLUFactorGTH(
  band: Float64Array,
  n: number,
  kl: number,
  ku: number,
  rowSum: Float64Array,
): void {
  const w = kl + ku + 1;
  for (let k = 0; k < n; k++) {
    const rk = k * w - k + kl;
    const iMax = Math.min(n - 1, k + kl);
    const jMax = Math.min(n - 1, k + ku);
    // u_kk = rowSum_k − Σ_{j>k} A[k][j]   (A[k][j] ≤ 0: a sum of non-negative terms)
    let pivot = rowSum[k];
    for (let j = k + 1; j <= jMax; j++) pivot -= band[rk + j];
    band[rk + k] = pivot;
    const inv = 1 / pivot;
    // Doolittle step, A[i][j] at band[i·w + j − i + kl]:  l = A[i][k]/u_kk ≤ 0,  A[i][j] −= l A[k][j] (stays ≤ 0),
    // rowSum_i −= l rowSum_k (grows); A[i][i] is updated too but recomputed from rowSum_i at step i.
    for (let i = k + 1; i <= iMax; i++) {
      const ri = i * w - i + kl;
      if (band[ri + k] === 0) continue;
      const l = (band[ri + k] *= inv);
      rowSum[i] -= l * rowSum[k];
      for (let j = k + 1; j <= jMax; j++) band[ri + j] -= l * band[rk + j];
    }
  }
}

/** Solves L U x = b in place with the factors from {@link bandLUFactorGTH} (x holds b on entry; n = x.length). */
export function bandLUSolve(band: Float64Array, kl: number, ku: number, x: Float64Array): void {
  const n = x.length;
  const w = kl + ku + 1;
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - kl); j < i; j++) x[i] -= band[i * w + j - i + kl] * x[j];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(n - 1, i + ku); j++) x[i] -= band[i * w + j - i + kl] * x[j];
    x[i] /= band[i * w + kl];
  }
}

/** Solves (L U)ᵀ x = Uᵀ Lᵀ x = c in place with the factors from {@link bandLUFactorGTH} (x holds c on entry). */
export function bandLUSolveTransposed(band: Float64Array, kl: number, ku: number, x: Float64Array): void {
  const n = x.length;
  const w = kl + ku + 1;
  for (let j = 0; j < n; j++) {
    for (let i = Math.max(0, j - ku); i < j; i++) x[j] -= band[i * w + j - i + kl] * x[i];
    x[j] /= band[j * w + kl];
  }
  for (let j = n - 1; j >= 0; j--)
    for (let i = j + 1; i <= Math.min(n - 1, j + kl); i++) x[j] -= band[i * w + j - i + kl] * x[i];
}
