/**
 * Type sizes, spacings and the text factory of the charts (light theme; colours from ../colors.ts). Sizes are
 * CSS pixels; no text is smaller than 11px.
 */
import { Text, type TextStyleFontWeight } from 'pixi.js';
import { COLORS } from '../colors';
import { FONT } from './metrics';

/** Font stack, the same as the environment views' (Arial resolves to Liberation Sans on Linux; DejaVu Sans
 * carries θ, π and the arrows). */
export const FONT_FAMILY = [
  'Inter',
  'Segoe UI',
  'Roboto',
  'Helvetica Neue',
  'Arial',
  'DejaVu Sans',
  'sans-serif',
];

export { FONT, SPACE } from './metrics';

/** A rectangle in a chart's local pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Options of {@link makeText}. */
export interface TextOptions {
  size?: number;
  color?: number;
  weight?: TextStyleFontWeight;
  italic?: boolean;
}

/** A Text in the chart font; created in `rebuild` only, its `.text` changed afterwards. */
export function makeText(text: string, options: TextOptions = {}): Text {
  return new Text({
    text,
    style: {
      fontFamily: FONT_FAMILY,
      fontSize: options.size ?? FONT.label,
      fill: options.color ?? COLORS.text,
      fontWeight: options.weight ?? 'normal',
      fontStyle: options.italic ? 'italic' : 'normal',
    },
  });
}

/** Sets `t.text` only when it differs (a change re-rasterizes the text). */
export function setText(t: Text, text: string): void {
  if (t.text !== text) t.text = text;
}
