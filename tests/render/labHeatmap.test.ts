// The race heatmap's pure helpers (src/render/lab/heatmap.ts): viridis pixels with σ growing upwards and NaN
// cells grey, and a grid fingerprint that changes exactly when the data do.
import { describe, expect, it } from 'vitest';
import { COLORS, sequentialColor } from '../../src/render/colors';
import { gridFingerprint, heatmapPixelsInto } from '../../src/render/lab/heatmap';

function rgbAt(px: Uint8ClampedArray, nx: number, col: number, row: number): number {
  const o = 4 * (row * nx + col);
  return (px[o] << 16) | (px[o + 1] << 8) | px[o + 2];
}

describe('heatmapPixelsInto', () => {
  // 3 × 2 grid, row 0 (lowest σ) = [0, 1, 2], row 1 = [3, NaN, 4]
  const grid = [0, 1, 2, 3, NaN, 4];
  const px = heatmapPixelsInto(new Uint8ClampedArray(4 * 6), grid, 3, 2, 0, 4);

  it('puts the lowest σ row at the bottom of the image', () => {
    expect(rgbAt(px, 3, 0, 1)).toBe(sequentialColor(0));
    expect(rgbAt(px, 3, 2, 1)).toBe(sequentialColor(0.5));
    expect(rgbAt(px, 3, 0, 0)).toBe(sequentialColor(0.75));
    expect(rgbAt(px, 3, 2, 0)).toBe(sequentialColor(1));
  });

  it('paints NaN cells neutral grey and every pixel opaque', () => {
    expect(rgbAt(px, 3, 1, 0)).toBe(COLORS.neutral);
    for (let i = 3; i < px.length; i += 4) expect(px[i]).toBe(255);
  });

  it('maps a flat grid to the middle of the ramp', () => {
    const flat = heatmapPixelsInto(new Uint8ClampedArray(8), [2, 2], 2, 1, 2, 2);
    expect(rgbAt(flat, 2, 0, 0)).toBe(sequentialColor(0.5));
  });
});

describe('gridFingerprint', () => {
  const grid = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i));
  const base = gridFingerprint(grid, 4, 3, -3, 3, 0.1, 3);

  it('is stable for equal input', () => {
    expect(gridFingerprint(Float64Array.from(grid), 4, 3, -3, 3, 0.1, 3)).toBe(base);
  });

  it('changes with a value, a swap, a NaN, the shape or the extent', () => {
    const changed = Float64Array.from(grid);
    changed[5] += 1e-9;
    expect(gridFingerprint(changed, 4, 3, -3, 3, 0.1, 3)).not.toBe(base);
    const swapped = Float64Array.from(grid);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(gridFingerprint(swapped, 4, 3, -3, 3, 0.1, 3)).not.toBe(base);
    const nan = Float64Array.from(grid);
    nan[0] = NaN;
    expect(gridFingerprint(nan, 4, 3, -3, 3, 0.1, 3)).not.toBe(base);
    expect(gridFingerprint(grid, 3, 4, -3, 3, 0.1, 3)).not.toBe(base);
    expect(gridFingerprint(grid, 4, 3, -2, 3, 0.1, 3)).not.toBe(base);
  });
});
