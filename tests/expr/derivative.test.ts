import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expr';
import type { CompiledExpression } from '../../src/expr';

function compiled(text: string, variable = 'a', params?: Record<string, number>): CompiledExpression {
  const r = compileExpression(text, { variable, params });
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.value;
}

/** n points strictly inside (lo, hi), none within `gap` of a breakpoint. */
function grid(lo: number, hi: number, breaks: number[] = [], n = 97, gap = 1e-3): number[] {
  const xs = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);
  return xs.filter((x) => breaks.every((b) => Math.abs(x - b) > gap));
}

const EPS = Number.EPSILON;

/**
 * Central difference (f(x+h) − f(x−h)) / 2h with h = 1e-5·max(1, |x|): truncation error ≈ h²|f‴|/6, rounding
 * error ≈ ε|f|/h. The tolerance is 50·(h² + ε/h)·(1 + |f| + |f′|), a generous multiple of both that still
 * catches any wrong rule (those are off by O(1)).
 */
function expectMatchesFiniteDifferences(r: CompiledExpression, xs: number[]): void {
  for (const x of xs) {
    const h = 1e-5 * Math.max(1, Math.abs(x));
    const fd = (r.f(x + h) - r.f(x - h)) / (2 * h);
    const df = r.df(x);
    const tol = 50 * (h * h + EPS / h) * (1 + Math.abs(r.f(x)) + Math.abs(df));
    expect(Math.abs(df - fd), `${r.source} at ${x}: df=${df}, fd=${fd}`).toBeLessThanOrEqual(tol);
  }
}

const SMOOTH: [string, number, number, Record<string, number>?][] = [
  ['-(a - 2)^2', -5, 5],
  ['exp(-(a - 2)^2)', -5, 5],
  ['exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)', -5, 5],
  ['cos(3 * a)', -5, 5],
  ['sin(a) * cos(2a)', -5, 5],
  ['tan(a)', -1.2, 1.2],
  ['exp(a) / (1 + a^2)', -4, 4],
  ['log(a) + log1p(a)', 0.1, 5],
  ['sqrt(a)', 0.1, 5],
  ['tanh(a) + sinh(a) - cosh(a / 2)', -3, 3],
  ['atan(a) + asin(a / 2) + acos(a / 3)', -1.9, 1.9],
  ['a^a', 0.1, 3],
  ['2^a + e^(a / 2)', -3, 3],
  ['a^2.5 + a^-2', 0.5, 4],
  ['pow(a, 3) - 4a', -3, 3],
  ['1 / (1 + exp(-a))', -6, 6],
  ['(a^2 - 1) / (a + 3)', -2.5, 5],
  ['log(cosh(a))', -4, 4],
  ['sin(sin(sin(a)))', -4, 4],
  ['-a + +a - -a', -3, 3],
  ['(2a)(3a)', -3, 3],
  ['exp(-k * a^2)', -3, 3, { k: 0.7 }],
  ['k^a + a^k', 0.1, 4, { k: 1.7 }],
  ['sqrt(a^2 + k)', -3, 3, { k: 2 }],
];

describe('derivatives against central finite differences', () => {
  it.each(SMOOTH)('%s on (%d, %d)', (text, lo, hi, params) => {
    expectMatchesFiniteDifferences(compiled(text, 'a', params), grid(lo, hi));
  });

  it.each([
    ['abs(a - 0.3)', [0.3]],
    ['max(a, 0.3)^2', [0.3]],
    ['min(a^2, 1)', [-1, 1]],
    ['a > 0.3 ? a^2 : -a', [0.3]],
    ['floor(a) + a', [-3, -2, -1, 0, 1, 2, 3]],
    ['sqrt(abs(a)) * sign(a)', [0]],
  ] as [string, number[]][])('%s away from its breakpoints', (text, breaks) => {
    expectMatchesFiniteDifferences(compiled(text), grid(-3.3, 3.3, breaks));
  });
});

describe('derivatives against hand-written ones', () => {
  const cases: [string, Record<string, number> | undefined, (x: number) => number][] = [
    ['-(a - 2)^2', undefined, (a) => -2 * (a - 2)],
    ['exp(-(a - 2)^2)', undefined, (a) => -2 * (a - 2) * Math.exp(-((a - 2) ** 2))],
    [
      'exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)',
      undefined,
      (a) => -2 * (a + 2) * Math.exp(-((a + 2) ** 2)) - 8 * (a - 3) * Math.exp(-2 * (a - 3) ** 2),
    ],
    ['cos(3 * a)', undefined, (a) => -3 * Math.sin(3 * a)],
    ['a > 1 ? 1 : 0', undefined, () => 0],
    ['abs(a - k)', { k: 0.5 }, (a) => Math.sign(a - 0.5)],
    ['(a - k)^2', { k: 0.5 }, (a) => 2 * (a - 0.5)],
    ['exp(-k * a^2)', { k: 0.5 }, (a) => -2 * 0.5 * a * Math.exp(-0.5 * a * a)],
    ['cos(k * a)', { k: 0.5 }, (a) => -0.5 * Math.sin(0.5 * a)],
    ['a > k', { k: 0.5 }, () => 0],
    ['max(a, 1)', undefined, (a) => (a >= 1 ? 1 : 0)],
    ['min(a^2, 1)', undefined, (a) => (a * a <= 1 ? 2 * a : 0)],
    ['a > 0 ? a^2 : -a', undefined, (a) => (a > 0 ? 2 * a : -1)],
    ['floor(a) + a', undefined, () => 1],
  ];
  const points = [...grid(-4, 4, [], 81), -1, 0, 0.5, 1, 2];
  it.each(cases)('%s (params %o)', (text, params, hand) => {
    const r = compiled(text, 'a', params);
    for (const a of points) {
      const want = hand(a);
      expect(Math.abs(r.df(a) - want), `${text} at ${a}`).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want)));
    }
  });
});

