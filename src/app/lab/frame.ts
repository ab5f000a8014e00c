/**
 * The gradient lab's per-frame data: what the lab engine (./LabEngine.ts) computes and the Pixi views
 * (src/render/lab/) draw. Typed arrays are allocated once here and owned by the engine; each part carries a
 * `version` that the engine bumps whenever it rewrites that part, so a view redraws only what changed.
 * Nothing here goes into the zustand store (HOUSE-STYLE §5).
 */
import { LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';

/** Which gradient component: ∂/∂μ or ∂/∂σ. */
export type LabParam = 'mu' | 'sigma';

/** The two gradient components, in display order. */
export const LAB_PARAMS: readonly LabParam[] = ['mu', 'sigma'];

/** A value per gradient component. */
export interface PerParam<T> {
  mu: T;
  sigma: T;
}

/** Points of the f / f′ / density panel. */
export interface CurveData {
  /** Points used (≤ capacity). */
  n: number;
  /** z grid, ascending (μ ± 4σ; at a jump of f or f′ the points b − δ, b, b + δ with NaN values at b). */
  z: Float64Array;
  /** f(z) (NaN where not finite). */
  f: Float64Array;
  /** f′(z) (NaN where not finite). */
  df: Float64Array;
  /** Density of N(μ, σ²) at z. */
  density: Float64Array;
  /** Sample positions z_i of the current draws (the first `samples` of them), for a rug. */
  samples: Float64Array;
  /** Rug entries used. */
  sampleCount: number;
  version: number;
}

/** Monte Carlo and exact moments of one estimator for one gradient component. */
export interface EstimatorStats {
  /** Sample mean of the single-sample estimates. */
  mean: number;
  /** Unbiased sample variance. */
  variance: number;
  /** Standard error of the mean (for leave-one-out: from its independent batch means). */
  standardError: number;
  /** Standard error of the sample variance (asymptotic). */
  varianceStandardError: number;
  /** Exact per-sample variance by quadrature. */
  exactVariance: number;
  /** Exact mean of the estimator (the gradient; for pathwise on a jump, the biased E[f′]). */
  exactMean: number;
  /** Samples summarised. */
  count: number;
}

/** Histograms of single-sample estimates of one gradient component, one per estimator, on a shared range. */
export interface HistogramSet {
  /** Number of bins (same for every estimator). */
  bins: number;
  /** Shared bin range [lo, hi) (robust: central quantiles of all estimators, widened to hold the exact line). */
  lo: number;
  hi: number;
  /** Counts per bin, per estimator. */
  counts: Record<LabEstimator, Float64Array>;
  /** Estimates below lo / at or above hi, per estimator (drawn as edge markers). */
  under: Record<LabEstimator, number>;
  over: Record<LabEstimator, number>;
  /** Sample and exact moments per estimator. */
  stats: Record<LabEstimator, EstimatorStats>;
  /** The exact gradient component (score identity), drawn as a vertical line. */
  exact: number;
  version: number;
}

/** Exact per-sample variance of every estimator as k sweeps (quadrature, computed in a worker). */
export interface SweepData {
  /** idle: nothing asked; computing: a worker is on it (old curves may still be shown); ready; error; no-k:
   * the expression does not use k. */
  status: 'idle' | 'computing' | 'ready' | 'error' | 'no-k';
  /** Shown when status is error / no-k. */
  message: string;
  /** Points used. */
  n: number;
  /** k values, ascending. */
  k: Float64Array;
  /** Variance per estimator and component (NaN where not finite). Leave-one-out: per sample, batch N. */
  variance: Record<LabEstimator, PerParam<Float64Array>>;
  /** The current k (marked with a vertical line). */
  currentK: number;
  /** μ and σ the sweep was computed at (shown in the title). */
  mu: number;
  sigma: number;
  version: number;
}

/** Variance of the N-sample mean estimate against N (log–log), exact lines and empirical points. */
export interface VersusNData {
  /** N values of the curves (1 … maxN, log-spaced). */
  n: number;
  N: Float64Array;
  /** Exact Var of the mean of N samples (leave-one-out: batch of N, NaN at N = 1). */
  exact: Record<LabEstimator, PerParam<Float64Array>>;
  /** N values of the empirical points (powers of two). */
  pointCount: number;
  pointN: Float64Array;
  /** Empirical variance of non-overlapping N-sample means of the current draws (NaN with < 8 groups). */
  empirical: Record<LabEstimator, PerParam<Float64Array>>;
  /** Target standard error τ: the horizontal line is at τ². */
  target: number;
  /** Smallest N with variance ≤ τ², per estimator and component (Infinity if never, NaN if unknown). */
  crossing: Record<LabEstimator, PerParam<number>>;
  /** The estimator's mean is not the gradient (pathwise on a jump): no N makes it accurate. */
  biased: Record<LabEstimator, PerParam<boolean>>;
  version: number;
}

/** The optimisation race over (μ, σ): heatmap of E[f](μ, σ) and one trajectory per estimator. */
export interface RaceData {
  status: 'idle' | 'computing' | 'ready' | 'error';
  message: string;
  /** Heatmap grid size (columns along μ, rows along σ). */
  nx: number;
  ny: number;
  /** Heatmap extent: μ ∈ [muLo, muHi], σ ∈ [sigmaLo, sigmaHi]. */
  muLo: number;
  muHi: number;
  sigmaLo: number;
  sigmaHi: number;
  /** E[f](μ_i, σ_j) at cell centres, row-major with row j = 0 at sigmaLo (NaN where not finite). */
  grid: Float64Array;
  /** 'min' or 'max': what the race optimises. */
  objective: 'min' | 'max';
  /** Optimiser steps in each trajectory. */
  steps: number;
  /** Trajectory per estimator: (μ_t, σ_t) interleaved, t = 0 … steps (length 2·(steps + 1)). */
  paths: Record<LabEstimator, Float64Array>;
  /** Exact E[f] along each trajectory (length steps + 1). */
  values: Record<LabEstimator, Float64Array>;
  /** First step at which an estimator is within tolerance of the best value (−1: never). */
  arrival: Record<LabEstimator, number>;
  /** Steps revealed so far by the replay animation (0 … steps). */
  shown: number;
  /** Best E[f] on the heatmap grid and where (the finish line). */
  best: { value: number; mu: number; sigma: number };
  version: number;
}

/** Everything the lab views draw. */
export interface LabFrame {
  /** The expression text and what is known about it. */
  source: string;
  derivativeText: string;
  pathwiseBlind: boolean;
  discontinuous: boolean;
  /** The expression uses the parameter k. */
  usesK: boolean;
  mu: number;
  sigma: number;
  k: number;
  /** Gradient component shown in the variance-vs-k and variance-vs-N panels. */
  param: LabParam;
  /** Estimators shown (others are computed but hidden). */
  visible: Record<LabEstimator, boolean>;
  /** E[f] and the exact gradient (score identity) at (μ, σ). */
  value: number;
  grad: PerParam<number>;
  curve: CurveData;
  hist: PerParam<HistogramSet>;
  sweep: SweepData;
  versusN: VersusNData;
  race: RaceData;
  /** Bumped whenever any part changes. */
  version: number;
}

/** Capacities of the frame's arrays. */
export const LAB_CAPACITY = {
  /** Points of the curve: a uniform grid of 241 plus 3 per jump (up to 16 jumps, see fillCurve). */
  curve: 241 + 3 * 16,
  rug: 200,
  bins: 41,
  sweep: 161,
  versusN: 64,
  points: 16,
  heat: 64 * 48,
  raceSteps: 400,
} as const;

function perEstimator<T>(make: (name: LabEstimator) => T): Record<LabEstimator, T> {
  const out = {} as Record<LabEstimator, T>;
  for (const name of LAB_ESTIMATORS) out[name] = make(name);
  return out;
}

function pair(n: number): PerParam<Float64Array> {
  return { mu: new Float64Array(n).fill(NaN), sigma: new Float64Array(n).fill(NaN) };
}

function emptyStats(): EstimatorStats {
  return {
    mean: NaN,
    variance: NaN,
    standardError: NaN,
    varianceStandardError: NaN,
    exactVariance: NaN,
    exactMean: NaN,
    count: 0,
  };
}

function histogramSet(): HistogramSet {
  const bins = LAB_CAPACITY.bins;
  return {
    bins,
    lo: 0,
    hi: 1,
    counts: perEstimator(() => new Float64Array(bins)),
    under: perEstimator(() => 0),
    over: perEstimator(() => 0),
    stats: perEstimator(emptyStats),
    exact: NaN,
    version: 0,
  };
}

/** A frame with every array allocated and nothing computed yet. */
export function createLabFrame(): LabFrame {
  const c = LAB_CAPACITY;
  return {
    source: '',
    derivativeText: '',
    pathwiseBlind: false,
    discontinuous: false,
    usesK: false,
    mu: 0,
    sigma: 1,
    k: 1,
    param: 'mu',
    visible: perEstimator(() => true),
    value: NaN,
    grad: { mu: NaN, sigma: NaN },
    curve: {
      n: 0,
      z: new Float64Array(c.curve),
      f: new Float64Array(c.curve),
      df: new Float64Array(c.curve),
      density: new Float64Array(c.curve),
      samples: new Float64Array(c.rug),
      sampleCount: 0,
      version: 0,
    },
    hist: { mu: histogramSet(), sigma: histogramSet() },
    sweep: {
      status: 'idle',
      message: '',
      n: 0,
      k: new Float64Array(c.sweep),
      variance: perEstimator(() => pair(c.sweep)),
      currentK: NaN,
      mu: NaN,
      sigma: NaN,
      version: 0,
    },
    versusN: {
      n: 0,
      N: new Float64Array(c.versusN),
      exact: perEstimator(() => pair(c.versusN)),
      pointCount: 0,
      pointN: new Float64Array(c.points),
      empirical: perEstimator(() => pair(c.points)),
      target: 0.01,
      crossing: perEstimator(() => ({ mu: NaN, sigma: NaN })),
      biased: perEstimator(() => ({ mu: false, sigma: false })),
      version: 0,
    },
    race: {
      status: 'idle',
      message: '',
      nx: 0,
      ny: 0,
      muLo: -3,
      muHi: 3,
      sigmaLo: 0.1,
      sigmaHi: 3,
      grid: new Float64Array(c.heat),
      objective: 'min',
      steps: 0,
      paths: perEstimator(() => new Float64Array(2 * (c.raceSteps + 1))),
      values: perEstimator(() => new Float64Array(c.raceSteps + 1)),
      arrival: perEstimator(() => -1),
      shown: 0,
      best: { value: NaN, mu: NaN, sigma: NaN },
      version: 0,
    },
    version: 0,
  };
}
