import { describe, expect, it } from 'vitest';
import { compileExpression, compileExpressionWithParams } from '../../src/expr';
import type { CompiledExpression, ParametricExpression } from '../../src/expr';

/** Many points, including the probe grid and awkward values around kinks and jumps. */
const POINTS = [
  ...Array.from({ length: 161 }, (_, i) => -8 + i / 10),
  -2.5,
  0.5,
  1,
  1 + 1e-12,
  1 - 1e-12,
  Math.PI,
];

function compiled(text: string, variable = 'a', params?: Record<string, number>): CompiledExpression {
  const r = compileExpression(text, { variable, params });
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.value;
}

function parametric(text: string, variable: string, paramNames: string[]): ParametricExpression {
  const r = compileExpressionWithParams(text, { variable, paramNames });
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.value;
}

/** |got − want| ≤ 1e-13·(1 + |want|), and both non-finite the same way. */
function expectClose(got: number, want: number, where: string): void {
  if (!Number.isFinite(want)) {
    expect(got, where).toBe(want);
    return;
  }
  expect(Math.abs(got - want), `${where}: got ${got}, want ${want}`).toBeLessThanOrEqual(
    1e-13 * (1 + Math.abs(want)),
  );
}

const REWARD_PRESETS: [string, (a: number) => number][] = [
  ['-(a - 2)^2', (a) => -((a - 2) ** 2)],
  ['exp(-(a - 2)^2)', (a) => Math.exp(-((a - 2) ** 2))],
  [
    'exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2)',
    (a) => Math.exp(-((a + 2) ** 2)) + 2 * Math.exp(-2 * (a - 3) ** 2),
  ],
  ['cos(3 * a)', (a) => Math.cos(3 * a)],
  ['a > 1 ? 1 : 0', (a) => (a > 1 ? 1 : 0)],
];

const LAB_PRESETS: [string, (z: number, k: number) => number][] = [
  ['abs(z - k)', (z, k) => Math.abs(z - k)],
  ['(z - k)^2', (z, k) => (z - k) ** 2],
  ['exp(-k * z^2)', (z, k) => Math.exp(-k * z * z)],
  ['cos(k * z)', (z, k) => Math.cos(k * z)],
  ['z > k', (z, k) => (z > k ? 1 : 0)],
];

