// @vitest-environment happy-dom
// The sidebar controls: a visible label for every control, per-env options, Play/Pause, live baseline
// switching, validation that refuses bad numbers without touching the store, and controls that follow the
// store (new seed, env change, compare toggling, view toggles).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, type RunEnvId } from '../../src/algos/config';
import { createPlaygroundStore, speeds, type PlaygroundStore } from '../../src/state/store';
import { Controls } from '../../src/ui/Controls';
import { byButton, byLabel, click, hasLabel, type } from './helpers';

let store: PlaygroundStore;
let controls: Controls;

beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore();
  controls = new Controls(document.body, store, { rewardDebounceMs: 5 });
});
afterEach(() => controls.dispose());

const common = [
  'Environment',
  'Estimator',
  'Baseline',
  'Learning rate',
  'Learning rate (log scale)',
  'Baseline rate',
  'Discount γ',
  'Batch size',
  'Optimizer',
  'Seed',
  'Speed',
  'Compare A/B',
  'Estimator (B)',
  'Baseline (B)',
  'Learning rate (B)',
];
const perEnv: Record<RunEnvId, string[]> = {
  bandit: ['Arms', 'Arm mean', 'Arm sd', 'Reward sd', 'Bernoulli rewards', 'Show true q*(a)'],
  gridworld: [
    'Map',
    'Slip',
    'Horizon',
    'Show V(s) heatmap',
    'Edit map',
    'Floor',
    'Wall',
    'Pit',
    'Goal',
    'Start',
    'Map as text',
  ],
  'short-corridor': ['Initial π(right)', 'Horizon'],
  'continuous-bandit': ['Reward preset', 'r(a)'],
  'point-mass': ['Horizon'],
};

