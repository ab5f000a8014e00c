/**
 * The pieces of number-to-text that both the controls (src/ui/dom.ts) and the drawings
 * (src/render/charts/ticks.ts) use: a true minus sign (U+2212, as typography wants it; "−0.5", not "-0.5")
 * that is never put in front of a number that reads as zero, a compact exponent form ("2.5e6", not
 * "2.5e+6") and trailing-zero trimming. Pure string functions with no imports, so every layer may use them.
 */

/** The true minus sign, U+2212. */
export const MINUS = '−';

/**
 * `magnitude` (an unsigned number's text) with `minus` in front when `negative`, unless the text reads as
 * zero ("0.00"): a value that rounds to zero is never shown negative.
 */
export function withSign(negative: boolean, magnitude: string, minus: string = MINUS): string {
  return negative && Number(magnitude) !== 0 ? `${minus}${magnitude}` : magnitude;
}

/**
 * `x.toExponential(fractionDigits)` without the "+" of a positive exponent ("1.5e6", "-3.0e-7"); with
 * `trim`, trailing zeros of the mantissa go too ("1.50e6" → "1.5e6", "3.00e-7" → "3e-7"). A negative
 * `x` keeps JavaScript's "-": pass `Math.abs(x)` to {@link withSign} for a true minus.
 */
export function exponential(x: number, fractionDigits: number, trim = true): string {
  const [mantissa, exponent] = x.toExponential(fractionDigits).split('e');
  return `${trim ? trimZeros(mantissa) : mantissa}e${Number(exponent)}`;
}

/** A decimal's trailing zeros after the point, and then a bare point, dropped: "1.50" → "1.5", "2.0" → "2". */
export function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}

/** Digits grouped in threes with plain spaces: 1234567 → "1 234 567" (integers only; a true minus sign). */
export function groupDigits(n: number): string {
  const s = Math.abs(Math.round(n)).toString();
  return withSign(n < 0, s.replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
}
