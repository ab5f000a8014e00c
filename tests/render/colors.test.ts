// Colour maps and palette (src/render/colors.ts): endpoints, monotone lightness of the sequential map,
// lightness symmetry and hue sides of the diverging map, clamping, NaN handling, mixing and CSS output.
import { describe, expect, it } from 'vitest';
import {
  AGENT_COLORS,
  COLORS,
  OKABE_ITO,
  agentColor,
  divergingColor,
  lightness,
  mix,
  sequentialColor,
  textColorOn,
  toCss,
} from '../../src/render/colors';

const rgb = (c: number): [number, number, number] => [(c >> 16) & 255, (c >> 8) & 255, c & 255];

describe('palette', () => {
  it('gives agent A blue and agent B vermillion (Okabe–Ito)', () => {
    expect(COLORS.agentA).toBe(0x0072b2);
    expect(COLORS.agentB).toBe(0xd55e00);
    expect(agentColor(0)).toBe(COLORS.agentA);
    expect(agentColor(1)).toBe(COLORS.agentB);
  });

  it('wraps agent indices and maps invalid ones to A', () => {
    expect(agentColor(AGENT_COLORS.length)).toBe(AGENT_COLORS[0]);
    expect(agentColor(-1)).toBe(COLORS.agentA);
    expect(agentColor(NaN)).toBe(COLORS.agentA);
    expect(agentColor(1.5)).toBe(COLORS.agentA);
  });

  it('uses only Okabe–Ito colours for agents, all distinct', () => {
    const okabe = new Set<number>(Object.values(OKABE_ITO));
    for (const c of AGENT_COLORS) expect(okabe.has(c)).toBe(true);
    expect(new Set(AGENT_COLORS).size).toBe(AGENT_COLORS.length);
  });

  it('keeps text readable on the panel and the page', () => {
    expect(lightness(COLORS.background) - lightness(COLORS.text)).toBeGreaterThan(70);
    expect(lightness(COLORS.panel) - lightness(COLORS.mutedText)).toBeGreaterThan(45);
    expect(lightness(COLORS.grid)).toBeGreaterThan(lightness(COLORS.axis));
  });
});

describe('mix and toCss', () => {
  it('interpolates per channel and clamps t', () => {
    expect(mix(0x000000, 0xffffff, 0)).toBe(0x000000);
    expect(mix(0x000000, 0xffffff, 1)).toBe(0xffffff);
    expect(mix(0x000000, 0xffffff, 0.5)).toBe(0x808080);
    expect(mix(0x102030, 0x405060, 2)).toBe(0x405060);
    expect(mix(0x102030, 0x405060, -1)).toBe(0x102030);
    expect(mix(0x102030, 0x405060, NaN)).toBe(0x102030);
  });

  it('formats #rrggbb with leading zeros', () => {
    expect(toCss(0x0072b2)).toBe('#0072b2');
    expect(toCss(0)).toBe('#000000');
    expect(toCss(0xffffff)).toBe('#ffffff');
  });
});

describe('sequentialColor', () => {
  it('runs from viridis purple to yellow', () => {
    expect(sequentialColor(0)).toBe(0x440154);
    expect(sequentialColor(1)).toBe(0xfde725);
  });

  it('clamps out-of-range input and maps NaN to the neutral gray', () => {
    expect(sequentialColor(-3)).toBe(sequentialColor(0));
    expect(sequentialColor(7)).toBe(sequentialColor(1));
    expect(sequentialColor(-Infinity)).toBe(sequentialColor(0));
    expect(sequentialColor(NaN)).toBe(COLORS.neutral);
    const [r, g, b] = rgb(COLORS.neutral);
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it('has strictly increasing lightness', () => {
    let prev = -Infinity;
    for (let i = 0; i <= 200; i++) {
      const l = lightness(sequentialColor(i / 200));
      expect(l).toBeGreaterThan(prev);
      prev = l;
    }
    expect(lightness(sequentialColor(1)) - lightness(sequentialColor(0))).toBeGreaterThan(70);
  });
});

describe('divergingColor', () => {
  it('is near-white at 0, blue at −1 and orange at +1', () => {
    expect(lightness(divergingColor(0))).toBeGreaterThan(95);
    const [r0, , b0] = rgb(divergingColor(-1));
    const [r1, , b1] = rgb(divergingColor(1));
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
  });

  it('is symmetric in lightness and darkens away from 0', () => {
    let prevNeg = Infinity;
    let prevPos = Infinity;
    for (let i = 0; i <= 50; i++) {
      const t = i / 50;
      const neg = lightness(divergingColor(-t));
      const pos = lightness(divergingColor(t));
      expect(Math.abs(neg - pos)).toBeLessThan(7);
      expect(neg).toBeLessThan(prevNeg);
      expect(pos).toBeLessThan(prevPos);
      prevNeg = neg;
      prevPos = pos;
    }
    expect(lightness(divergingColor(1))).toBeLessThan(55);
  });

  it('clamps and maps NaN to the neutral gray', () => {
    expect(divergingColor(-5)).toBe(divergingColor(-1));
    expect(divergingColor(5)).toBe(divergingColor(1));
    expect(divergingColor(NaN)).toBe(COLORS.neutral);
  });
});

describe('textColorOn', () => {
  it('picks dark text on light fills and white on dark ones', () => {
    expect(textColorOn(0xffffff)).toBe(COLORS.text);
    expect(textColorOn(sequentialColor(1))).toBe(COLORS.text);
    expect(textColorOn(sequentialColor(0))).toBe(0xffffff);
  });
});
