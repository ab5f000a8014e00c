// Where the lab's panels go (src/render/lab/labLayout.ts): at every width from a narrow laptop to a wide
// screen the panels stay inside the canvas and never overlap, and the histogram cells never overlap each
// other, the section labels or the card's edges, for any number of visible estimators.
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../src/render/charts/theme';
import {
  HIST,
  LAB_MARGIN,
  histogramCardHeight,
  histogramColumns,
  histogramGrid,
  labLayout,
  legendRows,
  preferredLabHeight,
} from '../../src/render/lab/labLayout';

const WIDTHS = [600, 760, 900, 960, 1200, 1400];

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function panels(width: number, height = 0): [string, Rect][] {
  const l = labLayout(width, height);
  return [
    ['legend', l.legend],
    ['fn', l.fn],
    ['sweep', l.sweep],
    ['hist', l.hist],
    ['versusN', l.versusN],
    ['race', l.race],
  ];
}

describe('stage layout', () => {
  it.each(WIDTHS)('keeps every panel inside a %ipx canvas, apart from the others', (width) => {
    const l = labLayout(width);
    const list = panels(width);
    for (const [name, r] of list) {
      expect(r.w, name).toBeGreaterThan(0);
      expect(r.h, name).toBeGreaterThan(0);
      expect(r.x, name).toBeGreaterThanOrEqual(LAB_MARGIN);
      expect(r.x + r.w, name).toBeLessThanOrEqual(width - LAB_MARGIN);
      expect(r.y + r.h, name).toBeLessThanOrEqual(l.height - LAB_MARGIN);
    }
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        expect(overlaps(list[i][1], list[j][1]), `${list[i][0]} / ${list[j][0]}`).toBe(false);
  });

  it('puts f beside the sweep and N beside the race from 760px, and stacks them on a narrow canvas', () => {
    for (const width of [760, 960, 1400]) {
      const l = labLayout(width);
      expect(l.sweep.y).toBe(l.fn.y);
      expect(l.race.y).toBe(l.versusN.y);
      expect(l.fn.w / (l.fn.w + l.sweep.w)).toBeCloseTo(0.45, 1);
    }
    const narrow = labLayout(600);
    expect(narrow.sweep.y).toBeGreaterThan(narrow.fn.y + narrow.fn.h);
    expect(narrow.race.y).toBeGreaterThan(narrow.versusN.y + narrow.versusN.h);
  });

  it('reports its own height as the preferred height, growing as the width shrinks', () => {
    for (const width of WIDTHS) expect(preferredLabHeight(width)).toBe(labLayout(width).height);
    expect(preferredLabHeight(760)).toBeGreaterThan(preferredLabHeight(960));
  });

  it('shares extra height between the plot rows and ignores a smaller one', () => {
    const base = labLayout(960);
    const tall = labLayout(960, base.height + 200);
    expect(tall.height).toBe(base.height + 200);
    expect(tall.fn.h).toBe(base.fn.h + 100);
    expect(tall.race.h).toBe(base.race.h + 100);
    expect(tall.hist.h).toBe(base.hist.h);
    expect(labLayout(960, 300)).toEqual(base);
  });

  it('makes room for the legend rows it is given', () => {
    const one = labLayout(960, 0, 1);
    const two = labLayout(960, 0, 2);
    expect(two.fn.y - one.fn.y).toBe(two.legend.h - one.legend.h);
    expect(legendRows(1400)).toBe(1);
    expect(legendRows(600)).toBeGreaterThanOrEqual(legendRows(1400));
  });
});

describe('histogram grid', () => {
  it('fits six estimators on one row at 900px and balances the rows when narrower', () => {
    expect(histogramColumns(900 - 2 * LAB_MARGIN - 2 * HIST.pad, 6)).toBe(6);
    expect(histogramColumns(736 - 2 * HIST.pad, 6)).toBe(3);
    expect(histogramColumns(400, 6)).toBe(2);
    expect(histogramColumns(2000, 2)).toBe(2);
    expect(histogramColumns(500, 0)).toBe(1);
  });

  it.each(WIDTHS)('keeps cells apart and inside the card at %ipx for 1–6 estimators', (width) => {
    const cardW = width - 2 * LAB_MARGIN;
    const cardH = histogramCardHeight(cardW);
    for (let count = 1; count <= 6; count++) {
      const g = histogramGrid(cardW, cardH, count);
      const cells = g.sections.flatMap((s) => s.cells);
      expect(cells).toHaveLength(2 * count);
      for (const c of cells) {
        expect(c.x).toBeGreaterThanOrEqual(HIST.pad);
        expect(c.x + c.w).toBeLessThanOrEqual(cardW - HIST.pad);
        expect(c.y).toBeGreaterThanOrEqual(HIST.head);
        expect(c.y + c.h).toBeLessThanOrEqual(cardH - HIST.pad + 1e-9);
        expect(c.w).toBeGreaterThanOrEqual(Math.min(HIST.minCell, cardW - 2 * HIST.pad));
        expect(c.h).toBeGreaterThanOrEqual(HIST.cellH);
      }
      for (let i = 0; i < cells.length; i++)
        for (let j = i + 1; j < cells.length; j++) expect(overlaps(cells[i], cells[j])).toBe(false);
      for (const s of g.sections) {
        const label = { x: HIST.pad, y: s.labelY, w: cardW - 2 * HIST.pad, h: HIST.section };
        for (const c of cells) expect(overlaps(label, c)).toBe(false);
      }
    }
  });

  it('caps the cell width when few estimators are shown on a wide canvas', () => {
    const g = histogramGrid(1376, histogramCardHeight(1376), 1);
    expect(g.cellW).toBe(HIST.maxCell);
  });
});
