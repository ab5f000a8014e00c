/**
 * The environment views' light theme: panel, text and cell colours and the font, on top of the playground's
 * palette in src/render/colors.ts (Okabe–Ito agent colours, the diverging map; Okabe & Ito 2008). Pure: no
 * pixi, no DOM, so it runs in node tests.
 */
import { OKABE_ITO, divergingColor } from '../colors';

export { agentColor } from '../colors';

/** Fixed colours of the views (0xRRGGBB). */
export const theme = {
  /** Panel background. */
  panel: 0xffffff,
  /** Main text and strong marks. */
  text: 0x222222,
  /** Secondary text, axes and reference lines. */
  muted: 0x666666,
  /** Axis lines and tick marks. */
  axis: 0x888888,
  /** Light grid lines. */
  grid: 0xe4e4e4,
  /** Background track of gauges and cell borders. */
  track: 0xeeeeee,
  /** Wall cells. */
  wall: 0x3b3b3b,
  /** Pit cells (red-ish fill). */
  pit: 0xf6d3cc,
  /** The ✕ on pit cells. */
  pitMark: 0xb23a1e,
  /** Goal cells (light green fill). */
  goal: 0xcdebdc,
  /** The "G" on goal cells. */
  goalMark: 0x007a55,
  /** The point-mass target rings (Okabe–Ito bluish green). */
  target: OKABE_ITO.bluishGreen,
} as const;

/** Font stack of every view (DejaVu Sans carries the arrows, π, μ, σ, ★, ⇄ and ✕ glyphs on Linux). */
export const fontFamily = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

/** Share of the diverging map the value heatmap uses: its darkest quarter is left out so dark arrows stay readable. */
export const VALUE_COLOR_RANGE = 0.75;

/** Heatmap colour of a value scaled to t ∈ [−1, 1] (colors.ts `divergingColor`, lightened ends; NaN → neutral). */
export function valueColor(t: number): number {
  return divergingColor((t < -1 ? -1 : t > 1 ? 1 : t) * VALUE_COLOR_RANGE);
}

/** Base font size (px) for a w×h view: 11 px at 320×240, growing to 16 px at ~640×450 and beyond. */
export function baseFontSize(width: number, height: number): number {
  const f = Math.round(Math.min(width / 40, height / 28));
  return f < 11 ? 11 : f > 16 ? 16 : f;
}
