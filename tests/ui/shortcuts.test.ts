// @vitest-environment happy-dom
// Keyboard shortcuts: which keys act (not while typing, not with Ctrl/Alt/Meta, not Space on a button), what
// each does to a fresh store, what is announced, and the help dialog's open/close/focus cycle.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineKinds, type BaselineKind } from '../../src/algos/baselines';
import { createLabStore } from '../../src/state/labStore';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/state/store';
import { labShortcuts } from '../../src/ui/lab/labShortcuts';
import { HelpOverlay } from '../../src/ui/helpOverlay';
import {
  bindShortcuts,
  focusOwnsKey,
  isTypingTarget,
  mountShortcuts,
  nextBaseline,
  playgroundShortcuts,
} from '../../src/ui/shortcuts';

/** Fires a keydown at `target` (bubbling to document) and returns the event. */
function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(ev);
  return ev;
}

describe('nextBaseline', () => {
  it('cycles through every baseline kind for the score function, wrapping at the end', () => {
    const seen: BaselineKind[] = ['none'];
    for (let i = 0; i < baselineKinds.length; i++) seen.push(nextBaseline(seen[seen.length - 1], 'score')!);
    expect(seen).toEqual([...baselineKinds, 'none']);
  });

  it('has nothing to cycle for the pathwise estimator', () => {
    expect(nextBaseline('ema', 'pathwise')).toBeNull();
  });
});

describe('which keys a focused control keeps', () => {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    document.body.append(e);
    return e;
  };
  beforeEach(() => document.body.replaceChildren());

  it('text fields, number fields, menus and text areas keep every key', () => {
    for (const t of [make('input'), make('input', { type: 'number' }), make('select'), make('textarea')]) {
      expect(isTypingTarget(t)).toBe(true);
      for (const k of [' ', 'r', '?', 'ArrowRight']) expect(focusOwnsKey(t, k)).toBe(true);
    }
  });

  it('buttons, links and checkboxes keep Space only; sliders and radios also keep the arrows', () => {
    for (const t of [make('button'), make('a', { href: '#x' }), make('input', { type: 'checkbox' })]) {
      expect(isTypingTarget(t)).toBe(false);
      expect([' ', 'ArrowRight', 'r', 'b', '?'].map((k) => focusOwnsKey(t, k))).toEqual([
        true,
        false,
        false,
        false,
        false,
      ]);
    }
    for (const t of [make('input', { type: 'range' }), make('input', { type: 'radio' })]) {
      expect([' ', 'ArrowRight', 'r'].map((k) => focusOwnsKey(t, k))).toEqual([true, true, false]);
    }
    expect(focusOwnsKey(document.body, ' ')).toBe(false);
  });
});

describe('the playground shortcuts on a store', () => {
  let store: PlaygroundStore;
  let said: string[];
  let helpOpened: number;
  let unbind: () => void;
  beforeEach(() => {
    document.body.replaceChildren();
    store = createPlaygroundStore();
    said = [];
    helpOpened = 0;
    unbind = bindShortcuts(
      document,
      playgroundShortcuts(store, () => helpOpened++),
      (t) => said.push(t),
    );
  });
  afterEach(() => unbind());

  it('Space toggles playing (and does not scroll the page); → steps once and pauses', () => {
    const ev = press(document.body, ' ');
    expect(ev.defaultPrevented).toBe(true);
    expect(store.getState().playing).toBe(true);
    press(document.body, ' ');
    expect(store.getState().playing).toBe(false);
    press(document.body, ' ');
    press(document.body, 'ArrowRight');
    expect(store.getState()).toMatchObject({ playing: false, stepRequests: 1 });
    expect(said).toEqual(['Playing', 'Paused', 'Playing', 'Stepped to the next update (paused)']);
  });

  it('r resets (a rebuild with the same seed); b moves to the next baseline without a rebuild', () => {
    const { runId, config } = store.getState();
    press(document.body, 'r');
    expect(store.getState().runId).toBe(runId + 1);
    expect(store.getState().config.seed).toBe(config.seed);
    expect(config.baseline).toBe('average');
    press(document.body, 'b');
    expect(store.getState().config.baseline).toBe('ema');
    expect(store.getState().runId).toBe(runId + 1);
    press(document.body, 'B', { shiftKey: true });
    expect(store.getState().config.baseline).toBe('learned');
    expect(said.slice(1)).toEqual(['Baseline: Moving average (EMA)', 'Baseline: Learned V(s)']);
  });

  it('b under the pathwise estimator changes nothing and says why', () => {
    store.getState().setEnv('continuous-bandit');
    expect(store.getState().config.estimator).toBe('pathwise');
    const before = store.getState().config;
    press(document.body, 'b');
    expect(store.getState().config).toBe(before);
    expect(said).toEqual(['The pathwise estimator uses no baseline: choose the score function to use one']);
  });

  it('? asks for the help; nothing fires while typing, with a modifier, or on a key repeat', () => {
    press(document.body, '?', { shiftKey: true });
    expect(helpOpened).toBe(1);
    const input = document.createElement('input');
    document.body.append(input);
    for (const k of [' ', 'r', 'b', '?', 'ArrowRight']) expect(press(input, k).defaultPrevented).toBe(false);
    press(document.body, 'r', { ctrlKey: true });
    press(document.body, 'r', { metaKey: true });
    press(document.body, ' ', { altKey: true });
    const repeat = press(document.body, ' ', { repeat: true });
    expect(repeat.defaultPrevented).toBe(true);
    expect(store.getState()).toMatchObject({ playing: false, runId: 0, stepRequests: 0 });
    expect(helpOpened).toBe(1);
    expect(said).toEqual([]);
  });

  it('a classroom link that hides the Run section or the baseline switches their keys off, and says so', () => {
    store.getState().setClassroom({ hidden: ['run', 'baseline'], setup: '' });
    const before = store.getState().config;
    for (const k of [' ', 'ArrowRight', 'r', 'b']) press(document.body, k);
    expect(store.getState()).toMatchObject({ playing: false, runId: 0, stepRequests: 0, config: before });
    expect(said).toEqual([
      'Play is hidden by this classroom link',
      'Step is hidden by this classroom link',
      'Reset is hidden by this classroom link',
      'The baseline is hidden by this classroom link',
    ]);
    // hiding only the seed leaves these keys alone
    store.getState().setClassroom({ hidden: ['seed'], setup: '' });
    press(document.body, 'b');
    expect(store.getState().config.baseline).toBe('ema');
  });

  it('Space on a focused button is left to the button (one press, one action)', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const ev = press(button, ' ');
    expect(ev.defaultPrevented).toBe(false);
    expect(store.getState().playing).toBe(false);
    press(button, 'r');
    expect(store.getState().runId).toBe(1);
  });
});

