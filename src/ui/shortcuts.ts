/**
 * Keyboard shortcuts: a small dispatcher shared by both pages ({@link bindShortcuts}) and the playground's
 * keys — Space play/pause, → step, r reset, b next baseline, ? help. A shortcut never fires while the user
 * types (text fields, menus, contenteditable), with Ctrl/Alt/Meta held (those belong to the browser and
 * assistive technology), or on a key repeat; Space is left to a focused button, link or checkbox (it
 * activates it natively, so one press never acts twice), the arrows to a focused slider or radio group, and
 * the page never scrolls for a handled key. Each
 * effect is announced in a polite live region. Pattern: WAI-ARIA Authoring Practices, "Keyboard Interface —
 * Keyboard Shortcuts" (single-key shortcuts must not fire in text fields, WCAG 2.1.4 "Character Key Shortcuts").
 */
import { baselineKinds, type BaselineKind } from '../algos/baselines';
import type { EstimatorKind } from '../algos/config';
import { isHidden } from '../state/classroom';
import type { PlaygroundStore } from '../state/store';
import { HelpOverlay, type ShortcutHelp } from './helpOverlay';
import { baselineLabels } from './labels';

/** One shortcut: the `KeyboardEvent.key` values that trigger it, its help row and what it does. */
export interface Shortcut extends ShortcutHelp {
  /** `KeyboardEvent.key` values (case-sensitive; list both cases for letters). */
  match: readonly string[];
  /**
   * The control the key stands for and the key in `aria-keyshortcuts` syntax (`Space`, `ArrowRight`, `R`):
   * {@link mountShortcuts} puts the attribute on that element, so assistive technology announces the key there.
   */
  control?: { id: string; aria: string };
  /** Runs the action; returns the text to announce ('' for none). */
  run(): string;
}

/** Input types that take no typed text (their keys are Space and, for sliders and radios, the arrows). */
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'range',
  'button',
  'submit',
  'reset',
  'color',
  'file',
  'image',
]);

/** Whether keys pressed in `target` are the user's typing (text and number fields, menus, editable text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * Whether the focused `target` uses `key` itself: every key of a text field or menu, Space on anything Space
 * activates (button, link, summary, checkbox, radio), the arrows on a slider or a radio group.
 */
export function focusOwnsKey(target: EventTarget | null, key: string): boolean {
  if (isTypingTarget(target)) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (key === ' ') {
    return (
      target instanceof HTMLInputElement ||
      target.closest('button, a[href], summary, [role="button"], [role="link"], [role="checkbox"]') !== null
    );
  }
  if (key.startsWith('Arrow')) {
    return target instanceof HTMLInputElement && (target.type === 'range' || target.type === 'radio');
  }
  return false;
}

/** The shortcut `ev` triggers, or undefined (a modifier held, or the focused control uses the key). */
export function shortcutFor(ev: KeyboardEvent, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.isComposing) return undefined;
  if (focusOwnsKey(ev.target, ev.key)) return undefined;
  return shortcuts.find((s) => s.match.includes(ev.key));
}

/**
 * Listens for `shortcuts` on `target` (keydown); a handled key has its default prevented (no scrolling) and
 * its announcement passed to `announce`. `active()` (default always) can switch every shortcut off, e.g. while
 * a modal dialog is open. Returns the cleanup.
 */
