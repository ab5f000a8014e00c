import { describe, expect, it } from 'vitest';
import { gaussHermiteRule } from '../../src/algos/exact/gaussHermite';
import { GAUSSIAN_ESTIMATORS, type GaussianGradientReport } from '../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../src/algos/exact/gaussian';
import { gaussianVarianceSweep } from '../../src/algos/exact/gaussianSweep';

type Fn = (z: number) => number;
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
const rel = (a: number, b: number, floor = 1e-12) => Math.abs(a - b) / Math.max(Math.abs(b), floor);

/** Families f(z; k) with f′ and closed-form E[f] under N(μ, σ²). */
const families: Record<
  string,
  { f: (k: number) => Fn; df: (k: number) => Fn; value: (mu: number, s: number, k: number) => number }
> = {
  cos: {
    f: (k) => (z) => Math.cos(k * z),
    df: (k) => (z) => -k * Math.sin(k * z),
    value: (mu, s, k) => Math.cos(k * mu) * Math.exp((-k * k * s * s) / 2),
  },
  gauss: {
    f: (k) => (z) => Math.exp(-k * z * z),
    df: (k) => (z) => -2 * k * z * Math.exp(-k * z * z),
    value: (mu, s, k) => Math.exp((-k * mu * mu) / (1 + 2 * k * s * s)) / Math.sqrt(1 + 2 * k * s * s),
  },
  quad: {
    f: (k) => (z) => (z - k) ** 2,
    df: (k) => (z) => 2 * (z - k),
    value: (mu, s, k) => (mu - k) ** 2 + s * s,
  },
};
const points: [number, number, number][] = [
  [1, 1, 0.5],
  [1, 1, 3],
  [0.3, 0.6, 2],
  [-1.2, 1.7, 1],
];

describe('gaussianGradientReport: value and gradient', () => {
  it('matches closed forms, and the score and pathwise identities agree for smooth f', () => {
    // Closed-form gradients: cos: ∂μ = −k sin(kμ)e^{−k²σ²/2}, ∂σ = −k²σ cos(kμ)e^{−k²σ²/2};
    // gauss (D = 1 + 2kσ²): ∂μ = E·(−2kμ/D), ∂σ = E·(4k²σμ²/D² − 2kσ/D); quad: ∂μ = 2(μ − k), ∂σ = 2σ.
    const grads: Record<string, (mu: number, s: number, k: number) => [number, number]> = {
      cos: (mu, s, k) => {
        const e = Math.exp((-k * k * s * s) / 2);
        return [-k * Math.sin(k * mu) * e, -k * k * s * Math.cos(k * mu) * e];
      },
      gauss: (mu, s, k) => {
        const D = 1 + 2 * k * s * s;
        const E = families.gauss.value(mu, s, k);
        return [(E * -2 * k * mu) / D, E * ((4 * k * k * s * mu * mu) / (D * D) - (2 * k * s) / D)];
      },
      quad: (mu, s, k) => [2 * (mu - k), 2 * s],
    };
    for (const [name, fam] of Object.entries(families)) {
      for (const [mu, s, k] of points) {
        const r = gaussianGradientReport(fam.f(k), fam.df(k), mu, s);
        const [gm, gs] = grads[name](mu, s, k);
        const scale = Math.abs(gm) + Math.abs(gs) + 1e-300;
        expect(r.quadrature.converged).toBe(true);
        expect(rel(r.value, fam.value(mu, s, k), 1e-300)).toBeLessThan(1e-9);
        expect(Math.abs(r.grad.mu - gm) / scale).toBeLessThan(1e-9);
        expect(Math.abs(r.grad.sigma - gs) / scale).toBeLessThan(1e-9);
        expect(Math.abs(r.gradPathwise.mu - r.grad.mu) / scale).toBeLessThan(1e-9);
        expect(Math.abs(r.gradPathwise.sigma - r.grad.sigma) / scale).toBeLessThan(1e-9);
      }
    }
  });

  it('matches 4th-order central finite differences of E[f] in μ and σ', () => {
    const h = 1e-3;
    // f′(x) ≈ (−F(x+2h) + 8F(x+h) − 8F(x−h) + F(x−2h)) / (12h), error O(h⁴)
    const fd = (F: (x: number) => number, x: number) =>
      (-F(x + 2 * h) + 8 * F(x + h) - 8 * F(x - h) + F(x - 2 * h)) / (12 * h);
    const fns: [Fn, Fn][] = [
      [(z) => Math.cos(3 * z) + 0.1 * z ** 3, (z) => -3 * Math.sin(3 * z) + 0.3 * z * z],
      [(z) => Math.exp(-2 * z * z), (z) => -4 * z * Math.exp(-2 * z * z)],
      [(z) => Math.log1p(Math.exp(z)), (z) => 1 / (1 + Math.exp(-z))],
    ];
    for (const [f, df] of fns) {
      for (const [mu, s] of [
        [0.4, 0.8],
        [-1, 1.5],
      ]) {
        const r = gaussianGradientReport(f, df, mu, s);
        const V = (m: number, sg: number) => gaussianGradientReport(f, df, m, sg).value;
        expect(Math.abs(r.grad.mu - fd((m) => V(m, s), mu))).toBeLessThan(1e-8);
        expect(Math.abs(r.grad.sigma - fd((sg) => V(mu, sg), s))).toBeLessThan(1e-8);
      }
    }
  });

  it('a step f = 1{z > c}: score identity gives φ(t)/σ and −φ(t)t/σ, pathwise identity gives 0', () => {
    for (const [mu, s, c] of [
      [0, 1, 0.5],
      [1, 0.5, 1.2],
    ]) {
      const t = (mu - c) / s;
      const r = gaussianGradientReport(
        (z) => (z > c ? 1 : 0),
        () => 0,
        mu,
        s,
        { breakpoints: [c] },
      );
      expect(rel(r.grad.mu, phi(t) / s)).toBeLessThan(1e-10);
      expect(Math.abs(r.grad.sigma - (-phi(t) * t) / s)).toBeLessThan(1e-11);
      expect(r.gradPathwise).toEqual({ mu: 0, sigma: 0 });
      expect(r.estimators.pathwise.variance).toEqual({ mu: 0, sigma: 0 });
    }
  });
});

