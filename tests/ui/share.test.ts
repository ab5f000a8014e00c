// @vitest-environment happy-dom
// Classroom mode and the Share / Saved experiments panels in the DOM: hidden controls leave the tab order
// (also controls rebuilt later), the builder produces a validated link (clipboard or the visible fallback),
// the banner restores the teacher's setup, and saved experiments survive a corrupt neighbour.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAB_ESTIMATORS } from '../../src/algos/lab/estimators';
import { hideableIds } from '../../src/state/classroom';
import { EXPERIMENTS_KEY, type KeyValueStorage } from '../../src/state/experiments';
import { createLabStore } from '../../src/state/labStore';
import { mountLab } from '../../src/ui/lab/mountLab';
import { mountUi } from '../../src/ui/mountUi';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/state/store';
import { readHash, syncHash } from '../../src/state/url';
import { fakeHost } from '../state/fakeHost';
import { Controls, type ControlsOptions } from '../../src/ui/Controls';
import { byButton, byLabel, click, type } from './helpers';

class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  /** Thrown by setItem when set (a full storage). */
  failWrite: Error | null = null;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrite) throw this.failWrite;
    this.data.set(key, value);
  }
}

/**
 * Ids of the elements Tab visits: focusable, enabled, rendered (no `display: none` up the tree; happy-dom's
 * checkVisibility() follows style sheets; `[hidden]` and a closed `<details>` are the browser's own rules).
 */
function tabOrder(): string[] {
  const all = document.querySelectorAll<HTMLElement>('input, select, button, textarea, summary, a[href]');
  const summary = (e: HTMLElement) => e.tagName === 'SUMMARY';
  return [...all]
    .filter(
      (e) =>
        !(e as HTMLInputElement).disabled &&
        (e.tabIndex >= 0 || summary(e)) &&
        e.checkVisibility() &&
        !e.closest('[hidden]') &&
        (summary(e) || !e.closest('details:not([open])')),
    )
    .map((e) => e.id || e.textContent || '?');
}

let store: PlaygroundStore;
let controls: Controls;
let storage: FakeStorage;
const copied: string[] = [];
let copyFails = false;

function mount(o: ControlsOptions = {}): void {
  controls = new Controls(document.body, store, {
    rewardDebounceMs: 5,
    storage,
    copy: async (text) => {
      if (copyFails) throw new Error('denied');
      copied.push(text);
    },
    ...o,
  });
}

beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore();
  storage = new FakeStorage();
  copied.length = 0;
  copyFails = false;
});
afterEach(() => controls.dispose());

/** Registry ids that no element on the page carries. */
function untagged(page: 'playground' | 'lab'): string[] {
  return hideableIds(page).filter((id) => document.querySelector(`[data-control~="${id}"]`) === null);
}

