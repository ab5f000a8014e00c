/**
 * The gradient lab's live computation: compiles f(z; k) once per edit, and whenever μ, σ, k or the sample
 * settings change recomputes — at most once per animation frame — the exact report (quadrature), fresh
 * common-random-number draws of every estimator, their histograms and moments, the f / f′ / density curve and
 * the variance-vs-N curves. The sweep over k and the race (with its heatmap) go to a job runner (a worker in
 * the browser). Everything is written into one preallocated {@link LabFrame}; plain summary numbers go to the
 * store at most 10 times a second. Estimators, quadrature and formulas are the engine's (src/algos/); this
 * file only orchestrates them.
 */
import { gaussianGradientReport, type GaussianGradientReport } from '../../algos/exact/gaussian';
import { GaussianEstimatorSampler } from '../../algos/gaussianEstimators';
import { breakpointSearch, breakpointsNear, type BreakpointOptions } from '../../algos/lab/breakpoints';
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { Rng, Stream } from '../../core/random';
import { compileExpressionWithParams, type ParametricExpression } from '../../expr';
import { defaultLabConfig, RACE_BOX, type LabConfig } from '../../state/labConfig';
import type { LabStore } from '../../state/labStore';
import { createLabFrame, LAB_CAPACITY, type LabFrame } from './frame';
import type { LabJobRunner, RaceJobResult, SweepResult } from './jobs';
import { fillCurve, fillHistograms, fillVersusN, snapZero, summaryOf } from './labFill';
import { SUPERSEDED } from './workerJobs';

/** Points of the variance-vs-k sweep. */
export const SWEEP_POINTS = 121;
/** Heatmap size of the race. */
export const HEAT = { nx: 64, ny: 48 } as const;
/** Replay duration of a race, in milliseconds. */
export const RACE_REPLAY_MS = 2500;
/** Minimum time between two summaries published to the store. */
const PUBLISH_MS = 100;

type Keys = readonly (keyof LabConfig)[];
/** Config keys whose change invalidates each part. */
const LOCAL_KEYS: Keys = ['f', 'k', 'mu', 'sigma', 'samples', 'batch', 'seed', 'target', 'hide', 'param'];
const SWEEP_KEYS: Keys = ['f', 'kMin', 'kMax', 'mu', 'sigma', 'batch'];
const RACE_KEYS: Keys = ['f', 'k', 'objective', 'lr', 'steps', 'raceSamples', 'mu0', 'sigma0', 'seed'];

function changed(a: LabConfig, b: LabConfig, keys: Keys): boolean {
  return keys.some((key) => String(a[key]) !== String(b[key]));
}

/** Half-width of the quadrature's range in ε (see src/algos/exact/quadrature.ts). */
const QUADRATURE_REACH = 13;

/**
 * The z at the edge of the quadrature's range (μ ± 13σ) where |f|·φ is still not negligible next to E[f],
 * i.e. f grows about as fast as the Gaussian density shrinks (exp(z²) at σ ≥ 1/√2): the integral there is
 * truncated or infinite. Null when both edges are negligible.
 */
export function heavyTail(f: (z: number) => number, mu: number, sigma: number, value: number): number | null {
  const L = QUADRATURE_REACH;
  const phiL = Math.exp(-0.5 * L * L) / Math.sqrt(2 * Math.PI);
  for (const z of [mu + L * sigma, mu - L * sigma]) {
    const tail = Math.abs(f(z)) * phiL;
    if (tail > 1e-9 * (1 + Math.abs(value)) || Number.isNaN(tail)) return z;
  }
  return null;
}

