/**
 * The environment views, one class per environment kind, and the factory the app calls with the kind of
 * the agent's {@link EnvFrame}.
 */
import type { EnvFrame } from '../../app/frame';
import type { EnvView, EnvViewEvents } from '../View';
import { BanditView } from './BanditView';
import { ContinuousBanditView } from './ContinuousBanditView';
import { CorridorView } from './CorridorView';
import { GridworldView } from './GridworldView';
import { PointMassView } from './PointMassView';

export { BanditView, ContinuousBanditView, CorridorView, GridworldView, PointMassView };

/** A new, empty view for an environment of this kind; call `rebuild` before the first `update`. */
export function createEnvView(kind: EnvFrame['kind'], events: EnvViewEvents): EnvView {
  switch (kind) {
    case 'bandit':
      return new BanditView();
    case 'gridworld':
      return new GridworldView(events);
    case 'short-corridor':
      return new CorridorView();
    case 'continuous-bandit':
      return new ContinuousBanditView();
    case 'point-mass':
      return new PointMassView();
  }
}
