/**
 * The gradient lab's keyboard shortcuts: r replays the optimisation race, n draws a new seed, g switches the
 * variance panels between ∂/∂μ and ∂/∂σ, ? opens the help. Same dispatcher, rules and help dialog as the
 * playground's (../shortcuts.ts, ../helpOverlay.ts); each effect is announced in a polite live region.
 */
import type { LabStore } from '../../state/labStore';
import { nextSeed } from '../../state/store';
import type { Shortcut } from '../shortcuts';

/** The lab's shortcuts on `store`; `replay` restarts the race animation, `openHelp` shows the help. */
export function labShortcuts(store: LabStore, replay: () => void, openHelp: () => void): Shortcut[] {
  const state = () => store.getState();
  return [
    {
      keys: ['r'],
      match: ['r', 'R'],
      action: 'Replay the optimisation race from the start',
      run: () => {
        replay();
        return 'Replaying the race';
      },
    },
    {
      keys: ['n'],
      match: ['n', 'N'],
      action: 'New seed: draw a fresh set of samples',
      run: () => {
        state().setConfig({ seed: nextSeed(state().config.seed) });
        return `New seed ${state().config.seed}`;
      },
    },
    {
      keys: ['g'],
      match: ['g', 'G'],
      action: 'Switch the variance panels between ∂/∂μ and ∂/∂σ',
      run: () => {
        const param = state().config.param === 'mu' ? 'sigma' : 'mu';
        state().setConfig({ param });
        return `Gradient component ∂/∂${param === 'mu' ? 'μ' : 'σ'}`;
      },
    },
    {
      keys: ['?'],
      match: ['?'],
      action: 'Show this list of shortcuts',
      run: () => {
        openHelp();
        return '';
      },
    },
  ];
}
