/**
 * Sample moments of a stream of numbers: mean, unbiased variance, the standard error of the mean and the
 * large-sample standard error of the variance, √((m4 − m2²)/n) (Var[s²] ≈ (μ₄ − σ⁴)/n). Power sums are taken
 * around a shift so long streams keep their accuracy (Chan, Golub & LeVeque 1983, "Algorithms for computing
 * the sample variance: analysis and recommendations").
 */

/** Sample moments of a stream of numbers. */
export interface SampleSummary {
  /** Number of values. */
  count: number;
  /** Sample mean. */
  mean: number;
  /** Unbiased sample variance. */
  variance: number;
  /** Standard error of the mean, √(variance/count). */
  standardError: number;
  /** Asymptotic standard error of the sample variance, √((m4 − m2²)/count). */
  varianceStandardError: number;
}

/**
 * Accumulates Σ(x − K)^p, p = 1…4, around a shift K (the mean of the first chunk) so long streams keep
 * their accuracy; chunks can be added one after another without storing them.
 */
export class MomentAccumulator {
  private shift = 0;
  private n = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;

  /** Adds x[offset .. offset+n); returns this. */
  add(x: ArrayLike<number>, n = x.length, offset = 0): this {
    if (this.n === 0 && n > 0) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[offset + i];
      this.shift = s / n;
    }
    for (let i = 0; i < n; i++) {
      const d = x[offset + i] - this.shift;
      const d2 = d * d;
      this.s1 += d;
      this.s2 += d2;
      this.s3 += d2 * d;
      this.s4 += d2 * d2;
    }
    this.n += n;
    return this;
  }

  /** Mean, unbiased variance and standard errors of everything added so far. */
  summary(): SampleSummary {
    const n = this.n;
    const d = n > 0 ? this.s1 / n : 0;
    // Central moments from shifted power sums: m2 = S2/n − d², m4 = S4/n − 4d S3/n + 6d² S2/n − 3d⁴.
    const m2 = n > 0 ? Math.max(0, this.s2 / n - d * d) : 0;
    const m4 = n > 0 ? this.s4 / n - (4 * d * this.s3) / n + (6 * d * d * this.s2) / n - 3 * d ** 4 : 0;
    const variance = n > 1 ? (m2 * n) / (n - 1) : 0;
    return {
      count: n,
      mean: this.shift + d,
      variance,
      standardError: n > 1 ? Math.sqrt(variance / n) : 0,
      varianceStandardError: n > 1 ? Math.sqrt(Math.max(0, m4 - m2 * m2) / n) : 0,
    };
  }
}

/** Summary of the first n values of x (mean, variance, standard errors). */
export function summarizeSamples(x: ArrayLike<number>, n = x.length): SampleSummary {
  return new MomentAccumulator().add(x, n).summary();
}
