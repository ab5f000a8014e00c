// The banded LU of the exact tabular evaluator against a naive dense solve (partial pivoting), for random
// row diagonally dominant M-matrices given by their off-diagonal entries and row sums (the GTH form), with
// unequal band widths; and one nearly singular chain whose pivots a subtraction would lose.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random';
import { bandLUFactorGTH, bandLUSolve, bandLUSolveTransposed } from '../../src/algos/exact/bandLU';

/** Dense solve of A x = b by Gaussian elimination with partial pivoting (A and b are copied). */
function denseSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const l = M[i][k] / M[k][k];
      for (let j = k; j <= n; j++) M[i][j] -= l * M[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

/** A random n×n M-matrix with band widths kl, ku: off-diagonals in (−1, 0], row sums in [0.05, 0.55). */
function randomMMatrix(rng: Rng, n: number, kl: number, ku: number) {
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let off = 0;
    for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
      if (j === i || rng.uniform() < 0.3) continue;
      A[i][j] = -rng.uniform();
      off -= A[i][j];
    }
    rowSum[i] = 0.05 + 0.5 * rng.uniform();
    A[i][i] = rowSum[i] + off;
  }
  return { A, rowSum };
}

/** Band storage of A (entry (i, j) at i·w + j − i + kl); the diagonal is left 0 (the GTH factor ignores it). */
function toBand(A: number[][], kl: number, ku: number): Float64Array {
  const n = A.length;
  const w = kl + ku + 1;
  const band = new Float64Array(n * w);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++)
      if (j !== i) band[i * w + j - i + kl] = A[i][j];
  return band;
}

const transpose = (A: number[][]) => A.map((row, i) => row.map((_, j) => A[j][i]));

describe('bandLUFactorGTH with bandLUSolve / bandLUSolveTransposed', () => {
  it.each([
    [12, 1, 1],
    [20, 3, 1],
    [20, 1, 4],
    [15, 14, 14],
  ])('n = %s, kl = %s, ku = %s: A x = b and Aᵀ x = c agree with a dense solve', (n, kl, ku) => {
    const rng = new Rng(n * 100 + kl * 10 + ku);
    for (let trial = 0; trial < 5; trial++) {
      const { A, rowSum } = randomMMatrix(rng, n, kl, ku);
      const band = toBand(A, kl, ku);
      bandLUFactorGTH(band, n, kl, ku, rowSum);
      const b = Array.from({ length: n }, () => 2 * rng.uniform() - 1);
      const x = Float64Array.from(b);
      bandLUSolve(band, kl, ku, x);
      const ref = denseSolve(A, b);
      const y = Float64Array.from(b);
      bandLUSolveTransposed(band, kl, ku, y);
      const refT = denseSolve(transpose(A), b);
      const scale = Math.max(...ref.map(Math.abs), ...refT.map(Math.abs));
      for (let i = 0; i < n; i++) {
        expect(Math.abs(x[i] - ref[i])).toBeLessThan(1e-12 * scale);
        expect(Math.abs(y[i] - refT[i])).toBeLessThan(1e-12 * scale);
      }
    }
  });

  it('a chain that leaves its first state with probability 1e−20: the pivots keep it, x is exact', () => {
    // I − P for 0 → 1 w.p. ε (else stay), 1 → end w.p. 1/2 (else back to 0): row sums 0 and 1/2, so
    // A = [[ε, −ε], [−1/2, 1]]; 1 − (1 − ε) would round to 0. Expected steps: x0 = 1/ε + x1, x1 = 1 + x0/2,
    // so x0 = 2/ε + 2 and x1 = 1/ε + 2.
    const eps = 1e-20;
    const band = Float64Array.from([0, 0, -eps, -0.5, 0, 0]); // kl = ku = 1, rows of width 3
    bandLUFactorGTH(band, 2, 1, 1, Float64Array.from([0, 0.5]));
    expect(band[1]).toBe(eps);
    const x = Float64Array.from([1, 1]);
    bandLUSolve(band, 1, 1, x);
    expect(Math.abs(x[0] / (2 / eps + 2) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(x[1] / (1 / eps + 2) - 1)).toBeLessThan(1e-15);
  });
});
