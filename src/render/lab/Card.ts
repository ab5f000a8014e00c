/**
 * The chrome every lab panel shares, in the playground's chart style (../charts/LineChart.ts): a light
 * rounded card with a bold title, a white plot backdrop, a centred message for empty / error states and a
 * small status note at the top right ("computing…"). The card's root is cached as a texture and re-rendered
 * only when its panel calls {@link Card.commit} after redrawing.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS, OKABE_ITO, mix } from '../colors';
import { FONT, SPACE, makeText, setText, type Rect } from '../charts/theme';

/** Height of the title row, from the card's top edge (px). */
export const CARD_HEAD = SPACE.pad + FONT.title + 8;

/** Message tones: grey italic for empty states, dark red for errors. */
export type MessageTone = 'faint' | 'error';

const ERROR_INK = mix(OKABE_ITO.vermillion, 0x000000, 0.3);

/** A panel's background, title, backdrop and messages. */
export class Card {
  /** The panel; place it, then add the panel's layers with {@link addLayer}. */
  readonly root = new Container();
  /** Title text (bold, top left). */
  readonly title: Text;
  /** Centred message (empty, computing, error). */
  readonly message: Text;
  /** Small note at the top right. */
  readonly status: Text;
  width = 0;
  height = 0;
  private readonly bg = new Graphics();
  private readonly backdrop = new Graphics();
  private readonly layers = new Container();
  private tone: MessageTone = 'faint';
  private readonly area: Rect = { x: 0, y: 0, w: 0, h: 0 };

  constructor(title = '') {
    this.title = makeText(title, { size: FONT.title, weight: '600' });
    this.message = makeText('', { size: FONT.empty, color: COLORS.faintText, italic: true });
    this.message.anchor.set(0.5);
    this.message.style.align = 'center';
    this.message.style.wordWrap = true;
    this.status = makeText('', { size: FONT.label, color: COLORS.faintText, italic: true });
    this.status.anchor.set(1, 0);
    this.title.position.set(SPACE.pad, SPACE.pad - 2);
    this.root.addChild(this.bg, this.backdrop, this.layers, this.title, this.status, this.message);
    this.root.cacheAsTexture(true);
  }

  /** Adds a display layer above the backdrop (in call order). */
  addLayer<T extends Container>(layer: T): T {
    this.layers.addChild(layer);
    return layer;
  }

  /** Sizes the card and redraws its background. */
  resize(width: number, height: number): void {
    this.width = Math.floor(width);
    this.height = Math.floor(height);
    this.bg
      .clear()
      .roundRect(0.5, 0.5, this.width - 1, this.height - 1, SPACE.radius)
      .fill(COLORS.panel)
      .stroke({ width: 1, color: COLORS.panelBorder });
    this.status.position.set(this.width - SPACE.pad, SPACE.pad);
    this.message.style.wordWrapWidth = Math.max(80, this.width - 4 * SPACE.pad);
  }

  /**
   * The area under the title row, inside the padding. The rectangle is owned by the card and rewritten by
   * each call (callers may shrink it for their keys until the next call).
   */
  content(): Rect {
    const r = this.area;
    r.x = SPACE.pad;
    r.y = CARD_HEAD;
    r.w = this.width - 2 * SPACE.pad;
    r.h = this.height - SPACE.pad - CARD_HEAD;
    return r;
  }

  /** Draws the white plot backdrop over `r` (null: none). */
  setBackdrop(r: Rect | null): void {
    this.backdrop.clear();
    if (r) this.backdrop.rect(r.x, r.y, r.w, r.h).fill(COLORS.background);
  }

  /** Shows `text` centred on `r` ('' hides it). */
  showMessage(text: string, r: Rect, tone: MessageTone = 'faint'): void {
    setText(this.message, text);
    this.message.visible = text !== '';
    if (tone !== this.tone) {
      this.tone = tone;
      this.message.style.fill = tone === 'error' ? ERROR_INK : COLORS.faintText;
      this.message.style.fontStyle = tone === 'error' ? 'normal' : 'italic';
    }
    this.message.position.set(Math.round(r.x + r.w / 2), Math.round(r.y + r.h / 2));
  }

  /** Sets the top-right note ('' hides it). */
  setStatus(text: string): void {
    setText(this.status, text);
    this.status.visible = text !== '';
  }

  /** Re-renders the cached texture after the panel redrew. */
  commit(): void {
    this.root.updateCacheTexture();
  }

  /** Frees everything. */
  destroy(): void {
    this.root.destroy({ children: true });
  }
}
