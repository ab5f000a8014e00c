import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileExpression } from '../../src/expr';
import { toText } from '../../src/expr/ast';
import { derive } from '../../src/expr/derivative';
import { compileClosures, compileSource, toJsSource } from '../../src/expr/emit';
import { fromMathjs } from '../../src/expr/fromMathjs';
import { parseMath } from '../../src/expr/mathjs';

const SCOPE = { variable: 'a', paramNames: ['b', 'c'] };
const P = new Float64Array([0.7, -1.3]);
const POINTS = [...Array.from({ length: 81 }, (_, i) => -4 + i / 10), 1, 2, -0, Number.NaN, Infinity];

const toExpr = (text: string) => fromMathjs(parseMath(text), SCOPE, text);

const TRICKY = [
  '-a^2',
  '(-a)^2',
  '2^-a',
  'a^b^c',
  '(a^b)^c',
  '(a - 1) - (a - 2)',
  'a - (b - c)',
  'a / (b * c)',
  'a / b / c',
  '1 < a < 2',
  '(a > 1) > 0',
  '-(-a)',
  'not not (a > 0)',
  'a > 0 ? b : a < -1 ? c : 3',
  '(a > 0 ? b : c) ? 4 : 5',
  '(a > 1 ? 0 / 0 : 1) ? 2 : 3',
  'min(a, b, c) * max(a, 0) + abs(a) - sign(a)',
  'round(a) + floor(a) + ceil(a) + step(a)',
  '(a == 1) + (a != 2) + (a >= b) + (a <= c)',
  '(a > 0 and a < 1) or not (a > 2)',
  'exp(-(a - b)^2) * cos(c * a) + log1p(a^2) - sqrt(a^2 + 1)',
  'a^3 - 2 a^2 + pi * e',
  '-2 * a - -3',
];

describe('code generation', () => {
  it.each(TRICKY)('%s: generated source and closures agree, for f and df', (text) => {
    const e = toExpr(text);
    for (const tree of [e, derive(e)]) {
      const source = compileSource(tree);
      const closures = compileClosures(tree);
      const boundSource = source.bind(P);
      const boundClosures = closures.bind(P);
      for (const a of POINTS) {
        const want = closures.kernel(a, P);
        expect(source.kernel(a, P), `${toJsSource(tree)} at ${a}`).toBe(want);
        expect(boundSource(a)).toBe(want);
        expect(boundClosures(a)).toBe(want);
      }
    }
  });

  it.each(TRICKY)('%s: the printer keeps the meaning (print, re-parse, compare)', (text) => {
    for (const tree of [toExpr(text), derive(toExpr(text))]) {
      const printed = toText(tree, 'a');
      const again = compileClosures(toExpr(printed)).kernel;
      const original = compileClosures(tree).kernel;
      for (const a of POINTS) {
        // Same value up to rounding: the printer drops parentheses that only fix the order of a product.
        const want = original(a, P);
        const got = again(a, P);
        if (Number.isFinite(want))
          expect(Math.abs(got - want), `${printed} at ${a}`).toBeLessThan(1e-12 * (1 + Math.abs(want)));
        else expect(got, `${printed} at ${a}`).toBe(want);
      }
    }
  });

  it('emits only numbers, x, p[i], operators and Math calls', () => {
    const src = toJsSource(toExpr('exp(-b * a^2) + (a > c ? round(a) : pi)'));
    expect(src).toBe('(Math.exp(((-p[0]) * S2(x))) + ((x > p[1]) ? R(x) : 3.141592653589793))');
  });
});

describe('without new Function (Content-Security-Policy)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('falls back to closures with the same results', () => {
    const text = 'exp(-(a + 2)^2) + 2 * exp(-2 * (a - 3)^2) + (a > 1 ? 1 : 0)';
    const normal = compileExpression(text, { variable: 'a' });
    vi.stubGlobal('Function', function NoEval() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    });
    expect(() => compileSource(toExpr('a'))).toThrow(EvalError);
    const restricted = compileExpression(text, { variable: 'a' });
    vi.unstubAllGlobals();
    if (!normal.ok || !restricted.ok) throw new Error('compile failed');
    for (const a of POINTS) {
      expect(restricted.value.f(a)).toBe(normal.value.f(a));
      expect(restricted.value.df(a)).toBe(normal.value.df(a));
    }
  });
});
