// @vitest-environment happy-dom
// "Explain this update": shown only while paused with an update to explain; a table of the update's
// numbers, the per-parameter score/gradient/step, the formula and a sentence reading them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaygroundStore, type ExplainData, type PlaygroundStore } from '../../src/state/store';
import { ExplainPanel, explainSentence, UPDATE_FORMULA } from '../../src/ui/ExplainPanel';

const data = (p: Partial<ExplainData> = {}): ExplainData => ({
  agent: 'A',
  update: 12,
  baselineKind: 'learned',
  obs: 7,
  action: 0,
  ret: 0.74,
  baseline: 0.42,
  advantage: 0.32,
  discount: 0.99,
  batchSize: 1,
  lr: 0.1,
  names: ['θ[7,↑]', 'θ[7,→]'],
  score: [0.75, -0.25],
  grad: [0.24, -0.08],
  delta: [0.024, -0.008],
  ...p,
});

let store: PlaygroundStore;
let panel: ExplainPanel;
beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore();
  store.getState().setEnv('gridworld');
  panel = new ExplainPanel(document.body, store);
});
afterEach(() => panel.dispose());

describe('ExplainPanel', () => {
  it('is visible only when paused with an explanation', () => {
    expect(panel.root.hidden).toBe(true);
    store.getState().setPlaying(true);
    store.getState().publish({ A: null, B: null }, data());
    expect(panel.root.hidden).toBe(true);
    store.getState().setPlaying(false);
    expect(panel.root.hidden).toBe(false);
    store.getState().reset();
    expect(panel.root.hidden).toBe(true);
  });

  it('shows the numbers, the formula and a sentence', () => {
    store.getState().publish({ A: null, B: null }, data());
    const text = panel.root.textContent!;
    expect(panel.root.querySelector('h2')!.textContent).toBe('Explain this update');
    expect(text).toContain(UPDATE_FORMULA);
    const rows = [...panel.root.querySelectorAll('tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent).join(' | '),
    );
    expect(rows).toContain('Return G_t | 0.74');
    expect(rows).toContain('Baseline b_t (learned) | 0.42');
    expect(rows).toContain('Advantage G_t − b_t | 0.32');
    expect(rows).toContain('Batch N | 1');
    expect(rows).toContain('θ[7,→] | −0.25 | −0.08 | −0.008');
    expect(rows).toContain('θ[7,↑] | 0.75 | 0.24 | 0.024');
    expect(document.getElementById('explain-sentence')!.textContent).toBe(
      'The return 0.74 beat the baseline 0.42 by 0.32, so this step pushes the probability of ↑ in cell 7 up.',
    );
  });

  it('reads shortfalls, missing baselines and batches', () => {
    expect(explainSentence(data({ ret: 0.1, advantage: -0.32, batchSize: 4 }), 'bandit')).toBe(
      'The return 0.10 fell short of the baseline 0.42 by 0.32, so this step pushes the probability of arm 1 down.' +
        ' Δθ also averages in the other 3 episodes of the batch.',
    );
    expect(
      explainSentence(data({ baselineKind: 'none', baseline: 0, ret: -2, advantage: -2 }), 'short-corridor'),
    ).toBe(
      'The return −2.00 is negative and there is no baseline, so this step pushes the probability of left down.',
    );
    expect(explainSentence(data({ action: -1 }), 'continuous-bandit')).toMatch(
      /density of the sampled action up/,
    );
  });
});
