/**
 * The landscape of the Gaussian smoothing E_{z~N(μ,σ²)}[f(z)] over a (μ, σ) box: the surface the lab's
 * optimisation race runs on. Each cell is one adaptive Gauss–Kronrod expectation from the engine's
 * quadrature (Mohamed, Rosca, Figurnov & Mnih 2020, §3: the objective is the smoothed f, which is
 * differentiable in (μ, σ) even where f itself jumps).
 */

import { gaussianExpectation, type QuadratureOptions } from '../exact/gaussKronrod';

/** Extent and resolution of a heatmap: nx columns along μ, ny rows along σ. */
export interface HeatmapBox {
  /** Left edge of the μ range. */
  muLo: number;
  /** Right edge of the μ range. */
  muHi: number;
  /** Bottom edge of the σ range (> 0 unless the first row centre is still > 0). */
  sigmaLo: number;
  /** Top edge of the σ range. */
  sigmaHi: number;
  /** Columns (cells along μ). */
  nx: number;
  /** Rows (cells along σ). */
  ny: number;
}

/** Extremes of a heatmap over its finite cells (NaN values and positions when no cell is finite). */
export interface HeatmapExtremes {
  /** Smallest finite cell value. */
  min: number;
  /** μ at the centre of the smallest cell. */
  minMu: number;
  /** σ at the centre of the smallest cell. */
  minSigma: number;
  /** Largest finite cell value. */
  max: number;
  /** μ at the centre of the largest cell. */
  maxMu: number;
  /** σ at the centre of the largest cell. */
  maxSigma: number;
}

/** Default cap on the subintervals of one cell's quadrature. */
export const HEATMAP_MAX_INTERVALS = 200;

/**
 * Writes E_{N(μ_i, σ_j²)}[f] at the cell centres μ_i = muLo + (i + ½)(muHi − muLo)/nx,
 * σ_j = sigmaLo + (j + ½)(sigmaHi − sigmaLo)/ny into out[j·nx + i] (row-major, row 0 at sigmaLo) and returns
 * the extremes over the finite cells. Cells whose expectation is not finite are NaN.
 *
 * `relTol` is the quadrature's relative tolerance (1e-7: far below a pixel's colour step, and ~3× fewer
 * evaluations than the engine's 1e-11 default). `breakpoints` are points z where f jumps or kinks (e.g. the
 * edge of a step); they make those cells exact and cheap. Without them the quadrature finds a jump by
 * bisection, unless it falls between a panel edge and the panel's first node: then it is missed, an error
 * of up to ~2.6e-3 × the jump height in that cell. `maxIntervals` caps each cell's partition: a smooth f
 * needs ~20–40 intervals, while a wildly oscillating one (sin(1000 z)) would otherwise take the quadrature's
 * default 2000 in every one of the thousands of cells (9 s instead of 0.3 s for 64×48).
 */
export function expectationGridInto(
  out: Float64Array,
  f: (z: number) => number,
  box: HeatmapBox,
  relTol = 1e-7,
  breakpoints: readonly number[] = [],
  maxIntervals = HEATMAP_MAX_INTERVALS,
): HeatmapExtremes {
  const { muLo, muHi, sigmaLo, sigmaHi, nx, ny } = box;
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1 && nx * ny <= out.length))
    throw new Error(`expectationGridInto: ${nx}×${ny} cells do not fit in ${out.length}`);
  const dMu = (muHi - muLo) / nx;
  const dSig = (sigmaHi - sigmaLo) / ny;
  if (!(Number.isFinite(dMu) && Number.isFinite(dSig) && sigmaLo + 0.5 * dSig > 0))
    throw new Error(`expectationGridInto: bad box μ∈[${muLo}, ${muHi}], σ∈[${sigmaLo}, ${sigmaHi}]`);
  // One integrand and one options object for the whole grid; the cell's (μ, σ) are read from the closure.
  let mu = 0;
  let sigma = 1;
  const g = (e: number) => f(mu + sigma * e);
  const bpEps = new Float64Array(breakpoints.length);
  const opts: QuadratureOptions = { relTol, maxIntervals };
  if (breakpoints.length > 0) opts.breakpoints = bpEps;
  const ext: HeatmapExtremes = { min: NaN, minMu: NaN, minSigma: NaN, max: NaN, maxMu: NaN, maxSigma: NaN };
  // out[j·nx + i] = E_ε[f(μ_i + σ_j ε)], ε ~ N(0, 1); breakpoints move to ε = (z_b − μ_i)/σ_j.
  for (let j = 0; j < ny; j++) {
    sigma = sigmaLo + (j + 0.5) * dSig;
    for (let i = 0; i < nx; i++) {
      mu = muLo + (i + 0.5) * dMu;
      for (let b = 0; b < breakpoints.length; b++) bpEps[b] = (breakpoints[b] - mu) / sigma;
      const v = gaussianExpectation(g, opts);
      const finite = v - v === 0;
      out[j * nx + i] = finite ? v : NaN;
      if (!finite) continue;
      if (!(v >= ext.min)) {
        ext.min = v;
        ext.minMu = mu;
        ext.minSigma = sigma;
      }
      if (!(v <= ext.max)) {
        ext.max = v;
        ext.maxMu = mu;
        ext.maxSigma = sigma;
      }
    }
  }
  return ext;
}
