/**
 * The playground's colours, as pure functions of numbers (no Pixi, no DOM; HOUSE-STYLE §6). Categorical
 * colours come from the Okabe–Ito palette, which stays distinguishable under the common colour-vision
 * deficiencies (Okabe & Ito 2008, "Color Universal Design"). The sequential map interpolates viridis (van der
 * Walt & Smith 2015, as sampled by R's viridisLite), whose lightness rises monotonically; the diverging map is
 * a blue–white–orange ramp (ColorBrewer RdBu and PuOr arms, Brewer 2003) whose two arms have matched lightness.
 * Colours are `0xRRGGBB` numbers, which Pixi accepts directly; {@link toCss} converts for the DOM.
 */

/** The eight Okabe–Ito colours. */
export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

/**
 * Agent colours, indexed by `AgentFrame.color` (src/app/frame.ts): A is blue, B vermillion; further entries
 * exist for views that need more categories.
 */
export const AGENT_COLORS: readonly number[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
];

/**
 * Estimator colours of the gradient lab (Okabe–Ito). The score-function family is cool (sky blue, blue,
 * bluish green, reddish purple), MuProp orange and pathwise vermillion: the same hues as the playground's
 * agents when A runs REINFORCE and B the pathwise estimator (A blue, B vermillion).
 */
export const ESTIMATOR_COLORS = {
  score: OKABE_ITO.skyBlue,
  'score-mean': OKABE_ITO.blue,
  'score-optimal': OKABE_ITO.bluishGreen,
  loo: OKABE_ITO.reddishPurple,
  muprop: OKABE_ITO.orange,
  pathwise: OKABE_ITO.vermillion,
} as const;

/** Named colour roles for the light theme, shared by the charts and the environment views. */
export const COLORS = {
  /** Agent A (Okabe–Ito blue). */
  agentA: OKABE_ITO.blue,
  /** Agent B (Okabe–Ito vermillion). */
  agentB: OKABE_ITO.vermillion,
  /** Exact / reference quantities (J(θ), v_π, q*): near-black, drawn dashed. */
  reference: 0x222222,
  /** Baselines (R̄, V(s)) when drawn beside an agent's own colour. */
  baseline: OKABE_ITO.bluishGreen,
  /** Page background. */
  background: 0xffffff,
  /** Panel (card) background. */
  panel: 0xf7f7f9,
  /** Panel border. */
  panelBorder: 0xe3e3e8,
  /** Primary text. */
  text: 0x222222,
  /** Secondary text: tick labels, axis titles. */
  mutedText: 0x5f6270,
  /** Faint text: empty-state messages. */
  faintText: 0x6b6e7a,
  /** Axis lines and ticks. */
  axis: 0x9a9ca8,
  /** Gridlines. */
  grid: 0xe6e7ec,
  /** Missing or undefined values (NaN) in colour maps. */
  neutral: 0xb4b4b4,
} as const;

/** The colour of agent number `index` (wraps around; negative or non-integer → A's colour). */
export function agentColor(index: number): number {
  const n = AGENT_COLORS.length;
  const i = Number.isInteger(index) && index >= 0 ? index % n : 0;
  return AGENT_COLORS[i];
}

/** Clamps `t` to [lo, hi]; NaN stays NaN. */
function clamp(t: number, lo: number, hi: number): number {
  return t < lo ? lo : t > hi ? hi : t;
}

/** Linear interpolation between two colours, channel by channel in sRGB; `t` is clamped to [0, 1], NaN → `a`. */
export function mix(a: number, b: number, t: number): number {
  const u = Number.isNaN(t) ? 0 : clamp(t, 0, 1);
  const r = Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
  const g = Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
  const bl = Math.round((a & 255) * (1 - u) + (b & 255) * u);
  return (r << 16) | (g << 8) | bl;
}

/** `0xRRGGBB` → `"#rrggbb"`. */
export function toCss(color: number): string {
  return '#' + (color & 0xffffff).toString(16).padStart(6, '0');
}

/** Piecewise-linear lookup of `t ∈ [0, 1]` in evenly spaced colour stops. */
function ramp(stops: readonly number[], t: number): number {
  const x = clamp(t, 0, 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  return mix(stops[i], stops[i + 1], x - i);
}

/** viridis at 10 evenly spaced stops (viridisLite). */
const VIRIDIS: readonly number[] = [
  0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725,
];

/**
 * Sequential colour map for heatmaps and probabilities: `t ∈ [0, 1]` → viridis, dark purple (0) to yellow
 * (1), lightness increasing monotonically. Out-of-range `t` is clamped; NaN → {@link COLORS}.neutral.
 */
export function sequentialColor(t: number): number {
  if (Number.isNaN(t)) return COLORS.neutral;
  return ramp(VIRIDIS, t);
}

/** Negative arm, from the centre outwards (RdBu blues). */
const DIVERGING_NEG: readonly number[] = [0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac];
/** Positive arm, from the centre outwards (PuOr oranges). */
const DIVERGING_POS: readonly number[] = [0xf7f7f7, 0xfee0b6, 0xfdb863, 0xe08214, 0xb35806];

/**
 * Diverging colour map for signed values (V(s), advantages): `t ∈ [−1, 1]` → blue (−1), near-white (0),
 * orange (+1), the two arms matched in lightness. Out-of-range `t` is clamped; NaN → {@link COLORS}.neutral.
 */
export function divergingColor(t: number): number {
  if (Number.isNaN(t)) return COLORS.neutral;
  const u = clamp(t, -1, 1);
  return u < 0 ? ramp(DIVERGING_NEG, -u) : ramp(DIVERGING_POS, u);
}

/** sRGB channel (0..255) → linear light. */
function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

/** CIE L* lightness (0 black … 100 white) of a colour: for tests and for picking a readable text colour. */
export function lightness(color: number): number {
  const y =
    0.2126 * linear((color >> 16) & 255) + 0.7152 * linear((color >> 8) & 255) + 0.0722 * linear(color & 255);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** Black-ish or white text, whichever reads better on `background`. */
export function textColorOn(background: number): number {
  return lightness(background) > 60 ? COLORS.text : 0xffffff;
}
