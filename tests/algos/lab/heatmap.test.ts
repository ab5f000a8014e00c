// The (μ, σ) landscape E[f] of the race against closed forms of Gaussian expectations.
import { describe, expect, it } from 'vitest';
import { expectationGridInto, type HeatmapBox } from '../../../src/algos/lab/heatmap';

/** Φ(x) by the series Φ(x) = ½ + φ(x) Σ_n x^{2n+1}/(1·3·…·(2n+1)) (accurate to ~1e-12 for |x| ≤ 6). */
function normalCdf(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (x * x) / (2 * n + 1);
    sum += term;
  }
  return 0.5 + (sum * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
}

const box: HeatmapBox = { muLo: -3, muHi: 3, sigmaLo: 0.1, sigmaHi: 3, nx: 64, ny: 48 };
const centreMu = (b: HeatmapBox, i: number) => b.muLo + ((i + 0.5) * (b.muHi - b.muLo)) / b.nx;
const centreSigma = (b: HeatmapBox, j: number) => b.sigmaLo + ((j + 0.5) * (b.sigmaHi - b.sigmaLo)) / b.ny;

/** Max |grid − closed form| over all cells, checking the row-major layout with row 0 at sigmaLo. */
function maxError(out: Float64Array, b: HeatmapBox, exact: (mu: number, s: number) => number): number {
  let worst = 0;
  for (let j = 0; j < b.ny; j++)
    for (let i = 0; i < b.nx; i++)
      worst = Math.max(worst, Math.abs(out[j * b.nx + i] - exact(centreMu(b, i), centreSigma(b, j))));
  return worst;
}

/** The extremes of a closed form over the cell centres (first cell on ties, as the grid scans). */
function bruteExtremes(b: HeatmapBox, exact: (mu: number, s: number) => number) {
  const r = { min: Infinity, minMu: NaN, minSigma: NaN, max: -Infinity, maxMu: NaN, maxSigma: NaN };
  for (let j = 0; j < b.ny; j++)
    for (let i = 0; i < b.nx; i++) {
      const [mu, s] = [centreMu(b, i), centreSigma(b, j)];
      const v = exact(mu, s);
      if (v < r.min) Object.assign(r, { min: v, minMu: mu, minSigma: s });
      if (v > r.max) Object.assign(r, { max: v, maxMu: mu, maxSigma: s });
    }
  return r;
}

