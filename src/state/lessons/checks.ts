/**
 * The lessons' automatic checks: pure functions from what a run measured to the choice it supports, with the
 * numbers ("The run shows …"). Every criterion is statistical (./stats.ts: differences beyond Z standard errors,
 * or a unique target within Z·SE); nothing is hard-coded about the outcome, so numbers that contradict a lesson
 * produce the contradicting verdict.
 */
import { lessonById } from './catalog';
import {
  compareArms,
  fmt,
  meanAndSe,
  pct,
  pm,
  uniqueMatch,
  varianceRatio,
  windowMean,
  Z,
  type ArmComparison,
  type WindowMean,
} from './stats';
import type {
  BanditMeasurement,
  BatchMeasurement,
  CorridorMeasurement,
  FailsMeasurement,
  Finding,
  GridGradientVariance,
  GridworldMeasurement,
  Measurement,
  SmoothMeasurement,
  VarianceEstimate,
  Verdict,
} from './types';

/** Lesson 1: % optimal action over the last 100 steps, with against without the baseline. */
export function checkBandit(m: BanditMeasurement): Finding {
  const n = m.withBaseline.mean.length;
  const c = compareArms(m.withBaseline, m.withoutBaseline, n - 100, n, 0.05);
  const outcome = c.outcome === 'a' ? 'worse' : c.outcome === 'b' ? 'better' : c.outcome;
  return {
    outcome,
    shows:
      `over the last 100 steps the agent with b = R̄ pulls the best arm ${pct(c.a)} of the time, ` +
      `without a baseline ${pct(c.b)} (difference ${(100 * c.diff).toFixed(1)} points, SE ≤ ${(100 * c.se).toFixed(1)}).`,
  };
}

/** The exact J(p) of the short corridor, (2p − 4)/(p(1 − p)) (S&B Example 13.1). */
export function corridorJ(p: number): number {
  return p > 0 && p < 1 ? (2 * p - 4) / (p * (1 - p)) : -Infinity;
}

/** p* = 2 − √2, the maximiser of {@link corridorJ}. */
export const CORRIDOR_OPTIMUM = 2 - Math.SQRT2;

/** Lesson 2: which of 0, ½, p*, 1 is the only one within 3·SE + 0.03 of the seeds' mean learned π(right). */
export function checkCorridor(m: CorridorMeasurement): Finding {
  const w = meanAndSe(m.finalProbRight);
  const ids = ['left', 'half', 'optimum', 'right'];
  const i = uniqueMatch(w, [0, 0.5, CORRIDOR_OPTIMUM, 1], 3, 0.03);
  return {
    outcome: i >= 0 ? ids[i] : null,
    shows:
      `after training, π(right) = ${pm(w)} (mean ± SE over ${m.finalProbRight.length} seeds), ` +
      `J = ${fmt(m.jLearned, 4)} there; the optimum is p* = 2 − √2 ≈ ${fmt(CORRIDOR_OPTIMUM)} with J = ${fmt(m.jOptimal, 4)}.`,
  };
}

function armsText(c: ArmComparison, what: string, nameA: string, nameB: string): string {
  return (
    `${what}: ${nameA} ${pm(c.a)}, ${nameB} ${pm(c.b)} ` + `(difference ${fmt(c.diff)}, SE ≤ ${fmt(c.se, 2)})`
  );
}

/** Lesson 3: mean return over the last 50 episodes, with against without V(s). */
export function checkGridworld(m: GridworldMeasurement): Finding {
  const n = m.withV.mean.length;
  const c = compareArms(m.withV, m.withoutV, n - 50, n, 0.1);
  const len = compareArms(m.lengthWithV, m.lengthWithoutV, 0, n, Infinity);
  const outcome = c.outcome === 'a' ? 'helps' : c.outcome === 'b' ? 'hurts' : c.outcome;
  return {
    outcome,
    shows:
      armsText(c, `mean return over the last 50 episodes`, 'with V(s)', 'without') +
      `; mean episode length over all ${n} episodes ${fmt(len.a.mean)} with V(s), ${fmt(len.b.mean)} without.` +
      gradText(m.gradVariance),
  };
}

function gradText(g: GridGradientVariance | undefined): string {
  if (!g) return '';
  const w = (v: VarianceEstimate) => pm({ mean: v.variance, se: v.se });
  return (
    `\nGradient variance tr Cov[ĝ] at the same ${g.policies} policies (after ${g.afterEpisodes} episodes): ` +
    `${w(g.withV)} with V(s), ${w(g.withoutV)} without.`
  );
}

