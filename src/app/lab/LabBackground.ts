/**
 * The lab's slow parts, computed off the main thread by a {@link LabJobRunner}: the exact variance-vs-k sweep
 * and the optimisation race with its heatmap. Requests carry the expression's text (the worker compiles it);
 * results are copied into the frame's preallocated arrays. Only the newest request of each kind may write:
 * an older result that arrives late is dropped. The race is then replayed step by step over
 * {@link RACE_REPLAY_MS} (or shown whole when motion is reduced).
 */
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { RACE_BOX, type LabConfig } from '../../state/labConfig';
import { LAB_CAPACITY, type LabFrame } from './frame';
import type { LabJobRunner, RaceJobResult, SweepResult } from './jobs';
import { SUPERSEDED } from './workerJobs';

/** Points of the variance-vs-k sweep. */
export const SWEEP_POINTS = 121;
/** Heatmap size of the race. */
export const HEAT = { nx: 64, ny: 48 } as const;
/** Replay duration of a race, in milliseconds. */
export const RACE_REPLAY_MS = 2500;

/** What the background parts tell their owner. */
export interface BackgroundHost {
  /** A part of the frame changed (bump versions, publish). */
  changed(): void;
  /** A job failed for a reason the user should read. */
  failed(message: string): void;
}

/** Requests sweeps and races, and writes their results into the frame. */
export class LabBackground {
  private sweepSeq = 0;
  private raceSeq = 0;
  private raceClock = 0;
  private disposed = false;

  constructor(
    private readonly frame: LabFrame,
    private readonly jobs: LabJobRunner,
    private readonly host: BackgroundHost,
    private readonly replayRaces = true,
  ) {}

  /** Asks for the sweep of the current f over [kMin, kMax] at (μ, σ) (or says why there is none). */
  requestSweep(c: LabConfig): void {
    const sw = this.frame.sweep;
    const seq = ++this.sweepSeq;
    if (!this.frame.usesK) {
      sw.status = 'no-k';
      sw.message = 'f does not use k: type k into f(z) (e.g. cos(k*z)) to sweep it';
      sw.n = 0;
      sw.version++;
      return this.host.changed();
    }
    sw.status = 'computing';
    sw.version++;
    this.host.changed();
    const { mu, sigma } = c;
    this.jobs
      .run({
        kind: 'sweep',
        f: this.frame.source,
        kMin: c.kMin,
        kMax: c.kMax,
        points: Math.min(SWEEP_POINTS, LAB_CAPACITY.sweep),
        mu,
        sigma,
        batch: c.batch,
      })
      .then(
        (r) => seq === this.sweepSeq && this.sweepDone(r as SweepResult, mu, sigma),
        (e: Error) => seq === this.sweepSeq && this.jobFailed('sweep', e),
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
    this.host.changed();
  }

  /** Asks for the race (and heatmap) of the current f at k from the configured start. */
  requestRace(c: LabConfig): void {
    const race = this.frame.race;
    const seq = ++this.raceSeq;
    race.status = 'computing';
    race.version++;
    this.host.changed();
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
        (r) => seq === this.raceSeq && this.raceDone(r as RaceJobResult, steps, c.objective),
        (e: Error) => seq === this.raceSeq && this.jobFailed('race', e),
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
    race.shown = this.replayRaces ? 0 : steps;
    race.version++;
    this.host.changed();
  }

  /** Advances the race replay by `dtMs`; returns whether more steps are now shown. */
  advanceReplay(dtMs: number): boolean {
    const race = this.frame.race;
    if (race.status !== 'ready' || race.shown >= race.steps) return false;
    this.raceClock += dtMs;
    const shown = Math.min(race.steps, Math.floor((this.raceClock / RACE_REPLAY_MS) * race.steps));
    if (shown === race.shown) return false;
    race.shown = shown;
    race.version++;
    return true;
  }

  /** Restarts the race's replay from step 0. */
  replay(): void {
    this.raceClock = 0;
    this.frame.race.shown = this.replayRaces ? 0 : this.frame.race.steps;
    this.frame.race.version++;
  }

  /** Drops every result that arrives from now on and stops the runner. */
  dispose(): void {
    this.disposed = true;
    this.jobs.dispose();
  }

  private jobFailed(kind: 'sweep' | 'race', e: Error): void {
    if (this.disposed || e.message === SUPERSEDED) return;
    const part = kind === 'sweep' ? this.frame.sweep : this.frame.race;
    part.status = 'error';
    part.message = e.message;
    part.version++;
    this.host.changed();
    this.host.failed(`The ${kind === 'sweep' ? 'variance sweep' : 'race'} failed: ${e.message}`);
  }
}