describe('gaussianGradientReport: exact variances for f = (z − k)²', () => {
  // Let a = μ − k, so f = (a + σε)², f² = (a + σε)⁴ = Σ_j C(4,j) a^{4−j} σ^j ε^j, and E[ε^{2,4,6,8}] = 1, 3, 15, 105.
  // E[f] = a² + σ², ∇ = (2a, 2σ), q = ε² − 1 with E[q²] = 2, E[ε²q²] = 15 − 6 + 1 = 10, E[q⁴] = 105 − 60 + 18 − 4 + 1 = 60.
  // score, μ:  E[f²ε²] = a⁴ + 6a²σ²·3 + σ⁴·15, so Var = (a⁴ + 18a²σ² + 15σ⁴)/σ² − 4a².
  // score, σ:  E[f²q²] = E[f²ε⁴] − 2E[f²ε²] + E[f²] = (3a⁴ + 90a²σ² + 105σ⁴) − 2(a⁴ + 18a²σ² + 15σ⁴)
  //            + (a⁴ + 6a²σ² + 3σ⁴) = 2a⁴ + 60a²σ² + 78σ⁴, so Var = (2a⁴ + 60a²σ² + 78σ⁴)/σ² − 4σ².
  // score-mean: f − E[f] = 2aσε + σ²q;  μ: E[(2aσε + σ²q)²ε²]/σ² = (12a²σ² + 10σ⁴)/σ² (odd terms vanish),
  //            Var = 8a² + 10σ²;  σ: E[(2aσε + σ²q)²q²]/σ² = (40a²σ² + 60σ⁴)/σ², Var = 40a² + 56σ².
  // score-optimal: b*_μ = E[fε²] = a² + 3σ², b*_σ = E[fq²]/2 = a² + 5σ²; Var_opt = Var_mean − E[s²](E[f] − b*)²:
  //            μ: 8a² + 10σ² − (2σ²)²/σ² = 8a² + 6σ²;  σ: 40a² + 56σ² − 2(4σ²)²/σ² = 40a² + 24σ².
  // pathwise:  f′ = 2(a + σε): Var_μ = 4σ²;  f′ε = 2aε + 2σε²: E[(f′ε)²] = 4a² + 12σ², Var_σ = 4a² + 8σ².
  // muprop:    h = a² + 2aσε, f − h = σ²ε²;  μ: σε³, Var = 15σ²;  σ: σ(ε⁴ − ε²), E = 2σ, Var = 78σ² − 4σ² = 74σ².
  // loo (N):   Var[f] = 4a²σ² + 2σ⁴, Var_loo = Var_mean + Var[f]·E[s²]/(N − 1):
  //            μ: 8a² + 10σ² + (4a² + 2σ²)/(N − 1);  σ: 40a² + 56σ² + 2(4a² + 2σ²)/(N − 1);
  //            batch mean: Var_loo/N + g²/(N(N − 1)).
  const closed = (mu: number, s: number, k: number, N: number) => {
    const a = mu - k;
    const s2 = s * s;
    const loo = [
      8 * a * a + 10 * s2 + (4 * a * a + 2 * s2) / (N - 1),
      40 * a * a + 56 * s2 + (2 * (4 * a * a + 2 * s2)) / (N - 1),
    ];
    return {
      score: [
        (a ** 4 + 18 * a * a * s2 + 15 * s2 * s2) / s2 - 4 * a * a,
        (2 * a ** 4 + 60 * a * a * s2 + 78 * s2 * s2) / s2 - 4 * s2,
      ],
      'score-mean': [8 * a * a + 10 * s2, 40 * a * a + 56 * s2],
      'score-optimal': [8 * a * a + 6 * s2, 40 * a * a + 24 * s2],
      pathwise: [4 * s2, 4 * a * a + 8 * s2],
      muprop: [15 * s2, 74 * s2],
      loo,
      looBatch: [loo[0] / N + (4 * a * a) / (N * (N - 1)), loo[1] / N + (4 * s2) / (N * (N - 1))],
      optimal: [a * a + 3 * s2, a * a + 5 * s2],
    };
  };
  it('the quadrature report matches every closed form to 1e-8 relative', () => {
    for (const [mu, s, k, N] of [
      [1, 1, 0, 8],
      [0.7, 1.3, 2, 8],
      [-2, 0.4, 1, 4],
      [3, 2.5, -1, 16],
    ]) {
      const r = gaussianGradientReport(families.quad.f(k), families.quad.df(k), mu, s, { batch: N });
      const c = closed(mu, s, k, N);
      for (const name of GAUSSIAN_ESTIMATORS) {
        expect(rel(r.estimators[name].variance.mu, c[name][0])).toBeLessThan(1e-8);
        expect(rel(r.estimators[name].variance.sigma, c[name][1])).toBeLessThan(1e-8);
        expect(Math.abs(r.estimators[name].mean.mu - 2 * (mu - k))).toBeLessThan(
          1e-9 * (1 + Math.abs(mu - k)),
        );
        expect(Math.abs(r.estimators[name].mean.sigma - 2 * s)).toBeLessThan(1e-9 * (1 + s));
      }
      expect(rel(r.estimators.loo.batchVariance.mu, c.looBatch[0])).toBeLessThan(1e-8);
      expect(rel(r.estimators.loo.batchVariance.sigma, c.looBatch[1])).toBeLessThan(1e-8);
      expect(rel(r.baselines.optimal.mu, c.optimal[0])).toBeLessThan(1e-9);
      expect(rel(r.baselines.optimal.sigma, c.optimal[1])).toBeLessThan(1e-9);
      expect(r.estimators.loo.batch).toBe(N);
    }
  });
});

