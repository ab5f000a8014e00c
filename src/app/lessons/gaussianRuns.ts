/**
 * Lessons 5 and 6's estimator measurements, with the gradient lab's machinery: exact per-sample variances by
 * quadrature ({@link gaussianGradientReport}, {@link meanVarianceAt}) beside variances measured on seeded draws
 * ({@link GaussianEstimatorSampler}, {@link summarizeSamples}: variance and its large-sample SE).
 * Mohamed, Rosca, Figurnov & Mnih 2020, §§4–5, 7; Kool, van Hoof & Welling 2019 (leave-one-out).
 */
import { gaussianGradientReport } from '../../algos/exact/gaussian';
import { GaussianEstimatorSampler } from '../../algos/gaussianEstimators';
import { meanVarianceAt } from '../../algos/lab/versusN';
import { summarizeSamples } from '../../algos/sampleMoments';
import { Rng, Stream } from '../../core/random';
import { BATCH_PRESET, COS_PRESET } from '../../state/lessons/presets';
import type {
  BatchEstimator,
  BatchMeasurement,
  CosVariances,
  VarianceEstimate,
} from '../../state/lessons/types';
import { varianceMark, type LessonPointChart, type PointSeries } from './chartData';
import { yieldTurn } from '../async';
import { lessonCancelled } from './corridorRun';
import type { LessonResult, RunControl } from './experiments';

type Fn = (z: number) => number;

function estimate(x: ArrayLike<number>, n: number): VarianceEstimate {
  const s = summarizeSamples(x, n);
  return { variance: s.variance, se: s.varianceStandardError };
}

/** Exact and measured variances of the score and pathwise estimates of ∂/∂μ E[cos(k·a)] at each preset k. */
export async function measureCosVariances(
  signal?: AbortSignal,
  samples: number = COS_PRESET.samples,
  seed: number = COS_PRESET.seed,
): Promise<CosVariances[]> {
  const { mu, sigma } = COS_PRESET;
  const out: CosVariances[] = [];
  const sampler = new GaussianEstimatorSampler(samples);
  for (let i = 0; i < COS_PRESET.ks.length; i++) {
    await yieldTurn();
    if (signal?.aborted) throw lessonCancelled();
    const k = COS_PRESET.ks[i];
    const f: Fn = (z) => Math.cos(k * z);
    const df: Fn = (z) => -k * Math.sin(k * z);
    const report = gaussianGradientReport(f, df, mu, sigma);
    sampler.sample(f, df, mu, sigma, samples, new Rng(seed + i, Stream.diagnostics), report.baselines);
    out.push({
      k,
      exact: { score: report.estimators.score.variance.mu, pathwise: report.estimators.pathwise.variance.mu },
      measured: {
        score: estimate(sampler.estimates.score.mu, samples),
        pathwise: estimate(sampler.estimates.pathwise.mu, samples),
      },
    });
  }
  return out;
}

/**
 * Variance of the N-sample mean of ∂/∂μ estimates for each N of {@link BATCH_PRESET}: `groups` independent
 * batches per N (fresh draws for each N, so the N's are independent), the batch means' sample variance and its
 * SE; leave-one-out from the sampler's own batch means (needs N ≥ 2).
 */
export async function measureBatchSizes(
  ctl: RunControl = {},
  groups: number = BATCH_PRESET.groups,
): Promise<LessonResult> {
  const { mu, sigma, sizes } = BATCH_PRESET;
  const seed = ctl.seed ?? BATCH_PRESET.seed;
  const f: Fn = (z) => -((z - 2) ** 2);
  const df: Fn = (z) => -2 * (z - 2);
  const names: BatchEstimator[] = ['score', 'score-optimal', 'loo'];
  const report = gaussianGradientReport(f, df, mu, sigma);
  const measured: Record<BatchEstimator, VarianceEstimate[]> = { score: [], 'score-optimal': [], loo: [] };
  const exact: Record<BatchEstimator, number[]> = { score: [], 'score-optimal': [], loo: [] };
  const means = new Float64Array(groups);
  for (let i = 0; i < sizes.length; i++) {
    await yieldTurn();
    if (ctl.signal?.aborted) throw lessonCancelled();
    const N = sizes[i];
    const s = new GaussianEstimatorSampler(N * groups, Math.max(2, N));
    s.sample(f, df, mu, sigma, N * groups, new Rng(seed + i, Stream.diagnostics), report.baselines);
    for (const name of names) {
      exact[name].push(meanVarianceAt(report, name, N).mu);
      if (name === 'loo') {
        measured.loo.push(N >= 2 ? estimate(s.looBatchMeans.mu, groups) : { variance: NaN, se: NaN });
        continue;
      }
      // batch mean m_g = (1/N) Σ_{j<N} ĝ_{gN+j}
      const g = s.estimates[name].mu;
      for (let b = 0; b < groups; b++) {
        let sum = 0;
        for (let j = 0; j < N; j++) sum += g[b * N + j];
        means[b] = sum / N;
      }
      measured[name].push(estimate(means, groups));
    }
    ctl.onProgress?.((i + 1) / sizes.length);
  }
  const measurement: BatchMeasurement = { kind: 'batch-size', sizes: [...sizes], measured, exact };
  return { measurement, charts: [batchChart(measurement, groups)] };
}

