/**
 * In-place LU factorisation and solves for a banded n×n matrix, used by the exact tabular evaluator to solve
 * (I − γ P_π) v = r_π and its transpose (Sutton & Barto 2nd ed. §4.1 in matrix form).
 *
 * Band storage: with lower and upper band widths kl, ku and w = kl + ku + 1, entry A[i][j] (|i − j| within the
 * band) lives at band[i·w + j − i + kl], so row i is w numbers with the diagonal at offset kl. Elimination is
 * Doolittle's without pivoting (Golub & Van Loan 4th ed. §4.3), which keeps the band and costs n·kl·ku. That
 * is only safe for matrices that need no pivoting, such as the diagonally dominant M-matrices I − γ P_π
 * (growth ≤ 2, Higham 2002 ch. 9). The caller owns `band`; the solves read the factors left by
 * {@link bandLUFactor}.
 */

/**
 * Overwrites the banded matrix A in `band` with its LU factors, no pivoting: L (unit diagonal, not stored)
 * below the diagonal, U on and above it.
 */
export function bandLUFactor(band: Float64Array, n: number, kl: number, ku: number): void {
  const w = kl + ku + 1;
  // Doolittle LU without pivoting, A[i][j] at band[i·w + j − i + kl]:  A[i][j] −= (A[i][k]/A[k][k]) A[k][j]
  for (let k = 0; k < n; k++) {
    const inv = 1 / band[k * w + kl];
    const iMax = Math.min(n - 1, k + kl);
    const jMax = Math.min(n - 1, k + ku);
    const rk = k * w - k + kl;
    for (let i = k + 1; i <= iMax; i++) {
      const ri = i * w - i + kl;
      if (band[ri + k] === 0) continue;
      const l = (band[ri + k] *= inv);
      for (let j = k + 1; j <= jMax; j++) band[ri + j] -= l * band[rk + j];
    }
  }
}

/** Solves L U x = b in place with the factors from {@link bandLUFactor} (x holds b on entry; n = x.length). */
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

/** Solves (L U)ᵀ x = Uᵀ Lᵀ x = c in place with the factors from {@link bandLUFactor} (x holds c on entry). */
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
