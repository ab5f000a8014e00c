/**
 * Short corridor with switched actions: Sutton & Barto, *Reinforcement Learning: An Introduction* (2nd ed.),
 * Example 13.1 and Figure 13.1, the book's argument for stochastic policies.
 *
 * Description: a corridor of three non-terminal cells 0, 1, 2 and the goal 3. In cell 1 the actions are
 * switched (right moves left, left moves right). All cells look the same to the agent, so the best policy
 * that can only choose a probability p of "right" is stochastic: with J(p) = (2p − 4) / (p(1 − p)) the value
 * of the start, the optimum is p* = 2 − √2 ≈ 0.5858 with J(p*) = −(6 + 4√2) ≈ −11.657.
 * Actions: Discrete(2): 0 left, 1 right. Left in cell 0 stays in cell 0.
 * Observations: Discrete(1), always 0 (the aliasing that makes the problem interesting).
 * Start: cell 0.
 * Rewards: −1 on every step.
 * Episode end: terminated on reaching cell 3. This class has no time limit; `make('short-corridor')` wraps it
 * in `TimeLimit` (default 1000 steps). Stepping after termination throws.
 * Options: none here; `timeLimit` through `make()`.
 *
 * Model: nStates = 3, nActions = 2, nObs = 1, obsOf all 0, start = cell 0.
 */
import type { DiscreteSpace, StepResult, TabularEnv, TabularModel } from '../../src/core/env';
import { actionError, steppedAfterEnd } from '../EnvError';

/** Next cell of (cell, action) for cells 0..2, at index 2·cell + action; 3 is the goal. */
const NEXT = [0, 1, 2, 0, 1, 3] as const;

/** The short corridor with switched actions as a {@link TabularEnv}. */
export class ShortCorridor implements TabularEnv {
  /** Registry id. */
  readonly id = 'short-corridor';
  /** Discrete(1): every cell emits observation 0. */
  readonly observationSpace: DiscreteSpace = { kind: 'discrete', n: 1 };
  /** Discrete(2): 0 left, 1 right. */
  readonly actionSpace: DiscreteSpace = { kind: 'discrete', n: 2 };
  /** Index of the goal cell (terminal, not a model state). */
  readonly goal = 3;
  /** The exact model (built once, never mutated). */
  readonly model: TabularModel;
  /** No limit in this class; `make()` wraps it in `TimeLimit`. */
  readonly timeLimit = Infinity;
  private cell = 0;
  private readonly result: StepResult<number> = { obs: 0, reward: -1, terminated: false, truncated: false };

  /** Builds the corridor and its model. */
  constructor() {
    const offsets = new Int32Array(7);
    for (let i = 0; i <= 6; i++) offsets[i] = i;
    const terminal = new Uint8Array(6);
    const next = new Int32Array(6);
    for (let i = 0; i < 6; i++) {
      terminal[i] = NEXT[i] === 3 ? 1 : 0;
      next[i] = NEXT[i] === 3 ? 0 : NEXT[i];
    }
    this.model = {
      nStates: 3,
      nActions: 2,
      obsOf: new Int32Array(3),
      nObs: 1,
      start: new Float64Array([1, 0, 0]),
      offsets,
      next,
      prob: new Float64Array(6).fill(1),
      reward: new Float64Array(6).fill(-1),
      terminal,
    };
  }

  /** Current true cell, 0..3 (3 = goal reached), for views; the agent only ever sees 0. */
  get state(): number {
    return this.cell;
  }

  /** The env itself (uniform with wrapped envs' `unwrapped`). */
  get unwrapped(): this {
    return this;
  }

  /** Starts at cell 0. The corridor is deterministic, so the seed changes nothing. */
  reset(_seed?: number): number {
    this.cell = 0;
    return 0;
  }

  /** Moves; the result (owned by the env, reused) always has obs 0 and reward −1. */
  step(action: number): StepResult<number> {
    if (action !== 0 && action !== 1) throw actionError('short-corridor', '0 or 1', action);
    if (this.cell === 3) throw steppedAfterEnd('short-corridor');
    this.cell = NEXT[2 * this.cell + action];
    this.result.terminated = this.cell === 3;
    return this.result;
  }
}
