// The hover readout's rows (src/render/charts/hover.ts): the hovered episode snaps to the nearest point of the
// first line or band, each row reads its line's nearest value, and a line drawn clipped (raw returns under
// bands) gets no dot where its value lies outside the plot.
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/app/Series';
import { fillLineRows, hoveredX, type HoverLine } from '../../src/render/charts/hover';
import type { TooltipRow } from '../../src/render/charts/Tooltip';

function series(points: [number, number][]): Series {
  const s = new Series(16);
  for (const [x, y] of points) s.push(x, y);
  return s;
}

const scale = { px: (x: number) => 10 * x, py: (y: number) => 100 - 10 * y };
const row = (): TooltipRow => ({ label: '', value: '', dotX: NaN, dotY: NaN, active: false });

describe('hover readout', () => {
  it('snaps to the nearest point of the first line, or of the band when that is nearer', () => {
    const lines: HoverLine[] = [
      {
        series: series([
          [1, 0],
          [2, 0],
          [4, 0],
        ]),
        hasData: true,
        clipped: false,
      },
    ];
    expect(hoveredX(lines, null, 3.2)).toBe(4);
    expect(hoveredX(lines, Float64Array.from([3, 5]), 3.2)).toBe(3);
    expect(hoveredX([], null, 3)).toBeNaN();
  });

  it('fills value and dot per line; a clipped line out of the plot rows gets no dot', () => {
    const smooth: HoverLine = {
      series: series([
        [1, 1],
        [2, 2],
      ]),
      hasData: true,
      clipped: false,
    };
    // y = 9 maps to pixel 10, above the plot rows 40..100
    const raw: HoverLine = {
      series: series([
        [1, 3],
        [2, 9],
      ]),
      hasData: true,
      clipped: true,
    };
    const empty: HoverLine = { series: series([]), hasData: false, clipped: false };
    const rows = [row(), row(), row()];
    fillLineRows(rows, [smooth, raw, empty], 2, scale, (v) => v.toFixed(1), 40, 100);
    expect(rows[0]).toMatchObject({ value: '2.0', dotX: 20, dotY: 80, active: true });
    expect(rows[1]).toMatchObject({ value: '9.0', dotX: 20, active: true });
    expect(rows[1].dotY).toBeNaN();
    expect(rows[2].active).toBe(false);
    fillLineRows(rows, [smooth, raw, empty], 1, scale, (v) => v.toFixed(1), 40, 100);
    expect(rows[1]).toMatchObject({ value: '3.0', dotY: 70 });
  });
});