const LABELS: Record<BatchEstimator, string> = {
  score: 'score',
  'score-optimal': 'optimal b*',
  loo: 'leave-one-out',
};

/** "2.29" / "25.3" / "0.52": a ratio for a caption. */
function times(r: number): string {
  return r >= 10 ? r.toFixed(0) : r.toFixed(r >= 1 ? 1 : 2);
}

/**
 * Variance of the N-sample mean against N, both on log scales (x at log₂ N, ticks labelled 1, 4, 16, 64):
 * measured points ± 2 SE as dots and whiskers, exact values as dashed lines, one colour per estimator.
 */
function batchChart(m: BatchMeasurement, groups: number): LessonPointChart {
  const x = m.sizes.map((n) => Math.log2(n));
  const names = ['score', 'score-optimal', 'loo'] as const;
  const series: PointSeries[] = names.map((name) => ({
    label: LABELS[name],
    role: name,
    points: m.sizes.map((_, i) => varianceMark(x[i], m.measured[name][i])),
    exact: m.sizes.map((_, i) => ({ x: x[i], y: m.exact[name][i] })),
  }));
  const last = m.sizes.length - 1;
  const gain = (name: 'score-optimal' | 'loo', i: number) => times(m.exact.score[i] / m.exact[name][i]);
  const i2 = m.exact.loo.findIndex((v) => Number.isFinite(v));
  return {
    kind: 'points',
    style: 'curve',
    title: 'Variance of the N-sample estimate of ∂/∂μ',
    xLabel: 'N, samples per estimate (log scale)',
    yLabel: 'variance (log scale)',
    xTicks: m.sizes.map((n, i) => ({ at: x[i], label: String(n) })),
    series,
    caption:
      `Dots: variance measured over ${groups.toLocaleString('en')} estimates at each N, whiskers ± 2 SE; ` +
      `dashed: exact. Every line falls with slope −1 (variance ∝ 1/N). Exact gains over the plain score ` +
      `estimate: b* ${gain('score-optimal', 0)}× at every N; leave-one-out ${gain('loo', i2)}× at ` +
      `N = ${m.sizes[i2]}, rising to ${gain('loo', last)}× at N = ${m.sizes[last]}.`,
  };
}

/**
 * The per-sample variances of lesson 5's cos(k·a) at each k side by side (score left, pathwise right):
 * measured ± 2 SE as dots and whiskers, the exact value as a black bar, on a log axis.
 */
export function cosChart(
  cos: readonly CosVariances[],
  samples: number = COS_PRESET.samples,
): LessonPointChart {
  const side = (est: 'score' | 'pathwise', label: string, shift: number): PointSeries => ({
    label,
    role: est,
    shift,
    points: cos.map((c, i) => varianceMark(i, c.measured[est])),
    exact: cos.map((c, i) => ({ x: i, y: c.exact[est] })),
  });
  const ratios = cos
    .map((c) => {
      const r = c.exact.pathwise / c.exact.score;
      const how = r > 1 ? `${times(r)}× noisier` : `${times(1 / r)}× less noisy`;
      return `at k = ${c.k} pathwise is ${how} than score`;
    })
    .join('; ');
  // on a log axis a whisker of ± 2 SE spans log10((v + 2se)/(v − 2se)); under ~6 % of v it hides under the dot
  const hidden = cos.every((c) =>
    (['score', 'pathwise'] as const).every((e) => 2 * c.measured[e].se < 0.06 * c.measured[e].variance),
  );
  return {
    kind: 'points',
    style: 'categories',
    title: `Per-sample variance of ∂/∂μ E[cos(k·a)], a ~ N(${COS_PRESET.mu}, ${COS_PRESET.sigma}²)`,
    xLabel: 'frequency k',
    yLabel: 'variance (log scale)',
    xTicks: cos.map((c, i) => ({ at: i, label: `k = ${c.k}` })),
    series: [side('score', 'score (REINFORCE)', -0.14), side('pathwise', 'pathwise', 0.14)],
    caption:
      `Dots: variance measured on ${samples.toLocaleString('en')} draws, whiskers ± 2 SE${hidden ? ' (shorter than the dots here)' : ''}; ` +
      `black bars: exact, by quadrature. By the exact values, ${ratios}.`,
  };
}