describe('the lab shortcuts', () => {
  it('n draws the next seed, g switches the gradient component, r replays the race', () => {
    const store = createLabStore();
    let replays = 0;
    const list = labShortcuts(
      store,
      () => replays++,
      () => undefined,
    );
    const run = (key: string) => list.find((s) => s.match.includes(key))!.run();
    const seed = store.getState().config.seed;
    expect(run('n')).toMatch(/^New seed \d+$/);
    expect(store.getState().config.seed).not.toBe(seed);
    expect(store.getState().config.param).toBe('mu');
    expect(run('g')).toBe('Gradient component ∂/∂σ');
    expect(store.getState().config.param).toBe('sigma');
    expect(run('g')).toBe('Gradient component ∂/∂μ');
    expect(run('r')).toBe('Replaying the race');
    expect(replays).toBe(1);
  });

  it('keys of controls a classroom link hides do nothing', () => {
    const store = createLabStore();
    store.getState().setClassroom({ hidden: ['race', 'seed', 'variance'], setup: '' });
    let replays = 0;
    const list = labShortcuts(
      store,
      () => replays++,
      () => undefined,
    );
    const run = (key: string) => list.find((s) => s.match.includes(key))!.run();
    const before = store.getState().config;
    expect([run('r'), run('n'), run('g')]).toEqual([
      'The race is hidden by this classroom link',
      'The seed is hidden by this classroom link',
      'The gradient component is hidden by this classroom link',
    ]);
    expect(store.getState().config).toBe(before);
    expect(replays).toBe(0);
  });
});

describe('the help overlay', () => {
  beforeEach(() => document.body.replaceChildren());

  it('lists the shortcuts as <kbd> keys in a table, labelled by its title', () => {
    const help = new HelpOverlay({
      shortcuts: playgroundShortcuts(createPlaygroundStore(), () => undefined),
    });
    const rows = [...help.dialog.querySelectorAll('tbody tr')].map((r) => [
      [...r.querySelectorAll('kbd')].map((k) => k.textContent).join(' '),
      r.querySelector('td')!.textContent,
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Space', '→', 'r', 'b', '?']);
    expect(rows[0][1]).toBe('Play or pause training');
    const title = document.getElementById(help.dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Keyboard shortcuts');
    expect(help.button.getAttribute('aria-keyshortcuts')).toBe('Shift+?');
    help.dispose();
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('opens from its button and from ?, closes with Close, and gives focus back; keys are off while open', () => {
    const store = createPlaygroundStore();
    const header = document.createElement('header');
    const play = document.createElement('button');
    document.body.append(header, play);
    const said: string[] = [];
    play.id = 'btn-play';
    const dispose = mountShortcuts(
      header,
      (open) => playgroundShortcuts(store, open),
      (t) => said.push(t),
    );
    // the control a key stands for carries it in aria-keyshortcuts (controls not on the page are skipped)
    expect(play.getAttribute('aria-keyshortcuts')).toBe('Space');
    const button = header.querySelector('button')!;
    const dialog = document.querySelector('dialog')!;
    button.focus();
    button.click();
    expect(dialog.open).toBe(true);
    const close = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Close')!;
    expect(document.activeElement).toBe(close);
    press(close, 'r');
    expect(store.getState().runId).toBe(0);
    close.click();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
    play.focus();
    press(play, '?', { shiftKey: true });
    expect(dialog.open).toBe(true);
    close.click();
    expect(document.activeElement).toBe(play);
    dispose();
    expect(header.children).toHaveLength(0);
    expect(play.hasAttribute('aria-keyshortcuts')).toBe(false);
  });
});
