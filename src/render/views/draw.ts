/**
 * Pixi building blocks shared by the environment views (pixi.js v8 API): text in the house font, the panel
 * background, the title line with the agent's colour swatch, axes with tick labels, dashed lines. They are
 * called from `rebuild` only; nothing here runs per frame.
 */
import { Container, Graphics, Text } from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import { VIEW_TICKS, formatTick } from '../charts/ticks';
import type { LinearScale } from './scale';
import { agentColor, fontFamily, theme } from './theme';

/** A Text in the views' font; `anchor` (x, y) in [0, 1]. */
export function makeText(
  text: string,
  size: number,
  color: number = theme.text,
  bold = false,
  anchorX = 0,
  anchorY = 0,
): Text {
  const t = new Text({
    text,
    style: { fontFamily, fontSize: size, fill: color, fontWeight: bold ? '600' : 'normal' },
  });
  t.anchor.set(anchorX, anchorY);
  return t;
}

/** Gives a floating label a white outline so it stays readable over curves and fills. */
export function addHalo(t: Text): Text {
  t.style.stroke = { color: theme.panel, width: 4, join: 'round' };
  return t;
}

/** A fixed label on a translucent white box (for labels that float over curves); origin at its top-left. */
export function makeTag(text: string, size: number, color: number): Container {
  const tag = new Container();
  const t = makeText(text, size, color, true);
  t.position.set(4, 1);
  const box = new Graphics()
    .roundRect(0, 0, t.width + 8, t.height + 2, 3)
    .fill({ color: theme.panel, alpha: 0.85 });
  tag.addChild(box, t);
  return tag;
}

/** Shortens `t` with an ellipsis until it is at most `maxWidth` px wide. */
export function fitText(t: Text, maxWidth: number): void {
  let s = t.text;
  while (t.width > maxWidth && s.length > 1) {
    s = s.slice(0, -1);
    t.text = `${s.trimEnd()}…`;
  }
}

/** Adds the white panel background (w×h) to `layer`. */
export function addPanel(layer: Container, width: number, height: number): void {
  layer.addChild(new Graphics().rect(0, 0, width, height).fill({ color: theme.panel }));
}

/** Spacing unit of a view with base font size `f`. */
export function padFor(f: number): number {
  return Math.round(f * 0.6);
}

/**
 * Adds the title line "<env name> — <agent label>" with a swatch in the agent's colour at the top left;
 * returns the y just below it.
 */
export function addTitle(
  layer: Container,
  envName: string,
  agent: AgentFrame,
  width: number,
  f: number,
): number {
  const pad = padFor(f);
  const size = f + 1;
  const r = Math.round(size * 0.38);
  const cy = pad + Math.round(size * 0.65);
  layer.addChild(new Graphics().circle(pad + r, cy, r).fill({ color: agentColor(agent.color) }));
  const t = makeText(`${envName} — ${agent.label}`, size, theme.text, true, 0, 0.5);
  t.position.set(pad + 2 * r + 6, cy);
  fitText(t, width - t.x - pad);
  layer.addChild(t);
  return cy + Math.round(size * 0.65);
}

/**
 * Draws a vertical axis at x (line and ticks into `g`, to be stroked by the caller) and adds its tick labels
 * to `layer`, on the left (`side` = −1) or the right (+1) of the line.
 */
export function addYAxis(
  layer: Container,
  g: Graphics,
  scale: LinearScale,
  ticks: readonly number[],
  step: number,
  x: number,
  side: -1 | 1,
  f: number,
  color: number = theme.muted,
): void {
  g.moveTo(x, scale.r0).lineTo(x, scale.r1);
  for (const v of ticks) {
    const y = scale.map(v);
    g.moveTo(x, y).lineTo(x + side * 4, y);
    const t = makeText(formatTick(v, step, VIEW_TICKS), f, color, false, side < 0 ? 1 : 0, 0.5);
    t.position.set(x + side * 7, y);
    layer.addChild(t);
  }
}

/** Draws a horizontal axis at y (line and ticks into `g`) and adds tick labels below it to `layer`. */
export function addXAxis(
  layer: Container,
  g: Graphics,
  scale: LinearScale,
  ticks: readonly number[],
  step: number,
  y: number,
  f: number,
): void {
  g.moveTo(scale.r0, y).lineTo(scale.r1, y);
  for (const v of ticks) {
    const x = scale.map(v);
    g.moveTo(x, y).lineTo(x, y + 4);
    const t = makeText(formatTick(v, step, VIEW_TICKS), f, theme.muted, false, 0.5, 0);
    t.position.set(x, y + 5);
    layer.addChild(t);
  }
}

/** Adds a dashed line from (x0, y0) to (x1, y1) to `g` (stroke it afterwards). */
export function dashedLine(
  g: Graphics,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  dash = 6,
  gap = 4,
): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len === 0) return;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  for (let s = 0; s < len; s += dash + gap) {
    const e = Math.min(len, s + dash);
    g.moveTo(x0 + ux * s, y0 + uy * s).lineTo(x0 + ux * e, y0 + uy * e);
  }
}

/** A rectangular mask for `target`, added to `target` so it follows its transform. */
export function clipTo(target: Container, x: number, y: number, width: number, height: number): void {
  const mask = new Graphics().rect(x, y, width, height).fill({ color: 0xffffff });
  target.addChild(mask);
  target.mask = mask;
}

/** Destroys a layer with all its children and their Graphics contexts (shared ones included). */
export function destroyLayer(layer: Container | null): void {
  layer?.destroy({ children: true, context: true });
}