/** Owns the lab's expression, buffers and frame; call {@link tick} once per animation frame. */
export class LabEngine {
  /** What the views draw (owned here; valid until the next tick). */
  readonly frame: LabFrame = createLabFrame();
  private expr: ParametricExpression | null = null;
  private readonly p = new Float64Array(1);
  private readonly fz = (z: number) => this.expr!.f(z, this.p);
  private readonly dfz = (z: number) => this.expr!.df(z, this.p);
  private sampler: GaussianEstimatorSampler | null = null;
  private report: GaussianGradientReport | null = null;
  /** How to find f's jumps and kinks for the quadrature (null: f is smooth). */
  private breaks: BreakpointOptions | null = null;
  private config: LabConfig = defaultLabConfig();
  private local = true;
  private sweepWanted = true;
  private raceWanted = true;
  private summaryDue = true;
  private lastPublish = -Infinity;
  private clock = 0;
  private readonly scratch = { range: new Float64Array(0) };
  private readonly stops: (() => void)[] = [];
  private raceClock = 0;
  private disposed = false;

  constructor(
    private readonly store: LabStore,
    private readonly jobs: LabJobRunner,
    private readonly options: { replay?: boolean } = {},
  ) {}

  /** Compiles the initial f and starts following the store. */
  start(): void {
    this.config = this.store.getState().config;
    this.compile(this.config.f, true);
    this.stops.push(
      this.store.subscribe(
        (s) => s.config,
        (c) => this.configChanged(c),
      ),
      this.store.subscribe(
        (s) => s.draftF,
        (text) => {
          if (text !== null) this.tryF(text);
        },
      ),
    );
  }

