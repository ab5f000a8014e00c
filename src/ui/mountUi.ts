/**
 * The page skeleton: a header (title and tagline), the sidebar (messages, controls, the Explain panel after
 * the Run section) and the main area (status line, then `div#stage` for the canvas, filled by the caller).
 * The lead's `main.ts` calls {@link mountUi}, attaches the Pixi canvas to `stage` and syncs the URL.
 */
import './styles.css';
import type { PlaygroundStore } from '../state/store';
import { tagById } from './classroom';
import { Controls, type ControlsOptions } from './Controls';
import { el, Scope, wireSkipLink } from './dom';
import { ExplainPanel } from './ExplainPanel';
import { mountExportSection } from './exportSection';
import { mountMultiSeedSection } from './multiSeedSection';
import { Notices } from './Notices';
import { siteNav } from './siteNav';
import { mountShortcuts, playgroundShortcuts } from './shortcuts';
import { StatusLine, type StatusLineOptions } from './StatusLine';

/** The mounted page: where to put the canvas, and how to take everything down. */
export interface MountedUi {
  /** `div#stage`: the main area for the Pixi canvas (sized by CSS; observe it for resizes). */
  stage: HTMLElement;
  /** Unsubscribes every control and empties `root`. */
  dispose(): void;
}

/** Options of {@link mountUi}. */
export interface MountUiOptions {
  /** Debounce of the r(a) input in ms (default 250). */
  rewardDebounceMs?: ControlsOptions['rewardDebounceMs'];
  /** Shortest interval between status-line updates in ms (default 500). */
  statusIntervalMs?: StatusLineOptions['minIntervalMs'];
}

/** Builds header, sidebar and main area inside `root` (its children are replaced). */
export function mountUi(root: HTMLElement, store: PlaygroundStore, options: MountUiOptions = {}): MountedUi {
  const scope = new Scope();
  root.classList.add('gw-app');
  const header = el('header', { class: 'gw-header' }, [
    el('h1', { text: 'Gradient Wars' }),
    siteNav('playground'),
    el('p', {
      class: 'tagline',
      text: 'Policy gradients head to head: REINFORCE, baselines and the reparameterization trick.',
    }),
  ]);
  const sidebar = el('aside', { id: 'sidebar', class: 'gw-sidebar', attrs: { 'aria-label': 'Controls' } });
  const stage = el('div', { id: 'stage', class: 'gw-stage' });
  const main = el('main', { id: 'main', class: 'gw-main' });
  root.replaceChildren(header, sidebar, main);

  const notices = new Notices(sidebar, store);
  // The panel is created detached and placed by Controls right after the Run section.
  const holder = el('div');
  const explain = new ExplainPanel(holder, store);
  const controls = new Controls(sidebar, store, {
    rewardDebounceMs: options.rewardDebounceMs,
    afterRun: explain.root,
  });
  scope.add(mountMultiSeedSection(controls.root, store));
  scope.add(mountExportSection(controls.root, store));
  tagById(controls.root, { 'section-multiseed': 'multi-seed', 'section-export': 'export' }); // classroom ids
  const status = new StatusLine(main, store, { minIntervalMs: options.statusIntervalMs });
  main.append(stage);
  // keyboard shortcuts (Space, →, r, b, ?) and the header's "Keyboard shortcuts" button and dialog
  scope.add(
    mountShortcuts(
      header,
      (openHelp) => playgroundShortcuts(store, openHelp),
      (text) => status.announce(text),
    ),
  );
  scope.add(wireSkipLink(main));
  scope.add(() => {
    root.replaceChildren();
    root.classList.remove('gw-app');
  });
  scope.add(() => notices.dispose());
  scope.add(() => explain.dispose());
  scope.add(() => controls.dispose());
  scope.add(() => status.dispose());
  return { stage, dispose: () => scope.dispose() };
}
