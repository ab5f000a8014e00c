/**
 * The gradient lab's labels as pure functions (no Pixi; unit-tested): panel titles, the histogram panels'
 * statistics lines, edge (under/overflow) counts, the variance-vs-N target and crossings, the race's arrival
 * list, and a picker that takes the first of several phrasings that fits a width. Numbers go through the
 * renderer's `formatValue` (../charts/ticks.ts) so every readout is equally compact; exponents are written
 * like everywhere else (../../core/format.ts).
 */
import type { EstimatorStats, LabParam } from '../../app/lab/frame';
import type { LabEstimator } from '../../algos/lab/estimators';
import { exponential } from '../../core/format';
import { formatValue } from '../charts/ticks';

/** Math symbol of a gradient component: "∂/∂μ" or "∂/∂σ". */
export function paramSymbol(param: LabParam): string {
  return param === 'mu' ? '∂/∂μ' : '∂/∂σ';
}

/** Title of the variance-vs-k panel: "Var of ∂/∂μ estimates vs k (μ=1, σ=1)" (no bracket while μ, σ unknown). */
export function sweepTitle(param: LabParam, mu: number, sigma: number): string {
  const base = `Var of ${paramSymbol(param)} estimates vs k`;
  if (!Number.isFinite(mu) || !Number.isFinite(sigma)) return base;
  return `${base} (μ=${formatValue(mu)}, σ=${formatValue(sigma)})`;
}

/** Title of the variance-vs-N panel. */
export function versusNTitle(param: LabParam): string {
  return `Variance of the N-sample mean of ${paramSymbol(param)} vs N`;
}

/** Label of the target line: "target SE τ = 0.01". */
export function targetLabel(tau: number): string {
  return `target SE τ = ${formatValue(tau)}`;
}

/** Short labels for narrow panels (the full ones are ESTIMATOR_LABELS). */
export const ESTIMATOR_SHORT_LABELS: Readonly<Record<LabEstimator, string>> = {
  score: 'score',
  'score-mean': 'b = E[f]',
  'score-optimal': 'optimal b*',
  loo: 'leave-one-out',
  muprop: 'MuProp',
  pathwise: 'pathwise',
};

/**
 * Statistics lines of one histogram panel, as alternatives from most to least spelled out. Each
 * alternative is the full text of the panel's 2–3 lines: mean ± standard error, then the empirical and the
 * exact variance ("var 1.23 · exact 1.25"), split over two lines when narrow.
 */
export function statsAlternatives(s: EstimatorStats): string[] {
  const mean = `${formatValue(s.mean)} ± ${formatValue(s.standardError)}`;
  const v = `var ${formatValue(s.variance)}`;
  const ex = `exact ${formatValue(s.exactVariance)}`;
  if (s.count === 0) return ['no samples yet'];
  return [`mean ${mean}\n${v} · ${ex}`, `mean ${mean}\n${v}\n${ex}`, `${mean}\n${v}\n${ex}`];
}

/**
 * The first of `alternatives` whose every line is at most `maxWidth` wide as measured by `measure`, or
 * the last one when none fits.
 */
export function pickFitting(
  alternatives: readonly string[],
  maxWidth: number,
  measure: (line: string) => number,
): string {
  for (const a of alternatives) {
    let fits = true;
    for (const line of a.split('\n')) if (measure(line) > maxWidth) fits = false;
    if (fits) return a;
  }
  return alternatives[alternatives.length - 1] ?? '';
}

/** Left / right edge count labels ("◂ 12", "14 ▸"); empty when the count is 0. */
export function underLabel(n: number): string {
  return n > 0 ? `◂ ${compactCount(n)}` : '';
}

/** See {@link underLabel}. */
export function overLabel(n: number): string {
  return n > 0 ? `${compactCount(n)} ▸` : '';
}

/** A count as "12", "1234", "12.3k", "1.2M". */
export function compactCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a < 1e4) return String(Math.round(n));
  if (a < 1e6) return `${Number((n / 1e3).toPrecision(3))}k`;
  if (a < 1e9) return `${Number((n / 1e6).toPrecision(3))}M`;
  return exponential(n, 1, false);
}

/** Race legend entry: "pathwise: step 37", or "score: —" when it never arrived. */
export function arrivalLabel(label: string, step: number): string {
  return step >= 0 ? `${label}: step ${step}` : `${label}: —`;
}

/**
 * Variance-vs-N legend entry: "MuProp: N = 40", "score: never" (Infinity), "score: –" (NaN, unknown),
 * "pathwise: biased" (its mean is not the gradient, so no N reaches the target).
 */
export function crossingLabel(label: string, n: number, biased = false): string {
  if (biased) return `${label}: biased`;
  if (n === Infinity) return `${label}: never`;
  if (!Number.isFinite(n)) return `${label}: –`;
  return `${label}: N = ${compactCount(n)}`;
}

/** Histogram card title: "Single-sample gradient estimates (n = 4000 draws)". */
export function histogramTitle(count: number): string {
  const base = 'Single-sample gradient estimates';
  return count > 0 ? `${base} (n = ${compactCount(count)} draws each)` : base;
}

/** Section label of a histogram row: "∂/∂μ · exact gradient 0.123". */
export function sectionLabel(param: LabParam, exact: number): string {
  if (!Number.isFinite(exact)) return paramSymbol(param);
  return `${paramSymbol(param)} · exact gradient ${formatValue(exact)}`;
}

/** Race title: "Optimisation race: minimise E[f](μ, σ)". */
export function raceTitle(objective: 'min' | 'max'): string {
  return `Optimisation race: ${objective === 'min' ? 'minimise' : 'maximise'} E[f](μ, σ)`;
}

/**
 * `v` rounded to a step suited to an axis spanning `span` (the power of ten at or below a 200th of it), so a
 * value picked by a click reads "−0.58", not "−0.581818…". Non-finite input is returned unchanged.
 */
export function roundForSpan(v: number, span: number): number {
  if (!Number.isFinite(v) || !(span > 0) || !Number.isFinite(span)) return v;
  const e = Math.floor(Math.log10(span / 200));
  return e >= 0
    ? Math.round(v / 10 ** e) * 10 ** e
    : Number((Math.round(v * 10 ** -e) / 10 ** -e).toFixed(-e)) + 0;
}

/** A power of ten s ≤ 1 so that f′·s stays within f's range when f′ would dwarf f (10× or more); else 1. */
export function derivativeScale(f: ArrayLike<number>, df: ArrayLike<number>, n: number): number {
  let fMax = 0;
  let dMax = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(f[i]) > fMax) fMax = Math.abs(f[i]);
    if (Math.abs(df[i]) > dMax) dMax = Math.abs(df[i]);
  }
  if (!(fMax > 0) || !(dMax > 10 * fMax) || !Number.isFinite(dMax)) return 1;
  return 10 ** -Math.ceil(Math.log10(dMax / fMax));
}

/** "0.01" for 1e-2, "1e-5" below 1e-4. */
export function formatScale(s: number): string {
  return s >= 1e-4 ? String(Number(s.toPrecision(1))) : exponential(s, 0);
}
