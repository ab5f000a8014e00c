/**
 * `train`: R independent seeded runs of one configuration (run r uses seed + r, so run 0 is exactly the
 * playground's run for that seed), E episodes each; reports per-episode means and standard errors across
 * runs of the return, the fraction of runs that pulled the optimal arm (bandits) and the episode length
 * (episodic environments).
 */
import { parseConfig, type RunConfig } from '../algos/config';
import { createRun, optimalArmOf } from '../algos/run';
import { EPISODE_END } from '../algos/trainer';
import { UsageError, intFlag, takeFlag } from './args';

/** Mean and standard error across runs, one entry per episode. */
export interface SeriesStats {
  /** Mean across runs. */
  mean: number[];
  /** Standard error of the mean across runs (0 for one run). */
  se: number[];
}

/** The JSON document `train --json` prints. */
export interface TrainReport {
  command: 'train';
  config: RunConfig;
  runs: number;
  episodes: number;
  metrics: { return: SeriesStats; optimalAction?: SeriesStats; length?: SeriesStats };
  elapsedMs: number;
}

/** Accumulates Σx and Σx² per episode across runs. */
class Series {
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;

  constructor(n: number) {
    this.sum = new Float64Array(n);
    this.sumSq = new Float64Array(n);
  }

  add(i: number, x: number): void {
    this.sum[i] += x;
    this.sumSq[i] += x * x;
  }

  /** mean = Σx/R, se = √(s²/R) with s² = (Σx² − R·mean²)/(R − 1). */
  stats(runs: number): SeriesStats {
    const mean: number[] = [];
    const se: number[] = [];
    for (let i = 0; i < this.sum.length; i++) {
      const m = this.sum[i] / runs;
      const v = runs > 1 ? Math.max(0, (this.sumSq[i] - runs * m * m) / (runs - 1)) : 0;
      mean.push(round(m));
      se.push(round(Math.sqrt(v / runs)));
    }
    return { mean, se };
  }
}

/** Flags that accept a comma-separated list, to compare configurations in one command. */
export const sweepableFlags: readonly string[] = [
  'estimator',
  'baseline',
  'lr',
  'baseline-lr',
  'gamma',
  'batch',
  'optimizer',
];

/**
 * Expands comma-separated values of {@link sweepableFlags} into the grid of flag sets (their Cartesian
 * product, first flag varying slowest), e.g. `--baseline average,none --lr 0.1,0.4` → 4 flag sets.
 */
export function expandSweep(flags: readonly [string, string][]): [string, string][][] {
  let grid: [string, string][][] = [[]];
  for (const [name, value] of flags) {
    const values = sweepableFlags.includes(name) && value.includes(',') ? value.split(',') : [value];
    grid = grid.flatMap((g) => values.map((v): [string, string][] => [...g, [name, v.trim()]]));
    if (grid.length > 64) throw new UsageError('a sweep may have at most 64 configurations');
  }
  return grid;
}

/** Runs the experiment described by the flags (already split from argv). */
export async function train(flags: [string, string][]): Promise<TrainReport> {
  const episodes = intFlag('episodes', takeFlag(flags, 'episodes'), 1000, 1, 10_000_000);
  const runs = intFlag('runs', takeFlag(flags, 'runs'), 10, 1, 1_000_000);
  const { config, errors } = parseConfig(flags, undefined, '--');
  if (errors.length > 0) throw new UsageError(errors[0]);
  if (runs * episodes > 2e9) throw new UsageError(`--runs × --episodes is too large (${runs * episodes})`);
  let reward;
  if (config.env === 'continuous-bandit') {
    // mathjs takes ~1 s to load: only the continuous bandit needs it
    const { compileExpression } = await import('../expr');
    const r = compileExpression(config.reward, { variable: 'a' });
    if (!r.ok) throw new UsageError(`--reward: ${r.error}`);
    reward = r.value;
  }
  const ret = new Series(episodes);
  const optimal = config.env === 'bandit' ? new Series(episodes) : null;
  const episodic = config.env === 'gridworld' || config.env === 'short-corridor';
  const length = episodic ? new Series(episodes) : null;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const run = createRun({ ...config, seed: (config.seed + r) >>> 0 }, reward);
    const trainer = run.trainer;
    const best = optimalArmOf(run);
    const s = trainer.stats;
    for (let e = 0; e < episodes; e++) {
      while (!(trainer.step() & EPISODE_END));
      if (trainer.error)
        throw new UsageError(
          `run ${r} (seed ${(config.seed + r) >>> 0}), episode ${e + 1}: ${trainer.error}`,
        );
      ret.add(e, s.lastReturn);
      if (optimal) optimal.add(e, s.lastAction === best ? 1 : 0);
      if (length) length.add(e, s.lastLength);
    }
  }
  const elapsedMs = performance.now() - t0;
  const metrics: TrainReport['metrics'] = { return: ret.stats(runs) };
  if (optimal) metrics.optimalAction = optimal.stats(runs);
  if (length) metrics.length = length.stats(runs);
  return { command: 'train', config, runs, episodes, metrics, elapsedMs: Math.round(elapsedMs * 10) / 10 };
}

/** A readable table: about 20 rows spread over the episodes (always the first and last). */
export function formatTrainTable(rep: TrainReport): string {
  const c = rep.config;
  const lines = [
    `env ${c.env} · estimator ${c.estimator} · baseline ${c.baseline} · lr ${c.lr} · batch ${c.batch} · ` +
      `${rep.runs} runs × ${rep.episodes} episodes · seed ${c.seed} · ${rep.elapsedMs.toFixed(0)} ms`,
  ];
  const m = rep.metrics;
  const head = ['episode', 'return (mean ± se)'];
  if (m.optimalAction) head.push('% optimal');
  if (m.length) head.push('length');
  lines.push(head.map((h, i) => (i === 0 ? h.padStart(8) : h.padStart(22))).join(''));
  const rows = new Set<number>();
  const step = Math.max(1, Math.floor(rep.episodes / 20));
  for (let e = 0; e < rep.episodes; e += step) rows.add(e);
  rows.add(rep.episodes - 1);
  for (const e of [...rows].sort((a, b) => a - b)) {
    const cells = [
      String(e + 1).padStart(8),
      `${fmt(m.return.mean[e])} ± ${fmt(m.return.se[e])}`.padStart(22),
    ];
    if (m.optimalAction) cells.push(`${(100 * m.optimalAction.mean[e]).toFixed(1)}%`.padStart(22));
    if (m.length) cells.push(fmt(m.length.mean[e]).padStart(22));
    lines.push(cells.join(''));
  }
  return lines.join('\n');
}

function fmt(x: number): string {
  return Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(3) : x.toFixed(4);
}

function round(x: number): number {
  return Number(x.toPrecision(8));
}
