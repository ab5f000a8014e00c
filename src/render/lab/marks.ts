/**
 * Small glyphs shared by the lab's plots and their keys, so that a marker in a plot and its legend entry are
 * drawn by the same code: line and dashed-line samples (../charts/Legend.ts `drawSwatch`), a filled area
 * swatch, a dotted vertical, dots, the histogram's mean triangle, the race's start ring and finish star.
 */
import type { Graphics } from 'pixi.js';
import { COLORS } from '../colors';
import { drawSwatch } from '../charts/Legend';

/** Glyph kinds. */
export type MarkKind = 'line' | 'dashed' | 'dotted' | 'area' | 'dot' | 'triangle' | 'ring' | 'star' | 'tick';

/** Width a key swatch takes (px). */
export const MARK_W: Readonly<Record<MarkKind, number>> = {
  line: 18,
  dashed: 18,
  dotted: 10,
  area: 14,
  dot: 10,
  triangle: 10,
  ring: 12,
  star: 14,
  tick: 8,
};

/** Upward triangle with its tip at (x, y), `size` px tall. */
export function drawTriangle(g: Graphics, x: number, y: number, size: number, color: number): void {
  const h = size;
  const w = size * 0.62;
  g.poly([x, y, x + w, y + h, x - w, y + h]).fill(color);
  g.stroke({ width: 1, color: 0xffffff, alpha: 0.9 });
}

/** Five-pointed star centred on (x, y) with outer radius `r` (the race's finish). */
export function drawStar(g: Graphics, x: number, y: number, r: number, color: number): void {
  g.star(x, y, 5, r, r * 0.45, -Math.PI / 2)
    .fill(color)
    .stroke({ width: 1.5, color: COLORS.text });
}

/** White-filled ring centred on (x, y) (the race's start). */
export function drawRing(g: Graphics, x: number, y: number, r: number): void {
  g.circle(x, y, r).fill(0xffffff).stroke({ width: 2, color: COLORS.text });
}

/** Filled dot with a white rim. */
export function drawDot(g: Graphics, x: number, y: number, r: number, color: number): void {
  g.circle(x, y, r).fill(color).stroke({ width: 1.25, color: 0xffffff });
}

/** Draws a key swatch of `kind` whose left edge is x and vertical centre y. */
export function drawMark(g: Graphics, kind: MarkKind, x: number, y: number, color: number): void {
  const w = MARK_W[kind];
  switch (kind) {
    case 'line':
    case 'dashed':
      drawSwatch(g, x, y, w, color, kind === 'line' ? 'normal' : 'dashed');
      return;
    case 'dotted':
      for (let yy = y - 6; yy < y + 6; yy += 5) g.moveTo(x + w / 2, yy).lineTo(x + w / 2, yy + 2);
      g.stroke({ width: 1.5, color });
      return;
    case 'area':
      g.rect(x, y - 5, w, 10).fill({ color, alpha: 0.35 });
      return;
    case 'dot':
      drawDot(g, x + w / 2, y, 4, color);
      return;
    case 'triangle':
      drawTriangle(g, x + w / 2, y - 4, 8, color);
      return;
    case 'ring':
      drawRing(g, x + w / 2, y, 4.5);
      return;
    case 'star':
      drawStar(g, x + w / 2, y, 6.5, color);
      return;
    case 'tick':
      g.moveTo(x + w / 2, y - 6)
        .lineTo(x + w / 2, y + 6)
        .stroke({ width: 1.5, color });
  }
}
