/**
 * The "Keyboard shortcuts" help: a header button (with `aria-keyshortcuts`) that opens a modal `<dialog>`
 * listing a page's shortcuts in a table of `<kbd>` keys. The dialog is the platform's (`showModal()`: focus
 * moves in, the rest of the page is inert, Esc closes it); on close, focus returns to the element that had it
 * before — the button, or whatever was focused when "?" was pressed. Pattern: WAI-ARIA Authoring Practices,
 * "Dialog (Modal)"; HTML's `<dialog>` element.
 */
import { el, Scope } from './dom';

/** One row of the help table. */
export interface ShortcutHelp {
  /** The keys as shown, e.g. `['Space']`, `['→']`, `['?']` (each in its own `<kbd>`). */
  keys: readonly string[];
  /** What the key does, e.g. "Play or pause". */
  action: string;
}

/** Options of {@link HelpOverlay}. */
export interface HelpOverlayOptions {
  /** Rows of the table. */
  shortcuts: readonly ShortcutHelp[];
  /** A sentence under the title (e.g. when the keys are ignored). */
  note?: string;
  /** Id prefix of the button and dialog (default `help`: `#help-button`, `#help-dialog`). */
  id?: string;
}

/** The header button and its dialog. */
export class HelpOverlay {
  /** "Keyboard shortcuts" button; the caller places it (e.g. in the header). */
  readonly button: HTMLButtonElement;
  /** The modal dialog, appended to `document.body`. */
  readonly dialog: HTMLDialogElement;
  private readonly scope = new Scope();
  private opener: HTMLElement | null = null;

  /** Builds the button and the (closed) dialog. */
  constructor(options: HelpOverlayOptions) {
    const id = options.id ?? 'help';
    this.button = el('button', {
      id: `${id}-button`,
      class: 'btn btn-help',
      attrs: {
        type: 'button',
        'aria-haspopup': 'dialog',
        'aria-keyshortcuts': 'Shift+?',
        title: 'Keyboard shortcuts (?)',
      },
    });
    this.button.append('Keyboard shortcuts ', el('kbd', { text: '?', attrs: { 'aria-hidden': 'true' } }));
    const rows = options.shortcuts.map((s) =>
      el('tr', {}, [
        el(
          'th',
          { attrs: { scope: 'row' } },
          s.keys.flatMap((k, i) => (i === 0 ? [el('kbd', { text: k })] : [' or ', el('kbd', { text: k })])),
        ),
        el('td', { text: s.action }),
      ]),
    );
    const title = el('h2', { id: `${id}-title`, text: 'Keyboard shortcuts' });
    const close = el('button', { id: `${id}-close`, class: 'btn', text: 'Close', attrs: { type: 'button' } });
    const table = el('table', { class: 'shortcut-table' }, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { text: 'Key', attrs: { scope: 'col' } }),
          el('th', { text: 'Action', attrs: { scope: 'col' } }),
        ]),
      ]),
      el('tbody', {}, rows),
    ]);
    this.dialog = el(
      'dialog',
      { id: `${id}-dialog`, class: 'help-dialog', attrs: { 'aria-labelledby': title.id } },
      [
        title,
        ...(options.note ? [el('p', { class: 'help-note', text: options.note })] : []),
        table,
        el('div', { class: 'help-actions' }, [close]),
      ],
    );
    document.body.append(this.dialog);
    this.scope.listen(this.button, 'click', () => this.open());
    this.scope.listen(close, 'click', () => this.close());
    // a click on the backdrop (the dialog box itself, outside its content) closes it too
    this.scope.listen(this.dialog, 'click', (ev) => {
      if (ev.target === this.dialog) this.close();
    });
    this.scope.listen(this.dialog, 'close', () => this.restoreFocus());
    this.scope.add(() => {
      if (this.dialog.open) this.dialog.close();
      this.dialog.remove();
      this.button.remove();
    });
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** Opens the dialog (modal) and moves focus into it; remembers where focus was. */
  open(): void {
    if (this.dialog.open) return;
    const active = document.activeElement;
    this.opener = active instanceof HTMLElement && active !== document.body ? active : this.button;
    this.dialog.showModal();
    this.dialog.querySelector<HTMLButtonElement>('.help-actions button')?.focus();
  }

  /** Closes the dialog; focus returns to where it was before {@link open}. */
  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** Removes the button and the dialog. */
  dispose(): void {
    this.scope.dispose();
  }

  private restoreFocus(): void {
    const target = this.opener?.isConnected ? this.opener : this.button;
    this.opener = null;
    if (target.isConnected) target.focus();
  }
}
