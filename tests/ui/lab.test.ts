// @vitest-environment happy-dom
// The lab's sidebar and tables without an engine: every control has a visible label, f(z) submits its text
// (debounced) and shows a refused expression's message in the alert region next to it, presets and sliders
// write the store, bad numbers are refused inline without touching the store, hidden estimators leave the
// tables.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LAB_ESTIMATORS } from '../../src/algos/lab/estimators';
import { createLabStore, type LabStore, type LabSummary } from '../../src/state/labStore';
import { mountLab, type MountedLab } from '../../src/ui/lab/mountLab';
import { byButton, byLabel, click, type, typeOnly } from './helpers';

let store: LabStore;
let lab: MountedLab;
const actions = { replay: vi.fn(), exportCsv: vi.fn() };

beforeEach(() => {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  store = createLabStore();
  const colors = Object.fromEntries(LAB_ESTIMATORS.map((n) => [n, '#000'])) as Record<
    (typeof LAB_ESTIMATORS)[number],
    string
  >;
  lab = mountLab(root, store, colors, actions);
});
afterEach(() => lab.dispose());

function summary(): LabSummary {
  const row = { mean: 0.5, standardError: 0.01, variance: 2, exactVariance: 2.02, needed: 800 };
  return {
    value: 0.1,
    grad: { mu: -0.5, sigma: 0.25 },
    samples: 4000,
    rows: Object.fromEntries(LAB_ESTIMATORS.map((n) => [n, { mu: row, sigma: row }])) as LabSummary['rows'],
    sweepStatus: 'ready',
    raceStatus: 'ready',
    race: Object.fromEntries(
      LAB_ESTIMATORS.map((n) => [n, { arrival: 12, final: -0.9, wander: 1.5 }]),
    ) as LabSummary['race'],
  };
}

describe('lab controls', () => {
  it('label every control', () => {
    for (const label of [
      'Preset',
      'f(z)',
      'k',
      'sweep k from',
      'to',
      'μ (mean)',
      'σ (standard deviation)',
      'Samples per histogram',
      'Leave-one-out batch N',
      'Seed',
      'Gradient component',
      'Target standard error τ',
      'Goal',
      'Step size',
      'Steps',
      'Samples per step',
      'Start μ',
      'Start σ',
    ]) {
      expect(() => byLabel(label), label).not.toThrow();
    }
    for (const input of document.querySelectorAll('input[type=range]')) {
      expect(input.getAttribute('aria-label')).toMatch(/slider/);
    }
  });

  it('f(z) submits its text after a pause, and at once on Enter', async () => {
    const f = byLabel('f(z)');
    typeOnly(f, 'z^3');
    expect(store.getState().draftF).toBeNull();
    await new Promise((r) => setTimeout(r, 260));
    expect(store.getState().draftF).toBe('z^3');
    f.value = 'z^4';
    f.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(store.getState().draftF).toBe('z^4');
  });

  it('a refused expression shows its message and a caret in the alert next to f(z)', () => {
    store.getState().setExprError({ message: 'unknown function foo', index: 4, text: 'z + foo(z)' });
    const alert = document.getElementById('lab-f-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(
      /unknown function foo \(at character 5\)\. Still using the last good f/,
    );
    expect(alert.querySelector('pre')!.textContent).toBe('z + foo(z)\n    ^');
    expect(byLabel('f(z)').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('f(z)').value).toBe('z + foo(z)');
    store.getState().setExprError(null);
    expect(byLabel('f(z)').hasAttribute('aria-invalid')).toBe(false);
  });

  it('flags a pathwise-blind f', () => {
    const info = {
      derivative: '0',
      pathwiseBlind: true,
      discontinuous: true,
      kinked: false,
      usesK: true,
      warning: null,
    };
    store.getState().setExprInfo(info);
    expect(document.getElementById('lab-f-note')!.textContent).toMatch(/pathwise estimator is blind/);
    store.getState().setExprInfo({ ...info, pathwiseBlind: false, discontinuous: false, kinked: true });
    expect(document.getElementById('lab-f-note')!.textContent).toMatch(/does not exist at some points/);
  });

  it('presets and sliders write the store; the slider range follows k-min/k-max', () => {
    type(byLabel<HTMLSelectElement>('Preset'), 'square');
    expect(store.getState().config.f).toBe('(z - k)^2');
    const k = document.getElementById('lab-k-range') as HTMLInputElement;
    expect([k.min, k.max]).toEqual(['-3', '3']);
    typeOnly(document.getElementById('lab-mu-range') as HTMLInputElement, '-1.25');
    expect(store.getState().config.mu).toBe(-1.25);
    expect(byLabel('μ (mean)').value).toBe('-1.25');
  });

  it('refuses bad numbers inline and keeps the store', () => {
    const sigma = byLabel('σ (standard deviation)');
    type(sigma, '0');
    expect(store.getState().config.sigma).toBe(1);
    expect(document.getElementById('lab-sigma-error')!.textContent).toMatch(
      /σ \(standard deviation\) must be/,
    );
    type(byLabel('Samples per histogram'), '5');
    expect(store.getState().config.samples).toBe(4000);
  });

  it('hiding an estimator removes its rows; buttons reach the engine', () => {
    store.getState().publish(summary());
    expect(document.querySelectorAll('#lab-stats tbody tr').length).toBe(6);
    click(byLabel('score, leave-one-out'));
    expect(store.getState().config.hide).toEqual(['loo']);
    expect(document.querySelectorAll('#lab-stats tbody tr').length).toBe(5);
    expect(document.querySelector('#lab-race tbody')!.textContent).toContain('12');
    click(byButton('Replay race'));
    click(byButton('Export sweep (CSV)'));
    expect(actions.replay).toHaveBeenCalled();
    expect(actions.exportCsv).toHaveBeenCalledWith('sweep');
    const seed = store.getState().config.seed;
    click(byButton('New seed'));
    expect(store.getState().config.seed).not.toBe(seed);
  });
});
