/**
 * The gradient lab's live computation: compiles f(z; k) once per edit, and whenever μ, σ, k or the sample
 * settings change recomputes — at most once per animation frame — the exact report (quadrature), fresh
 * common-random-number draws of every estimator, their histograms and moments, the f / f′ / density curve and
 * the variance-vs-N curves. The sweep over k and the race (with its heatmap) go to a job runner (a worker in
 * the browser). Everything is written into one preallocated {@link LabFrame}; plain summary numbers go to the
 * store at most 10 times a second. Estimators, quadrature and formulas are the engine's (src/algos/); this
 * file only orchestrates them.
 */
import { gaussianGradientReport } from '../../algos/exact/gaussian';
import type { GaussianGradientReport } from '../../algos/exact/gaussianTypes';
import { GaussianEstimatorSampler } from '../../algos/gaussianEstimators';
import { breakpointSearch, breakpointsNear, type BreakpointOptions } from '../../algos/lab/breakpoints';
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { Rng, Stream } from '../../core/random';
import { compileExpressionWithParams, type ParametricExpression } from '../../expr';
import { defaultLabConfig, type LabConfig } from '../../state/labConfig';
import type { LabStore } from '../../state/labStore';
import { createLabFrame, type LabFrame } from './frame';
import type { LabJobRunner } from './jobs';
import { LabBackground } from './LabBackground';
import { firstNonFinite, heavyTail } from './labChecks';
import { fillCurve, fillHistograms, fillVersusN, snapZero, summaryOf } from './labFill';

export { heavyTail } from './labChecks';

/** Draws shown in the first frame after a change. */
export const FIRST_CHUNK = 4096;
/** Draws added in each later frame until the configured count is reached. */
export const CHUNK = 16_384;
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
  /** Draws wanted for the current config (samples, rounded down to whole leave-one-out batches). */
  private target = 0;
  /** The stream the current draws come from (continued by later chunks). */
  private rng = new Rng(1, Stream.diagnostics);
  private local = true;
  private sweepWanted = true;
  private raceWanted = true;
  private summaryDue = true;
  private lastPublish = -Infinity;
  private clock = 0;
  private readonly scratch = { range: new Float64Array(0) };
  private readonly stops: (() => void)[] = [];
  private readonly background: LabBackground;

  /** `options.replay` (default true): animate each race's result step by step. */
  constructor(
    private readonly store: LabStore,
    jobs: LabJobRunner,
    options: { replay?: boolean } = {},
  ) {
    this.background = new LabBackground(
      this.frame,
      jobs,
      {
        changed: () => this.summarize(),
        failed: (message) => this.store.getState().notify('error', message),
      },
      options.replay !== false,
    );
  }

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
    for (const stop of this.stops.splice(0)) stop();
    this.background.dispose();
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
      else if (this.sampler && this.report && this.sampler.count < this.target)
        this.draw(CHUNK, this.sampler.count);
      if (this.sweepWanted) {
        this.sweepWanted = false;
        this.background.requestSweep(this.config);
      }
      if (this.raceWanted) {
        this.raceWanted = false;
        this.background.requestRace(this.config);
      }
    }
    if (this.background.advanceReplay(dtMs)) this.frame.version++;
    if (this.summaryDue && this.clock - this.lastPublish >= PUBLISH_MS && this.report) {
      this.summaryDue = false;
      this.lastPublish = this.clock;
      this.store.getState().publish(summaryOf(this.frame, this.report));
    }
    return this.frame.version !== before;
  }

  /** Restarts the race's replay from step 0. */
  replay(): void {
    this.background.replay();
    this.frame.version++;
  }

  /** True while draws for the current config are still being added (one chunk per tick). */
  get drawing(): boolean {
    return !!this.sampler && this.sampler.count < this.target;
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
    const t = text.trim();
    // compiled once: on success it is already the running f, so the config change below compiles nothing
    if (!this.compile(t, false)) return;
    const s = this.store.getState();
    if (t !== s.config.f) s.setConfig({ f: t });
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
      kinked: r.value.smoothness === 'kinked',
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
    const breakpoints = breakpointsNear(this.fz, this.dfz, c.mu, c.sigma, this.breaks);
    try {
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
    this.target = c.samples - (c.samples % c.batch);
    if (!this.sampler || this.sampler.capacity < this.target || this.sampler.batch !== c.batch) {
      this.sampler = new GaussianEstimatorSampler(
        Math.max(this.target, this.sampler?.capacity ?? 0),
        c.batch,
      );
    }
    // The same seed gives the same ε at every (μ, σ, k): dragging a slider moves the same draws. The first
    // FIRST_CHUNK draws are shown at once; the rest follow CHUNK per frame from the same stream (see drawMore),
    // so a large sample count never stalls a frame and ends with exactly the draws of one big call.
    this.rng = new Rng(c.seed, Stream.diagnostics);
    this.draw(FIRST_CHUNK, 0);
    fillCurve(f, this.fz, this.dfz, this.sampler, breakpoints);
  }

  /** Draws up to `chunk` more samples (appended from `offset`) and refreshes the histograms and curves. */
  private draw(chunk: number, offset: number): void {
    const c = this.config;
    const sampler = this.sampler!;
    const report = this.report!;
    const n = Math.min(this.target - offset, Math.max(c.batch, chunk - (chunk % c.batch)));
    sampler.sample(this.fz, this.dfz, c.mu, c.sigma, n, this.rng, report.baselines, offset);
    const bad = firstNonFinite(sampler.values.subarray(offset), n);
    if (bad >= 0) {
      const z = c.mu + c.sigma * sampler.eps[offset + bad];
      this.store
        .getState()
        .notify(
          'warning',
          `f is not finite at z = ${z.toPrecision(4)}: some estimates are NaN and are left out.`,
        );
    }
    fillHistograms(this.frame, sampler, report, this.scratch);
    fillVersusN(this.frame, sampler, report, c.target);
    this.summarize();
  }

  private summarize(): void {
    this.frame.version++;
    this.summaryDue = true;
  }
}
