/**
 * Lesson 2's run, on this thread in small slices: REINFORCE on the short corridor (S&B Example 13.1) for each
 * seed, recording π(right) after every episode and each seed's final π(right), plus the exact J at the learned
 * and at the optimal policy from the closed form (corridorJ; tests/app/lessonRuns.test.ts checks it against the
 * tabular evaluator, src/algos/exact/tabular.ts).
 */
import { createRun } from '../../algos/run';
import { abortError, yieldTurn } from '../async';
import { EPISODE_END } from '../../algos/trainer';
import { MomentSums } from '../../algos/trainReport';
import { CORRIDOR_OPTIMUM, corridorJ } from '../../state/lessons/checks';
import { CORRIDOR_PRESET } from '../../state/lessons/presets';
import { meanAndSe } from '../../state/lessons/stats';
import type { CorridorMeasurement, SeriesStats } from '../../state/lessons/types';
import { armLine, referenceLine, type LessonChart } from './chartData';

/** Episodes in the moving average of the chart. */
const SMOOTH = 20;
import type { LessonResult, RunControl } from './experiments';

/** What a cancelled lesson run rejects with (as the multi-seed pool does). */
export const lessonCancelled = () => abortError('the lesson run');

/** Runs {@link CORRIDOR_PRESET} (`seeds` and `episodes` overridable for tests). */
export async function runCorridor(
  ctl: RunControl = {},
  seeds: number = CORRIDOR_PRESET.seeds,
  episodes: number = CORRIDOR_PRESET.episodes,
): Promise<LessonResult> {
  const base = { ...CORRIDOR_PRESET.config, seed: ctl.seed ?? CORRIDOR_PRESET.config.seed };
  const sums = new MomentSums(episodes);
  const probs = new Float64Array(2);
  const finalProbRight: number[] = [];
  for (let r = 0; r < seeds; r++) {
    await yieldTurn();
    if (ctl.signal?.aborted) throw lessonCancelled();
    const run = createRun({ ...base, seed: (base.seed + r) >>> 0 });
    if (run.kind !== 'tabular') throw new Error('the corridor run is not tabular');
    const trainer = run.trainer;
    for (let e = 0; e < episodes; e++) {
      while (!(trainer.step() & EPISODE_END));
      if (trainer.error) throw new Error(`seed ${base.seed + r}, episode ${e + 1}: ${trainer.error}`);
      sums.add(e, run.policy.probsInto(0, probs)[1]);
    }
    finalProbRight.push(run.policy.probsInto(0, probs)[1]);
    ctl.onProgress?.((r + 1) / seeds);
  }
  const probRight: SeriesStats = sums.stats(seeds);
  const learned = meanAndSe(finalProbRight).mean;
  const measurement: CorridorMeasurement = {
    kind: 'corridor',
    finalProbRight,
    probRight,
    jLearned: corridorJ(learned),
    jOptimal: corridorJ(CORRIDOR_OPTIMUM),
  };
  const chart: LessonChart = {
    title: `π(right) during training (mean of ${seeds} seeds ± 2 SE, ${SMOOTH}-episode average)`,
    xLabel: 'episode',
    yLabel: 'π(right)',
    yRange: [0, 1],
    lines: [
      armLine('learned π(right)', 'A', probRight, SMOOTH),
      referenceLine('optimum 2 − √2', CORRIDOR_OPTIMUM, episodes),
    ],
  };
  return { measurement, charts: [chart] };
}
