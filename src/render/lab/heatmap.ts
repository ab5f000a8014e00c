/**
 * Pure helpers of the race heatmap (no Pixi; unit-tested): the RGBA pixels of E[f](μ, σ) through viridis
 * (../colors.ts `sequentialColor`, NaN cells neutral grey), flipped so that σ grows upwards, and a cheap
 * fingerprint of the grid so that the texture is re-uploaded only when the values changed, not on every
 * replay step of the trajectories.
 */
import { sequentialColor } from '../colors';

/**
 * Writes the `nx` × `ny` grid (row-major, row 0 at the lowest σ) into `out` as RGBA bytes with row 0 of
 * the image at the top (the highest σ). Values map linearly from [lo, hi] to [0, 1] (a flat grid → 0.5).
 * `out` needs at least 4·nx·ny entries; returns it.
 */
export function heatmapPixelsInto(
  out: Uint8ClampedArray,
  grid: ArrayLike<number>,
  nx: number,
  ny: number,
  lo: number,
  hi: number,
): Uint8ClampedArray {
  const span = hi - lo;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const v = grid[j * nx + i];
      const t = Number.isFinite(v) ? (span > 0 ? (v - lo) / span : 0.5) : NaN;
      const c = sequentialColor(t);
      const o = 4 * (row + i);
      out[o] = (c >> 16) & 255;
      out[o + 1] = (c >> 8) & 255;
      out[o + 2] = c & 255;
      out[o + 3] = 255;
    }
  }
  return out;
}

/**
 * A fingerprint of the grid and its extent [x0, x1] × [y0, y1]: equal inputs give equal numbers, and any change of a value,
 * the size or the extent changes it with overwhelming probability (position-weighted sums).
 */
export function gridFingerprint(
  grid: ArrayLike<number>,
  nx: number,
  ny: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): number {
  let a = nx * 31 + ny * 17 + x0 * 3 + x1 * 5 + y0 * 7 + y1 * 11;
  let b = 0;
  const n = nx * ny;
  for (let i = 0; i < n; i++) {
    const v = grid[i];
    const x = Number.isFinite(v) ? v : Number.isNaN(v) ? 0.123456789 : v > 0 ? 9.87654321 : -9.87654321;
    a += x * (1 + (i % 97) * 0.0137);
    b += x * x * (1 + (i % 89) * 0.0211);
  }
  return a * 1.000003 + b;
}
