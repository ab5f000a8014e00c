import { describe, expect, it } from 'vitest';
import { compileExpression, compileExpressionWithParams } from '../../src/expr';
import type { CompileOptions } from '../../src/expr';
import { Rng } from '../../src/core/random';

function rejection(
  text: string,
  options: CompileOptions = { variable: 'a' },
): { error: string; index?: number } {
  const r = compileExpression(text, options);
  if (r.ok) throw new Error(`"${text}" was accepted`);
  return { error: r.error, index: r.index };
}

describe('rejections point at the problem', () => {
  it.each([
    // [text, message pattern, index (0-based) or undefined]
    ['x + 1', /^unknown symbol "x" — use a$/, 0],
    ['a + x', /^unknown symbol "x" — use a$/, 4],
    ['2x', /^unknown symbol "x"/, 1],
    ['E + PI + tau', /^unknown symbol "E"/, 0],
    ['5 cm', /^unknown symbol "cm" — use a \(units are not supported\)$/, 2],
    ['a to cm', /^operator "to" is not allowed$/, 2],
    ['foo(a)', /^function "foo" is not allowed \(allowed: sin, cos/, 0],
    ['a + import("fs")', /^function "import" is not allowed/, 4],
    ['import({}, {override: true})', /^function "import" is not allowed/, 0],
    ['evaluate("1 + 1")', /^function "evaluate" is not allowed/, 0],
    ['parse("a")', /^function "parse" is not allowed/, 0],
    ['simplify("a")', /^function "simplify" is not allowed/, 0],
    ['derivative("a", "a")', /^function "derivative" is not allowed/, 0],
    ['createUnit("foo")', /^function "createUnit" is not allowed/, 0],
    ['compile("a")', /^function "compile" is not allowed/, 0],
    ['a = 1', /^assignment \("="\) is not allowed; to compare, use ==$/, 2],
    ['f(x) = x', /^defining functions is not allowed$/, 5],
    ['[1, 2]', /^matrices and lists \("\[…\]"\) are not allowed$/, 0],
    ['a + [1]', /^matrices and lists/, 4],
    ['"abc"', /^strings are not allowed \("abc"\)$/, 0],
    ["a + 'x'", /^strings are not allowed/, 4],
    ['{k: 1}', /^objects \("\{…\}"\) are not allowed$/, 0],
    ['a.b', /^indexing and property access are not allowed$/, 1],
    ['a[1]', /^indexing and property access are not allowed$/, 1],
    ['1:3', /^ranges \(":"\) are not allowed$/, 1],
    ['a; 1', /^write a single expression/, 1],
    ['a\n1', /^write a single expression/, 1],
    ['a % 2', /^operator "%" \(modulo\) is not allowed$/, 2],
    ['a mod 2', /^operator "mod" \(modulo\) is not allowed$/, 2],
    ['5!', /^operator "!" is not allowed$/, 1],
    ["a'", /^operator "'" is not allowed$/, 1],
    ['a & 1', /^operator "&" is not allowed$/, 2],
    ['true', /^"true" is not a number; use 1 or 0$/, 0],
    ['NaN * a', /^numbers must be finite/, undefined],
    ['1e400 * a', /^numbers must be finite/, undefined],
    ['sin', /^"sin" is a function: write sin\(…\)$/, 0],
    ['a(2)', /^"a" is not a function; to multiply, write a \* \(…\)$/, 0],
    ['sin(a, 2)', /^sin takes 1 argument, got 2$/, 0],
    ['pow(a)', /^pow takes 2 arguments, got 1$/, 0],
    ['max()', /^max needs at least 1 argument$/, 0],
    ['1 +', /^syntax error: unexpected end of expression at position 4$/, 3],
    ['a +* 2', /^syntax error: value expected at position 4$/, 3],
    ['(a', /^syntax error: parenthesis \) expected at position 3$/, 2],
    ['a ? 1', /^syntax error: false part of conditional expression expected/, 5],
    ['3 @ 4', /^syntax error: /, 2],
    ['', /^the expression is empty$/, undefined],
    ['   ', /^the expression is empty$/, undefined],
    ['# just a comment', /^the expression is empty$/, undefined],
    ['log(-1 - a^2)', /^the expression is not a finite number anywhere on a = −3…3/, undefined],
    ['sqrt(-1 - abs(a))', /not a finite number anywhere/, undefined],
  ] as [string, RegExp, number | undefined][])('%j', (text, message, index) => {
    const r = rejection(text);
    expect(r.error).toMatch(message);
    expect(r.index).toBe(index);
  });

  it('names every allowed symbol, params included', () => {
    expect(rejection('x', { variable: 'z', params: { k: 1, m: 2 } }).error).toBe(
      'unknown symbol "x" — use z, k, m',
    );
  });

  it('states the length limit, default 200 or as configured', () => {
    const long = `${'a + '.repeat(60)}a`;
    expect(rejection(long)).toEqual({
      error: `the expression is too long (${long.length} characters; the limit is 200)`,
      index: 200,
    });
    expect(rejection('a + a + a', { variable: 'a', maxLength: 5 }).error).toMatch(/the limit is 5\)$/);
    expect(compileExpression('a'.repeat(1) + ' + 1'.repeat(49), { variable: 'a' }).ok).toBe(true);
  });

  it('rejects bad options without throwing', () => {
    expect(rejection('a', { variable: 'pi' }).error).toMatch(/"pi" cannot be used/);
    expect(rejection('a', { variable: '1x' }).error).toMatch(/"1x" cannot be used/);
    expect(rejection('a', { variable: 'a', params: { sin: 1 } }).error).toMatch(/"sin" cannot be used/);
    expect(rejection('a', { variable: 'a', params: { a: 1 } }).error).toMatch(/must be distinct/);
    expect(rejection('a', { variable: 'a', params: { k: Number.NaN } }).error).toMatch(
      /"k" must be a finite number/,
    );
    const r = compileExpressionWithParams('z', { variable: 'z', paramNames: ['k', 'k'] });
    expect(r.ok).toBe(false);
  });
});

describe('never throws', () => {
  const alphabet = [
    'a',
    'k',
    'x',
    '1',
    '2.5',
    '+',
    '-',
    '*',
    '/',
    '^',
    '(',
    ')',
    ',',
    ' ',
    '?',
    ':',
    '<',
    '>',
    '=',
    '!',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '.',
    ';',
    '%',
    'e',
    'pi',
    'sin',
    'log',
    'abs',
    'max',
    'import',
    'cm',
    '#',
    '\n',
  ];

  it('returns a one-line error or a working function for 3000 random strings', () => {
    const rng = new Rng(20240607);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + rng.int(14);
      let text = '';
      for (let j = 0; j < n; j++) text += alphabet[rng.int(alphabet.length)];
      const r = compileExpression(text, { variable: 'a', params: { k: 1 } });
      if (r.ok) {
        accepted++;
        expect(typeof r.value.f(0.5)).toBe('number');
        expect(typeof r.value.df(0.5)).toBe('number');
      } else {
        expect(r.error, JSON.stringify(text)).toMatch(/^[^\n]+$/);
        expect(r.error).not.toMatch(/ at \w+ \(|node_modules|\.js:\d/);
        if (r.index !== undefined) expect(r.index).toBeGreaterThanOrEqual(0);
        if (r.index !== undefined) expect(r.index).toBeLessThanOrEqual(text.length);
      }
    }
    expect(accepted).toBeGreaterThan(50);
  });
});