describe('compileExpression: values', () => {
  it.each(REWARD_PRESETS)('%s matches hand-written JS', (text, hand) => {
    const r = compiled(text);
    expect(r.source).toBe(text);
    expect(r.params).toEqual([]);
    for (const a of POINTS) expectClose(r.f(a), hand(a), `${text} at a=${a}`);
  });

  it.each(LAB_PRESETS)('%s binds params given at compile time', (text, hand) => {
    for (const k of [-1.5, 0, 0.7, 2]) {
      const r = compiled(text, 'z', { k });
      expect(r.params).toEqual(['k']);
      for (const z of POINTS) expectClose(r.f(z), hand(z, k), `${text} at z=${z}, k=${k}`);
    }
  });

  it.each([
    ['2a + 3', (a: number) => 2 * a + 3],
    ['pi * a + e', (a: number) => Math.PI * a + Math.E],
    ['-a^2', (a: number) => -(a * a)],
    ['2^-a', (a: number) => 2 ** -a],
    ['pow(a, 3) - a / 2', (a: number) => a ** 3 - a / 2],
    ['min(a, 1, -a)', (a: number) => Math.min(a, 1, -a)],
    ['max(a, 0)', (a: number) => Math.max(a, 0)],
    ['1 < a <= 2 ? a : -1', (a: number) => (1 < a && a <= 2 ? a : -1)],
    [
      '(a > 0 and a < 1) + (a < -1 or a > 3) + not (a > 0)',
      (a: number) => +(a > 0 && a < 1) + +(a < -1 || a > 3) + +!(a > 0),
    ],
    ['(a == 1) + (a != 1)', () => 1],
    ['step(a) + heaviside(a - 1)', (a: number) => +(a >= 0) + +(a - 1 >= 0)],
    [
      'round(a) + floor(a) + ceil(a) + sign(a)',
      (a: number) => Math.sign(a) * Math.round(Math.abs(a)) + Math.floor(a) + Math.ceil(a) + Math.sign(a),
    ],
    ['50% * a', (a: number) => 0.5 * a],
    [
      'sin(a) + tan(a) + tanh(a) + sinh(a) + cosh(a) + atan(a)',
      (a: number) => Math.sin(a) + Math.tan(a) + Math.tanh(a) + Math.sinh(a) + Math.cosh(a) + Math.atan(a),
    ],
    [
      'asin(a / 9) + acos(a / 9) + log1p(a^2) + sqrt(abs(a)) + log(1 + a^2)',
      (a: number) =>
        Math.asin(a / 9) +
        Math.acos(a / 9) +
        Math.log1p(a * a) +
        Math.sqrt(Math.abs(a)) +
        Math.log(1 + a * a),
    ],
    ['3  # a comment', () => 3],
  ])('%s evaluates like JS', (text, hand) => {
    const r = compiled(text);
    for (const a of POINTS) expectClose(r.f(a), hand(a), `${text} at a=${a}`);
  });

  it('rounds half away from zero, like mathjs', () => {
    const r = compiled('round(a)');
    expect([r.f(-2.5), r.f(-0.5), r.f(0.5), r.f(2.5), r.f(-1.4)]).toEqual([-3, -1, 1, 3, -1]);
  });

  it('accepts a constant reward and reports which params are used', () => {
    const r = compiled('3 * k', 'a', { k: 2, unused: 5 });
    expect(r.f(-1)).toBe(6);
    expect(r.df(-1)).toBe(0);
    expect(r.params).toEqual(['k']);
    expect(r.pathwiseBlind).toBe(true);
    expect(r.smoothness).toBe('smooth');
  });

  it('accepts an expression that is finite at some probe points and warns about the others', () => {
    const r = compiled('1 / a');
    expect(r.warning).toMatch(/not finite at a = 0 \(1 of 13/);
    expect(compiled('a^2').warning).toBeUndefined();
    expect(compiled('sqrt(a)').warning).toMatch(/^not finite at a = -3, -2.5/);
  });
});

describe('compileExpressionWithParams', () => {
  it.each(LAB_PRESETS)('%s: f(z, p) and bind(params) follow k without recompiling', (text, hand) => {
    const lab = parametric(text, 'z', ['k']);
    expect(lab.paramNames).toEqual(['k']);
    expect(lab.params).toEqual(['k']);
    const p = new Float64Array(1);
    for (const k of [-2, 0, 0.5, 3]) {
      p[0] = k; // a slider moving: no compile, same functions
      const bound = lab.bind({ k });
      for (const z of POINTS) {
        expectClose(lab.f(z, p), hand(z, k), `${text} at z=${z}, k=${k}`);
        expect(bound.f(z)).toBe(lab.f(z, p));
        expect(bound.df(z)).toBe(lab.df(z, p));
      }
    }
  });

  it('keeps param order from paramNames, independent of the order in the text', () => {
    const r = parametric('b * z + 10 * c', 'z', ['c', 'b', 'unused']);
    expect(r.params).toEqual(['c', 'b']);
    expect(r.f(2, new Float64Array([1, 3, 99]))).toBe(16);
    expect(r.bind({ c: 1, b: 3, unused: 0 }).f(2)).toBe(16);
  });

  it('bound functions keep their own copy of the values', () => {
    const r = parametric('k * z', 'z', ['k']);
    const values = { k: 2 };
    const two = r.bind(values);
    values.k = 5;
    expect(two.f(3)).toBe(6);
    expect(r.bind(values).f(3)).toBe(15);
  });

  it('bind rejects missing or non-finite values (a programming error, so it throws)', () => {
    const r = parametric('k * z', 'z', ['k']);
    expect(() => r.bind({})).toThrow(/param "k" needs a finite value/);
    expect(() => r.bind({ k: Number.NaN })).toThrow(RangeError);
  });

  it('probes several param values, so only expressions bad for every k are rejected', () => {
    expect(compileExpressionWithParams('log(k - 1) + z', { variable: 'z', paramNames: ['k'] }).ok).toBe(true);
    expect(compileExpressionWithParams('log(-1 - k^2) + z', { variable: 'z', paramNames: ['k'] }).ok).toBe(
      false,
    );
    // With the value known, compileExpression checks that value only.
    expect(compileExpression('log(k - 1) + a', { variable: 'a', params: { k: 0 } }).ok).toBe(false);
  });
});
