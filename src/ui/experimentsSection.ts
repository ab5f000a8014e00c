/**
 * The "Saved experiments" panel: a name field with Save, and this page's saved experiments with Load,
 * Rename and Delete. The list lives in the browser's storage (schema, migration and validation in
 * src/state/experiments.ts); every change re-reads storage first, so two open pages do not overwrite each
 * other. Problems (corrupt entries, a newer version, a full storage) are reported once as a notice and the
 * rest keeps working; loading applies the hash through the page's validated link reader.
 */
import {
  loadExperiments,
  MAX_NAME_LENGTH,
  renamed,
  storeExperiments,
  withSaved,
  without,
  type Experiment,
  type ExperimentPage,
  type HashCheck,
  type KeyValueStorage,
} from '../state/experiments';
import { hideable } from './classroom';
import { el, Scope } from './dom';

/** Options of {@link mountExperimentsSection}. */
export interface ExperimentsOptions {
  page: ExperimentPage;
  /** The storage (`localStorage`), or null when the browser offers none. */
  storage: KeyValueStorage | null;
  /** The page's link reader as a check (null: the hash reads cleanly). */
  check: HashCheck;
  /** The page's hash now (with `#`). */
  current(): string;
  /** Applies a saved hash through the page's link reader. */
  apply(hash: string): void;
  /** Shows a message in the page's notice list. */
  notify(level: 'info' | 'warning' | 'error', text: string): void;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** `localStorage`, or null where touching it throws (disabled storage, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const dateFormat = (iso: string | null) =>
  iso === null
    ? 'date unknown'
    : new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Mounts the panel into `parent`; returns its cleanup. */
export function mountExperimentsSection(parent: HTMLElement, o: ExperimentsOptions): () => void {
  const scope = new Scope();
  const now = o.now ?? (() => new Date());
  const storage: KeyValueStorage = o.storage ?? {
    getItem: () => {
      throw new Error('no storage in this browser');
    },
    setItem: () => {
      throw new Error('no storage in this browser');
    },
  };
  const nameInput = el('input', {
    id: `exp-name-${o.page}`,
    attrs: { type: 'text', maxlength: MAX_NAME_LENGTH, autocomplete: 'off', required: true },
  });
  const save = el('button', {
    id: `btn-save-${o.page}`,
    class: 'btn btn-primary',
    text: 'Save',
    attrs: { type: 'submit' },
  });
  const form = el('form', { class: 'exp-form' }, [
    el('label', { text: 'Experiment name', attrs: { for: nameInput.id } }),
    el('div', { class: 'exp-row' }, [nameInput, save]),
  ]);
  const list = el('ul', {
    id: `exp-list-${o.page}`,
    class: 'exp-list',
    attrs: { 'aria-label': 'Saved experiments' },
  });
  const empty = el('p', { class: 'field-hint', text: 'Nothing saved yet.' });

  /** Re-reads storage, applies `change` to the list and writes it back; false (with a notice) on failure. */
  const mutate = (change: (list: Experiment[]) => Experiment[] | string): boolean => {
    const loaded = loadExperiments(storage, o.check);
    const next = change(loaded.experiments);
    if (typeof next === 'string') {
      o.notify('warning', next);
      return false;
    }
    const error = storeExperiments(storage, loaded, next);
    if (error) o.notify('error', `Not saved: ${error}.`);
    render(error ? loaded.experiments : next);
    return error === null;
  };

  const row = (e: Experiment): HTMLLIElement => {
    const act = (text: string, what: string, fn: () => void) => {
      const b = el('button', {
        class: 'btn btn-small',
        text,
        attrs: { type: 'button', 'aria-label': `${what} “${e.name}”` },
      });
      b.addEventListener('click', fn);
      return b;
    };
    const title = el('span', { class: 'exp-name', text: e.name });
    const li = el('li', { class: 'exp-item' }, [
      el('div', { class: 'exp-title' }, [
        title,
        el('span', { class: 'exp-date', text: dateFormat(e.savedAt) }),
      ]),
      el('div', { class: 'exp-actions' }, [
        act('Load', 'Load', () => {
          o.apply(e.hash);
          o.notify('info', `Loaded “${e.name}”.`);
        }),
        act('Rename', 'Rename', () => startRename(li, e)),
        act('Delete', 'Delete', () => {
          if (!mutate((l) => without(l, o.page, e.name))) return;
          o.notify('info', `Deleted “${e.name}”.`);
          nameInput.focus();
        }),
      ]),
    ]);
    return li;
  };

  let renames = 0; // each open rename field gets its own id (two may be open at once)
  const startRename = (li: HTMLLIElement, e: Experiment) => {
    const input = el('input', {
      id: `exp-rename-${o.page}-${++renames}`,
      attrs: {
        type: 'text',
        maxlength: MAX_NAME_LENGTH,
        value: e.name,
      },
    });
    // back on the item's Rename button afterwards, so keyboard users stay where they were
    const refocus = (name: string) =>
      list.querySelector<HTMLButtonElement>(`button[aria-label="Rename “${CSS.escape(name)}”"]`)?.focus();
    const done = (ok: boolean) => {
      if (!ok) {
        render(loadExperiments(storage, o.check).experiments);
        return refocus(e.name);
      }
      const ren = mutate((l) => {
        const r = renamed(l, o.page, e.name, input.value);
        return 'error' in r ? `Not renamed: ${r.error}.` : r.experiments;
      });
      if (ren) refocus(input.value.trim());
    };
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') done(true);
      if (ev.key === 'Escape') done(false);
    });
    const okBtn = el('button', { class: 'btn btn-small', text: 'OK', attrs: { type: 'button' } });
    const cancel = el('button', { class: 'btn btn-small', text: 'Cancel', attrs: { type: 'button' } });
    okBtn.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    li.replaceChildren(
      el('label', { class: 'exp-rename-label', text: `New name for “${e.name}”`, attrs: { for: input.id } }),
      el('div', { class: 'exp-row' }, [input, okBtn, cancel]),
    );
    input.focus();
    input.select();
  };