/** Lesson 4: mean return over all episodes, pathwise against REINFORCE. */
export function checkSmooth(m: SmoothMeasurement): Finding {
  const n = m.pathwise.mean.length;
  const c = compareArms(m.pathwise, m.reinforce, 0, n, 0.1);
  const outcome = c.outcome === 'a' ? 'pathwise' : c.outcome === 'b' ? 'reinforce' : c.outcome;
  return {
    outcome,
    shows: armsText(c, `mean return over all ${n} episodes`, 'pathwise', 'REINFORCE') + '.',
  };
}

/** Whether an agent's return rose: last 50 against first 50 episodes ('up', 'flat' within ±margin, or null). */
function learned(
  s: FailsMeasurement['stepPathwise'],
  margin: number,
): { w: ArmComparison; verdict: string | null } {
  const n = s.mean.length;
  const last = windowMean(s, n - 50, n);
  const first = windowMean(s, 0, 50);
  const diff = last.mean - first.mean;
  const se = last.se + first.se;
  const verdict = diff > Z * se ? 'up' : Math.abs(diff) + Z * se < margin ? 'flat' : null;
  return { w: { a: last, b: first, diff, se, outcome: null }, verdict };
}

/** Lesson 5: is pathwise noisier than score on cos(k·a) at the largest k, and does it move on the step? */
export function checkFails(m: FailsMeasurement): Finding {
  const big = m.cos.reduce((a, b) => (b.k > a.k ? b : a));
  const { score, pathwise } = big.measured;
  const d = pathwise.variance - score.variance;
  const dse = pathwise.se + score.se;
  const noisier = d > Z * dse ? true : -d > Z * dse ? false : null;
  const pw = learned(m.stepPathwise, 0.15);
  const rf = learned(m.stepReinforce, 0.15);
  const blind = pw.verdict === 'flat' ? true : pw.verdict === 'up' ? false : null;
  let outcome: string | null = null;
  if (noisier !== null && blind !== null)
    outcome = noisier ? (blind ? 'noisy-blind' : 'noisy-learns') : blind ? 'smooth-blind' : 'wins-both';
  const cosText = m.cos
    .map(
      (c) =>
        `\nk = ${fmt(c.k)}: pathwise ${pm({ mean: c.measured.pathwise.variance, se: c.measured.pathwise.se })} ` +
        `(exact ${fmt(c.exact.pathwise)}), score ${pm({ mean: c.measured.score.variance, se: c.measured.score.se })} ` +
        `(exact ${fmt(c.exact.score)})`,
    )
    .join(';');
  return {
    outcome,
    shows:
      `per-sample variance of ∂/∂μ for cos(k·a):${cosText}.\nOn the step, mean return first 50 → last 50 ` +
      `episodes: pathwise ${fmt(pw.w.b.mean)} → ${fmt(pw.w.a.mean)} (change ${fmt(pw.w.diff)}, SE ≤ ${fmt(pw.w.se, 2)}), ` +
      `REINFORCE ${fmt(rf.w.b.mean)} → ${fmt(rf.w.a.mean)} (change ${fmt(rf.w.diff)}, SE ≤ ${fmt(rf.w.se, 2)}).`,
  };
}

/** Variance ratios N = 1 → 16 of the score estimator that the SD part of lesson 6 names (SD ×1, ½, ¼, 1⁄16). */
const SD_RATIOS = [1, 4, 16, 256];
const SD_IDS = ['same', 'half', 'quarter', 'sixteenth'];

/**
 * Lesson 6's thresholds on r = Var[score]/Var[baseline estimator] at the same N. By 1/N, r is how many times
 * more samples the plain score estimator needs for the same variance. "A lot": r ≥ 1.5 (the baseline is worth
 * at least half as many samples again, its SD ≥ 18 % lower); "hardly": r ≤ 1.2 (worth at most a fifth more
 * samples, SD ≤ 9 % lower). Between them the run names neither. (Exact here: b* 2.29 at every N; leave-one-out
 * 1.97 at N = 16 and 2.05 at N = 64.)
 */
export const BASELINE_THRESHOLDS = { lot: 1.5, hardly: 1.2 } as const;

/** The N at which lesson 6 compares the baselines with the plain score estimator. */
export const BASELINE_SIZES = [16, 64] as const;

/** One measured ratio Var[score]/Var[estimator] at batch size N, with its delta-method SE. */
export interface BaselineRatio {
  estimator: 'score-optimal' | 'loo';
  N: number;
  ratio: WindowMean;
}

