/**
 * The lessons' runs: each turns its preset (src/state/lessons/presets.ts) into a {@link Measurement} for the
 * checks and the {@link LessonFigure}s to draw. Training runs go to the multi-seed pool (passed in as a
 * {@link SeedRunner}, src/app/multiSeed/runSeeds.ts in the page); quantities a report does not carry — the
 * corridor's learned π(right), estimator variances — are computed here with the pure code, seeded
 * (./corridorRun.ts, ./gaussianRuns.ts).
 */
import type { RunConfig } from '../../algos/config';
import type { CompareOverrides } from '../../state/store';
import {
  BANDIT_PRESET,
  GRIDWORLD_PRESET,
  SMOOTH_PRESET,
  STEP_PRESET,
  type TrainPreset,
} from '../../state/lessons/presets';
import type { LessonId, Measurement, SeriesStats } from '../../state/lessons/types';
import { armLine, type LessonFigure } from './chartData';
import { runCorridor } from './corridorRun';
import { cosChart, measureBatchSizes, measureCosVariances } from './gaussianRuns';
import { gridVarianceOverPolicies } from './gridVariance';

/** One arm's report, as far as the lessons read it (the CLI's `train --json` metrics). */
export interface ArmReport {
  metrics: { return: SeriesStats; optimalAction?: SeriesStats; length?: SeriesStats };
}

/** A multi-seed job: arm A, B's overrides (or null), seeds and episodes. */
export interface SeedJobSpec {
  config: RunConfig;
  compare: CompareOverrides | null;
  seeds: number;
  episodes: number;
}

/** The multi-seed pool's entry point (runSeeds); rejects with an 'AbortError' when cancelled. */
export type SeedRunner = (
  job: SeedJobSpec,
  opts: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal },
) => Promise<{ A: ArmReport; B: ArmReport | null }>;

/** How a run reports progress and is cancelled, and (for tests) another root seed. */
export interface RunControl {
  /** Fraction done in [0, 1]. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Root seed instead of the preset's (to check that a verdict is not one seed's luck). */
  seed?: number;
}

/** What a lesson's run produced. */
export interface LessonResult {
  measurement: Measurement;
  /** What to draw, top to bottom (lesson 5: the cos(k·a) variances above the step's learning curves). */
  charts: LessonFigure[];
}

/** Episodes in the moving average of the learning-curve charts. */
const SMOOTH = 20;

async function train(
  runner: SeedRunner,
  p: TrainPreset,
  ctl: RunControl,
  from = 0,
  to = 1,
): Promise<{ A: ArmReport; B: ArmReport }> {
  const r = await runner(
    {
      config: { ...p.config, seed: ctl.seed ?? p.config.seed },
      compare: p.compare,
      seeds: p.seeds,
      episodes: p.episodes,
    },
    { onProgress: (d, t) => ctl.onProgress?.(from + ((to - from) * d) / t), signal: ctl.signal },
  );
  if (!r.B) throw new Error('the comparison run returned no arm B');
  return { A: r.A, B: r.B };
}

function need(s: SeriesStats | undefined, what: string): SeriesStats {
  if (!s) throw new Error(`the run did not report ${what}`);
  return s;
}

/** Runs lesson `id`'s experiment. */
export async function runLesson(
  id: LessonId,
  runner: SeedRunner,
  ctl: RunControl = {},
): Promise<LessonResult> {
  switch (id) {
    case 'bandit-baseline': {
      const { A, B } = await train(runner, BANDIT_PRESET, ctl);
      const withBaseline = need(A.metrics.optimalAction, '% optimal action');
      const withoutBaseline = need(B.metrics.optimalAction, '% optimal action');
      return {
        measurement: { kind: id, withBaseline, withoutBaseline },
        charts: [
          {
            title: `% optimal action (mean of ${BANDIT_PRESET.seeds} seeds ± 2 SE, ${SMOOTH}-step average)`,
            xLabel: 'step',
            yLabel: '% optimal',
            yPercent: true,
            yRange: [0, 1],
            lines: [
              armLine('with baseline R̄', 'A', withBaseline, SMOOTH),
              armLine('without baseline', 'B', withoutBaseline, SMOOTH),
            ],
          },
        ],
      };
    }
    case 'corridor':
      return runCorridor(ctl);
    case 'gridworld-baseline': {
      const { A, B } = await train(runner, GRIDWORLD_PRESET, ctl, 0, 0.9);
      const gradVariance = await gridVarianceOverPolicies(ctl.seed, ctl.signal);
      ctl.onProgress?.(1);
      const m = {
        kind: id,
        withV: A.metrics.return,
        withoutV: B.metrics.return,
        lengthWithV: need(A.metrics.length, 'episode lengths'),
        lengthWithoutV: need(B.metrics.length, 'episode lengths'),
        gradVariance,
      } as const;
      return {
        measurement: m,
        charts: [
          {
            title: `Return per episode (mean of ${GRIDWORLD_PRESET.seeds} seeds ± 2 SE, ${SMOOTH}-episode average)`,
            xLabel: 'episode',
            yLabel: 'return',
            lines: [
              armLine('with learned V(s)', 'A', m.withV, SMOOTH),
              armLine('without baseline', 'B', m.withoutV, SMOOTH),
            ],
          },
        ],
      };
    }
    case 'smooth-reward': {
      const { A, B } = await train(runner, SMOOTH_PRESET, ctl);
      return {
        measurement: { kind: id, pathwise: A.metrics.return, reinforce: B.metrics.return },
        charts: [
          {
            title: `Return per episode, r(a) = −(a − 2)² (mean of ${SMOOTH_PRESET.seeds} seeds ± 2 SE, ${SMOOTH}-episode average)`,
            xLabel: 'episode',
            yLabel: 'return',
            lines: [
              armLine('pathwise', 'A', A.metrics.return, SMOOTH),
              armLine('REINFORCE + EMA baseline', 'B', B.metrics.return, SMOOTH),
            ],
          },
        ],
      };
    }
    case 'pathwise-fails': {
      const cos = await measureCosVariances(ctl.signal, undefined, ctl.seed);
      ctl.onProgress?.(0.1);
      const { A, B } = await train(runner, STEP_PRESET, ctl, 0.1, 1);
      return {
        measurement: { kind: id, cos, stepPathwise: A.metrics.return, stepReinforce: B.metrics.return },
        charts: [
          cosChart(cos),
          {
            title: `Step reward r(a) = [a > 1]: return per episode (mean of ${STEP_PRESET.seeds} seeds ± 2 SE, ${SMOOTH}-episode average)`,
            xLabel: 'episode',
            yLabel: 'return',
            lines: [
              armLine('pathwise', 'A', A.metrics.return, SMOOTH),
              armLine('REINFORCE + EMA baseline', 'B', B.metrics.return, SMOOTH),
            ],
            caption:
              `The return of an episode is 1 when a > 1, else 0, so the curves are P(a > 1) under each ` +
              `agent's policy; both start at μ = 0, σ = 1, where P(a > 1) = 0.16. Bands: ± 2 SE over the seeds.`,
          },
        ],
      };
    }
    case 'batch-size':
      return measureBatchSizes(ctl);
  }
}