describe('classroom mode', () => {
  it('every id of the registry names something on its page (a tick always hides something)', () => {
    mount(); // for afterEach
    const root = document.createElement('div');
    document.body.append(root);
    const ui = mountUi(root, store);
    // the View section's ids depend on the environment
    expect(untagged('playground').filter((id) => id !== 'value-heatmap' && id !== 'map-editor')).toEqual([]);
    store.getState().setEnv('gridworld');
    expect(untagged('playground').filter((id) => id !== 'true-means')).toEqual([]);
    ui.dispose();
    const colors = Object.fromEntries(LAB_ESTIMATORS.map((n) => [n, '#000'])) as Record<
      (typeof LAB_ESTIMATORS)[number],
      string
    >;
    const lab = mountLab(root, createLabStore(), colors, { replay: () => {}, exportCsv: () => {} });
    expect(untagged('lab')).toEqual([]);
    lab.dispose();
  });

  it('hidden controls and sections are absent from the tab order; the rest stay', () => {
    mount();
    const before = tabOrder();
    for (const id of ['cfg-lr', 'cfg-lr-log', 'cfg-seed', 'cmp-enabled', 'btn-copy-link', 'cfg-baseline']) {
      expect(before).toContain(id);
    }
    expect(before).not.toContain('btn-restore-setup');
    store.getState().setClassroom({ hidden: ['compare', 'lr', 'seed'], setup: 'env=bandit&seed=1' });
    const after = tabOrder();
    for (const id of ['cfg-lr', 'cfg-lr-log', 'cfg-seed', 'cmp-enabled', 'btn-copy-link']) {
      expect(after).not.toContain(id);
    }
    expect(after).toContain('cfg-baseline');
    expect(after).toContain('btn-restore-setup');
    // exactly the hidden ones (and the share panel) left the order
    const gone = before.filter((id) => !after.includes(id));
    expect(gone.sort()).toEqual(
      [
        'Classroom link: hide controls',
        'btn-copy-link',
        'cfg-lr',
        'cfg-lr-log',
        'cfg-seed',
        'cmp-enabled',
      ].sort(),
    );
    store.getState().setClassroom(null);
    expect(tabOrder()).toEqual(before);
  });

  it("controls rebuilt later (a new environment's options) are hidden too", () => {
    mount();
    store.getState().setClassroom({ hidden: ['env-options'], setup: 'env=bandit&seed=1' });
    store.getState().setEnv('gridworld');
    expect(document.getElementById('cfg-slip')).not.toBeNull();
    expect(tabOrder()).not.toContain('cfg-slip');
    expect(tabOrder()).toContain('cfg-env');
  });

  it("the banner restores the teacher's setup after a visible control changed", () => {
    const host = fakeHost('#env=gridworld&lr=0.25&seed=9&hide=lr');
    mount();
    const stop = syncHash(store, host, 0);
    expect(document.getElementById('classroom-banner')!.hidden).toBe(false);
    type(byLabel('Baseline'), 'none');
    type(byLabel('Seed'), '4');
    expect(store.getState().config.baseline).toBe('none');
    click(byButton("Restore the teacher's setup"));
    expect(store.getState().config).toEqual(readHash('env=gridworld&lr=0.25&seed=9').config);
    expect(document.getElementById('classroom-status')!.textContent).toMatch(/Restored/);
    stop();
  });
});

