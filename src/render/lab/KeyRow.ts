/**
 * A flowing key: glyph + label entries laid out left to right and wrapped at a maximum width (the lab's
 * shared estimator legend, the f-panel legend, the race's arrival list, the variance-vs-N crossings).
 * Glyphs and Texts are created in {@link KeyRow.build}; afterwards labels, visibility and dimming change in
 * place.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS } from '../colors';
import { FONT, makeText, setText } from '../charts/theme';
import { MARK_W, drawMark, type MarkKind } from './marks';

/** One key entry. */
export interface KeyItem {
  /** Glyph drawn before the label. */
  kind: MarkKind;
  /** Glyph colour. */
  color: number;
  /** Label text (changeable later with {@link KeyRow.setLabel}). */
  label: string;
}

/** Between glyph and label, and between entries (px). */
const INNER = 5;
const OUTER = 14;
/** Height of a key row (px). */
export const KEY_ROW = 16;

interface Entry {
  mark: Graphics;
  text: Text;
  width: number;
}

/** Glyph + label entries, flowed. */
export class KeyRow {
  /** Placed by the owner at the key's top-left corner. */
  readonly root = new Container();
  private entries: Entry[] = [];
  private lead: Text | null = null;
  private right = 0;

  /** Width used by the last {@link layout} (px). */
  get usedWidth(): number {
    return this.right;
  }

  /** (Re)creates the entries, optionally led by a bold caption ("Estimators"). */
  build(items: readonly KeyItem[], caption = ''): void {
    for (const c of this.root.removeChildren()) c.destroy();
    this.lead = caption ? makeText(caption, { size: FONT.legend, weight: '600' }) : null;
    if (this.lead) this.root.addChild(this.lead);
    this.entries = items.map((it) => {
      const mark = new Graphics();
      drawMark(mark, it.kind, 0, 0, it.color);
      const text = makeText(it.label, { size: FONT.legend, color: COLORS.text });
      this.root.addChild(mark, text);
      return { mark, text, width: MARK_W[it.kind] };
    });
  }

  /** Changes entry `i`'s label. */
  setLabel(i: number, label: string): void {
    const e = this.entries[i];
    if (e) setText(e.text, label);
  }

  /** Shows or hides entry `i` (call {@link layout} after). */
  setVisible(i: number, visible: boolean): void {
    const e = this.entries[i];
    if (e) e.mark.visible = e.text.visible = visible;
  }

  /** Fades entry `i` (hidden estimators in the shared legend). */
  setDim(i: number, dim: boolean): void {
    const e = this.entries[i];
    if (e) e.mark.alpha = e.text.alpha = dim ? 0.35 : 1;
  }

  /** Flows the visible entries within `maxWidth`; returns the height used (0 when empty). */
  layout(maxWidth: number): number {
    let x = 0;
    let row = 0;
    let used = false;
    this.right = 0;
    if (this.lead) {
      this.lead.position.set(0, -1);
      x = this.lead.width + OUTER;
      this.right = this.lead.width;
      used = true;
    }
    for (const e of this.entries) {
      if (!e.text.visible) continue;
      const w = e.width + INNER + e.text.width;
      if (x > 0 && x + w > maxWidth) {
        row++;
        x = 0;
      }
      const y = row * KEY_ROW;
      e.mark.position.set(Math.round(x), y + KEY_ROW / 2 - 1);
      e.text.position.set(Math.round(x + e.width + INNER), y - 1);
      this.right = Math.max(this.right, x + w);
      x += w + OUTER;
      used = true;
    }
    return used ? (row + 1) * KEY_ROW : 0;
  }

  /** Frees the glyphs and texts. */
  destroy(): void {
    this.root.destroy({ children: true });
  }
}
