import { describe, expect, it } from 'vitest';
import { Cell } from '../../envs/gridworld/parseMap';
import { cellAt, gridLayout, inspectorText } from '../../src/render/views/gridLayout';
import { Tween, fade } from '../../src/render/views/motion';
import { LinearScale, curveRange } from '../../src/render/views/scale';
import { divergingColor, lightness } from '../../src/render/colors';
import { VALUE_COLOR_RANGE, agentColor, baseFontSize, valueColor } from '../../src/render/views/theme';

describe('scale helpers', () => {
  it('maps, clamps and inverts linearly', () => {
    const s = new LinearScale(0, 1, 100, 0);
    expect(s.map(0.25)).toBe(75);
    expect(s.mapClamped(2)).toBe(0);
    expect(s.mapClamped(-1)).toBe(100);
    expect(s.invert(75)).toBeCloseTo(0.25);
    expect(new LinearScale(3, 3, 0, 10).map(3)).toBe(5);
  });

  it('clips a value curve with poles to 8× its maximum', () => {
    const n = 200;
    const curve = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = (i + 0.5) / n;
      curve[i] = (2 * p - 4) / (p * (1 - p));
    }
    expect(curveRange(curve)).toEqual([-100, 0]);
    expect(curveRange(new Float64Array([NaN]))).toEqual([-100, 0]);
  });
});

describe('motion helpers', () => {
  it('tweens from start to end with easing and stops', () => {
    const t = new Tween();
    t.start(0, 0, 10, 20, 200);
    expect([t.x, t.y]).toEqual([0, 0]);
    expect(t.step(100)).toBe(true);
    expect(t.x).toBeCloseTo(5);
    expect(t.step(150)).toBe(false);
    expect([t.x, t.y]).toEqual([10, 20]);
    t.start(1, 1, 2, 2, 0);
    expect([t.x, t.y, t.progress]).toEqual([2, 2, 1]);
  });

  it('fades linearly to zero', () => {
    expect(fade(0, 300)).toBe(1);
    expect(fade(150, 300)).toBeCloseTo(0.5);
    expect(fade(Infinity, 300)).toBe(0);
  });
});

describe('theme', () => {
  it('uses the palette agent colours and a lightened diverging map for values', () => {
    expect(agentColor(0)).toBe(0x0072b2);
    expect(agentColor(1)).toBe(0xd55e00);
    expect(valueColor(0)).toBe(divergingColor(0));
    expect(valueColor(1)).toBe(divergingColor(VALUE_COLOR_RANGE));
    expect(valueColor(-5)).toBe(valueColor(-1));
    expect(lightness(valueColor(1))).toBeGreaterThan(50);
    expect(lightness(valueColor(-1))).toBeGreaterThan(50);
  });

  it('keeps fonts between 11 and 16 px', () => {
    expect(baseFontSize(320, 240)).toBe(11);
    expect(baseFontSize(560, 400)).toBe(14);
    expect(baseFontSize(1600, 1200)).toBe(16);
  });
});

describe('gridworld layout', () => {
  const panel = { panelW: 120, panelTall: 150, panelWide: 250, panelH: 70 };
  const cases: [number, number, number, number][] = [
    [12, 4, 320, 240],
    [11, 11, 320, 240],
    [30, 30, 320, 240],
    [12, 4, 900, 600],
    [30, 30, 900, 600],
  ];
  it.each(cases)('fits %i×%i cells into %i×%i with the panel', (cols, rows, w, h) => {
    const L = gridLayout(cols, rows, { x: 0, y: 0, w, h }, panel, 10);
    expect(L.cell).toBeGreaterThanOrEqual(4);
    expect(L.gridX + L.gridW).toBeLessThanOrEqual(w);
    expect(L.gridY + L.gridH).toBeLessThanOrEqual(h);
    if (L.side === 'right') expect(L.panelX + L.panelW).toBeLessThanOrEqual(w);
    else expect(L.panelY + L.panelH).toBeLessThanOrEqual(h);
  });

  it('puts the panel below a wide grid and beside a square one', () => {
    expect(gridLayout(12, 4, { x: 0, y: 0, w: 560, h: 360 }, panel, 10).side).toBe('below');
    expect(gridLayout(5, 5, { x: 0, y: 0, w: 560, h: 360 }, panel, 10).side).toBe('right');
  });

  it('finds the cell under a point', () => {
    expect(cellAt(25, 5, 10, 4, 3)).toBe(2);
    expect(cellAt(5, 25, 10, 4, 3)).toBe(8);
    expect(cellAt(-1, 5, 10, 4, 3)).toBe(-1);
    expect(cellAt(41, 5, 10, 4, 3)).toBe(-1);
  });

  it('describes a cell for the inspector', () => {
    const env = {
      width: 2,
      cells: new Uint8Array([Cell.start, Cell.goal]),
      probs: new Float64Array([0.1, 0.6, 0.2, 0.1, 0.25, 0.25, 0.25, 0.25]),
      value: new Float64Array([-0.5, 0]),
      exactValue: new Float64Array([-0.25, 0]),
    };
    const text = inspectorText(env, 0, false, 'wall');
    expect(text).toContain('row 1, col 1: start');
    expect(text).toContain('0.10  0.60  0.20  0.10');
    expect(text).toContain('learned V = −0.500');
    expect(text).toContain('exact v_π = −0.250');
    expect(inspectorText(env, 1, false, 'wall')).toContain('terminal');
    expect(inspectorText(env, -1, true, 'pit')).toContain('brush = pit');
  });
});
