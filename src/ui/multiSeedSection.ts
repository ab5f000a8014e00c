/**
 * The "Multi-seed" section: how many seeds and episodes, a "Run N seeds" button (the current configuration,
 * and agent B on the same seeds when comparing), a progress bar with "k / n seeds" while it runs, Cancel, and
 * "Clear bands". The run itself happens in src/app/multiSeed/ (workers); this section only reads the store's
 * `multiSeed` progress and posts requests (`requestSeeds`).
 */
import './multiSeed.css';
import type { FieldSpec } from '../algos/config';
import type { PlaygroundStore } from '../state/store';
import { el, groupDigits, Scope } from './dom';
import { numberField } from './fields';

const seedsSpec: FieldSpec<string> = {
  key: 'seeds',
  name: 'seeds',
  kind: 'int',
  min: 1,
  max: 1000,
  help: '',
};
const episodesSpec: FieldSpec<string> = {
  key: 'episodes',
  name: 'episodes',
  kind: 'int',
  min: 1,
  max: 1_000_000,
  help: '',
};

/** "Run 30 seeds" / "Run 1 seed". */
export function runSeedsLabel(seeds: number): string {
  return `Run ${groupDigits(seeds)} ${seeds === 1 ? 'seed' : 'seeds'}`;
}

/** Mounts the Multi-seed section into `parent`; returns its cleanup. */
export function mountMultiSeedSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  const scope = new Scope();
  const set = store.getState().setMultiSeed;
  const seeds = numberField(store, {
    id: 'ms-seeds',
    label: 'Seeds',
    spec: seedsSpec,
    read: (s) => s.multiSeed.seeds,
    write: (v) => v !== undefined && set({ seeds: v }),
  });
  const episodes = numberField(store, {
    id: 'ms-episodes',
    label: 'Episodes',
    spec: episodesSpec,
    read: (s) => s.multiSeed.episodes,
    write: (v) => v !== undefined && set({ episodes: v }),
  });
  scope.add(() => [seeds, episodes].forEach((f) => f.dispose()));
  const button = (id: string, text: string, cls = 'btn') =>
    el('button', { id, class: cls, text, attrs: { type: 'button' } });
  const run = button('ms-run', runSeedsLabel(30), 'btn btn-primary');
  const cancel = button('ms-cancel', 'Cancel');
  const clear = button('ms-clear', 'Clear bands');
  scope.listen(run, 'click', () => store.getState().requestSeeds({ kind: 'run' }));
  scope.listen(cancel, 'click', () => store.getState().requestSeeds({ kind: 'cancel' }));
  scope.listen(clear, 'click', () => store.getState().requestSeeds({ kind: 'clear' }));

  const bar = el('progress', { id: 'ms-progress-bar', attrs: { max: 1, value: 0 } });
  // not an <output> (an implicit live region): the count would be announced for every finished seed
  const count = el('span', { id: 'ms-progress-text', class: 'ms-count', attrs: { 'aria-live': 'off' } });
  const progress = el('div', { id: 'ms-progress', class: 'ms-progress' }, [
    el('label', { text: 'Progress', attrs: { for: bar.id } }),
    el('div', { class: 'ms-progress-row' }, [bar, count]),
  ]);
  const error = el('p', { id: 'ms-error', class: 'field-error', attrs: { role: 'alert' } });
  // announced once per change of what is drawn (not per seed: the progress bar carries the count)
  const drawn = el('p', { id: 'ms-drawn', class: 'field-hint', attrs: { role: 'status' } });

  const show = (): void => {
    const m = store.getState().multiSeed;
    run.textContent = runSeedsLabel(m.seeds);
    run.disabled = m.running;
    cancel.hidden = !m.running;
    clear.hidden = m.running;
    clear.disabled = m.running || !m.overlays.some((o) => !o.imported);
    progress.hidden = !m.running;
    bar.max = Math.max(1, m.total);
    bar.value = m.done;
    count.textContent = `${groupDigits(m.done)} / ${groupDigits(m.total)} seeds`;
    // an alert is announced on every write: only when the message changes
    if (error.textContent !== (m.error ?? '')) error.textContent = m.error ?? '';
    const bands = m.overlays.filter((o) => !o.imported).map((o) => o.label);
    const text = m.running ? '' : bands.length > 0 ? `Drawn: ${bands.join(', ')}.` : '';
    if (drawn.textContent !== text) drawn.textContent = text;
  };
  show();
  scope.add(store.subscribe((s) => s.multiSeed, show));

  const section = el(
    'section',
    { id: 'section-multiseed', class: 'panel', attrs: { 'aria-labelledby': 'h-multiseed' } },
    [
      el('h2', { id: 'h-multiseed', text: 'Multi-seed' }),
      el('p', {
        class: 'field-hint',
        text: 'Runs this setup (and B, on the same seeds) in the background; draws mean ± 95% CI.',
      }),
      el('div', { class: 'ms-fields' }, [seeds.root, episodes.root]),
      el('div', { class: 'ms-buttons' }, [run, cancel, clear]),
      progress,
      drawn,
      error,
    ],
  );
  parent.append(section);
  scope.add(() => section.remove());
  return () => scope.dispose();
}
