/**
 * The lab's classroom banner, Saved experiments and Share panels (the same components as the playground's:
 * ../classroom.ts, ../experimentsSection.ts, ../shareSection.ts), wired to the lab store and its link
 * (src/state/labUrl.ts).
 */
import { ownPageCheck, type KeyValueStorage } from '../../state/experiments';
import type { LabStore } from '../../state/labStore';
import { applyLabLink, labHashOf, readLabHash, restoreLabSetup, writeLabHash } from '../../state/labUrl';
import { mountClassroom } from '../classroom';
import { Scope } from '../dom';
import { browserStorage, mountExperimentsSection } from '../experimentsSection';
import { mountShareSection } from '../shareSection';

/** Options of {@link mountLabShare}. */
export interface LabShareOptions {
  /** Storage of saved experiments (default `localStorage`). */
  storage?: KeyValueStorage | null;
  /** Clipboard writer (default `navigator.clipboard.writeText`). */
  copy?: (text: string) => Promise<void>;
}

/** Adds the banner (first) and the two panels (last) to the lab's sidebar; returns the cleanup. */
export function mountLabShare(sidebar: HTMLElement, store: LabStore, o: LabShareOptions = {}): () => void {
  const scope = new Scope();
  scope.add(
    mountExperimentsSection(sidebar, {
      page: 'lab',
      storage: o.storage === undefined ? browserStorage() : o.storage,
      check: ownPageCheck('lab', readLabHash),
      current: () => labHashOf(store),
      apply: (hash) => applyLabLink(store, hash, true),
      notify: (level, text) => store.getState().notify(level, text),
    }),
  );
  scope.add(
    mountShareSection(sidebar, {
      page: 'lab',
      copy: o.copy,
      settings: () => writeLabHash(store.getState().config),
    }),
  );
  scope.add(mountClassroom(sidebar, store, () => restoreLabSetup(store)));
  return () => scope.dispose();
}
