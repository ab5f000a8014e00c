/**
 * The numbers of a multi-seed experiment, shared by the CLI's `train` (src/cli/train.ts) and the browser's
 * multi-seed runs (src/app/multiSeed/): one seeded run's per-episode return, optimal-action flag and length
 * ({@link runSeedInto}, exactly the CLI's loop), the Σx/Σx² accumulator that adds runs in seed order
 * ({@link MomentSums}), and the JSON document both print ({@link TrainReport}). Because both sides call these
 * functions in the same order, a browser run and `npm run cli -- train --json` with the same flags and seed
 * give bit-identical means and standard errors.
 */
import type { ScalarFunction } from '../core/env';
import type { RunConfig, RunEnvId } from './config';
import { createRun, optimalArmOf } from './run';
import { EPISODE_END } from './trainer';

/** Mean and standard error across runs, one entry per episode. */
export interface SeriesStats {
  /** Mean across runs. */
  mean: number[];
  /** Standard error of the mean across runs (0 for one run). */
  se: number[];
}

/** Metric names of a report, in column order. */
export const metricKeys = ['return', 'optimalAction', 'length'] as const;
/** One of {@link metricKeys}. */
export type MetricKey = (typeof metricKeys)[number];

/** The JSON document `train --json` prints (and the playground exports). */
export interface TrainReport {
  command: 'train';
  config: RunConfig;
  runs: number;
  episodes: number;
  metrics: { return: SeriesStats; optimalAction?: SeriesStats; length?: SeriesStats };
  elapsedMs: number;
  /**
   * Only in playground exports of a live run whose hyperparameters were changed while it ran: what changed,
   * because the CLI (fixed hyperparameters) cannot reproduce such a run.
   */
  liveEdits?: string[];
  /** Only in playground exports of a live run that diverged: where, and that the episodes end before it. */
  stopped?: string;
}

/** What `train --json` prints for a comma-separated sweep (and the playground exports for Compare A/B). */
export interface SweepReport {
  command: 'sweep';
  reports: TrainReport[];
}

/** Which metrics an environment reports: the return always, % optimal (bandit), length (episodic). */
export function metricsOf(env: RunEnvId): MetricKey[] {
  const out: MetricKey[] = ['return'];
  if (env === 'bandit') out.push('optimalAction');
  if (env === 'gridworld' || env === 'short-corridor') out.push('length');
  return out;
}

/** One run's per-episode values (arrays of `episodes` entries; null for a metric the env does not report). */
export interface SeedMetrics {
  return: Float64Array;
  optimalAction: Float64Array | null;
  length: Float64Array | null;
}

/** Fresh zeroed {@link SeedMetrics} for `episodes` episodes of environment `env`. */
export function createSeedMetrics(env: RunEnvId, episodes: number): SeedMetrics {
  const m = metricsOf(env);
  return {
    return: new Float64Array(episodes),
    optimalAction: m.includes('optimalAction') ? new Float64Array(episodes) : null,
    length: m.includes('length') ? new Float64Array(episodes) : null,
  };
}

/** Where a run stopped early: the episode (0-based) and the trainer's error. */
export interface SeedFailure {
  episode: number;
  error: string;
}

/**
 * Runs `episodes` episodes of `config` with root seed `seed` and writes each episode's return, whether it
 * pulled the optimal arm (1/0) and its length into `out`. Returns null, or where the trainer diverged.
 */
export function runSeedInto(
  config: RunConfig,
  seed: number,
  episodes: number,
  reward: ScalarFunction | undefined,
  out: SeedMetrics,
): SeedFailure | null {
  const run = createRun({ ...config, seed }, reward);
  const trainer = run.trainer;
  const best = optimalArmOf(run);
  const s = trainer.stats;
  for (let e = 0; e < episodes; e++) {
    while (!(trainer.step() & EPISODE_END));
    if (trainer.error) return { episode: e, error: trainer.error };
    out.return[e] = s.lastReturn;
    if (out.optimalAction) out.optimalAction[e] = s.lastAction === best ? 1 : 0;
    if (out.length) out.length[e] = s.lastLength;
  }
  return null;
}

/** Seed of run r (0-based) of an experiment with root seed `seed`: seed + r, as an unsigned 32-bit integer. */
export function seedOfRun(seed: number, r: number): number {
  return (seed + r) >>> 0;
}

/** The CLI's one-line message for a run that diverged. */
export function failureMessage(r: number, seed: number, f: SeedFailure): string {
  return `run ${r} (seed ${seedOfRun(seed, r)}), episode ${f.episode + 1}: ${f.error}`;
}

/** Accumulates Σx and Σx² per episode across runs (add runs in seed order for reproducible sums). */
export class MomentSums {
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;

  /** @param n number of episodes */
  constructor(n: number) {
    this.sum = new Float64Array(n);
    this.sumSq = new Float64Array(n);
  }

  /** Adds x to episode i. */
  add(i: number, x: number): void {
    this.sum[i] += x;
    this.sumSq[i] += x * x;
  }

  /** Adds one run's values (episode i gets xs[i]). */
  addRun(xs: Float64Array): void {
    const n = Math.min(xs.length, this.sum.length);
    for (let i = 0; i < n; i++) this.add(i, xs[i]);
  }

  /** mean = Σx/R, se = √(s²/R) with s² = (Σx² − R·mean²)/(R − 1); both to 8 significant digits. */
  stats(runs: number): SeriesStats {
    const mean: number[] = [];
    const se: number[] = [];
    for (let i = 0; i < this.sum.length; i++) {
      const m = this.sum[i] / runs;
      const v = runs > 1 ? Math.max(0, (this.sumSq[i] - runs * m * m) / (runs - 1)) : 0;
      mean.push(roundReport(m));
      se.push(roundReport(Math.sqrt(v / runs)));
    }
    return { mean, se };
  }
}

/** The sums of every metric an environment reports. */
export class ReportSums {
  readonly metrics: { [K in MetricKey]: MomentSums | null };
  /** Runs added so far. */
  runs = 0;

  constructor(
    readonly env: RunEnvId,
    readonly episodes: number,
  ) {
    const m = metricsOf(env);
    const make = (k: MetricKey) => (m.includes(k) ? new MomentSums(episodes) : null);
    this.metrics = { return: make('return'), optimalAction: make('optimalAction'), length: make('length') };
  }

  /** Adds one run (call in seed order). */
  addRun(m: SeedMetrics): void {
    this.metrics.return!.addRun(m.return);
    if (m.optimalAction) this.metrics.optimalAction?.addRun(m.optimalAction);
    if (m.length) this.metrics.length?.addRun(m.length);
    this.runs++;
  }

  /** The report's `metrics` over the runs added. */
  stats(): TrainReport['metrics'] {
    const { return: r, optimalAction, length } = this.metrics;
    const out: TrainReport['metrics'] = { return: r!.stats(this.runs) };
    if (optimalAction) out.optimalAction = optimalAction.stats(this.runs);
    if (length) out.length = length.stats(this.runs);
    return out;
  }
}

/** Builds the report document (elapsed time to 0.1 ms). */
export function trainReportOf(config: RunConfig, sums: ReportSums, elapsedMs: number): TrainReport {
  return {
    command: 'train',
    config,
    runs: sums.runs,
    episodes: sums.episodes,
    metrics: sums.stats(),
    elapsedMs: Math.round(elapsedMs * 10) / 10,
  };
}

/** Rounds to 8 significant digits (the precision of the report). */
export function roundReport(x: number): number {
  return Number(x.toPrecision(8));
}