describe('the Share panel', () => {
  function openBuilder(): void {
    const details = document.querySelector('details.classroom-builder') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  }

  it('builds a classroom link from the ticked controls (a whole section disables its own boxes)', async () => {
    store.getState().setConfig({ lr: 0.5, seed: 3 });
    mount();
    openBuilder();
    click(byLabel('Learning rate (field and slider)'));
    click(document.getElementById('hide-playground-seed')!);
    click(byButton('Copy classroom link'));
    await Promise.resolve();
    await Promise.resolve();
    expect(copied).toHaveLength(1);
    const r = readHash(copied[0].split('#')[1]);
    expect(r.errors).toEqual([]);
    expect(r.classroom).toEqual({ hidden: ['lr', 'seed'], setup: 'env=bandit&lr=0.5&seed=3' });
    expect(r.config).toEqual(store.getState().config);
    // ticking the whole Agent section disables (and supersedes) its controls' boxes
    const agent = document.getElementById('hide-playground-agent') as HTMLInputElement;
    click(agent);
    expect((document.getElementById('hide-playground-lr') as HTMLInputElement).disabled).toBe(true);
    click(byButton('Copy classroom link'));
    await Promise.resolve();
    await Promise.resolve();
    expect(readHash(copied[1].split('#')[1]).classroom?.hidden).toEqual(['agent']);
    expect(document.getElementById('share-status-playground')!.textContent).toMatch(
      /Copied the classroom link/,
    );
  });

  it('without a clipboard the link is shown selected in a read-only field, with a message', async () => {
    copyFails = true;
    mount();
    click(byButton('Copy link'));
    await Promise.resolve();
    await Promise.resolve();
    const field = byLabel('Link to share');
    expect(field.readOnly).toBe(true);
    expect(field.value).toMatch(/#env=bandit&seed=1$/);
    expect(document.activeElement).toBe(field);
    expect(document.getElementById('share-status-playground')!.textContent).toMatch(
      /Could not copy automatically/,
    );
  });

  it('asks for a tick before building a classroom link', () => {
    mount();
    openBuilder();
    click(byButton('Copy classroom link'));
    expect(copied).toEqual([]);
    expect(document.getElementById('share-status-playground')!.textContent).toMatch(/Tick at least one/);
  });
});

describe('saved experiments', () => {
  it('a corrupt entry gives one notice; the good one loads; save, load and delete work', () => {
    storage.data.set(
      EXPERIMENTS_KEY,
      JSON.stringify({
        version: 2,
        experiments: [
          { name: 'good', page: 'playground', hash: '#env=gridworld&seed=7', savedAt: null },
          { name: 'broken', page: 'playground', hash: 12, savedAt: null },
          { name: 'lab one', page: 'lab', hash: '#f=z', savedAt: null },
        ],
      }),
    );
    mount();
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Saved experiments: "broken": the settings are not a link.',
    ]);
    const list = document.getElementById('exp-list-playground')!;
    expect(list.textContent).toContain('good');
    expect(list.textContent).not.toContain('lab one');
    store.getState().setConfig({ lr: 0.02 });
    type(byLabel('Experiment name'), 'small steps');
    document.querySelector('form.exp-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(list.textContent).toContain('small steps');
    click(byButton('Load “good”'));
    expect(store.getState().config.env).toBe('gridworld');
    expect(store.getState().config.seed).toBe(7);
    click(byButton('Load “small steps”'));
    expect(store.getState().config.lr).toBe(0.02);
    click(byButton('Delete “good”'));
    expect(list.textContent).not.toContain('good');
    const stored = JSON.parse(storage.data.get(EXPERIMENTS_KEY)!);
    // the corrupt entry and the lab's entry are still stored
    expect(stored.experiments.map((e: { name: string }) => e.name)).toEqual([
      'lab one',
      'small steps',
      'broken',
    ]);
  });

  it('an old version is migrated and written back when the panel opens', () => {
    storage.data.set(EXPERIMENTS_KEY, JSON.stringify({ 'from v1': '#env=bandit&seed=8' }));
    mount();
    expect(JSON.parse(storage.data.get(EXPERIMENTS_KEY)!)).toEqual({
      version: 2,
      experiments: [{ name: 'from v1', page: 'playground', hash: '#env=bandit&seed=8', savedAt: null }],
    });
    expect(document.getElementById('exp-list-playground')!.textContent).toContain('from v1');
    expect(store.getState().notices).toEqual([]);
  });

  it('a full storage says so where the user looks; the list and the store are unchanged', () => {
    mount();
    storage.failWrite = Object.assign(new Error('The quota has been exceeded.'), {
      name: 'QuotaExceededError',
    });
    type(byLabel('Experiment name'), 'too much');
    document.querySelector('form.exp-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(store.getState().notices.map((n) => [n.level, n.text])).toEqual([
      ['error', "Not saved: the browser's storage is full."],
    ]);
    expect(document.getElementById('exp-list-playground')!.textContent).not.toContain('too much');
    expect(byLabel('Experiment name').value).toBe('too much');
  });

  it('rename by keyboard: a taken name is refused with a notice, Enter renames, focus returns to the item', () => {
    storage.data.set(
      EXPERIMENTS_KEY,
      JSON.stringify({ one: '#env=bandit&seed=1', two: '#env=bandit&seed=2' }),
    );
    mount();
    click(byButton('Rename “one”'));
    const input = byLabel<HTMLInputElement>('New name for “one”');
    expect(document.activeElement).toBe(input);
    const enter = () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    input.value = 'two';
    enter();
    expect(store.getState().notices.at(-1)?.text).toBe('Not renamed: "two" is already taken.');
    input.value = 'first';
    enter();
    const list = document.getElementById('exp-list-playground')!;
    expect([...list.querySelectorAll('.exp-name')].map((n) => n.textContent)).toEqual(['first', 'two']);
    expect(document.activeElement).toBe(byButton('Rename “first”'));
    expect(JSON.parse(storage.data.get(EXPERIMENTS_KEY)!).experiments[0].name).toBe('first');
  });
});