describe('expectationGridInto against closed forms', () => {
  const out = new Float64Array(64 * 48 + 5);

  it('(z − k)²: E = (μ − k)² + σ², minimum at the cell nearest (k, σ_lo)', () => {
    for (const k of [1.3, -2]) {
      const exact = (mu: number, s: number) => (mu - k) ** 2 + s * s;
      const ext = expectationGridInto(out, (z) => (z - k) ** 2, box);
      expect(maxError(out, box, exact)).toBeLessThan(1e-9);
      const ref = bruteExtremes(box, exact);
      expect(ext.minMu).toBe(ref.minMu);
      expect(ext.minSigma).toBe(ref.minSigma);
      expect(ext.maxMu).toBe(ref.maxMu);
      expect(ext.maxSigma).toBe(ref.maxSigma);
      expect(ext.min).toBeCloseTo(ref.min, 9);
      expect(ext.max).toBeCloseTo(ref.max, 9);
      expect(Math.abs(ext.minMu - k)).toBeLessThanOrEqual(0.5 * (6 / 64));
      expect(ext.minSigma).toBe(centreSigma(box, 0));
    }
  });

  it('cos(kz): E = cos(kμ)·exp(−k²σ²/2); the lowest valley is at small σ where cos(kμ) = −1', () => {
    for (const k of [3, 0.7]) {
      const exact = (mu: number, s: number) => Math.cos(k * mu) * Math.exp(-0.5 * k * k * s * s);
      const ext = expectationGridInto(out, (z) => Math.cos(k * z), box);
      expect(maxError(out, box, exact)).toBeLessThan(1e-6);
      // cos is symmetric, so several cells tie up to rounding: check the chosen cells are extreme ones.
      const ref = bruteExtremes(box, exact);
      expect(exact(ext.minMu, ext.minSigma)).toBeCloseTo(ref.min, 6);
      expect(exact(ext.maxMu, ext.maxSigma)).toBeCloseTo(ref.max, 6);
      expect(ext.minSigma).toBe(centreSigma(box, 0));
    }
    // A tighter tolerance is honoured.
    expectationGridInto(out, (z) => Math.cos(3 * z), box, 1e-11);
    expect(maxError(out, box, (mu, s) => Math.cos(3 * mu) * Math.exp(-4.5 * s * s))).toBeLessThan(1e-10);
  });

  it('exp(−k z²): E = exp(−kμ²/(1 + 2kσ²))/√(1 + 2kσ²); maximum at μ ≈ 0, σ_lo', () => {
    for (const k of [1, 10]) {
      const exact = (mu: number, s: number) =>
        Math.exp((-k * mu * mu) / (1 + 2 * k * s * s)) / Math.sqrt(1 + 2 * k * s * s);
      const ext = expectationGridInto(out, (z) => Math.exp(-k * z * z), box);
      expect(maxError(out, box, exact)).toBeLessThan(1e-6);
      const ref = bruteExtremes(box, exact);
      expect(exact(ext.maxMu, ext.maxSigma)).toBeCloseTo(ref.max, 6);
      expect(Math.abs(ext.maxMu)).toBeLessThan(0.1);
      expect(ext.maxSigma).toBe(centreSigma(box, 0));
    }
  });

  it('a step 1{z > 1}: E = Φ((μ − 1)/σ); exact with the breakpoint, within 3e-3 without', () => {
    const step = (z: number) => (z > 1 ? 1 : 0);
    const exact = (mu: number, s: number) => normalCdf((mu - 1) / s);
    expectationGridInto(out, step, box, 1e-7, [1]);
    expect(maxError(out, box, exact)).toBeLessThan(1e-9);
    // Without it, a jump that falls between a panel edge and that panel's first Kronrod node (0.43% of the
    // half-width in) is invisible to every rule: the panel is integrated as constant and "converges". The
    // missed mass is at most φ(0)·0.0064 ≈ 2.6e-3 (panel [0, 1.5]); most cells are still exact.
    expectationGridInto(out, step, box);
    expect(maxError(out, box, exact)).toBeLessThan(3e-3);
    let exactCells = 0;
    for (let j = 0; j < box.ny; j++)
      for (let i = 0; i < box.nx; i++)
        if (Math.abs(out[j * box.nx + i] - exact(centreMu(box, i), centreSigma(box, j))) < 1e-6) exactCells++;
    expect(exactCells).toBeGreaterThan(0.95 * box.nx * box.ny);
  });

  it('a small off-centre box (non-square, few cells)', () => {
    const b: HeatmapBox = { muLo: 0.5, muHi: 0.9, sigmaLo: 0.2, sigmaHi: 1.7, nx: 3, ny: 5 };
    const small = new Float64Array(15);
    expectationGridInto(small, (z) => z * z * z, b, 1e-10);
    // E[z³] = μ³ + 3μσ²
    expect(maxError(small, b, (mu, s) => mu ** 3 + 3 * mu * s * s)).toBeLessThan(1e-9);
  });
});

describe('expectationGridInto edge cases', () => {
  it('non-finite cells are NaN and excluded from min/max', () => {
    // NaN for z < −20: the quadrature reaches z = μ ± 13σ, so only large-σ cells see it.
    const f = (z: number) => (z < -20 ? NaN : z * z);
    const out = new Float64Array(64 * 48);
    const ext = expectationGridInto(out, f, box);
    let nan = 0;
    for (let j = 0; j < box.ny; j++)
      for (let i = 0; i < box.nx; i++) {
        const [mu, s] = [centreMu(box, i), centreSigma(box, j)];
        const v = out[j * box.nx + i];
        if (mu - 13 * s > -19.9) expect(v).toBeCloseTo(mu * mu + s * s, 8);
        if (mu - 12.9 * s < -20) expect(v).toBeNaN();
        if (Number.isNaN(v)) nan++;
      }
    expect(nan).toBeGreaterThan(100);
    expect(nan).toBeLessThan(box.nx * box.ny - 100);
    const finite = Array.from(out).filter((v) => !Number.isNaN(v));
    expect(ext.max).toBe(Math.max(...finite));
    expect(ext.min).toBe(Math.min(...finite));
    const all = expectationGridInto(out, () => NaN, { ...box, nx: 4, ny: 3 });
    expect(all).toEqual({ min: NaN, minMu: NaN, minSigma: NaN, max: NaN, maxMu: NaN, maxSigma: NaN });
    expect(Array.from(out.subarray(0, 12)).every(Number.isNaN)).toBe(true);
  });

  it('rejects a grid larger than out and a box whose first row has σ ≤ 0', () => {
    expect(() => expectationGridInto(new Float64Array(10), Math.cos, box)).toThrow(/do not fit/);
    expect(() =>
      expectationGridInto(new Float64Array(4), Math.cos, { ...box, sigmaLo: -1, sigmaHi: 0.5, nx: 2, ny: 2 }),
    ).toThrow(/bad box/);
  });
});
