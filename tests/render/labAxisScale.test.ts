// The lab's data ↔ pixel mapping (src/render/lab/AxisScale.ts): linear and log10 axes, inverses, clamping,
// flipped (upward) y ranges, sanitised ranges, and the ticks each kind shows.
import { describe, expect, it } from 'vitest';
import { AxisScale } from '../../src/render/lab/AxisScale';

describe('linear scale', () => {
  it('maps the range ends onto the pixel ends and interpolates linearly', () => {
    const s = new AxisScale().set('linear', -2, 6, 100, 500);
    expect(s.toPixel(-2)).toBe(100);
    expect(s.toPixel(6)).toBe(500);
    expect(s.toPixel(2)).toBe(300);
    expect(s.toPixel(10)).toBe(700);
  });

  it('inverts, also for a flipped (upward) y axis', () => {
    const s = new AxisScale().set('linear', 0, 10, 300, 20);
    expect(s.toPixel(0)).toBe(300);
    expect(s.toPixel(10)).toBe(20);
    for (const v of [-3, 0, 2.5, 7, 12]) expect(s.toData(s.toPixel(v))).toBeCloseTo(v, 12);
  });

  it('clamps to the pixel range, sends ±∞ to the ends and keeps NaN', () => {
    const s = new AxisScale().set('linear', 0, 1, 300, 20);
    expect(s.toPixelClamped(5)).toBe(20);
    expect(s.toPixelClamped(-5)).toBe(300);
    expect(s.toPixelClamped(Infinity)).toBe(20);
    expect(s.toPixelClamped(-Infinity)).toBe(300);
    expect(s.toPixelClamped(NaN)).toBeNaN();
  });

  it('widens an empty range instead of dividing by zero', () => {
    const s = new AxisScale().set('linear', 3, 3, 0, 100);
    expect(s.hi).toBeGreaterThan(s.lo);
    expect(Number.isFinite(s.toPixel(3))).toBe(true);
  });

  it('shows nice ticks inside the range', () => {
    const t = new AxisScale().set('linear', -0.3, 2.2, 0, 400).ticks(6);
    expect(t.values).toEqual([0, 0.5, 1, 1.5, 2]);
  });
});

describe('log scale', () => {
  it('spaces decades evenly and inverts', () => {
    const s = new AxisScale().set('log', 1e-3, 1e3, 0, 600);
    expect(s.toPixel(1e-3)).toBeCloseTo(0, 9);
    expect(s.toPixel(1)).toBeCloseTo(300, 9);
    expect(s.toPixel(10) - s.toPixel(1)).toBeCloseTo(s.toPixel(1) - s.toPixel(0.1), 9);
    for (const v of [2e-4, 0.05, 3, 7e4]) expect(s.toData(s.toPixel(v)) / v).toBeCloseTo(1, 12);
  });

  it('gives NaN for zero and negative values, also when clamped', () => {
    const s = new AxisScale().set('log', 1, 100, 0, 100);
    expect(s.toPixel(0)).toBeNaN();
    expect(s.toPixel(-1)).toBeNaN();
    expect(s.toPixelClamped(0)).toBeNaN();
    expect(s.toPixelClamped(1e9)).toBe(100);
  });

  it('repairs a range that is not positive', () => {
    const s = new AxisScale().set('log', 0, 50, 0, 100);
    expect(s.lo).toBeGreaterThan(0);
    expect(s.hi).toBe(50);
    const t = new AxisScale().set('log', 5, 5, 0, 100);
    expect(t.hi).toBeGreaterThan(t.lo);
  });

  it('ticks decades on a wide range and falls back to linear values on a narrow one', () => {
    expect(new AxisScale().set('log', 2e-5, 3e6, 300, 0).ticks(8).values).toEqual([
      1e-4, 0.01, 1, 100, 10000, 1e6,
    ]);
    expect(new AxisScale().set('log', 1, 100, 300, 0).ticks(8).values).toEqual([1, 2, 5, 10, 20, 50, 100]);
    const narrow = new AxisScale().set('log', 1.2, 1.8, 300, 0).ticks(6).values;
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    for (const v of narrow) expect(v >= 1.2 && v <= 1.8).toBe(true);
  });

  it('hit-tests pixels whichever way the range runs', () => {
    const s = new AxisScale().set('log', 1, 10, 200, 50);
    expect(s.containsPixel(120)).toBe(true);
    expect(s.containsPixel(201)).toBe(false);
    expect(s.containsPixel(49)).toBe(false);
  });
});
