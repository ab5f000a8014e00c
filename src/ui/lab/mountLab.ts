/**
 * The lab page: a header with the two pages' navigation ("Playground", "Lab"), a sidebar of controls in
 * sections (function, distribution, estimates, variance panels, race, export) and the main area (the canvas
 * holder `div#lab-stage`, then the numbers tables). Controls talk to the lab store only; the two actions that
 * need the live engine (replay the race, export CSV) arrive as callbacks from the composition root.
 */
import '../styles.css';
import './lab.css';
import { ESTIMATOR_DESCRIPTIONS, ESTIMATOR_LABELS, LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { nextSeed } from '../../state/store';
import { RACE_BOX } from '../../state/labConfig';
import type { LabStore } from '../../state/labStore';
import { el, Scope, wireSkipLink } from '../dom';
import { checkboxField, type Field } from '../fields';
import { Notices } from '../Notices';
import { exprField } from './exprField';
import { labNumber, labSelect, sliderField } from './labFields';
import { StatsTable, type EstimatorCss } from './StatsTable';
import { siteNav } from '../siteNav';
import { hideable } from '../classroom';
import { mountLabShare } from './labShare';
import { mountShortcuts } from '../shortcuts';
import { Announcer } from '../StatusLine';
import { labShortcuts } from './labShortcuts';

/** What the page asks of the live engine. */
export interface LabActions {
  /** Replays the race animation from step 0. */
  replay(): void;
  /** Downloads the current histograms or sweep as CSV. */
  exportCsv(kind: 'histograms' | 'sweep'): void;
}

/** The mounted lab page. */
export interface MountedLab {
  /** `div#lab-stage`: where the canvas goes. */
  stage: HTMLElement;
  dispose(): void;
}

/** A sidebar panel; `id` is its classroom id (src/state/classroom.ts). */
function section(id: string, title: string, children: HTMLElement[]): HTMLElement {
  return hideable(
    el('section', { id: `lab-section-${id}`, class: 'panel' }, [el('h2', { text: title }), ...children]),
    id,
  );
}

function button(id: string, text: string, title: string): HTMLButtonElement {
  return el('button', { id, class: 'btn', text, attrs: { type: 'button', title } });
}

/** Builds the lab page inside `root`. `colors` are the estimators' CSS colours (shared with the charts). */
export function mountLab(
  root: HTMLElement,
  store: LabStore,
  colors: EstimatorCss,
  actions: LabActions,
): MountedLab {
  const scope = new Scope();
  const fields: Field[] = [];
  const keep = <T extends Field>(f: T): T => (fields.push(f), f);
  root.classList.add('gw-app', 'gw-lab');
  const header = el('header', { class: 'gw-header' }, [
    el('h1', { text: 'Gradient Wars' }),
    siteNav('lab'),
    el('p', {
      class: 'tagline',
      text: 'The gradient lab: score function (REINFORCE) vs pathwise (reparameterization) for z ~ N(μ, σ²).',
    }),
  ]);
  const sidebar = el('aside', {
    id: 'sidebar',
    class: 'gw-sidebar',
    attrs: { 'aria-label': 'Lab controls' },
  });
  const stage = el('div', { id: 'lab-stage', class: 'lab-stage' });
  // the main column scrolls by itself, so it is focusable (Tab or the skip link, then arrows/Page Down)
  const main = el('main', { id: 'main', class: 'gw-main lab-main', attrs: { tabindex: 0 } }, [stage]);
  root.replaceChildren(header, sidebar, main);
  const notices = new Notices(sidebar, store);
  scope.add(() => notices.dispose());

  const kRow = hideable(
    el('div', { class: 'field-pair' }, [
      keep(labNumber(store, 'kMin', 'sweep k from')).root,
      keep(labNumber(store, 'kMax', 'to')).root,
    ]),
    'k-range',
  );
  const visible = LAB_ESTIMATORS.map((name) => {
    const f = keep(
      checkboxField(store, {
        id: `lab-show-${name}`,
        label: ESTIMATOR_LABELS[name],
        read: (s) => !s.config.hide.includes(name),
        write: (v) => store.getState().setVisible(name, v),
      }),
    );
    f.root.title = ESTIMATOR_DESCRIPTIONS[name];
    f.root.prepend(
      el('span', { class: 'swatch', attrs: { style: `background:${colors[name]}`, 'aria-hidden': 'true' } }),
    );
    return f.root;
  });
  const newSeed = button('lab-new-seed', 'New seed', 'Draw a fresh set of samples');
  scope.listen(newSeed, 'click', () =>
    store.getState().setConfig({ seed: nextSeed(store.getState().config.seed) }),
  );
  const replay = button('lab-replay', 'Replay race', 'Play the race again from the start');
  scope.listen(replay, 'click', () => actions.replay());
  const exportHist = button(
    'lab-export-hist',
    'Export histograms (CSV)',
    'Bin counts and moments of every estimator',
  );
  const exportSweep = button(
    'lab-export-sweep',
    'Export sweep (CSV)',
    'Exact variance of every estimator at each k',
  );
  scope.listen(exportHist, 'click', () => actions.exportCsv('histograms'));
  scope.listen(exportSweep, 'click', () => actions.exportCsv('sweep'));

  sidebar.append(
    section('function', 'Function', [
      hideable(keep(exprField(store)).root, 'f'),
      hideable(
        keep(
          sliderField(store, {
            key: 'k',
            label: 'k',
            range: (s) => [s.config.kMin, s.config.kMax],
            step: 0.01,
          }),
        ).root,
        'k',
      ),
      kRow,
    ]),
    section('distribution', 'Distribution of z', [
      hideable(
        keep(sliderField(store, { key: 'mu', label: 'μ (mean)', range: () => [-4, 4], step: 0.01 })).root,
        'mu',
      ),
      hideable(
        keep(
          sliderField(store, {
            key: 'sigma',
            label: 'σ (standard deviation)',
            range: () => [0.05, 3],
            step: 0.01,
          }),
        ).root,
        'sigma',
      ),
    ]),
    section('estimators', 'Estimators', [
      hideable(
        el('fieldset', { class: 'estimator-list' }, [el('legend', { text: 'Show' }), ...visible]),
        'show-estimators',
      ),
      hideable(keep(labNumber(store, 'samples', 'Samples per histogram')).root, 'samples'),
      hideable(keep(labNumber(store, 'batch', 'Leave-one-out batch N')).root, 'batch'),
      hideable(
        el('div', { class: 'field-pair' }, [keep(labNumber(store, 'seed', 'Seed')).root, newSeed]),
        'seed',
      ),
    ]),
    section('variance', 'Variance panels', [
      hideable(
        keep(
          labSelect(store, 'param', 'Gradient component', [
            { value: 'mu', label: '∂/∂μ' },
            { value: 'sigma', label: '∂/∂σ' },
          ]),
        ).root,
        'param',
      ),
      hideable(keep(labNumber(store, 'target', 'Target standard error τ')).root, 'target'),
    ]),
    section('race', 'Optimisation race', [
      hideable(
        keep(
          labSelect(store, 'objective', 'Goal', [
            { value: 'min', label: 'minimise E[f]' },
            { value: 'max', label: 'maximise E[f]' },
          ]),
        ).root,
        'race-settings',
      ),
      hideable(
        el('div', { class: 'field-pair' }, [
          keep(labNumber(store, 'lr', 'Step size')).root,
          keep(labNumber(store, 'steps', 'Steps')).root,
        ]),
        'race-settings',
      ),
      hideable(keep(labNumber(store, 'raceSamples', 'Samples per step')).root, 'race-settings'),
      hideable(
        el('div', { class: 'field-pair' }, [
          keep(labNumber(store, 'mu0', 'Start μ')).root,
          keep(labNumber(store, 'sigma0', 'Start σ')).root,
        ]),
        'race-start',
      ),
      el('p', {
        class: 'field-hint',
        text: `Click the heatmap to move the start. Every estimator sees the same noise; σ stays in [${RACE_BOX.sigmaLo}, ${RACE_BOX.sigmaHi}].`,
      }),
      el('div', { class: 'buttons' }, [replay]),
    ]),
    section('export', 'Export', [el('div', { class: 'buttons' }, [exportHist, exportSweep])]),
  );
  scope.add(mountLabShare(sidebar, store));
  const tables = new StatsTable(store, colors);
  main.append(tables.root);
  // keyboard shortcuts (r, n, g, ?), the header's "Keyboard shortcuts" button and a polite live region
  const announcer = new Announcer({ id: 'lab-announce', className: 'announce-toast' });
  main.append(announcer.root);
  scope.add(() => announcer.dispose());
  scope.add(
    mountShortcuts(
      header,
      (openHelp) => labShortcuts(store, () => actions.replay(), openHelp),
      (text) => announcer.say(text),
    ),
  );
  scope.add(wireSkipLink(main));
  scope.add(() => tables.dispose());
  scope.add(() => fields.forEach((f) => f.dispose()));
  scope.add(() => {
    root.replaceChildren();
    root.classList.remove('gw-app', 'gw-lab');
  });
  return { stage, dispose: () => scope.dispose() };
}
