/**
 * `train`: R independent seeded runs of one configuration (run r uses seed + r, so run 0 is exactly the
 * playground's run for that seed), E episodes each; reports per-episode means and standard errors across
 * runs of the return, the fraction of runs that pulled the optimal arm (bandits) and the episode length
 * (episodic environments). The loop and the sums are ../algos/trainReport.ts, shared with the playground's
 * multi-seed runs.
 */
import { parseConfig } from '../algos/config';
import { MAX_REPORT_EPISODES, MAX_REPORT_RUNS } from '../algos/reportJson';
import {
  createSeedMetrics,
  failureMessage,
  ReportSums,
  runSeedInto,
  seedOfRun,
  trainReportOf,
  type TrainReport,
} from '../algos/trainReport';
import { UsageError, intFlag, takeFlag } from './args';

export type { SeriesStats, TrainReport } from '../algos/trainReport';

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
  const episodes = intFlag('episodes', takeFlag(flags, 'episodes'), 1000, 1, MAX_REPORT_EPISODES);
  const runs = intFlag('runs', takeFlag(flags, 'runs'), 10, 1, MAX_REPORT_RUNS);
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
  const sums = new ReportSums(config.env, episodes);
  const out = createSeedMetrics(config.env, episodes);
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) {
    const failure = runSeedInto(config, seedOfRun(config.seed, r), episodes, reward, out);
    if (failure) throw new UsageError(failureMessage(r, config.seed, failure));
    sums.addRun(out);
  }
  return trainReportOf(config, sums, performance.now() - t0);
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
