/**
 * The sidebar's controls, in order: (the classroom banner when a classroom link is open), Run, (an optional
 * slot, e.g. the Explain panel), Environment, Agent, Compare (A/B), View, Saved experiments and Share. Every
 * control has a visible label, is reachable by keyboard, reads the store and calls store actions — nothing
 * else (HOUSE-STYLE §2, §5).
 */
import { ownPageCheck, type KeyValueStorage } from '../state/experiments';
import type { PlaygroundStore } from '../state/store';
import { applyLink, hashOf, linkViewOf, readHash, restoreSetup, writeHash } from '../state/url';
import { mountAgentSection } from './agentSection';
import { mountClassroom } from './classroom';
import { mountCompareSection } from './compareSection';
import { el, Scope } from './dom';
import { mountEnvSection } from './envSection';
import { browserStorage, mountExperimentsSection } from './experimentsSection';
import { mountRunSection } from './runSection';
import { mountShareSection } from './shareSection';
import { mountViewSection } from './viewSection';

/** Options of {@link Controls}. */
export interface ControlsOptions {
  /** Debounce of the r(a) input in ms (default 250). */
  rewardDebounceMs?: number;
  /** An element placed right after the Run section (the lead's layout puts the Explain panel there). */
  afterRun?: HTMLElement;
  /** Storage of saved experiments (default `localStorage`; tests pass a fake). */
  storage?: KeyValueStorage | null;
  /** Clipboard writer of the Share panel (default `navigator.clipboard.writeText`). */
  copy?: (text: string) => Promise<void>;
}

/** All controls, mounted into `parent` as `div.controls`. */
export class Controls {
  /** The container of the sections. */
  readonly root: HTMLDivElement;
  private readonly scope = new Scope();

  /** Builds the sections into a new `div.controls` appended to `parent`. */
  constructor(parent: HTMLElement, store: PlaygroundStore, options: ControlsOptions = {}) {
    this.root = el('div', { id: 'controls', class: 'controls' });
    parent.append(this.root);
    this.scope.add(() => this.root.remove());
    this.scope.add(mountRunSection(this.root, store));
    if (options.afterRun) this.root.append(options.afterRun);
    this.scope.add(mountEnvSection(this.root, store, { rewardDebounceMs: options.rewardDebounceMs }));
    this.scope.add(mountAgentSection(this.root, store));
    this.scope.add(mountCompareSection(this.root, store));
    this.scope.add(mountViewSection(this.root, store));
    this.scope.add(
      mountExperimentsSection(this.root, {
        page: 'playground',
        storage: options.storage === undefined ? browserStorage() : options.storage,
        check: ownPageCheck('playground', readHash),
        current: () => hashOf(store),
        apply: (hash) => applyLink(store, hash, true),
        notify: (level, text) => store.getState().notify(level, text),
      }),
    );
    this.scope.add(
      mountShareSection(this.root, {
        page: 'playground',
        copy: options.copy,
        settings: () => {
          const s = store.getState();
          return writeHash(s.config, s.compare, linkViewOf(s));
        },
      }),
    );
    this.scope.add(mountClassroom(this.root, store, () => restoreSetup(store)));
  }

  /** Unsubscribes everything and removes the controls from the page. */
  dispose(): void {
    this.scope.dispose();
  }
}
