// Jump and kink finding for the quadrature: located to rounding, none for smooth f, harmless extras, and the
// point of it all: a step whose jump hides between a panel edge and its first node is integrated exactly.
import { describe, expect, it } from 'vitest';
import { gaussianGradientReport } from '../../../src/algos/exact/gaussian';
import { findBreakpoints } from '../../../src/algos/lab/breakpoints';

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

describe('findBreakpoints', () => {
  it('finds a step to rounding, and nothing for smooth f', () => {
    const bp = findBreakpoints(
      (z) => (z > 0.3 ? 1 : 0),
      () => 0,
      -10,
      10,
    );
    expect(bp.length).toBe(1);
    expect(Math.abs(bp[0] - 0.3)).toBeLessThan(1e-12);
    expect(findBreakpoints(Math.cos, (z) => -Math.sin(z), -10, 10, { kinks: true })).toEqual([]);
    expect(
      findBreakpoints(
        (z) => z * z,
        (z) => 2 * z,
        -10,
        10,
        { kinks: true },
      ),
    ).toEqual([]);
  });

  it('finds kinks through f′ only when asked', () => {
    const f = (z: number) => Math.abs(z + 1);
    const df = (z: number) => Math.sign(z + 1);
    expect(findBreakpoints(f, df, -5, 5)).toEqual([]);
    const bp = findBreakpoints(f, df, -5, 5, { kinks: true });
    expect(bp.length).toBe(1);
    expect(Math.abs(bp[0] + 1)).toBeLessThan(1e-12);
  });

  it('finds every jump of a staircase, up to the limit', () => {
    const bp = findBreakpoints(Math.floor, () => 0, -3.5, 3.5);
    expect(bp.map((z) => Math.round(z) + 0)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const z of bp) expect(Math.abs(z - Math.round(z))).toBeLessThan(1e-12);
    expect(findBreakpoints(Math.floor, () => 0, -50, 50, { limit: 5 }).length).toBe(5);
  });

  it('ignores bad ranges and survives NaN regions', () => {
    expect(findBreakpoints(Math.floor, () => 0, 1, 1)).toEqual([]);
    expect(findBreakpoints(Math.floor, () => 0, NaN, 1)).toEqual([]);
    const bp = findBreakpoints(
      (z) => (z < 0 ? NaN : z > 2 ? 1 : 0),
      () => 0,
      -4,
      4,
    );
    expect(bp.some((z) => Math.abs(z - 2) < 1e-12)).toBe(true);
  });

  it('makes the exact report exact for a step just beside a panel edge', () => {
    // f = 1{z > c} at μ = 0, σ = 1: E = 1 − Φ(c), ∇_μ = φ(c), ∇_σ = c φ(c). c = −1.4939 sits just right of
    // the quadrature's panel edge at ε = −1.5, where the Kronrod nodes cannot see it (found by a scan of c).
    const c = -1.4939;
    const f = (z: number) => (z > c ? 1 : 0);
    const df = () => 0;
    const bp = findBreakpoints(f, df, -13, 13);
    const withBp = gaussianGradientReport(f, df, 0, 1, { breakpoints: bp });
    const without = gaussianGradientReport(f, df, 0, 1);
    expect(Math.abs(withBp.grad.mu - phi(c))).toBeLessThan(1e-10);
    expect(Math.abs(withBp.grad.sigma - c * phi(c))).toBeLessThan(1e-10);
    // the reason this module exists: without the breakpoint the "exact" value is visibly off
    expect(Math.abs(without.grad.mu - phi(c))).toBeGreaterThan(1e-6);
  });
});