export function bindShortcuts(
  target: Document | HTMLElement,
  shortcuts: readonly Shortcut[],
  announce: (text: string) => void,
  active: () => boolean = () => true,
): () => void {
  const onKey = (ev: Event) => {
    if (!(ev instanceof KeyboardEvent) || ev.defaultPrevented || !active()) return;
    const s = shortcutFor(ev, shortcuts);
    if (!s) return;
    ev.preventDefault();
    if (ev.repeat) return;
    const text = s.run();
    if (text) announce(text);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}

/** The baselines `b` cycles through for an estimator: every kind for the score function, none for pathwise. */
export function baselineCycle(estimator: EstimatorKind): readonly BaselineKind[] {
  return estimator === 'pathwise' ? [] : baselineKinds;
}

/** The baseline after `current` in {@link baselineCycle} (wrapping), or null when the estimator has none. */
export function nextBaseline(current: BaselineKind, estimator: EstimatorKind): BaselineKind | null {
  const cycle = baselineCycle(estimator);
  if (cycle.length === 0) return null;
  return cycle[(cycle.indexOf(current) + 1) % cycle.length];
}

/** What a shortcut says when a classroom link hides the control it stands for (nothing changes). */
export function hiddenByClassroom(what: string): string {
  return `${what} is hidden by this classroom link`;
}

/**
 * The playground's shortcuts on `store`; `openHelp` shows the help overlay. A classroom link that hides a
 * control also switches off its key (the Run section: Space, →, r; the baseline menu: b).
 */
export function playgroundShortcuts(store: PlaygroundStore, openHelp: () => void): Shortcut[] {
  const state = () => store.getState();
  const hidden = (id: string) => isHidden('playground', state().classroom, id);
  return [
    {
      keys: ['Space'],
      match: [' '],
      control: { id: 'btn-play', aria: 'Space' },
      action: 'Play or pause training',
      run: () => {
        if (hidden('run')) return hiddenByClassroom('Play');
        state().togglePlaying();
        return state().playing ? 'Playing' : 'Paused';
      },
    },
    {
      keys: ['→'],
      match: ['ArrowRight'],
      control: { id: 'btn-step', aria: 'ArrowRight' },
      action: 'Step: run to the next update, then pause',
      run: () => {
        if (hidden('run')) return hiddenByClassroom('Step');
        state().requestStep();
        return 'Stepped to the next update (paused)';
      },
    },
    {
      keys: ['r'],
      match: ['r', 'R'],
      control: { id: 'btn-reset', aria: 'R' },
      action: 'Reset: start over with the same seed',
      run: () => {
        if (hidden('run')) return hiddenByClassroom('Reset');
        state().reset();
        return `Reset (seed ${state().config.seed})`;
      },
    },
    {
      keys: ['b'],
      match: ['b', 'B'],
      control: { id: 'cfg-baseline', aria: 'B' },
      action: 'Next baseline (score-function estimator; the run keeps going)',
      run: () => {
        if (hidden('baseline')) return hiddenByClassroom('The baseline');
        const { config } = state();
        const next = nextBaseline(config.baseline, config.estimator);
        if (next === null)
          return 'The pathwise estimator uses no baseline: choose the score function to use one';
        state().setConfig({ baseline: next });
        return `Baseline: ${baselineLabels[next]}`;
      },
    },
    helpShortcut(openHelp),
  ];
}

/** The "?" key of every page: opens the help overlay (announces nothing; the dialog speaks for itself). */
export function helpShortcut(openHelp: () => void): Shortcut {
  return {
    keys: ['?'],
    match: ['?'],
    action: 'Show this list of shortcuts',
    run: () => {
      openHelp();
      return '';
    },
  };
}

/** Note shown in every help overlay. */
export const SHORTCUT_NOTE =
  'Single-key shortcuts work anywhere on the page except while typing in a field or menu; Space on a ' +
  'focused button presses that button. Esc closes this dialog.';

/**
 * Mounts a page's shortcuts: the "Keyboard shortcuts" button (appended to `header`), its dialog, the keys
 * on `document` (off while a dialog is open) and `aria-keyshortcuts` on the controls they stand for. `make` builds the list given a function that opens the help;
 * `announce` receives each shortcut's effect. Returns the cleanup.
 */
export function mountShortcuts(
  header: HTMLElement,
  make: (openHelp: () => void) => Shortcut[],
  announce: (text: string) => void,
): () => void {
  const shortcuts = make(() => help.open());
  const help = new HelpOverlay({ shortcuts, note: SHORTCUT_NOTE });
  header.append(help.button);
  const marked: HTMLElement[] = [];
  for (const s of shortcuts) {
    const target = s.control ? document.getElementById(s.control.id) : null;
    if (!target || !s.control) continue;
    target.setAttribute('aria-keyshortcuts', s.control.aria);
    marked.push(target);
  }
  // off while any dialog is open (this help, or another page dialog): the keys belong to the dialog then
  const unbind = bindShortcuts(
    document,
    shortcuts,
    announce,
    () => document.querySelector('dialog[open]') === null,
  );
  return () => {
    unbind();
    for (const m of marked) m.removeAttribute('aria-keyshortcuts');
    help.dispose();
  };
}
