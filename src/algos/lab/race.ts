/**
 * The lab's optimisation race: plain projected SGD on θ = (μ, σ) of E_{z~N(μ,σ²)}[f(z)], one runner per
 * gradient estimator, every runner fed the same noise. What separates them is only the variance of their
 * estimates (Mohamed, Rosca, Figurnov & Mnih 2020, §3.3: variance decides how fast stochastic optimisation
 * goes; §§4, 5, 7 for the estimators). Estimates come from GaussianEstimatorSampler; oracle baselines and
 * the exact value along each path from gaussianGradientReport.
 */

import { GAUSSIAN_ESTIMATORS, type GaussianEstimatorName } from '../exact/gaussianTypes';
import { gaussianGradientReport, type GaussianReportOptions } from '../exact/gaussian';
import type { QuadratureOptions } from '../exact/gaussKronrod';
import { GaussianEstimatorSampler } from '../gaussianEstimators';
import { Rng, Stream } from '../../core/random';

/** The feasible set of the race: positions are projected into it after every step. */
export interface RaceBox {
  /** Smallest μ. */
  muLo: number;
  /** Largest μ. */
  muHi: number;
  /** Smallest σ (> 0: the Gaussian must not collapse). */
  sigmaLo: number;
  /** Largest σ. */
  sigmaHi: number;
}

/** Configuration of {@link runRace}. */
export interface RaceOptions {
  /** Estimators that race (others get NaN paths in the result). */
  estimators: readonly GaussianEstimatorName[];
  /** Common starting point (projected into the box). */
  start: { mu: number; sigma: number };
  /** Step size of plain SGD. */
  lr: number;
  /** SGD steps per runner (the paths have steps + 1 points). */
  steps: number;
  /** Single-sample estimates averaged per step (integer ≥ 2; also the leave-one-out batch). */
  samples: number;
  /** Minimise or maximise E[f]. */
  objective: 'min' | 'max';
  /** Root seed: every runner draws its ε from `new Rng(seed, Stream.diagnostics)`. */
  seed: number;
  /** Projection box. */
  box: RaceBox;
  /** Best value, the finish line (default: the best exact value reached by any runner). */
  target?: number;
  /** Arrival band as a fraction of |E[f](start) − target| (default 0.05). */
  tolerance?: number;
  /** Points z where f jumps or kinks (passed to the exact report). */
  breakpoints?: readonly number[];
  /** Quadrature options of the exact report at each step (engine default relTol 1e-11). */
  quadrature?: GaussianReportOptions['quadrature'];
}

