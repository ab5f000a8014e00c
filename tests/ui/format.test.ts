// The controls' number formatters (src/ui/dom.ts), pinned on a fixed table: zero and −0, grouping, rounding
// to zero, tiny and huge magnitudes and non-finite input, with a true minus sign throughout.
import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, formatSig, groupDigits } from '../../src/ui/dom';

// x, groupDigits(x), formatNumber(x), formatCompact(x), formatSig(x)
const table: [number, string, string, string, string][] = [
  [0, '0', '0.00', '0', '0'],
  [-0, '0', '0.00', '0', '0'],
  [1234567, '1 234 567', '1 234 567', '1.2e6', '1 230 000'],
  [-1234.4, '−1 234', '−1 234', '−1 230', '−1 230'],
  [-0.4, '0', '−0.40', '−0.4', '−0.4'],
  [0.5, '1', '0.50', '0.5', '0.5'],
  [-0.004, '0', '−0.00400', '−0.004', '−0.004'],
  [0.00195, '0', '0.00195', '0.00195', '0.00195'],
  [1.2e-7, '0', '1.20e-7', '1.2e-7', '1.2e-7'],
  [-6.3e-4, '0', '−0.000630', '−6.3e-4', '−0.00063'],
  [123456, '123 456', '123 456', '1.2e5', '123 000'],
  [0.024, '0', '0.02', '0.024', '0.024'],
  [-0.008, '0', '−0.00800', '−0.008', '−0.008'],
  [1230.4, '1 230', '1 230', '1 230', '1 230'],
  [99999.5, '100 000', '100 000', '100 000', '100 000'],
  [NaN, 'NaN', '—', '—', '—'],
  [-Infinity, '−Infinity', '—', '—', '—'],
];

describe('DOM number formatters', () => {
  it.each(table)('formats %d', (x, grouped, readable, compact, sig) => {
    expect(groupDigits(x)).toBe(grouped);
    expect(formatNumber(x)).toBe(readable);
    expect(formatCompact(x)).toBe(compact);
    expect(formatSig(x)).toBe(sig);
  });

  it('takes the number of significant digits', () => {
    expect(formatNumber(0.00123456, 5)).toBe('0.0012346');
    expect(formatCompact(-6.3456e-4, 4)).toBe('−6.35e-4');
    expect(formatSig(0.0123456, 2)).toBe('0.012');
  });
});
