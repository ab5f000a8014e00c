/**
 * Pure helpers of the line chart (no Pixi): robust data extents, the nearest point by binary search, the
 * y range an axis shows, and dashed polylines drawn through any `moveTo`/`lineTo` sink (a Pixi Graphics is
 * one). Kept apart so they are unit-tested in node.
 */

/** A growable min/max accumulator; `min > max` means empty. */
export interface Extent {
  min: number;
  max: number;
}

/** An empty extent. */
export function emptyExtent(): Extent {
  return { min: Infinity, max: -Infinity };
}

/**
 * Widens `out` by the finite values `ys[0..n)` (for a log axis only the positive ones) and returns `out`.
 * NaN and ±∞ are ignored.
 */
export function extendExtent(out: Extent, ys: ArrayLike<number>, n: number, positiveOnly: boolean): Extent {
  for (let i = 0; i < n; i++) {
    const y = ys[i];
    if (!Number.isFinite(y) || (positiveOnly && y <= 0)) continue;
    if (y < out.min) out.min = y;
    if (y > out.max) out.max = y;
  }
  return out;
}

/**
 * The range an axis shows for data extent [min, max]: padded by `pad` (a fraction of the span) on both
 * sides, in log10 space for a log axis. A zero span is widened (±10% of |value|, or ±1 around 0; ×/÷ 2 on a
 * log axis). Returns null for an empty extent.
 */
export function paddedRange(min: number, max: number, pad: number, log: boolean): [number, number] | null {
  if (!(min <= max) || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  if (log) {
    if (!(min > 0)) return null;
    let a = Math.log10(min);
    let b = Math.log10(max);
    if (b - a < 1e-9) {
      a -= Math.LOG10E * Math.LN2;
      b += Math.LOG10E * Math.LN2;
    }
    const p = (b - a) * pad;
    return [Math.pow(10, a - p), Math.pow(10, b + p)];
  }
  if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
    const half = min === 0 ? 1 : Math.abs(min) * 0.1;
    return [min - half, max + half];
  }
  const p = (max - min) * pad;
  return [min - p, max + p];
}

/**
 * Index of the point of `xs[0..n)` (ascending) nearest to `x`: binary search, ties to the left;
 * −1 when n = 0.
 */
export function nearestIndex(xs: ArrayLike<number>, n: number, x: number): number {
  if (n <= 0) return -1;
  if (!(x > xs[0])) return 0;
  if (x >= xs[n - 1]) return n - 1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return x - xs[lo] <= xs[hi] - x ? lo : hi;
}

/** Where a path goes: a Pixi `Graphics` satisfies this. */
export interface PathSink {
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
}

/**
 * Draws the polyline (px[i], py[i]), i < n, into `sink`; NaN coordinates break the line (a gap). With
 * `dash > 0` it is drawn as dashes of length `dash` separated by `gap` pixels, the pattern running on across
 * vertices so corners do not restart it. Returns the number of sub-paths started (moveTo calls).
 */
export function tracePolyline(
  sink: PathSink,
  px: ArrayLike<number>,
  py: ArrayLike<number>,
  n: number,
  dash = 0,
  gap = 0,
): number {
  let moves = 0;
  let pen = false;
  let prevX = NaN;
  let prevY = NaN;
  let phase = 0;
  const period = dash + gap;
  for (let i = 0; i < n; i++) {
    const x = px[i];
    const y = py[i];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      pen = false;
      prevX = NaN;
      continue;
    }
    if (Number.isNaN(prevX)) {
      prevX = x;
      prevY = y;
      if (dash <= 0) {
        sink.moveTo(x, y);
        moves++;
        pen = true;
      } else {
        phase = 0;
        pen = false;
      }
      continue;
    }
    if (dash <= 0) {
      sink.lineTo(x, y);
    } else {
      const len = Math.hypot(x - prevX, y - prevY);
      let t = 0;
      while (t < len) {
        const inDash = phase < dash;
        const room = inDash ? dash - phase : period - phase;
        const adv = Math.min(room, len - t);
        if (inDash) {
          if (!pen) {
            const s = t / len;
            sink.moveTo(prevX + (x - prevX) * s, prevY + (y - prevY) * s);
            moves++;
            pen = true;
          }
          const e = (t + adv) / len;
          sink.lineTo(prevX + (x - prevX) * e, prevY + (y - prevY) * e);
        }
        t += adv;
        phase += adv;
        if (phase >= dash && inDash) pen = false;
        if (phase >= period) phase -= period;
      }
    }
    prevX = x;
    prevY = y;
  }
  return moves;
}

/**
 * Draws the solid polyline (px[i], py[i]), i < n, into `sink`, clipped to the rows top ≤ y ≤ bottom: each
 * segment keeps the part with y in range (t ∈ [0, 1] where y0 + t·(y1 − y0) ∈ [top, bottom], Liang–Barsky
 * in y only; x is already inside the plot). NaN breaks the line. Returns the number of sub-paths started.
 */
export function traceClippedY(
  sink: PathSink,
  px: ArrayLike<number>,
  py: ArrayLike<number>,
  n: number,
  top: number,
  bottom: number,
): number {
  let moves = 0;
  // where the pen is (NaN: lifted)
  let penX = NaN;
  let penY = NaN;
  for (let i = 1; i < n; i++) {
    const x0 = px[i - 1];
    const y0 = py[i - 1];
    const x1 = px[i];
    const y1 = py[i];
    if (Number.isNaN(x0 + y0 + x1 + y1)) continue;
    const dy = y1 - y0;
    let t0 = 0;
    let t1 = 1;
    if (dy === 0) {
      if (y0 < top || y0 > bottom) continue;
    } else {
      const a = (top - y0) / dy;
      const b = (bottom - y0) / dy;
      t0 = Math.max(0, Math.min(a, b));
      t1 = Math.min(1, Math.max(a, b));
      if (t0 > t1) continue;
    }
    const sx = x0 + (x1 - x0) * t0;
    const sy = y0 + dy * t0;
    if (sx !== penX || sy !== penY) {
      sink.moveTo(sx, sy);
      moves++;
    }
    penX = x0 + (x1 - x0) * t1;
    penY = y0 + dy * t1;
    sink.lineTo(penX, penY);
  }
  return moves;
}
