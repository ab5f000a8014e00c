/**
 * The sidebar's controls, in order: Run, (an optional slot, e.g. the Explain panel), Environment, Agent,
 * Compare (A/B) and View. Every control has a visible label, is reachable by keyboard, reads the store and
 * calls store actions — nothing else (HOUSE-STYLE §2, §5).
 */
import type { PlaygroundStore } from '../state/store';
import { mountAgentSection } from './agentSection';
import { mountCompareSection } from './compareSection';
import { el, Scope } from './dom';
import { mountEnvSection } from './envSection';
import { mountRunSection } from './runSection';
import { mountViewSection } from './viewSection';

/** Options of {@link Controls}. */
export interface ControlsOptions {
  /** Debounce of the r(a) input in ms (default 250). */
  rewardDebounceMs?: number;
  /** An element placed right after the Run section (the lead's layout puts the Explain panel there). */
  afterRun?: HTMLElement;
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
  }

  /** Unsubscribes everything and removes the controls from the page. */
  dispose(): void {
    this.scope.dispose();
  }
}
