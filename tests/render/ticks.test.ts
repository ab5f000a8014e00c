// Axis ticks and labels (src/render/charts/ticks.ts): 1-2-5 steps that cover the range within the count,
// degenerate, negative, tiny and huge ranges, non-finite input, log decades, and labels free of float noise;
// the environment views' interval rule and labels (true minus, fixed notation) beside the charts' ones.
import { describe, expect, it } from 'vitest';
import {
  CHART_TICKS,
  VIEW_TICKS,
  decimalsFor,
  formatFixed,
  formatReadout,
  formatTick,
  formatValue,
  logTicks,
  niceRange,
  niceStep,
  niceTickValues,
  niceTicks,
  roundTo,
  stepDecimals,
} from '../../src/render/charts/ticks';

/** Mantissa of a step: 1, 2 or 5. */
function mantissa(step: number): number {
  return Number((step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9))).toPrecision(6));
}

function checkNice(min: number, max: number, count: number): void {
  const t = niceTicks(min, max, count);
  expect(t.values.length).toBeGreaterThanOrEqual(2);
  expect(t.values.length).toBeLessThanOrEqual(Math.max(2, count));
  expect([1, 2, 5]).toContain(mantissa(t.step));
  expect(t.lo).toBeLessThanOrEqual(Math.min(min, max) + Math.abs(t.step) * 1e-9);
  expect(t.hi).toBeGreaterThanOrEqual(Math.max(min, max) - Math.abs(t.step) * 1e-9);
  for (let i = 1; i < t.values.length; i++) {
    expect(t.values[i] - t.values[i - 1]).toBeCloseTo(t.step, 6 - Math.log10(t.step));
  }
}

describe('niceTicks', () => {
  it('covers ordinary ranges with 1-2-5 steps', () => {
    expect(niceTicks(0, 1, 6).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 100, 6).values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3, 97, 11).step).toBe(10);
    for (const [a, b, n] of [
      [0, 1, 5],
      [-3.7, 12.2, 7],
      [1, 1000, 4],
      [0.013, 0.0171, 6],
      [-250, -10, 5],
      [17, 17.5, 3],
    ])
      checkNice(a, b, n);
  });

  it('gives exact decimals (no 0.30000000000000004)', () => {
    for (const v of niceTicks(0, 1, 11).values) expect(String(v).length).toBeLessThanOrEqual(3);
    expect(niceTicks(0.1, 0.35, 6).values).toContain(0.3);
  });

  it('handles negative ranges and reversed bounds', () => {
    expect(niceTicks(-1, -0.2, 5).values).toEqual([-1, -0.8, -0.6, -0.4, -0.2]);
    expect(niceTicks(1, 0, 6).values).toEqual(niceTicks(0, 1, 6).values);
    expect(Object.is(niceTicks(-1, 1, 3).values[1], 0)).toBe(true);
  });

  it('widens a degenerate range around the value', () => {
    const t = niceTicks(5, 5, 5);
    expect(t.lo).toBeLessThan(5);
    expect(t.hi).toBeGreaterThan(5);
    checkNice(5, 5, 5);
    const z = niceTicks(0, 0, 5);
    expect(z.lo).toBeLessThanOrEqual(-1);
    expect(z.hi).toBeGreaterThanOrEqual(1);
    checkNice(1 + 1e-15, 1 + 2e-15, 5);
  });

  it('handles tiny and huge ranges', () => {
    checkNice(1e-9, 3e-9, 5);
    expect(niceTicks(1e-9, 3e-9, 5).values).toEqual([1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9]);
    checkNice(0, 1e12, 6);
    checkNice(-1e300, 1e300, 5);
    checkNice(1e6, 1e6 + 1, 5);
  });

  it('returns no ticks for NaN or infinite input', () => {
    expect(niceTicks(NaN, 1, 5).values).toEqual([]);
    expect(niceTicks(0, Infinity, 5).values).toEqual([]);
    expect(niceTicks(-Infinity, 0, 5).values).toEqual([]);
  });

  it('with `inside`, counts and returns only the ticks within the range', () => {
    const t = niceTicks(-4, 4.8, 5, true);
    expect(t.values).toEqual([-4, -2, 0, 2, 4]);
    expect(t.lo).toBe(-4);
    expect(t.hi).toBe(4);
    expect(niceTicks(0.05, 0.95, 6, true).values).toEqual([0.2, 0.4, 0.6, 0.8]);
    for (const v of niceTicks(1, 2999, 6, true).values) expect(v).toBeGreaterThanOrEqual(1);
  });

  it('with `inside`, prefers a few more ticks than asked to fewer than two', () => {
    const t = niceTicks(-4, 4.8, 3, true);
    expect(t.values).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(0.3, 0.7, 2, true).values.length).toBeGreaterThanOrEqual(2);
  });

  it('treats a count below 2 as 2', () => {
    expect(niceTicks(0, 1, 0).values.length).toBe(2);
    expect(niceTicks(0, 1, NaN).values.length).toBe(2);
  });
});