  const render = (all: readonly Experiment[]) => {
    const mine = all.filter((e) => e.page === o.page);
    list.replaceChildren(...mine.map(row));
    list.hidden = mine.length === 0;
    empty.hidden = mine.length > 0;
  };

  scope.listen(form, 'submit', (ev) => {
    ev.preventDefault();
    const name = nameInput.value.trim();
    if (name === '') {
      o.notify('warning', 'Give the experiment a name first.');
      nameInput.focus();
      return;
    }
    const entry: Experiment = { name, page: o.page, hash: o.current(), savedAt: now().toISOString() };
    let replaced = false;
    const ok = mutate((l) => {
      const r = withSaved(l, entry);
      replaced = r.replaced;
      return r.experiments;
    });
    if (ok) {
      o.notify('info', `${replaced ? 'Replaced' : 'Saved'} “${name}”.`);
      nameInput.value = '';
    }
  });

  // first read: report problems once; an old version is migrated and written back now
  const first = loadExperiments(storage, o.check);
  if (first.errors.length > 0) o.notify('warning', `Saved experiments: ${first.errors.join('; ')}.`);
  if (first.migratedFrom !== null) {
    const error = storeExperiments(storage, first, first.experiments);
    if (error) o.notify('warning', `Saved experiments were not upgraded: ${error}.`);
  }
  render(first.experiments);

  const section = hideable(
    el(
      'section',
      { id: 'section-experiments', class: 'panel', attrs: { 'aria-labelledby': 'h-experiments' } },
      [el('h2', { id: 'h-experiments', text: 'Saved experiments' }), form, empty, list],
    ),
    'experiments',
  );
  parent.append(section);
  scope.add(() => section.remove());
  return () => scope.dispose();
}
