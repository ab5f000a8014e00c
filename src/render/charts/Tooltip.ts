/**
 * The hover readout of a line chart: a vertical guide at the hovered x, a dot on each line at its nearest
 * point, and a small box listing x and each line's y. Graphics and Texts are created in `build`; `show`
 * moves them and changes text (at pointer-move rate, not per frame).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS } from '../colors';
import { FONT, makeText, setText, type Rect } from './theme';

/** One row of the readout, filled in place by the chart. */
export interface TooltipRow {
  /** Short line name ("A smoothed"). */
  label: string;
  /** Formatted y ("12.3", "–"). */
  value: string;
  /** Dot position in chart pixels (NaN: no dot). */
  dotX: number;
  dotY: number;
  /** Row shown (the line has data). */
  active: boolean;
}

const PAD = 7;
const ROW = 15;
const MARK = 8;

/** Guide, dots and readout box. */
export class Tooltip {
  /** Hidden until {@link show}. */
  readonly root = new Container();
  private readonly guide = new Graphics();
  private readonly box = new Graphics();
  private readonly header: Text;
  private dots: Graphics[] = [];
  private marks: Graphics[] = [];
  private labels: Text[] = [];
  private values: Text[] = [];
  private boxW = 0;
  private boxH = 0;

  constructor() {
    this.header = makeText('', { size: FONT.tooltip, weight: '600' });
    this.root.visible = false;
  }

  /** (Re)creates one dot and row per line colour. */
  build(colors: readonly number[]): void {
    this.root.removeChildren();
    for (const g of [...this.dots, ...this.marks, ...this.labels, ...this.values]) g.destroy();
    this.dots = colors.map((c) =>
      new Graphics().circle(0, 0, 3.5).fill(c).stroke({ width: 1.5, color: 0xffffff }),
    );
    this.marks = colors.map((c) => new Graphics().roundRect(0, 0, MARK, MARK, 2).fill(c));
    this.labels = colors.map(() => makeText('', { size: FONT.tooltip, color: COLORS.mutedText }));
    this.values = colors.map(() => makeText('', { size: FONT.tooltip, weight: '600' }));
    for (const v of this.values) v.anchor.set(1, 0);
    this.root.addChild(
      this.guide,
      ...this.dots,
      this.box,
      this.header,
      ...this.marks,
      ...this.labels,
      ...this.values,
    );
    this.boxW = this.boxH = 0;
  }

  /** Sets the guide's length (the plot's height). */
  setHeight(height: number): void {
    this.guide
      .clear()
      .moveTo(0.5, 0)
      .lineTo(0.5, height)
      .stroke({ width: 1, color: COLORS.axis, alpha: 0.8 });
  }

  /** Hides the readout. */
  hide(): void {
    this.root.visible = false;
  }

  /** Shows the readout at chart-pixel x `gx` inside plot `rect`. */
  show(gx: number, rect: Rect, header: string, rows: readonly TooltipRow[]): void {
    this.root.visible = true;
    this.guide.position.set(Math.round(gx), rect.y);
    setText(this.header, header);
    let labelW = 0;
    let valueW = 0;
    let n = 0;
    for (let i = 0; i < this.labels.length; i++) {
      const row = rows[i];
      const on = row !== undefined && row.active;
      this.labels[i].visible = this.values[i].visible = this.marks[i].visible = on;
      this.dots[i].visible = on && !Number.isNaN(row.dotX) && !Number.isNaN(row.dotY);
      if (!on) continue;
      this.dots[i].position.set(row.dotX, row.dotY);
      setText(this.labels[i], row.label);
      setText(this.values[i], row.value);
      labelW = Math.max(labelW, this.labels[i].width);
      valueW = Math.max(valueW, this.values[i].width);
      n++;
    }
    const w = Math.ceil(Math.max(this.header.width, MARK + 5 + labelW + 12 + valueW) + 2 * PAD);
    const h = Math.ceil(PAD * 2 + ROW * (n + 1) - 2);
    if (w !== this.boxW || h !== this.boxH) {
      this.boxW = w;
      this.boxH = h;
      this.box
        .clear()
        .roundRect(0, 0, w, h, 4)
        .fill({ color: 0xffffff, alpha: 0.96 })
        .stroke({ width: 1, color: COLORS.panelBorder });
    }
    let bx = gx + 12;
    if (bx + w > rect.x + rect.w) bx = gx - 12 - w;
    bx = Math.round(Math.max(rect.x + 2, bx));
    const by = Math.round(rect.y + 6);
    this.box.position.set(bx, by);
    this.header.position.set(bx + PAD, by + PAD - 1);
    let k = 1;
    for (let i = 0; i < this.labels.length; i++) {
      if (!this.labels[i].visible) continue;
      const y = by + PAD - 1 + ROW * k++;
      this.marks[i].position.set(bx + PAD, y + 4);
      this.labels[i].position.set(bx + PAD + MARK + 5, y);
      this.values[i].position.set(bx + w - PAD, y);
    }
  }

  /** Frees everything. */
  destroy(): void {
    this.root.destroy({ children: true });
  }
}
