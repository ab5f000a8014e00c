/**
 * A vertical colour bar for the race heatmap: the viridis ramp (../colors.ts `sequentialColor`) from the
 * grid's minimum (bottom) to its maximum (top), with both values and a title. Texts are created once.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS, sequentialColor } from '../colors';
import { FONT, makeText, setText, type Rect } from '../charts/theme';
import { formatValue } from '../charts/ticks';

/** Width of the ramp, and the gap between plot and ramp (px). */
const BAR_W = 10;
const BAR_GAP = 12;
const STEPS = 48;

/** Colour bar with min / max labels. */
export class ColorBar {
  /** Add to the panel. */
  readonly root = new Container();
  private readonly ramp = new Graphics();
  private readonly max: Text;
  private readonly min: Text;
  private readonly title: Text;
  private lo = NaN;
  private hi = NaN;

  constructor(title: string) {
    this.max = makeText('', { size: FONT.tick, color: COLORS.mutedText });
    this.min = makeText('', { size: FONT.tick, color: COLORS.mutedText });
    this.title = makeText(title, { size: FONT.label, color: COLORS.mutedText });
    this.min.anchor.set(0, 1);
    this.title.anchor.set(0, 1);
    this.root.addChild(this.ramp, this.max, this.min, this.title);
  }

  /** Sets the range; returns the room (px) the bar needs right of the plot. */
  setRange(lo: number, hi: number): number {
    this.lo = lo;
    this.hi = hi;
    setText(this.max, formatValue(hi));
    setText(this.min, formatValue(lo));
    return BAR_GAP + BAR_W + 5 + Math.max(this.max.width, this.min.width, this.title.width) + 2;
  }

  /** Draws the bar right of plot `p`. */
  draw(p: Rect): void {
    const bx = p.x + p.w + BAR_GAP;
    const step = p.h / STEPS;
    const g = this.ramp.clear();
    for (let i = 0; i < STEPS; i++) {
      const t = 1 - (i + 0.5) / STEPS;
      g.rect(bx, p.y + i * step, BAR_W, step + 0.5).fill(sequentialColor(this.hi > this.lo ? t : 0.5));
    }
    g.rect(bx + 0.5, p.y + 0.5, BAR_W - 1, p.h - 1).stroke({ width: 1, color: COLORS.axis });
    this.max.position.set(bx + BAR_W + 5, p.y - 2);
    this.min.position.set(bx + BAR_W + 5, p.y + p.h + 2);
    this.title.position.set(bx - 2, p.y - 3);
  }
}