describe('logTicks', () => {
  it('puts ticks on decades over many decades', () => {
    expect(logTicks(0.003, 80).values).toEqual([0.001, 0.01, 0.1, 1, 10, 100]);
    expect(logTicks(1e-6, 1e-6 * 999).values).toEqual([1e-6, 1e-5, 1e-4, 1e-3]);
  });

  it('adds 2 and 5 when there are few decades', () => {
    expect(logTicks(1.5, 7).values).toEqual([1, 2, 5, 10]);
    expect(logTicks(0.3, 9).values).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
  });

  it('thins decades beyond the count', () => {
    const t = logTicks(1e-12, 1e12, 7);
    expect(t.values.length).toBeLessThanOrEqual(7);
    expect(t.values[0]).toBeLessThanOrEqual(1e-12);
    expect(t.values[t.values.length - 1]).toBeGreaterThanOrEqual(1e12);
  });

  it('with `inside`, gives only the ticks within the range', () => {
    expect(logTicks(0.003, 80, 8, true).values).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(1.5, 7, 8, true).values).toEqual([2, 5]);
    expect(logTicks(0.21, 0.48, 8, true).values).toEqual([]);
    expect(logTicks(7e-5, 36, 6, true).values).toEqual([1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    const thin = logTicks(3e-5, 36, 4, true).values;
    expect(thin).toEqual([1e-4, 0.01, 1]);
  });

  it('rejects non-positive and non-finite input', () => {
    expect(logTicks(0, 10).values).toEqual([]);
    expect(logTicks(-1, 10).values).toEqual([]);
    expect(logTicks(1, Infinity).values).toEqual([]);
    expect(logTicks(NaN, 10).values).toEqual([]);
  });
});

describe('formatTick', () => {
  it('uses the decimals the step needs', () => {
    expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3');
    expect(formatTick(0.4, 0.2)).toBe('0.4');
    expect(formatTick(1, 0.2)).toBe('1.0');
    expect(formatTick(0.05, 0.05)).toBe('0.05');
    expect(formatTick(40, 20)).toBe('40');
    expect(formatTick(-2.5, 0.5)).toBe('-2.5');
  });

  it('prints zero without sign or noise', () => {
    expect(formatTick(-1e-17, 0.1)).toBe('0.0');
    expect(formatTick(-0, 0.5)).toBe('0.0');
    expect(formatTick(0, 20)).toBe('0');
    expect(formatTick(0, 5e-7)).toBe('0');
    expect(formatTick(0, 5e5)).toBe('0');
  });

  it('uses a compact exponent for very large and small steps', () => {
    expect(formatTick(2.5e6, 5e5)).toBe('2.5e6');
    expect(formatTick(3e6, 5e5)).toBe('3e6');
    expect(formatTick(1e-6, 1e-6)).toBe('1e-6');
    expect(formatTick(1.5e-4, 5e-5)).toBe('1.5e-4');
    expect(formatTick(-2e-5, 1e-5)).toBe('-2e-5');
  });

  it('labels log ticks at their own precision', () => {
    expect(formatTick(1e-6, NaN)).toBe('1e-6');
    expect(formatTick(0.01, NaN)).toBe('0.01');
    expect(formatTick(1000, NaN)).toBe('1000');
    expect(formatTick(1e8, NaN)).toBe('1e8');
    expect(formatTick(5e-4, NaN)).toBe('5e-4');
  });

  it('prints nothing for non-finite values', () => {
    expect(formatTick(NaN, 1)).toBe('');
    expect(formatTick(Infinity, 1)).toBe('');
  });
});

describe('stepDecimals and formatValue', () => {
  it('counts decimals', () => {
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(0.2)).toBe(1);
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(500)).toBe(-2);
  });

  it('reads out values compactly', () => {
    expect(formatValue(12.3456)).toBe('12.35');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(12345.6)).toBe('12346');
    expect(formatValue(2.5e6)).toBe('2.5e6');
    expect(formatValue(-3e-7)).toBe('-3e-7');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(NaN)).toBe('–');
  });
});

