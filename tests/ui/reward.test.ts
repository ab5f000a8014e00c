// @vitest-environment happy-dom
// The continuous bandit's r(a) field with the real (lazily imported) expression compiler: a refused
// expression shows its message and sets store.rewardError while config.reward keeps the last good text; an
// accepted one becomes config.reward; piecewise-constant rewards get the "pathwise is blind" note.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/state/store';
import { Controls } from '../../src/ui/Controls';
import { PATHWISE_BLIND_NOTE } from '../../src/ui/rewardField';
import { byLabel, type, typeOnly } from './helpers';

let store: PlaygroundStore;
let controls: Controls;
const wait = { timeout: 10_000, interval: 10 };

beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore();
  store.getState().setEnv('continuous-bandit');
  controls = new Controls(document.body, store, { rewardDebounceMs: 5 });
});
afterEach(() => controls.dispose());

describe('r(a) input', () => {
  it('keeps the last good reward on an error, then applies a good one', async () => {
    const input = byLabel('r(a)');
    const error = document.getElementById('cfg-reward-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    typeOnly(input, 'exp(-a^2)');
    await vi.waitFor(() => expect(store.getState().config.reward).toBe('exp(-a^2)'), wait);

    typeOnly(input, 'a +* 2');
    await vi.waitFor(() => expect(store.getState().rewardError).toMatch(/position/), wait);
    expect(error.textContent).toBe(store.getState().rewardError);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().config.reward).toBe('exp(-a^2)');
    // The runner clears rewardError after rebuilding with the last good reward: the typed text is still bad.
    store.getState().setRewardError(null);
    expect(error.textContent).toMatch(/position/);

    typeOnly(input, 'foo(a)');
    await vi.waitFor(() => expect(store.getState().rewardError).toMatch(/"foo" is not allowed/), wait);
    expect(store.getState().config.reward).toBe('exp(-a^2)');

    typeOnly(input, '-(a - 1)^2');
    await vi.waitFor(() => expect(store.getState().config.reward).toBe('-(a - 1)^2'), wait);
    expect(store.getState().rewardError).toBeNull();
    expect(error.textContent).toBe('');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('notes when the pathwise estimator is blind', async () => {
    type(byLabel('r(a)'), 'a > 1 ? 1 : 0');
    const note = document.getElementById('cfg-reward-note')!;
    await vi.waitFor(() => expect(note.textContent).toContain(PATHWISE_BLIND_NOTE), wait);
    expect(store.getState().config.reward).toBe('a > 1 ? 1 : 0');
    type(byLabel('r(a)'), 'cos(3 * a)');
    await vi.waitFor(() => expect(note.textContent).toBe(''), wait);
  });

  it('the preset menu sets the text and the reward; "Custom" follows typed text', async () => {
    const preset = byLabel<HTMLSelectElement>('Reward preset');
    expect(preset.value).toBe('quadratic');
    type(preset, 'step');
    expect(byLabel('r(a)').value).toBe('a > 1 ? 1 : 0');
    await vi.waitFor(() => expect(store.getState().config.reward).toBe('a > 1 ? 1 : 0'), wait);
    expect(preset.value).toBe('step');
    typeOnly(byLabel('r(a)'), 'a');
    await vi.waitFor(() => expect(preset.value).toBe('custom'), wait);
  });

  it('a reward set from outside (a link) is shown and checked', async () => {
    store.getState().setConfig({ reward: 'sqrt(a) +' });
    expect(byLabel('r(a)').value).toBe('sqrt(a) +');
    await vi.waitFor(() => expect(store.getState().rewardError).not.toBeNull(), wait);
    expect(store.getState().config.reward).toBe('sqrt(a) +');
  });
});
