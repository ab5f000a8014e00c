/**
 * The gradient lab's keyboard shortcuts: r replays the optimisation race, n draws a new seed, g switches the
 * variance panels between ∂/∂μ and ∂/∂σ, ? opens the help. Same dispatcher, rules and help dialog as the
 * playground's (../shortcuts.ts, ../helpOverlay.ts); each effect is announced in a polite live region.
 */
import { isHidden } from '../../state/classroom';
import type { LabStore } from '../../state/labStore';
import { nextSeed } from '../../state/store';
import { helpShortcut, hiddenByClassroom, type Shortcut } from '../shortcuts';

/**
 * The lab's shortcuts on `store`; `replay` restarts the race animation, `openHelp` shows the help. A classroom
 * link that hides a control also switches off its key (race: r; seed: n; gradient component: g).
 */
export function labShortcuts(store: LabStore, replay: () => void, openHelp: () => void): Shortcut[] {
  const state = () => store.getState();
  const hidden = (id: string) => isHidden('lab', state().classroom, id);
  return [
    {
      keys: ['r'],
      match: ['r', 'R'],
      control: { id: 'lab-replay', aria: 'R' },
      action: 'Replay the optimisation race from the start',
      run: () => {
        if (hidden('race')) return hiddenByClassroom('The race');
        replay();
        return 'Replaying the race';
      },
    },
    {
      keys: ['n'],
      match: ['n', 'N'],
      control: { id: 'lab-new-seed', aria: 'N' },
      action: 'New seed: draw a fresh set of samples',
      run: () => {
        if (hidden('seed')) return hiddenByClassroom('The seed');
        state().setConfig({ seed: nextSeed(state().config.seed) });
        return `New seed ${state().config.seed}`;
      },
    },
    {
      keys: ['g'],
      match: ['g', 'G'],
      control: { id: 'lab-param', aria: 'G' },
      action: 'Switch the variance panels between ∂/∂μ and ∂/∂σ',
      run: () => {
        if (hidden('param')) return hiddenByClassroom('The gradient component');
        const param = state().config.param === 'mu' ? 'sigma' : 'mu';
        state().setConfig({ param });
        return `Gradient component ∂/∂${param === 'mu' ? 'μ' : 'σ'}`;
      },
    },
    helpShortcut(openHelp),
  ];
}