describe('gaussianGradientReport: leave-one-out, by brute force over the whole batch', () => {
  // Independent of the closed form: E over all N draws of the batch on an N-dimensional Gauss–Hermite grid
  // (exact for the polynomial f, converged for cos), of ĝ_1 and of the batch mean (1/N) Σ_j ĝ_j.
  it('matches the per-sample and batch-mean variances for N = 2, 3', () => {
    const mu = 0.4;
    const s = 0.8;
    for (const [f, df, n] of [
      [(z: number) => (z - 1.5) ** 2, (z: number) => 2 * (z - 1.5), 12],
      [(z: number) => Math.cos(2 * z), (z: number) => -2 * Math.sin(2 * z), 30],
    ] as const) {
      for (const N of [2, 3]) {
        const { nodes, weights } = gaussHermiteRule(n);
        const r = gaussianGradientReport(f, df, mu, s, { batch: N });
        const idx = new Array<number>(N).fill(0);
        const acc = { one: [0, 0], batch: [0, 0] };
        for (let flat = 0; flat < n ** N; flat++) {
          let w = 1;
          let S = 0;
          for (let j = 0, t = flat; j < N; j++, t = Math.floor(t / n)) {
            idx[j] = t % n;
            w *= weights[idx[j]];
            S += f(mu + s * nodes[idx[j]]);
          }
          const g = [0, 0];
          for (let j = 0; j < N; j++) {
            const e = nodes[idx[j]];
            const fj = f(mu + s * e);
            const adv = fj - (S - fj) / (N - 1);
            const one = [(adv * e) / s, (adv * (e * e - 1)) / s];
            for (const p of [0, 1]) {
              g[p] += one[p] / N;
              if (j === 0) acc.one[p] += w * one[p] ** 2;
            }
          }
          for (const p of [0, 1]) acc.batch[p] += w * g[p] ** 2;
        }
        const grad = [r.grad.mu, r.grad.sigma];
        const loo = r.estimators.loo;
        expect(rel(acc.one[0] - grad[0] ** 2, loo.variance.mu)).toBeLessThan(1e-9);
        expect(rel(acc.one[1] - grad[1] ** 2, loo.variance.sigma)).toBeLessThan(1e-9);
        expect(rel(acc.batch[0] - grad[0] ** 2, loo.batchVariance.mu)).toBeLessThan(1e-9);
        expect(rel(acc.batch[1] - grad[1] ** 2, loo.batchVariance.sigma)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('gaussianGradientReport: structure', () => {
  it('is plain JSON-safe data and the muprop mean equals the gradient', () => {
    const r: GaussianGradientReport = gaussianGradientReport(Math.sin, Math.cos, 0.3, 0.9);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.estimators.muprop.mean.mu).toBeCloseTo(r.grad.mu, 14);
    expect(r.estimators.muprop.mean.sigma).toBe(r.grad.sigma);
  });
  it('rejects σ ≤ 0 and batch < 2', () => {
    expect(() => gaussianGradientReport(Math.sin, Math.cos, 0, 0)).toThrow();
    expect(() => gaussianGradientReport(Math.sin, Math.cos, 0, 1, { batch: 1 })).toThrow();
  });
  it('gaussianVarianceSweep equals per-k reports', () => {
    const ks = [0.5, 1, 2, 5];
    const sw = gaussianVarianceSweep(
      (z, k) => Math.cos(k * z),
      (z, k) => -k * Math.sin(k * z),
      ks,
      1,
      1,
    );
    expect(sw.converged).toBe(true);
    ks.forEach((k, i) => {
      const r = gaussianGradientReport(families.cos.f(k), families.cos.df(k), 1, 1);
      expect(sw.value[i]).toBe(r.value);
      expect(sw.grad.sigma[i]).toBe(r.grad.sigma);
      for (const name of GAUSSIAN_ESTIMATORS)
        expect(sw.variance[name].mu[i]).toBe(r.estimators[name].variance.mu);
      expect(sw.looBatchVariance.sigma[i]).toBe(r.estimators.loo.batchVariance.sigma);
    });
  });
});

describe('gaussianGradientReport: linear f', () => {
  it('converges quickly although the MuProp residual is 0 up to rounding, and MuProp has no variance', () => {
    for (const [a, b] of [
      [3, 1],
      [1, 0],
      [-0.25, 40],
    ]) {
      const r = gaussianGradientReport(
        (z) => a * z + b,
        () => a,
        0.7,
        1.3,
      );
      expect(r.quadrature.converged).toBe(true);
      expect(r.quadrature.evaluations).toBeLessThan(2000);
      expect(r.value).toBeCloseTo(a * 0.7 + b, 10);
      expect(r.grad.mu).toBeCloseTo(a, 10);
      expect(r.estimators.muprop.variance.mu).toBeLessThan(1e-20);
      expect(r.estimators.pathwise.variance.mu).toBe(0);
      // score: Var_μ = E[f²ε²]/σ² − a² = ((aμ + b)² + 3a²σ²)/σ² − a²
      const m = a * 0.7 + b;
      expect(r.estimators.score.variance.mu).toBeCloseTo((m * m + 3 * a * a * 1.69) / 1.69 - a * a, 8);
    }
  });
});
