import { describe, expect, it } from 'vitest';
import {
  gaussianExpectation,
  gaussianExpectationsInto,
  type QuadratureStats,
} from '../../src/algos/exact/gaussKronrod';
import { gaussHermiteExpectation, gaussHermiteRule } from '../../src/algos/exact/gaussHermite';
import { GAUSS7_WEIGHTS, KRONROD15_NODES, KRONROD15_WEIGHTS } from '../../src/algos/exact/kronrodPanels';

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
/** Φ(x) = 1/2 + φ(x) Σ_n x^(2n+1)/(2n+1)!! (converges for all x; accurate for |x| ≤ 4). */
function Phi(x: number): number {
  let term = x;
  let s = x;
  for (let n = 1; n < 200; n++) {
    term *= (x * x) / (2 * n + 1);
    s += term;
  }
  return 0.5 + phi(x) * s;
}
/** E[ε^j] = (j − 1)!! for even j, 0 for odd j. */
const normalMoment = (j: number): number => (j % 2 ? 0 : j === 0 ? 1 : (j - 1) * normalMoment(j - 2));
const binom = (n: number, k: number): number => (k === 0 ? 1 : (binom(n, k - 1) * (n - k + 1)) / k);
const newStats = (): QuadratureStats => ({
  evaluations: 0,
  intervals: 0,
  converged: false,
  relativeError: 0,
});
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Gauss–Kronrod constants', () => {
  // ∫_{−1}^{1} x^d dx = 2/(d+1) for even d, 0 for odd d.
  const ruleOn = (d: number, gauss: boolean) => {
    let s = 0;
    for (let i = 0; i < 8; i++) {
      const x = KRONROD15_NODES[i];
      const w = gauss ? (i % 2 === 1 || i === 7 ? GAUSS7_WEIGHTS[i >> 1] : 0) : KRONROD15_WEIGHTS[i];
      s += (i === 7 ? 1 : 2) * w * x ** d * (d % 2 === 0 ? 1 : 0);
    }
    return s;
  };
  it('K15 is exact through degree 23 and G7 through degree 13, and not beyond', () => {
    for (let d = 0; d <= 22; d += 2) expect(Math.abs(ruleOn(d, false) - 2 / (d + 1))).toBeLessThan(1e-15);
    for (let d = 0; d <= 12; d += 2) expect(Math.abs(ruleOn(d, true) - 2 / (d + 1))).toBeLessThan(1e-15);
    expect(Math.abs(ruleOn(14, true) - 2 / 15)).toBeGreaterThan(1e-5);
    expect(Math.abs(ruleOn(24, false) - 2 / 25)).toBeGreaterThan(1e-10);
  });
  it('G7 nodes are the roots of the Legendre polynomial P7', () => {
    // (n+1) P_{n+1} = (2n+1) x P_n − n P_{n−1}
    const P7 = (x: number) => {
      let p0 = 1;
      let p1 = x;
      for (let n = 1; n < 7; n++) [p0, p1] = [p1, ((2 * n + 1) * x * p1 - n * p0) / (n + 1)];
      return p1;
    };
    for (const i of [1, 3, 5, 7]) expect(Math.abs(P7(KRONROD15_NODES[i]))).toBeLessThan(1e-15);
  });
});

describe('gaussHermiteRule', () => {
  it('n = 3 gives nodes 0, ±√3 and weights 2/3, 1/6', () => {
    const { nodes, weights } = gaussHermiteRule(3);
    expect(Array.from(nodes)).toEqual([
      expect.closeTo(-Math.sqrt(3), 14),
      0,
      expect.closeTo(Math.sqrt(3), 14),
    ]);
    expect(Array.from(weights)).toEqual([
      expect.closeTo(1 / 6, 14),
      expect.closeTo(2 / 3, 14),
      expect.closeTo(1 / 6, 14),
    ]);
  });
  it('integrates ε^j exactly for j < 2n', () => {
    for (const n of [5, 20, 64]) {
      const w = gaussHermiteRule(n).weights;
      expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-13);
      for (let j = 0; j < Math.min(2 * n, 30); j++) {
        const v = gaussHermiteExpectation((e) => e ** j, n);
        expect(Math.abs(v - normalMoment(j))).toBeLessThan(1e-12 * Math.max(1, normalMoment(j)));
      }
    }
  });
  it('agrees with the adaptive rule on a smooth integrand', () => {
    const g = (e: number) => Math.exp(Math.sin(e)) * (1 + e * e);
    expect(relErr(gaussHermiteExpectation(g, 100), gaussianExpectation(g))).toBeLessThan(1e-10);
  });
  it('rejects n outside 1..200', () => {
    expect(() => gaussHermiteRule(0)).toThrow();
    expect(() => gaussHermiteRule(2.5)).toThrow();
  });
});

