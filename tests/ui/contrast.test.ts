// Colour contrast of the page theme (WCAG 2.1 SC 1.4.3 text ≥ 4.5:1, SC 1.4.11 focus ring and control
// borders against their background ≥ 3:1), read from the custom properties in src/ui/styles.css, and of the
// charts' text colours (src/render/colors.ts) on their panels. The formula is WCAG's relative luminance.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../src/render/colors';

const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/styles.css'), 'utf8');

/** The `#rrggbb` value of a custom property declared in styles.css. */
function cssVar(name: string): number {
  const m = css.match(new RegExp(`--${name}:\\s*#([0-9a-fA-F]{6});`));
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return parseInt(m[1], 16);
}

/** WCAG 2.1 relative luminance of 0xRRGGBB. */
function luminance(c: number): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch((c >> 16) & 255) + 0.7152 * ch((c >> 8) & 255) + 0.0722 * ch(c & 255);
}

/** WCAG contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the contrast formula', () => {
  it('gives 21:1 for black on white, 1:1 for equal colours and the textbook #767676 ≈ 4.54:1', () => {
    expect(contrast(0x000000, 0xffffff)).toBeCloseTo(21, 10);
    expect(contrast(0x123456, 0x123456)).toBe(1);
    expect(contrast(0x767676, 0xffffff)).toBeCloseTo(4.54, 2);
  });
});

describe('page theme (styles.css)', () => {
  const white = 0xffffff;
  const text: [string, number, number][] = [
    ['text on panel', cssVar('text'), cssVar('panel')],
    ['text on page', cssVar('text'), cssVar('bg')],
    ['muted (hints, section titles) on panel', cssVar('muted'), cssVar('panel')],
    ['muted on page', cssVar('muted'), cssVar('bg')],
    ['muted on a disabled button (#eceff3)', cssVar('muted'), 0xeceff3],
    ['links and the nav on panel', cssVar('accent'), cssVar('panel')],
    ['white on the primary button and current page', white, cssVar('accent')],
    ['white on the hovered primary button', white, cssVar('accent-hover')],
    ['accent on its soft tint (playing button, formulas)', cssVar('accent'), cssVar('accent-soft')],
    ['announcements (accent-hover) on panel', cssVar('accent-hover'), cssVar('panel')],
    ['errors on their tint', cssVar('error'), cssVar('error-bg')],
    ['warnings on their tint', cssVar('warn'), cssVar('warn-bg')],
    ['warning notes on panel', cssVar('warn'), cssVar('panel')],
    ['white on the announcement toast (#1c2230)', white, 0x1c2230],
  ];
  it.each(text)('%s is at least 4.5:1', (_name, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring is at least 3:1 against the page, the panels and the soft tint', () => {
    for (const bg of [cssVar('bg'), cssVar('panel'), cssVar('accent-soft')]) {
      expect(contrast(cssVar('focus'), bg)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('chart text (render/colors.ts)', () => {
  it('titles, tick labels and axis titles are at least 4.5:1 on the chart panels and the canvas', () => {
    for (const fg of [COLORS.text, COLORS.mutedText]) {
      expect(contrast(fg, COLORS.panel)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, COLORS.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("agent A's legend label (Okabe–Ito blue) is at least 4.5:1 on a chart panel", () => {
    expect(contrast(COLORS.agentA, COLORS.panel)).toBeGreaterThanOrEqual(4.5);
  });
});
