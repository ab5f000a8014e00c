// Pure helpers of the line chart (src/render/charts/plotMath.ts): NaN-robust extents, padded axis ranges,
// nearest-point binary search against a linear scan, polylines with gaps and dashes, and polylines clipped
// to the plot's rows.
import { describe, expect, it } from 'vitest';
import {
  emptyExtent,
  extendExtent,
  nearestIndex,
  paddedRange,
  traceClippedY,
  tracePolyline,
  type PathSink,
} from '../../src/render/charts/plotMath';

/** Records moveTo/lineTo calls. */
class Recorder implements PathSink {
  readonly ops: [string, number, number][] = [];
  moveTo(x: number, y: number): void {
    this.ops.push(['M', x, y]);
  }
  lineTo(x: number, y: number): void {
    this.ops.push(['L', x, y]);
  }
  /** Total drawn length. */
  get inked(): number {
    let len = 0;
    for (let i = 1; i < this.ops.length; i++) {
      const [op, x, y] = this.ops[i];
      if (op === 'L') len += Math.hypot(x - this.ops[i - 1][1], y - this.ops[i - 1][2]);
    }
    return len;
  }
}

describe('extents', () => {
  it('ignores NaN and infinities', () => {
    const e = extendExtent(emptyExtent(), [NaN, 3, -2, Infinity, 7, -Infinity], 6, false);
    expect(e).toEqual({ min: -2, max: 7 });
  });

  it('keeps only positive values for a log axis, and reads only n values', () => {
    expect(extendExtent(emptyExtent(), [0, -1, 0.5, 20, 1e9], 4, true)).toEqual({ min: 0.5, max: 20 });
  });

  it('stays empty without finite values', () => {
    const e = extendExtent(emptyExtent(), [NaN, NaN], 2, false);
    expect(e.min > e.max).toBe(true);
  });
});

describe('paddedRange', () => {
  it('pads by 5% of the span', () => {
    const [a, b] = paddedRange(0, 10, 0.05, false)!;
    expect(a).toBeCloseTo(-0.5);
    expect(b).toBeCloseTo(10.5);
  });

  it('pads in log space', () => {
    const [a, b] = paddedRange(1e-4, 1, 0.05, true)!;
    expect(Math.log10(a)).toBeCloseTo(-4.2);
    expect(Math.log10(b)).toBeCloseTo(0.2);
  });

  it('widens zero spans and rejects empty or invalid extents', () => {
    expect(paddedRange(3, 3, 0.05, false)).toEqual([2.7, 3.3]);
    expect(paddedRange(0, 0, 0.05, false)).toEqual([-1, 1]);
    const [a, b] = paddedRange(2, 2, 0.05, true)!;
    expect(a).toBeLessThan(2);
    expect(b).toBeGreaterThan(2);
    expect(paddedRange(Infinity, -Infinity, 0.05, false)).toBeNull();
    expect(paddedRange(0, 1, 0.05, true)).toBeNull();
    expect(paddedRange(NaN, 1, 0.05, false)).toBeNull();
  });
});

describe('nearestIndex', () => {
  it('matches a linear scan', () => {
    const xs = [1, 2, 4, 8, 9, 15, 16, 40];
    for (let x = -5; x <= 50; x += 0.25) {
      let best = 0;
      for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
      expect(nearestIndex(xs, xs.length, x)).toBe(best);
    }
  });

  it('reads only the first n points and handles empty input', () => {
    expect(nearestIndex([1, 2, 3, 100], 3, 90)).toBe(2);
    expect(nearestIndex([], 0, 1)).toBe(-1);
    expect(nearestIndex([5], 1, NaN)).toBe(0);
  });
});

describe('tracePolyline', () => {
  it('draws a solid line with one subpath and breaks at NaN', () => {
    const r = new Recorder();
    expect(tracePolyline(r, [0, 1, 2, 3, 4], [0, 0, 0, 0, 0], 5)).toBe(1);
    expect(r.ops.map((o) => o[0]).join('')).toBe('MLLLL');
    const g = new Recorder();
    expect(tracePolyline(g, [0, 1, NaN, 3, 4], [0, 0, 0, 0, 0], 5)).toBe(2);
    expect(g.ops.map((o) => o[0]).join('')).toBe('MLML');
  });

  it('dashes with the given pattern, continuing across vertices', () => {
    const r = new Recorder();
    // 30 px along two segments (20 + 10): pattern 6 on, 4 off -> 3 dashes, 18 px inked.
    const moves = tracePolyline(r, [0, 20, 20], [0, 0, 10], 3, 6, 4);
    expect(moves).toBe(3);
    expect(r.inked).toBeCloseTo(18, 9);
    expect(r.ops[0]).toEqual(['M', 0, 0]);
    // The 3rd dash starts at 20 px, the corner: it runs down the second segment.
    expect(r.ops.at(-1)).toEqual(['L', 20, 6]);
  });

  it('restarts the dash pattern after a gap', () => {
    const r = new Recorder();
    tracePolyline(r, [0, 8, NaN, 100, 108], [0, 0, 0, 0, 0], 5, 6, 4);
    expect(r.inked).toBeCloseTo(12, 9);
    expect(r.ops.filter((o) => o[0] === 'M').map((o) => o[1])).toEqual([0, 100]);
  });
});

describe('traceClippedY', () => {
  it('keeps the part of each segment inside the rows, joining where the line stays inside', () => {
    const r = new Recorder();
    // rows 0..10: (0,5)→(10,5) inside; (10,5)→(20,25) leaves at y = 10, t = 0.25 → x = 12.5;
    // (20,25)→(30,-15) enters at y = 10 (t = 0.375, x = 23.75) and leaves at y = 0 (t = 0.625, x = 26.25)
    const moves = traceClippedY(r, [0, 10, 20, 30], [5, 5, 25, -15], 4, 0, 10);
    expect(moves).toBe(2);
    expect(r.ops).toEqual([
      ['M', 0, 5],
      ['L', 10, 5],
      ['L', 12.5, 10],
      ['M', 23.75, 10],
      ['L', 26.25, 0],
    ]);
  });

  it('draws nothing for a line wholly outside the rows, and breaks at NaN', () => {
    const r = new Recorder();
    expect(traceClippedY(r, [0, 1, 2], [-5, -6, -7], 3, 0, 10)).toBe(0);
    expect(r.ops).toEqual([]);
    const g = new Recorder();
    expect(traceClippedY(g, [0, 1, 2, 3], [1, 2, NaN, 4], 4, 0, 10)).toBe(1);
    expect(g.ops).toEqual([
      ['M', 0, 1],
      ['L', 1, 2],
    ]);
  });

  it('inside the rows it draws exactly what tracePolyline draws', () => {
    const xs = [0, 3, 7, 9, 12];
    const ys = [2, 8, 1, 9, 4];
    const a = new Recorder();
    const b = new Recorder();
    traceClippedY(a, xs, ys, 5, 0, 10);
    tracePolyline(b, xs, ys, 5);
    expect(a.ops).toEqual(b.ops);
  });
});