describe('derivative text', () => {
  it.each([
    ['-(a - 2)^2', 'a', '-(2 * (a - 2))'],
    ['cos(3 * a)', 'a', '-(3 * sin(3 * a))'],
    ['a > 1 ? 1 : 0', 'a', '0'],
    ['abs(z - k)', 'z', 'sign(z - k)'],
    ['(z - k)^2', 'z', '2 * (z - k)'],
    ['exp(-k * z^2)', 'z', '-(2 * k * z * exp(-k * z ^ 2))'],
    ['cos(k * z)', 'z', '-(k * sin(k * z))'],
    ['a * exp(-a)', 'a', 'exp(-a) * (1 - a)'],
  ])('%s → %s', (text, variable, want) => {
    expect(compiled(text, variable, { k: 1 }).derivativeSource).toBe(want);
  });

  it.each([
    'exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)',
    'sin(a) * cos(a)',
    'max(a, 1) + 2a',
    'a > 0 ? a^2 : (a < -1 ? -a : 3a)',
    'abs(a - k) + min(a, 2, -1)',
    'tan(a) / sinh(a) + acos(a / 4)',
    'a^a',
    '1 / (1 + exp(-k * a))',
  ])('%s: the displayed derivative compiles back to df', (text) => {
    const r = compiled(text, 'a', { k: 0.5 });
    const back = compiled(r.derivativeSource, 'a', { k: 0.5 });
    for (const a of grid(-3.5, 3.5, [], 57)) {
      const want = r.df(a);
      if (!Number.isFinite(want)) continue;
      expect(Math.abs(back.f(a) - want), `${r.derivativeSource} at ${a}`).toBeLessThanOrEqual(
        1e-9 * (1 + Math.abs(want)),
      );
    }
  });
});

describe('smoothness', () => {
  it.each([
    // smooth
    ['-(a - 2)^2', 'smooth', false, false],
    ['exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)', 'smooth', false, false],
    ['cos(3 * a)', 'smooth', false, false],
    ['(a - k)^2', 'smooth', false, false],
    ['exp(-k * a^2)', 'smooth', false, false],
    ['sqrt(a)', 'smooth', false, false],
    ['k > 1 ? a : -a', 'smooth', false, false],
    ['abs(k) * a + floor(k)', 'smooth', false, false],
    ['3', 'smooth', true, false],
    // kinked, continuous
    ['abs(a - k)', 'kinked', false, false],
    ['max(a, 0)', 'kinked', false, false],
    ['min(a, 1, -a)', 'kinked', false, false],
    ['sqrt(abs(a))', 'kinked', false, false],
    // not blind, but may jump (reported as kinked + discontinuous)
    ['floor(a) + a', 'kinked', false, true],
    ['(a > 1) * a', 'kinked', false, true],
    ['a > 0 ? a : 0', 'kinked', false, true],
    // derivative zero almost everywhere
    ['a > 1 ? 1 : 0', 'piecewise-constant', true, true],
    ['a > k', 'piecewise-constant', true, true],
    ['sign(a)', 'piecewise-constant', true, true],
    ['floor(a) - ceil(a) + round(a)', 'piecewise-constant', true, true],
    ['step(a) + heaviside(a - 1)', 'piecewise-constant', true, true],
    ['1 < a < 2', 'piecewise-constant', true, true],
    ['not (a > 1) or a < -1', 'piecewise-constant', true, true],
    ['3 * (a > 0) - (a < 1) * 2', 'piecewise-constant', true, true],
    ['a > 1 ? 2 : (a < 0 ? -1 : k)', 'piecewise-constant', true, true],
  ])('%s is %s (blind %s, discontinuous %s)', (text, smoothness, blind, discontinuous) => {
    const r = compiled(text, 'a', { k: 1.5 });
    expect(r.smoothness).toBe(smoothness);
    expect(r.pathwiseBlind).toBe(blind);
    expect(r.discontinuous).toBe(discontinuous);
    if (blind) for (const a of grid(-4, 4, [], 41)) expect(r.df(a)).toBe(0);
  });
});
