// The lab's labels (src/render/lab/labFormat.ts): titles, histogram statistics lines and the fitting picker,
// edge counts, arrival and crossing entries, and the rounding of clicked values.
import { derivativeScale } from '../../src/render/lab/labFormat';
import { describe, expect, it } from 'vitest';
import type { EstimatorStats } from '../../src/app/lab/frame';
import {
  arrivalLabel,
  compactCount,
  crossingLabel,
  histogramTitle,
  overLabel,
  paramSymbol,
  pickFitting,
  raceTitle,
  roundForSpan,
  sectionLabel,
  statsAlternatives,
  sweepTitle,
  targetLabel,
  underLabel,
  versusNTitle,
} from '../../src/render/lab/labFormat';

const stats: EstimatorStats = {
  mean: 0.12345,
  variance: 1.2346,
  standardError: 0.0123,
  varianceStandardError: 0.05,
  exactVariance: 1.25,
  exactMean: 0.12,
  count: 4096,
};

/** A monospace stand-in for text measurement: 6px per character. */
const mono = (s: string): number => 6 * s.length;

describe('titles', () => {
  it('names the component and the point of the sweep', () => {
    expect(paramSymbol('mu')).toBe('∂/∂μ');
    expect(sweepTitle('mu', 1, 1)).toBe('Var of ∂/∂μ estimates vs k (μ=1, σ=1)');
    expect(sweepTitle('sigma', -0.5, 2.25)).toBe('Var of ∂/∂σ estimates vs k (μ=-0.5, σ=2.25)');
    expect(sweepTitle('mu', NaN, 1)).toBe('Var of ∂/∂μ estimates vs k');
    expect(versusNTitle('sigma')).toContain('∂/∂σ');
  });

  it('labels the target, the histogram card, its sections and the race', () => {
    expect(targetLabel(0.05)).toBe('target SE τ = 0.05');
    expect(histogramTitle(4096)).toBe('Single-sample gradient estimates (n = 4096 draws each)');
    expect(histogramTitle(0)).toBe('Single-sample gradient estimates');
    expect(sectionLabel('mu', -0.004703)).toBe('∂/∂μ · exact gradient -0.004703');
    expect(sectionLabel('sigma', NaN)).toBe('∂/∂σ');
    expect(raceTitle('min')).toBe('Optimisation race: minimise E[f](μ, σ)');
    expect(raceTitle('max')).toContain('maximise');
  });
});

describe('histogram statistics', () => {
  it('spells out mean ± SE, then the empirical and the exact variance', () => {
    const [full, split, bare] = statsAlternatives(stats);
    expect(full).toBe('mean 0.1235 ± 0.0123\nvar 1.235 · exact 1.25');
    expect(split).toBe('mean 0.1235 ± 0.0123\nvar 1.235\nexact 1.25');
    expect(bare.startsWith('0.1235 ± 0.0123')).toBe(true);
    expect(statsAlternatives({ ...stats, count: 0 })).toEqual(['no samples yet']);
  });

  it('never needs more than three lines', () => {
    for (const a of statsAlternatives({ ...stats, mean: -1.234e-7, variance: 9.876e12 }))
      expect(a.split('\n').length).toBeLessThanOrEqual(3);
  });

  it('picks the first phrasing whose every line fits, else the last', () => {
    const alts = statsAlternatives(stats);
    expect(pickFitting(alts, 200, mono)).toBe(alts[0]);
    expect(pickFitting(alts, 125, mono)).toBe(alts[1]);
    expect(pickFitting(alts, 100, mono)).toBe(alts[2]);
    expect(pickFitting(alts, 10, mono)).toBe(alts[2]);
    expect(pickFitting([], 10, mono)).toBe('');
  });
});

describe('counts and keys', () => {
  it('shows edge counts only when there are some', () => {
    expect(underLabel(12)).toBe('◂ 12');
    expect(overLabel(14)).toBe('14 ▸');
    expect(underLabel(0)).toBe('');
    expect(overLabel(0)).toBe('');
  });

  it('writes counts compactly', () => {
    expect(compactCount(7)).toBe('7');
    expect(compactCount(9999)).toBe('9999');
    expect(compactCount(12345)).toBe('12.3k');
    expect(compactCount(4_080_000)).toBe('4.08M');
    expect(compactCount(999e6)).toBe('999M');
    expect(compactCount(3.23e15)).toBe('3.2e15');
    expect(compactCount(NaN)).toBe('–');
  });

  it('lists arrivals and crossings, with never / unknown spelled out', () => {
    expect(arrivalLabel('pathwise', 37)).toBe('pathwise: step 37');
    expect(arrivalLabel('score', -1)).toBe('score: —');
    expect(arrivalLabel('score', 0)).toBe('score: step 0');
    expect(crossingLabel('MuProp', 40)).toBe('MuProp: N = 40');
    expect(crossingLabel('score', Infinity)).toBe('score: never');
    expect(crossingLabel('pathwise', 1, true)).toBe('pathwise: biased');
    expect(crossingLabel('score', NaN)).toBe('score: –');
  });
});

describe('roundForSpan', () => {
  it('rounds to the power of ten at or below a 200th of the axis span', () => {
    expect(roundForSpan(-0.581818181818182, 6)).toBe(-0.58);
    expect(roundForSpan(1.5345744680851066, 2.9)).toBe(1.53);
    expect(roundForSpan(1234.567, 5000)).toBe(1230);
    expect(roundForSpan(0.000123456, 0.01)).toBe(0.00012);
    expect(Object.is(roundForSpan(-0.001, 6), 0)).toBe(true);
  });

  it('leaves values alone when the span is unusable', () => {
    expect(roundForSpan(1.23456, 0)).toBe(1.23456);
    expect(roundForSpan(NaN, 1)).toBeNaN();
  });
});

describe('derivativeScale', () => {
  it('shrinks f′ by a power of ten only when it would dwarf f', () => {
    const z = Array.from({ length: 101 }, (_, i) => -1 + i / 50);
    const f = z.map((x) => Math.cos(100 * x));
    const df = z.map((x) => -100 * Math.sin(100 * x));
    expect(derivativeScale(f, df, z.length)).toBe(0.01);
    expect(
      derivativeScale(
        z.map((x) => x * x),
        z.map((x) => 2 * x),
        z.length,
      ),
    ).toBe(1);
    expect(
      derivativeScale(
        z.map(() => 0),
        df,
        z.length,
      ),
    ).toBe(1);
  });
});
