/**
 * The "Run" section: one Play/Pause button (its text and accessible name follow `store.playing`), Step (one
 * update, then pause), Reset (same seed), New seed, and the speed slider with the level's label beside it.
 */
import { speeds, type PlaygroundStore } from '../state/store';
import { hideable } from './classroom';
import { el, Scope } from './dom';

/** Mounts the Run section into `parent`; returns its cleanup. */
export function mountRunSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  const scope = new Scope();
  const button = (id: string, text: string, title: string, cls = 'btn') =>
    el('button', { id, class: cls, text, attrs: { type: 'button', title } });
  const play = button('btn-play', 'Play', 'Start or pause training', 'btn btn-primary');
  const step = button('btn-step', 'Step', 'Run until the next update, then pause');
  const reset = button('btn-reset', 'Reset', 'Start over with the same seed');
  const newSeed = hideable(
    button('btn-new-seed', 'New seed', 'Start over with a different seed'),
    'new-seed',
  );
  scope.listen(play, 'click', () => store.getState().togglePlaying());
  scope.listen(step, 'click', () => store.getState().requestStep());
  scope.listen(reset, 'click', () => store.getState().reset());
  scope.listen(newSeed, 'click', () => store.getState().newSeed());
  const showPlaying = (playing: boolean) => {
    play.textContent = playing ? 'Pause' : 'Play';
    play.classList.toggle('is-playing', playing);
  };
  showPlaying(store.getState().playing);
  scope.add(store.subscribe((s) => s.playing, showPlaying));

  const speed = el('input', {
    id: 'run-speed',
    attrs: { type: 'range', min: 0, max: speeds.length - 1, step: 1, 'aria-describedby': 'run-speed-label' },
  });
  const speedLabel = el('output', {
    id: 'run-speed-label',
    class: 'speed-label',
    attrs: { for: 'run-speed' },
  });
  const showSpeed = (i: number) => {
    speed.value = String(i);
    const label = speeds[i]?.label ?? '';
    speedLabel.textContent = label;
    speed.setAttribute('aria-valuetext', label);
  };
  showSpeed(store.getState().speed);
  scope.listen(speed, 'input', () => store.getState().setSpeed(Number(speed.value)));
  scope.add(store.subscribe((s) => s.speed, showSpeed));

  const section = el(
    'section',
    { id: 'section-run', class: 'panel', attrs: { 'aria-labelledby': 'h-run' } },
    [
      el('h2', { id: 'h-run', text: 'Run' }),
      el('div', { class: 'buttons' }, [play, step, reset, newSeed]),
      hideable(
        el('div', { class: 'field field-slider' }, [
          el('label', { text: 'Speed', attrs: { for: speed.id } }),
          el('div', { class: 'slider-row' }, [speed, speedLabel]),
        ]),
        'speed',
      ),
    ],
  );
  parent.append(hideable(section, 'run'));
  scope.add(() => section.remove());
  return () => scope.dispose();
}
