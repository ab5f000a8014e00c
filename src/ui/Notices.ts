/**
 * Messages for the user (`store.notices`): a polite status list, each message with a "Dismiss" button.
 * Errors and warnings are styled apart. After a dismissal, focus moves to the next message's button so
 * keyboard users are not dropped at the top of the page.
 */
import type { Notice } from '../state/store';
import { el, Scope } from './dom';
import type { SelectableStore } from './fields';

/** What the list needs of a store (the playground's and the lab's both fit). */
export type NoticeStore = SelectableStore<{ notices: readonly Notice[]; dismiss(id: number): void }>;

/** The notice list (`ul#notices`), appended to `parent`. */
export class Notices {
  /** The list element. */
  readonly root: HTMLUListElement;
  private readonly scope = new Scope();

  /** Mounts into `parent` and follows `store.notices`. */
  constructor(parent: HTMLElement, store: NoticeStore) {
    this.root = el('ul', {
      id: 'notices',
      class: 'notices',
      attrs: { 'aria-live': 'polite', 'aria-label': 'Messages' },
    });
    let focusAfter = -1;
    const render = (notices: readonly Notice[]) => {
      this.root.replaceChildren(
        ...notices.map((n) => {
          const dismiss = el('button', {
            class: 'btn-dismiss',
            text: 'Dismiss',
            attrs: { type: 'button', 'data-id': n.id, title: 'Dismiss this message' },
          });
          dismiss.addEventListener('click', () => {
            focusAfter = notices.indexOf(n);
            store.getState().dismiss(n.id);
          });
          const icon = n.level === 'info' ? 'ℹ' : '⚠';
          return el('li', { class: `notice notice-${n.level}` }, [
            el('span', { class: 'notice-icon', text: icon, attrs: { 'aria-hidden': 'true' } }),
            el('span', { class: 'notice-text' }, [
              el('span', { class: 'visually-hidden', text: n.level === 'info' ? '' : `${n.level}: ` }),
              n.text,
            ]),
            dismiss,
          ]);
        }),
      );
      this.root.hidden = notices.length === 0;
      if (focusAfter >= 0) {
        const buttons = this.root.querySelectorAll('button');
        buttons[Math.min(focusAfter, buttons.length - 1)]?.focus();
        focusAfter = -1;
      }
    };
    render(store.getState().notices);
    this.scope.add(store.subscribe((s) => s.notices, render));
    parent.append(this.root);
    this.scope.add(() => this.root.remove());
  }

  /** Stops following the store and removes the list. */
  dispose(): void {
    this.scope.dispose();
  }
}