describe('Controls', () => {
  it.each(Object.keys(perEnv) as RunEnvId[])('labels every control for %s, and only its options', (env) => {
    store.getState().setEnv(env);
    for (const text of [...common, ...perEnv[env]]) expect(byLabel(text), text).toBeTruthy();
    for (const [other, labels] of Object.entries(perEnv)) {
      if (other === env) continue;
      for (const text of labels.filter((t) => !perEnv[env].includes(t)))
        expect(hasLabel(text), text).toBe(false);
    }
    for (const name of ['Play', 'Step', 'Reset', 'New seed']) expect(byButton(name)).toBeTruthy();
  });

  it('gives every form control a label and keeps all of them in the tab order', () => {
    store.getState().setEnv('gridworld');
    for (const c of document.querySelectorAll<HTMLElement>('input, select')) {
      expect(document.querySelector(`label[for="${c.id}"]`), c.id).not.toBeNull();
      expect(c.getAttribute('tabindex')).toBeNull();
    }
  });

  it('Play/Pause is one button whose name follows store.playing', () => {
    const play = byButton('Play');
    click(play);
    expect(store.getState().playing).toBe(true);
    expect(play.textContent).toBe('Pause');
    expect(byButton('Pause')).toBe(play);
    click(play);
    expect(store.getState().playing).toBe(false);
    expect(play.textContent).toBe('Play');
    store.getState().setPlaying(true);
    expect(play.textContent).toBe('Pause');
  });

  it('Step, Reset and New seed call their actions; the seed field follows', () => {
    const before = store.getState();
    click(byButton('Step'));
    expect(store.getState().stepRequests).toBe(before.stepRequests + 1);
    click(byButton('Reset'));
    expect(store.getState().runId).toBe(before.runId + 1);
    click(byButton('New seed'));
    const seed = store.getState().config.seed;
    expect(seed).not.toBe(before.config.seed);
    expect(byLabel('Seed').value).toBe(String(seed));
  });

  it('switches the baseline while playing with setConfig and no rebuild', () => {
    const setConfig = vi.fn(store.getState().setConfig);
    store.setState({ setConfig });
    store.getState().setPlaying(true);
    const runId = store.getState().runId;
    type(byLabel<HTMLSelectElement>('Baseline'), 'learned');
    expect(setConfig).toHaveBeenCalledWith({ baseline: 'learned' });
    expect(store.getState().config.baseline).toBe('learned');
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().playing).toBe(true);
  });

  it.each(['', 'abc', '-1', '0', '1e7'])(
    'refuses learning rate %j: aria-invalid, message, store unchanged',
    (v) => {
      const lr = byLabel('Learning rate');
      const before = store.getState().config;
      type(lr, v);
      expect(lr.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById('cfg-lr-error')!.textContent).toMatch(/Learning rate must be a number/);
      expect(store.getState().config).toBe(before);
      type(lr, '0.5');
      expect(lr.hasAttribute('aria-invalid')).toBe(false);
      expect(document.getElementById('cfg-lr-error')!.textContent).toBe('');
      expect(store.getState().config.lr).toBe(0.5);
    },
  );

  it('refuses a fractional batch size and an out-of-range γ', () => {
    type(byLabel('Batch size'), '2.5');
    type(byLabel('Discount γ'), '1.5');
    expect(byLabel('Batch size').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('Discount γ').getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().config).toEqual(defaultConfig('bandit'));
  });

  it('the log slider sets the learning rate and follows it', () => {
    const slider = byLabel('Learning rate (log scale)');
    type(slider, '-2');
    expect(store.getState().config.lr).toBe(0.01);
    expect(byLabel('Learning rate').value).toBe('0.01');
    store.getState().setConfig({ lr: 0.1 });
    expect(Number(slider.value)).toBeCloseTo(-1);
  });

  it('re-renders env options when the env changes, from the menu or the store', () => {
    type(byLabel<HTMLSelectElement>('Environment'), 'gridworld');
    expect(store.getState().config.env).toBe('gridworld');
    expect(hasLabel('Map')).toBe(true);
    expect(hasLabel('Arms')).toBe(false);
    store.getState().setEnv('short-corridor');
    expect(byLabel<HTMLSelectElement>('Environment').value).toBe('short-corridor');
    expect(byLabel('Initial π(right)').value).toBe('0.05');
  });

  it('applies env options, and the map menu shows "custom" for edited maps', () => {
    type(byLabel('Arms'), '4');
    expect(store.getState().config.arms).toBe(4);
    click(byLabel('Bernoulli rewards'));
    expect(store.getState().config.bernoulli).toBe(true);
    store.getState().setEnv('gridworld');
    type(byLabel<HTMLSelectElement>('Map'), 'cliff');
    expect(store.getState().config.map).toBe('cliff');
    store.getState().setConfig({ map: 'S.G' });
    expect(byLabel<HTMLSelectElement>('Map').value).toBe('custom');
    store.getState().setMapError('map has no goal');
    expect(document.getElementById('cfg-map-error')!.textContent).toBe('map has no goal');
  });

  it('disables pathwise (with a reason) unless the env supports it', () => {
    const option = () => byLabel<HTMLSelectElement>('Estimator').querySelector('option[value="pathwise"]')!;
    expect((option() as HTMLOptionElement).disabled).toBe(true);
    expect(option().getAttribute('title')).toMatch(/differentiable/);
    expect(document.getElementById('cfg-estimator-hint')!.textContent).toMatch(/Continuous bandit/);
    store.getState().setEnv('continuous-bandit');
    expect((option() as HTMLOptionElement).disabled).toBe(false);
    expect(byLabel<HTMLSelectElement>('Estimator').value).toBe('pathwise');
  });

  it('speed slider shows the level label', () => {
    const speed = byLabel('Speed');
    type(speed, '1');
    expect(store.getState().speed).toBe(1);
    expect(document.getElementById('run-speed-label')!.textContent).toBe(speeds[1].label);
    store.getState().setSpeed(6);
    expect(speed.value).toBe('6');
    expect(document.getElementById('run-speed-label')!.textContent).toBe(speeds[6].label);
  });

  it('compare: the checkbox shows B overrides, which go through setCompare', () => {
    const options = document.getElementById('cmp-options')!;
    expect(options.hidden).toBe(true);
    click(byLabel('Compare A/B'));
    expect(store.getState().compare.enabled).toBe(true);
    expect(options.hidden).toBe(false);
    expect(options.textContent).toContain("B shares A's environment and random numbers");
    type(byLabel<HTMLSelectElement>('Baseline (B)'), 'loo');
    type(byLabel('Learning rate (B)'), '0.02');
    expect(store.getState().compare.b).toMatchObject({ baseline: 'loo', lr: 0.02 });
    type(byLabel('Learning rate (B)'), '');
    expect(store.getState().compare.b.lr).toBeUndefined();
    type(byLabel<HTMLSelectElement>('Baseline (B)'), '');
    expect(store.getState().compare.b.baseline).toBeUndefined();
  });

  it('view toggles call setView', () => {
    click(byLabel('Show true q*(a)'));
    expect(store.getState().view.showTrueMeans).toBe(false);
    store.getState().setEnv('gridworld');
    const brushes = document.getElementById('view-brush') as HTMLFieldSetElement;
    expect(brushes.disabled).toBe(true);
    click(byLabel('Edit map'));
    expect(store.getState().view.editing).toBe(true);
    expect(brushes.disabled).toBe(false);
    click(byLabel('Pit'));
    expect(store.getState().view.brush).toBe('pit');
    click(byLabel('Show V(s) heatmap'));
    expect(store.getState().view.showValue).toBe(false);
    store.getState().setEnv('point-mass');
    expect(document.getElementById('section-view')!.hidden).toBe(true);
  });

  it('dispose removes the controls and stops listening', () => {
    controls.dispose();
    expect(document.getElementById('controls')).toBeNull();
    expect(() => store.getState().setEnv('gridworld')).not.toThrow();
  });
});