describe("the views' interval rule (niceStep, niceTickValues, niceRange)", () => {
  it('makes nice ticks without float noise', () => {
    expect(niceTickValues(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTickValues(-2, 3, 5)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(niceTickValues(0.1, 0.35, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTickValues(2, 2, 5)).toEqual([2]);
    expect(niceRange(-93.3, -11.66, 5)).toEqual([-100, 0]);
    expect(niceRange(1, 1, 5)).toEqual([0, 2]);
  });

  it('prints numbers with a true minus and enough decimals', () => {
    expect(decimalsFor(0.25)).toBe(2);
    expect(decimalsFor(2.5)).toBe(1);
    expect(decimalsFor(5)).toBe(0);
    expect(formatTick(-0.5, 0.25, VIEW_TICKS)).toBe('−0.50');
    expect(formatFixed(-0.0001, 2)).toBe('0.00');
    expect(formatFixed(NaN, 2)).toBe('–');
    expect(formatReadout(-11.657)).toBe('−11.7');
    expect(formatReadout(0.5858)).toBe('0.586');
    expect(formatReadout(123.4)).toBe('123');
  });

  it('caps intervals, not ticks (unlike niceTicks)', () => {
    expect(niceStep(0, 1, 5)).toBe(0.2);
    expect(niceStep(0, 0, 5)).toBe(1);
    expect(niceStep(0, 1, 0.5)).toBe(1);
    expect(niceTickValues(0, 1, 5)).toHaveLength(6);
    expect(niceTicks(0, 1, 5, true).values).toEqual([0, 0.5, 1]);
    expect(niceTickValues(2.5, 2.5, 5)).toEqual([2.5]);
    expect(niceTickValues(NaN, NaN, 5)).toEqual([]);
    expect(niceRange(NaN, 1, 5)).toEqual([0, 1]);
    expect(Object.is(niceTickValues(-1, 1, 2)[1], 0)).toBe(true);
  });
});

describe('roundTo and decimalsFor', () => {
  it('rounds without float noise and never gives −0', () => {
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundTo(1234, -2)).toBe(1200);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-4, -2), 0)).toBe(true);
  });

  it('clamps the step decimals to [0, max]', () => {
    for (const step of [500, 20, 1, 0.5, 0.25, 0.05, 2e-4, 1e-12, 0.30000000000000004])
      expect(decimalsFor(step)).toBe(Math.min(10, Math.max(0, stepDecimals(step))));
    expect(decimalsFor(500)).toBe(0);
    expect(decimalsFor(1e-12)).toBe(10);
    expect(decimalsFor(1e-12, 20)).toBe(12);
  });
});

describe('the two label styles', () => {
  it('charts and lab: hyphen-minus and a compact exponent for extreme steps', () => {
    expect(formatTick(-2.5, 0.5, CHART_TICKS)).toBe('-2.5');
    expect(formatTick(2.5e6, 5e5)).toBe('2.5e6');
    expect(formatTick(-4e-5, 2e-5)).toBe('-4e-5');
  });

  it('environment views: true minus and fixed notation at any step', () => {
    expect(formatTick(-2.5, 0.5, VIEW_TICKS)).toBe('−2.5');
    expect(formatTick(2.5e6, 5e5, VIEW_TICKS)).toBe('2500000');
    expect(formatTick(-4e-5, 2e-5, VIEW_TICKS)).toBe('−0.00004');
    expect(formatTick(0, 0.25, VIEW_TICKS)).toBe('0.00');
  });

  it('never writes a value that rounds to zero with a sign', () => {
    expect(formatTick(-0.04, 0.1)).toBe('0.0');
    expect(formatTick(-0.04, 0.1, VIEW_TICKS)).toBe('0.0');
    expect(formatFixed(-0.004, 2, '-')).toBe('0.00');
    expect(formatFixed(-Infinity, 2)).toBe('−∞');
  });

  it('readouts: formatValue drops trailing zeros, formatReadout keeps fixed decimals', () => {
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatReadout(0.5)).toBe('0.500');
    expect(formatValue(-11.657)).toBe('-11.66');
    expect(formatReadout(-11.657)).toBe('−11.7');
    expect(formatValue(1e-4)).toBe('1e-4');
    expect(formatReadout(1e-4)).toBe('0.000');
    expect(formatValue(Infinity)).toBe(formatReadout(Infinity));
    expect(formatValue(NaN)).toBe(formatReadout(NaN));
  });
});