/** Trajectories and timings of a race; every estimator has an entry (NaN / −1 for those not raced). */
export interface RaceResult {
  /** (μ_t, σ_t) interleaved, t = 0 … steps (caller-provided arrays may be longer; the rest is untouched). */
  paths: Record<GaussianEstimatorName, Float64Array>;
  /** Exact E[f](μ_t, σ_t), t = 0 … steps (NaN where not finite). */
  values: Record<GaussianEstimatorName, Float64Array>;
  /** First t whose value is within tolerance of the target on the objective's side; −1 if never. */
  arrival: Record<GaussianEstimatorName, number>;
  /** Step t whose estimate was not finite (the runner then holds its position); −1 if none. */
  diverged: Record<GaussianEstimatorName, number>;
  /** The target used for arrival (the given one, or the best value reached; NaN if none is finite). */
  target: number;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Checks the options once, with messages that name the bad field. */
function validate(o: RaceOptions): void {
  const { box, start } = o;
  if (!(Number.isInteger(o.samples) && o.samples >= 2))
    throw new Error(`runRace: samples must be an integer ≥ 2, got ${o.samples}`);
  if (!(Number.isInteger(o.steps) && o.steps >= 0))
    throw new Error(`runRace: steps must be an integer ≥ 0, got ${o.steps}`);
  if (!(o.lr > 0 && Number.isFinite(o.lr)))
    throw new Error(`runRace: lr must be finite and > 0, got ${o.lr}`);
  if (!(box.sigmaLo > 0 && box.sigmaLo <= box.sigmaHi && box.muLo <= box.muHi))
    throw new Error(`runRace: bad box μ∈[${box.muLo}, ${box.muHi}], σ∈[${box.sigmaLo}, ${box.sigmaHi}]`);
  if (!(Number.isFinite(box.muLo) && Number.isFinite(box.muHi) && Number.isFinite(box.sigmaHi)))
    throw new Error('runRace: the box must be finite');
  if (!(Number.isFinite(start.mu) && Number.isFinite(start.sigma)))
    throw new Error(`runRace: start must be finite, got (${start.mu}, ${start.sigma})`);
}

/** A result with arrays for `steps` steps for every estimator. */
function allocate(steps: number): RaceResult {
  const r = { paths: {}, values: {}, arrival: {}, diverged: {}, target: NaN } as RaceResult;
  for (const name of GAUSSIAN_ESTIMATORS) {
    r.paths[name] = new Float64Array(2 * (steps + 1));
    r.values[name] = new Float64Array(steps + 1);
  }
  return r;
}

/**
 * Runs one projected-SGD runner per estimator from `start`:
 *   θ_{t+1} = Π_box(θ_t ∓ lr·ĝ_t),  ĝ_t = (1/S) Σ_{i<S} ĝ(ε_{t,i}; θ_t)
 * (− for 'min', + for 'max'), where ĝ(ε; θ) is the estimator's single-sample estimate and ε_{t,i} is the
 * (tS + i)-th normal of `new Rng(seed, Stream.diagnostics)`: identical for every runner (same noise). A
 * non-finite ĝ_t stops the runner (it holds θ_t; `diverged` = t). Writes into `out` when given (arrays
 * long enough for `steps`), otherwise allocates; returns the result.
 */
export function runRace(
  f: (z: number) => number,
  df: (z: number) => number,
  opts: RaceOptions,
  out?: RaceResult,
): RaceResult {
  validate(opts);
  const { steps, samples: S, box, lr } = opts;
  const res = out ?? allocate(steps);
  for (const name of GAUSSIAN_ESTIMATORS) {
    if (!(res.paths[name].length >= 2 * (steps + 1) && res.values[name].length >= steps + 1))
      throw new Error(`runRace: out arrays of '${name}' are too short for ${steps} steps`);
    res.paths[name].fill(NaN, 0, 2 * (steps + 1));
    res.values[name].fill(NaN, 0, steps + 1);
    res.arrival[name] = -1;
    res.diverged[name] = -1;
  }
  const sign = opts.objective === 'max' ? 1 : -1;
  const quadrature: QuadratureOptions | undefined = opts.quadrature;
  const reportOpts: GaussianReportOptions = { batch: S, breakpoints: opts.breakpoints, quadrature };
  const sampler = new GaussianEstimatorSampler(S, S);
  const rng = new Rng(opts.seed, Stream.diagnostics);
  for (const name of opts.estimators) {
    const path = res.paths[name];
    const value = res.values[name];
    const est = sampler.estimates[name];
    rng.seed(opts.seed, Stream.diagnostics);
    let mu = clamp(opts.start.mu, box.muLo, box.muHi);
    let sigma = clamp(opts.start.sigma, box.sigmaLo, box.sigmaHi);
    let diverged = -1;
    path[0] = mu;
    path[1] = sigma;
    for (let t = 0; t <= steps; t++) {
      if (diverged >= 0) {
        // Stopped: hold θ and its value.
        path[2 * t] = mu;
        path[2 * t + 1] = sigma;
        value[t] = value[t - 1];
        continue;
      }
      const report = gaussianGradientReport(f, df, mu, sigma, reportOpts);
      value[t] = report.value - report.value === 0 ? report.value : NaN;
      path[2 * t] = mu;
      path[2 * t + 1] = sigma;
      if (t === steps) break;
      sampler.sample(f, df, mu, sigma, S, rng, report.baselines);
      // ĝ_t = (1/S) Σ_i ĝ_i (for leave-one-out the batch is the step's S samples).
      let gMu = 0;
      let gSig = 0;
      for (let i = 0; i < S; i++) {
        gMu += est.mu[i];
        gSig += est.sigma[i];
      }
      gMu /= S;
      gSig /= S;
      if (!(gMu - gMu === 0 && gSig - gSig === 0)) {
        diverged = t;
        continue;
      }
      // θ ← Π_box(θ ∓ lr·ĝ)
      mu = clamp(mu + sign * lr * gMu, box.muLo, box.muHi);
      sigma = clamp(sigma + sign * lr * gSig, box.sigmaLo, box.sigmaHi);
    }
    res.diverged[name] = diverged;
  }
  markArrivals(res, opts);
  return res;
}

/**
 * arrival = first t with v_t ≤ target + τ (min) or v_t ≥ target − τ (max), τ = tolerance·|v_0 − target|
 * (τ = 0 if that is not finite); target defaults to the best finite value of any runner.
 */
function markArrivals(res: RaceResult, opts: RaceOptions): void {
  const { steps } = opts;
  const maximise = opts.objective === 'max';
  let target = opts.target ?? NaN;
  let start = NaN;
  for (const name of opts.estimators) {
    const v = res.values[name];
    if (!Number.isFinite(start)) start = v[0];
    if (opts.target !== undefined) continue;
    for (let t = 0; t <= steps; t++)
      if (Number.isFinite(v[t]) && !(maximise ? v[t] <= target : v[t] >= target)) target = v[t];
  }
  res.target = target;
  if (!Number.isFinite(target)) return;
  let tau = (opts.tolerance ?? 0.05) * Math.abs(start - target);
  if (!Number.isFinite(tau)) tau = 0;
  for (const name of opts.estimators) {
    const v = res.values[name];
    for (let t = 0; t <= steps; t++) {
      if (maximise ? v[t] >= target - tau : v[t] <= target + tau) {
        res.arrival[name] = t;
        break;
      }
    }
  }
}