/**
 * Lesson 6's baseline part: r = Var[score]/Var[b*] and Var[score]/Var[leave-one-out] at N = 16 and 64, each
 * with the delta-method SE of {@link varianceRatio}. The two variances come from the same draws and are
 * positively correlated, so treating them as independent overstates SE(r): the verdict can only be more
 * cautious. 'lot' when every r − Z·SE ≥ 1.5, 'hardly' when every r + Z·SE ≤ 1.2, else null.
 */
export function baselineGain(m: BatchMeasurement): {
  ratios: BaselineRatio[];
  verdict: 'lot' | 'hardly' | null;
} {
  const ratios: BaselineRatio[] = [];
  for (const N of BASELINE_SIZES) {
    const i = m.sizes.indexOf(N);
    if (i < 0) return { ratios, verdict: null };
    for (const estimator of ['score-optimal', 'loo'] as const)
      ratios.push({ estimator, N, ratio: varianceRatio(m.measured.score[i], m.measured[estimator][i]) });
  }
  const ok = (r: WindowMean) => Number.isFinite(r.mean) && Number.isFinite(r.se);
  const { lot, hardly } = BASELINE_THRESHOLDS;
  const all = (test: (r: WindowMean) => boolean) => ratios.every((x) => ok(x.ratio) && test(x.ratio));
  const verdict = all((r) => r.mean - Z * r.se >= lot)
    ? 'lot'
    : all((r) => r.mean + Z * r.se <= hardly)
      ? 'hardly'
      : null;
  return { ratios, verdict };
}

/**
 * Lesson 6: the SD part (the score estimator's variance ratio V(N = 1)/V(N = 16), the one of 1, 4, 16, 256
 * within 3 SE) combined with the baseline part ({@link baselineGain}); only SD 4- or 16-fold are choices.
 */
export function checkBatch(m: BatchMeasurement): Finding {
  const i1 = m.sizes.indexOf(1);
  const i16 = m.sizes.indexOf(16);
  if (i1 < 0 || i16 < 0) return { outcome: null, shows: 'the run did not measure N = 1 and N = 16.' };
  const r = varianceRatio(m.measured.score[i1], m.measured.score[i16]);
  const sd = SD_IDS[uniqueMatch(r, SD_RATIOS, 3)] ?? null;
  const gain = baselineGain(m);
  const outcome = (sd === 'quarter' || sd === 'sixteenth') && gain.verdict ? `${sd}-${gain.verdict}` : null;
  const name = { 'score-optimal': 'b*', loo: 'leave-one-out' } as const;
  const ratioText = gain.ratios.map((x) => `${name[x.estimator]} at N = ${x.N}: ${pm(x.ratio)}`).join(', ');
  return {
    outcome,
    shows:
      `Var(N = 1)/Var(N = 16) = ${pm(r)} for the score estimator (1/N predicts 16), so its standard deviation ` +
      `fell ${fmt(Math.sqrt(r.mean))}-fold.\nVariance of the plain score estimate over each baseline’s ` +
      `(“a lot” means ≥ ${BASELINE_THRESHOLDS.lot}, “hardly” ≤ ${BASELINE_THRESHOLDS.hardly}, within 2 SE): ` +
      `${ratioText}.`,
  };
}

/** The finding of any measurement. */
export function findingOf(m: Measurement): Finding {
  switch (m.kind) {
    case 'bandit-baseline':
      return checkBandit(m);
    case 'corridor':
      return checkCorridor(m);
    case 'gridworld-baseline':
      return checkGridworld(m);
    case 'smooth-reward':
      return checkSmooth(m);
    case 'pathwise-fails':
      return checkFails(m);
    case 'batch-size':
      return checkBatch(m);
  }
}

/** The verdict on `prediction` (a choice id of the measured lesson) given a measurement. */
export function verdictOf(m: Measurement, prediction: string): Verdict {
  const lesson = lessonById(m.kind)!;
  const f = findingOf(m);
  const label = lesson.choices.find((c) => c.id === prediction)?.label ?? prediction;
  const correct = f.outcome === null ? null : f.outcome === prediction;
  const picked = lesson.choices.find((c) => c.id === f.outcome)?.label;
  const shows =
    f.outcome === null
      ? `The run is not conclusive: ${f.shows}`
      : `The run supports “${picked!}”: ${f.shows}`;
  return { correct, predicted: `You predicted: ${label}.`, shows, why: lesson.explanation };
}
