/**
 * The lab's heavy computations, run off the main thread (./lab.worker.ts) or inline (tests, and a fallback
 * where workers are unavailable): the exact variance-vs-k sweep (one quadrature per k), and the optimisation
 * race with its E[f](μ, σ) heatmap. Requests and results are plain data (structured-clone safe); the worker
 * compiles f from its text itself, so no function crosses the thread boundary.
 */
import { gaussianVarianceSweep } from '../../algos/exact/gaussianSweep';
import { LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';
import {
  BREAKPOINT_REACH,
  breakpointSearch,
  breakpointsNear,
  findBreakpoints,
  type BreakpointOptions,
} from '../../algos/lab/breakpoints';
import { expectationGridInto } from '../../algos/lab/heatmap';
import { runRace, type RaceOptions } from '../../algos/lab/race';
import { compileExpressionWithParams } from '../../expr';

/** Quadrature settings of the race's per-step reports (see runLabJob). */
export const RACE_QUADRATURE = { relTol: 1e-8, maxIntervals: 200 } as const;

/** Exact per-sample variances over a k grid at fixed (μ, σ). */
export interface SweepRequest {
  kind: 'sweep';
  f: string;
  kMin: number;
  kMax: number;
  points: number;
  mu: number;
  sigma: number;
  batch: number;
}

/** Result of a {@link SweepRequest}. */
export interface SweepResult {
  kind: 'sweep';
  k: Float64Array;
  variance: Record<LabEstimator, { mu: Float64Array; sigma: Float64Array }>;
  converged: boolean;
}

/** The race over (μ, σ) and its heatmap (an nx × ny grid over the race's box); every estimator races. */
export interface RaceRequest extends Pick<
  RaceOptions,
  'box' | 'start' | 'lr' | 'steps' | 'samples' | 'objective' | 'seed'
> {
  kind: 'race';
  f: string;
  k: number;
  nx: number;
  ny: number;
}

/** Result of a {@link RaceRequest}. */
export interface RaceJobResult {
  kind: 'race';
  grid: Float64Array;
  best: { value: number; mu: number; sigma: number };
  paths: Record<LabEstimator, Float64Array>;
  values: Record<LabEstimator, Float64Array>;
  arrival: Record<LabEstimator, number>;
  diverged: Record<LabEstimator, number>;
}

/** Any request / result. */
export type LabJob = SweepRequest | RaceRequest;
export type LabJobResult = SweepResult | RaceJobResult;

/** Compiles f(z; k) into two-argument functions; throws with the compiler's message if refused. */
function compileWithK(text: string): {
  f: (z: number, k: number) => number;
  df: (z: number, k: number) => number;
  /** How to look for jumps and kinks (null for a smooth f: none to find). */
  breaks: BreakpointOptions | null;
} {
  const r = compileExpressionWithParams(text, { variable: 'z', paramNames: ['k'] });
  if (!r.ok) throw new Error(r.error);
  const p = new Float64Array(1);
  const { f, df } = r.value;
  return {
    f: (z, k) => ((p[0] = k), f(z, p)),
    df: (z, k) => ((p[0] = k), df(z, p)),
    breaks: breakpointSearch(r.value),
  };
}

/** Runs one job synchronously. Throws on a refused f or bad sizes (the worker turns that into a message). */
export function runLabJob(job: LabJob): LabJobResult {
  const { f, df, breaks } = compileWithK(job.f);
  if (job.kind === 'sweep') {
    const n = Math.max(2, Math.floor(job.points));
    const ks = new Float64Array(n);
    for (let i = 0; i < n; i++) ks[i] = job.kMin + ((job.kMax - job.kMin) * i) / (n - 1);
    // jumps and kinks become panel edges of each quadrature (see findBreakpoints)
    const { mu, sigma } = job;
    const breakpoints = breaks
      ? (k: number) =>
          breakpointsNear(
            (z) => f(z, k),
            (z) => df(z, k),
            mu,
            sigma,
            breaks,
          ) ?? []
      : undefined;
    const s = gaussianVarianceSweep(f, df, ks, mu, sigma, { batch: job.batch, breakpoints });
    const variance = {} as SweepResult['variance'];
    for (const name of LAB_ESTIMATORS) {
      variance[name] = {
        mu: Float64Array.from(s.variance[name].mu),
        sigma: Float64Array.from(s.variance[name].sigma),
      };
    }
    return { kind: 'sweep', k: ks, variance, converged: s.converged };
  }
  const k = job.k;
  const fk = (z: number) => f(z, k);
  const dfk = (z: number) => df(z, k);
  const { box } = job;
  const reach = BREAKPOINT_REACH * box.sigmaHi;
  const bp = breaks
    ? findBreakpoints(fk, dfk, box.muLo - reach, box.muHi + reach, { ...breaks, grid: 40_000 })
    : [];
  const grid = new Float64Array(job.nx * job.ny);
  const ext = expectationGridInto(grid, fk, { ...box, nx: job.nx, ny: job.ny }, 1e-7, bp);
  const best =
    job.objective === 'min'
      ? { value: ext.min, mu: ext.minMu, sigma: ext.minSigma }
      : { value: ext.max, mu: ext.maxMu, sigma: ext.maxSigma };
  const race = runRace(fk, dfk, {
    estimators: LAB_ESTIMATORS,
    start: job.start,
    lr: job.lr,
    steps: job.steps,
    samples: job.samples,
    objective: job.objective,
    seed: job.seed,
    box: job.box,
    breakpoints: bp,
    // the race needs values and oracle baselines to plotting accuracy, not 1e-11: a cap keeps a
    // pathological f (sin(1000 z), floor(100 z)) from costing seconds per step
    quadrature: RACE_QUADRATURE,
    target: Number.isFinite(best.value) ? best.value : undefined,
  });
  return {
    kind: 'race',
    grid,
    best,
    paths: race.paths,
    values: race.values,
    arrival: race.arrival,
    diverged: race.diverged,
  };
}

/** Runs jobs somewhere (a worker in the browser, inline in tests); resolves with the result or rejects. */
export interface LabJobRunner {
  run(job: LabJob): Promise<LabJobResult>;
  dispose(): void;
}

/** Runs jobs on the calling thread, asynchronously (a microtask later), for tests and as a fallback. */
export function inlineJobRunner(): LabJobRunner {
  return {
    run: (job) => Promise.resolve().then(() => runLabJob(job)),
    dispose: () => undefined,
  };
}
