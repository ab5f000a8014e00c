import { describe, expect, it, vi } from 'vitest';
import { compileExpressionWithParams } from '../../src/expr';
import * as mathjs from '../../src/expr/mathjs';

// Counts every call into mathjs: parsing per edit, simplifying only when the derivative text is read.
vi.mock('../../src/expr/mathjs', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/expr/mathjs')>();
  return { parseMath: vi.fn(original.parseMath), simplifyText: vi.fn(original.simplifyText) };
});

describe('mathjs runs once per edit, never per evaluation or per param change', () => {
  it('parses once; f, df and bind never reach mathjs; simplify runs lazily, once', () => {
    const parse = vi.mocked(mathjs.parseMath);
    const simplify = vi.mocked(mathjs.simplifyText);
    parse.mockClear();
    simplify.mockClear();

    const r = compileExpressionWithParams('exp(-k * z^2)', { variable: 'z', paramNames: ['k'] });
    if (!r.ok) throw new Error(r.error);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(simplify).not.toHaveBeenCalled();

    const p = new Float64Array(1);
    let sum = 0;
    for (let i = 0; i < 1000; i++) {
      p[0] = i / 100; // the slider
      const bound = r.value.bind({ k: p[0] });
      sum += r.value.f(0.3, p) + r.value.df(0.3, p) + bound.f(0.3) + bound.df(0.3);
    }
    expect(Number.isFinite(sum)).toBe(true);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(simplify).not.toHaveBeenCalled();

    const text = r.value.derivativeSource;
    expect(r.value.bind({ k: 1 }).derivativeSource).toBe(text);
    expect(r.value.derivativeSource).toBe(text);
    expect(simplify.mock.calls.length).toBeLessThanOrEqual(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