  /** Stops following the store and the job runner. */
  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
    this.jobs.dispose();
  }

  /**
   * Brings the frame up to date (recomputing what the config invalidated), advances the race replay by
   * `dtMs`, and publishes the summary when due. Returns true when the frame changed.
   */
  tick(dtMs: number): boolean {
    this.clock += dtMs;
    const before = this.frame.version;
    if (this.expr) {
      if (this.local) this.recompute();
      if (this.sweepWanted) this.requestSweep();
      if (this.raceWanted) this.requestRace();
    }
    this.advanceReplay(dtMs);
    if (this.summaryDue && this.clock - this.lastPublish >= PUBLISH_MS && this.report) {
      this.summaryDue = false;
      this.lastPublish = this.clock;
      this.store.getState().publish(summaryOf(this.frame, this.report));
    }
    return this.frame.version !== before;
  }

  /** The report behind the current frame (exact numbers at μ, σ, k). */
  get exact(): GaussianGradientReport | null {
    return this.report;
  }

  private configChanged(c: LabConfig): void {
    const old = this.config;
    this.config = c;
    // a refused f keeps the last good one running; the other settings still apply
    if (c.f !== old.f && c.f !== this.expr?.source) this.compile(c.f, false);
    if (changed(old, c, LOCAL_KEYS)) this.local = true;
    if (changed(old, c, SWEEP_KEYS)) this.sweepWanted = true;
    if (changed(old, c, RACE_KEYS)) this.raceWanted = true;
  }

  /** Compiles typed text: on success it becomes config.f; on failure the error shows and f stays. */
  private tryF(text: string): void {
    const s = this.store.getState();
    const r = compileExpressionWithParams(text, { variable: 'z', paramNames: ['k'] });
    if (!r.ok) {
      s.setExprError({ message: r.error, index: r.index, text });
      return;
    }
    s.setExprError(null);
    s.setDraftF(null);
    if (text.trim() !== s.config.f) s.setConfig({ f: text.trim() });
  }

  /** Compiles `text` as the running f; `initial`: fall back to the default f if it is refused. */
  private compile(text: string, initial: boolean): boolean {
    const s = this.store.getState();
    const r = compileExpressionWithParams(text, { variable: 'z', paramNames: ['k'] });
    if (!r.ok) {
      const error = { message: r.error, index: r.index, text };
      if (initial && !this.expr && this.compile(defaultLabConfig().f, false)) {
        s.notify(
          'warning',
          `f(z) = ${text} was refused (${r.error}); showing ${defaultLabConfig().f} instead.`,
        );
      }
      s.setExprError(error);
      return false;
    }
    this.expr = r.value;
    this.breaks = breakpointSearch(r.value);
    if (s.exprError) s.setExprError(null);
    if (s.draftF !== null) s.setDraftF(null);
    const usesK = r.value.params.includes('k');
    s.setExprInfo({
      derivative: r.value.derivativeSource,
      pathwiseBlind: r.value.pathwiseBlind,
      discontinuous: r.value.discontinuous,
      usesK,
      warning: r.value.warning ?? null,
    });
    const f = this.frame;
    f.source = r.value.source;
    f.derivativeText = r.value.derivativeSource;
    f.pathwiseBlind = r.value.pathwiseBlind;
    f.discontinuous = r.value.discontinuous;
    f.usesK = usesK;
    this.local = this.sweepWanted = this.raceWanted = true;
    return true;
  }

  /** Exact report, draws, histograms, curve and variance-vs-N at the current config. */
  private recompute(): void {
    this.local = false;
    const c = this.config;
    const f = this.frame;
    this.p[0] = c.k;
    f.mu = c.mu;
    f.sigma = c.sigma;
    f.k = c.k;
    f.param = c.param;
    f.sweep.currentK = c.k;
    for (const name of LAB_ESTIMATORS) f.visible[name] = !c.hide.includes(name);
    let report: GaussianGradientReport;
    try {
      const breakpoints = breakpointsNear(this.fz, this.dfz, c.mu, c.sigma, this.breaks);
      report = gaussianGradientReport(this.fz, this.dfz, c.mu, c.sigma, { batch: c.batch, breakpoints });
    } catch (e) {
      this.store.getState().notify('error', `Exact values failed: ${e instanceof Error ? e.message : e}`);
      return;
    }
    this.report = report;
    if (!report.quadrature.converged) {
      this.store
        .getState()
        .notify('warning', 'The quadrature did not converge here: exact numbers may be inaccurate.');
    }
    const heavy = heavyTail(this.fz, c.mu, c.sigma, report.value);
    if (heavy !== null) {
      this.store
        .getState()
        .notify(
          'warning',
          `E[f] may not exist: |f| grows about as fast as the density of z shrinks (|f(${heavy.toPrecision(3)})| ` +
            `is huge), so the "exact" numbers are not reliable here.`,
        );
    }
    f.value = report.value;
    f.grad.mu = snapZero(report.grad.mu, report);
    f.grad.sigma = snapZero(report.grad.sigma, report);
    const n = c.samples - (c.samples % c.batch);
    if (!this.sampler || this.sampler.capacity < n || this.sampler.batch !== c.batch) {
      this.sampler = new GaussianEstimatorSampler(Math.max(n, this.sampler?.capacity ?? 0), c.batch);
    }
    // The same seed gives the same ε at every (μ, σ, k): dragging a slider moves the same draws.
    const sampler = this.sampler.sample(
      this.fz,
      this.dfz,
      c.mu,
      c.sigma,
      n,
      new Rng(c.seed, Stream.diagnostics),
      report.baselines,
    );
    let bad = -1;
    for (let i = 0; i < n && bad < 0; i++) if (!Number.isFinite(sampler.values[i])) bad = i;
    if (bad >= 0) {
      const z = c.mu + c.sigma * sampler.eps[bad];
      this.store
        .getState()
        .notify(
          'warning',
          `f is not finite at z = ${z.toPrecision(4)}: some estimates are NaN and are left out.`,
        );
    }
    fillHistograms(f, sampler, report, this.scratch);
    fillCurve(f, this.fz, this.dfz, sampler);
    fillVersusN(f, sampler, report, c.target);
    this.summarize();
  }

  private summarize(): void {
    this.frame.version++;
    this.summaryDue = true;
  }

  private requestSweep(): void {
    this.sweepWanted = false;
    const c = this.config;
    const sw = this.frame.sweep;
    if (!this.frame.usesK) {
      sw.status = 'no-k';
      sw.message = 'f does not use k: type k into f(z) (e.g. cos(k*z)) to sweep it';
      sw.n = 0;
      sw.version++;
      return this.summarize();
    }
    sw.status = 'computing';
    sw.version++;
    this.summarize();
    const request = {
      kind: 'sweep' as const,
      f: this.frame.source,
      kMin: c.kMin,
      kMax: c.kMax,
      points: Math.min(SWEEP_POINTS, LAB_CAPACITY.sweep),
      mu: c.mu,
      sigma: c.sigma,
      batch: c.batch,
    };
    this.jobs.run(request).then(
      (r) => this.sweepDone(r as SweepResult, request.mu, request.sigma),
      (e: Error) => this.jobFailed('sweep', e),
    );
  }

  private sweepDone(r: SweepResult, mu: number, sigma: number): void {
    if (this.disposed) return;
    const sw = this.frame.sweep;
    const n = Math.min(r.k.length, LAB_CAPACITY.sweep);
    sw.k.set(r.k.subarray(0, n));
    for (const name of LAB_ESTIMATORS) {
      sw.variance[name].mu.set(r.variance[name].mu.subarray(0, n));
      sw.variance[name].sigma.set(r.variance[name].sigma.subarray(0, n));
    }
    sw.n = n;
    sw.mu = mu;
    sw.sigma = sigma;
    sw.status = 'ready';
    sw.message = r.converged ? '' : 'some quadratures did not converge';
    sw.version++;
    this.summarize();
  }

  private requestRace(): void {
    this.raceWanted = false;
    const c = this.config;
    const race = this.frame.race;
    race.status = 'computing';
    race.version++;
    this.summarize();
    const steps = Math.min(c.steps, LAB_CAPACITY.raceSteps);
    this.jobs
      .run({
        kind: 'race',
        f: this.frame.source,
        k: c.k,
        box: RACE_BOX,
        nx: HEAT.nx,
        ny: HEAT.ny,
        start: { mu: c.mu0, sigma: c.sigma0 },
        lr: c.lr,
        steps,
        samples: c.raceSamples,
        objective: c.objective,
        seed: c.seed,
      })
      .then(
        (r) => this.raceDone(r as RaceJobResult, steps, c.objective),
        (e: Error) => this.jobFailed('race', e),
      );
  }

  private raceDone(r: RaceJobResult, steps: number, objective: 'min' | 'max'): void {
    if (this.disposed) return;
    const race = this.frame.race;
    race.nx = HEAT.nx;
    race.ny = HEAT.ny;
    race.muLo = RACE_BOX.muLo;
    race.muHi = RACE_BOX.muHi;
    race.sigmaLo = RACE_BOX.sigmaLo;
    race.sigmaHi = RACE_BOX.sigmaHi;
    race.grid.set(r.grid.subarray(0, HEAT.nx * HEAT.ny));
    race.objective = objective;
    race.steps = steps;
    for (const name of LAB_ESTIMATORS) {
      race.paths[name].set(r.paths[name].subarray(0, 2 * (steps + 1)));
      race.values[name].set(r.values[name].subarray(0, steps + 1));
      race.arrival[name] = r.arrival[name];
    }
    race.best = { ...r.best };
    race.status = 'ready';
    const diverged = LAB_ESTIMATORS.filter((n) => r.diverged[n] >= 0);
    race.message = diverged.length > 0 ? `stopped on a non-finite estimate: ${diverged.join(', ')}` : '';
    this.raceClock = 0;
    race.shown = this.options.replay === false ? steps : 0;
    race.version++;
    this.summarize();
  }

  private advanceReplay(dtMs: number): void {
    const race = this.frame.race;
    if (race.status !== 'ready' || race.shown >= race.steps) return;
    this.raceClock += dtMs;
    const shown = Math.min(race.steps, Math.floor((this.raceClock / RACE_REPLAY_MS) * race.steps));
    if (shown !== race.shown) {
      race.shown = shown;
      race.version++;
      this.frame.version++;
    }
  }

  /** Restarts the race's replay from step 0. */
  replay(): void {
    this.raceClock = 0;
    this.frame.race.shown = 0;
    this.frame.race.version++;
    this.frame.version++;
  }

  private jobFailed(kind: 'sweep' | 'race', e: Error): void {
    if (this.disposed || e.message === SUPERSEDED) return;
    const part = kind === 'sweep' ? this.frame.sweep : this.frame.race;
    part.status = 'error';
    part.message = e.message;
    part.version++;
    this.summarize();
    this.store
      .getState()
      .notify('error', `The ${kind === 'sweep' ? 'variance sweep' : 'race'} failed: ${e.message}`);
  }
}
