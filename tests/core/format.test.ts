// The sign, exponent and zero-trimming pieces shared by the controls and the renderer's labels (src/core/format.ts).
import { describe, expect, it } from 'vitest';
import { MINUS, exponential, trimZeros, withSign } from '../../src/core/format';

describe('withSign', () => {
  it('puts a true minus in front of a negative magnitude', () => {
    expect(MINUS).toBe('\u2212');
    expect(withSign(true, '0.5')).toBe('−0.5');
    expect(withSign(false, '0.5')).toBe('0.5');
    expect(withSign(true, '1 234')).toBe('−1 234');
    expect(withSign(true, '6.3e-4')).toBe('−6.3e-4');
    expect(withSign(true, '2.5', '-')).toBe('-2.5');
  });

  it('never signs a magnitude that reads as zero', () => {
    expect(withSign(true, '0.00')).toBe('0.00');
    expect(withSign(true, '0')).toBe('0');
  });
});

describe('exponential', () => {
  it('drops the plus of the exponent and, by default, trailing zeros of the mantissa', () => {
    expect(exponential(2.5e6, 3)).toBe('2.5e6');
    expect(exponential(3e-7, 3)).toBe('3e-7');
    expect(exponential(-3e-7, 3)).toBe('-3e-7');
    expect(exponential(1e8, 0)).toBe('1e8');
    expect(exponential(1, 2)).toBe('1e0');
  });

  it('keeps trailing zeros when asked', () => {
    expect(exponential(1e9, 1, false)).toBe('1.0e9');
    expect(exponential(6.3e-4, 1, false)).toBe('6.3e-4');
    expect(exponential(3.23e15, 1, false)).toBe('3.2e15');
  });
});

describe('trimZeros', () => {
  it('drops zeros after the decimal point only', () => {
    expect(trimZeros('1.500')).toBe('1.5');
    expect(trimZeros('2.000')).toBe('2');
    expect(trimZeros('-0.05')).toBe('-0.05');
    expect(trimZeros('1200')).toBe('1200');
  });
});