describe('gaussianExpectation against closed forms', () => {
  const cases: [number, number][] = [
    [0, 1],
    [1, 1],
    [-2.3, 0.4],
    [0.7, 2],
    [3, 0.05],
  ];
  it('E[cos(kz)] = cos(kμ) exp(−k²σ²/2), k up to 10', () => {
    for (const [mu, s] of cases) {
      for (const k of [0.5, 1, 3, 5, 10]) {
        const stats = newStats();
        const v = gaussianExpectation((e) => Math.cos(k * (mu + s * e)), {}, stats);
        const exact = Math.cos(k * mu) * Math.exp((-k * k * s * s) / 2);
        expect(stats.converged).toBe(true);
        // Relative accuracy where the value is not swamped by the integrand's own scale E|cos| ≈ 0.6.
        if (Math.abs(exact) > 1e-6) expect(relErr(v, exact)).toBeLessThan(1e-8);
        expect(Math.abs(v - exact)).toBeLessThan(1e-14);
      }
    }
  });
  it('E[(z − k)²] = (μ − k)² + σ² and E[z^n] from the binomial moments', () => {
    for (const [mu, s] of cases) {
      for (const k of [-3, 0, 0.5, 4]) {
        const v = gaussianExpectation((e) => (mu + s * e - k) ** 2);
        expect(relErr(v, (mu - k) ** 2 + s * s)).toBeLessThan(1e-12);
      }
      for (let n = 0; n <= 12; n++) {
        let exact = 0;
        for (let j = 0; j <= n; j++) exact += binom(n, j) * mu ** (n - j) * s ** j * normalMoment(j);
        const v = gaussianExpectation((e) => (mu + s * e) ** n);
        expect(Math.abs(v - exact)).toBeLessThan(1e-11 * Math.max(1, Math.abs(exact)));
      }
    }
  });
  it('E[exp(−k z²)] = exp(−kμ²/(1 + 2kσ²)) / √(1 + 2kσ²), peaked up to k = 100', () => {
    for (const [mu, s] of cases) {
      for (const k of [0.1, 1, 3, 10, 100]) {
        const v = gaussianExpectation((e) => Math.exp(-k * (mu + s * e) ** 2));
        const D = 1 + 2 * k * s * s;
        const exact = Math.exp((-k * mu * mu) / D) / Math.sqrt(D);
        if (exact > 1e-6) expect(relErr(v, exact)).toBeLessThan(1e-8);
        expect(Math.abs(v - exact)).toBeLessThan(1e-13);
      }
    }
  });
  it('a step 1{z > c} gives Φ((μ − c)/σ): to rounding with a breakpoint, to ~1e-10 by bisection without', () => {
    for (const [mu, s] of cases.slice(0, 4)) {
      for (const c of [-1, 0.3, 2]) {
        const t = (mu - c) / s;
        const exact = Phi(t);
        const step = (e: number) => (mu + s * e > c ? 1 : 0);
        const withBp = newStats();
        const a = gaussianExpectation(step, { breakpoints: [(c - mu) / s] }, withBp);
        const without = newStats();
        const b = gaussianExpectation(step, {}, without);
        expect(Math.abs(a - exact)).toBeLessThan(1e-13);
        expect(Math.abs(b - exact)).toBeLessThan(1e-9);
        // A jump where φ matters costs many bisections; the breakpoint saves them.
        if (Math.abs(t) < 4) expect(withBp.evaluations).toBeLessThan(without.evaluations);
      }
    }
  });
  it('E|z − c| = σ(2φ(t) + t(2Φ(t) − 1)), t = (μ − c)/σ (a kink, no breakpoint)', () => {
    for (const [mu, s] of cases.slice(0, 4)) {
      for (const c of [-0.5, 0.3]) {
        const t = (mu - c) / s;
        const exact = s * (2 * phi(t) + t * (2 * Phi(t) - 1));
        expect(
          relErr(
            gaussianExpectation((e) => Math.abs(mu + s * e - c)),
            exact,
          ),
        ).toBeLessThan(1e-9);
      }
    }
  });
});

describe('gaussianExpectationsInto', () => {
  it('integrates several components on one partition and reports its work', () => {
    const out = new Float64Array(3);
    const stats = newStats();
    gaussianExpectationsInto(
      out,
      3,
      (e, o) => {
        o[0] = 1;
        o[1] = e * e;
        o[2] = Math.cos(4 * e);
      },
      {},
      stats,
    );
    expect(Math.abs(out[0] - 1)).toBeLessThan(1e-14);
    expect(Math.abs(out[1] - 1)).toBeLessThan(1e-13);
    expect(relErr(out[2], Math.exp(-8))).toBeLessThan(1e-8);
    expect(stats.converged).toBe(true);
    expect(stats.evaluations).toBe(15 * (stats.intervals + (stats.intervals - 10)));
  });
  it('is re-entrant: E_a[E_b[cos(a + b)]] = E[cos(√2 ε)] = e^(−1)', () => {
    const v = gaussianExpectation((a) => gaussianExpectation((b) => Math.cos(a + b)));
    expect(relErr(v, Math.exp(-1))).toBeLessThan(1e-9);
  });
  it('reports a non-finite integrand as not converged instead of looping', () => {
    const stats = newStats();
    const v = gaussianExpectation(Math.sqrt, {}, stats);
    expect(stats.converged).toBe(false);
    expect(Number.isNaN(v)).toBe(true);
    expect(stats.evaluations).toBe(150);
  });
  it('reports non-convergence when the interval budget is too small', () => {
    const stats = newStats();
    gaussianExpectation((e) => Math.cos(30 * e), { maxIntervals: 12 }, stats);
    expect(stats.converged).toBe(false);
    expect(stats.intervals).toBeLessThanOrEqual(12);
  });
});
