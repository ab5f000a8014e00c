/**
 * The environment contract (Gymnasium's, in TypeScript): spaces as data, `reset(seed?)` and `step(action)`
 * with separate `terminated` (the MDP reached a terminal state) and `truncated` (a time limit cut the episode).
 *
 * Ownership: `reset` returns and `step` fills objects *owned by the environment* and reused on every call, so a
 * step allocates nothing. A vector observation (`Float64Array`) is valid until the next `reset`/`step`; copy it
 * if you need to keep it.
 */

/** A finite set of integers {0, …, n−1}. */
export interface DiscreteSpace {
  readonly kind: 'discrete';
  /** Number of elements. */
  readonly n: number;
}

/** A box of real vectors: each coordinate i in [low[i], high[i]] (±Infinity allowed). */
export interface BoxSpace {
  readonly kind: 'box';
  /** Vector length. */
  readonly dim: number;
  /** Per-coordinate lower bounds. */
  readonly low: readonly number[];
  /** Per-coordinate upper bounds. */
  readonly high: readonly number[];
}

/** Observation or action space. */
export type Space = DiscreteSpace | BoxSpace;

/** Observation type by space: integers for discrete spaces, env-owned vectors for boxes. */
export type Obs = number | Float64Array;
/** Action type: an integer for discrete action spaces, a vector (caller-owned) for boxes. */
export type Action = number | Float64Array;

/** Result of one step. Owned and reused by the env: valid until its next `step()`/`reset()`. */
export interface StepResult<O extends Obs = Obs> {
  /** Observation after the step. */
  obs: O;
  /** Reward for the transition. */
  reward: number;
  /** The episode reached a terminal state (the return after it is 0). */
  terminated: boolean;
  /** The episode was cut short (time limit) in a non-terminal state. */
  truncated: boolean;
}

/** A Gymnasium-style environment. */
export interface Env<O extends Obs = Obs, A extends Action = Action> {
  /** Registry id, e.g. `"gridworld"`. */
  readonly id: string;
  /** Space of observations. */
  readonly observationSpace: Space;
  /** Space of actions. */
  readonly actionSpace: Space;
  /**
   * Starts an episode. With a seed, re-seeds the env's generator first (the same seed gives the same
   * episode sequence); without one, continues the current stream.
   */
  reset(seed?: number): O;
  /** Advances one step. */
  step(action: A): StepResult<O>;
}

/**
 * A finite MDP written as flat arrays (CSR layout), for exact policy evaluation and exact policy gradients.
 * Outcomes of taking action a in state s are the indices k in [offsets[s·A + a], offsets[s·A + a + 1]):
 * with probability prob[k] the next state is next[k], the reward reward[k], and terminal[k] = 1 ends the
 * episode (then next[k] is ignored). Terminal states are not listed as states.
 */
export interface TabularModel {
  /** Number of (non-terminal) states. */
  readonly nStates: number;
  /** Number of actions. */
  readonly nActions: number;
  /** Observation emitted in each state (states can alias: the short corridor maps all three to 0). */
  readonly obsOf: Int32Array;
  /** Number of distinct observations (the policy's table has this many rows). */
  readonly nObs: number;
  /** Start-state distribution, length nStates. */
  readonly start: Float64Array;
  /** CSR offsets, length nStates·nActions + 1. */
  readonly offsets: Int32Array;
  /** Next state of each outcome. */
  readonly next: Int32Array;
  /** Probability of each outcome. */
  readonly prob: Float64Array;
  /** Reward of each outcome. */
  readonly reward: Float64Array;
  /** 1 when the outcome ends the episode. */
  readonly terminal: Uint8Array;
}

/** An env that can describe itself as a finite MDP. */
export interface TabularEnv extends Env<number, number> {
  /** The exact model; built once, shared, never mutated. */
  readonly model: TabularModel;
  /** Episode step limit applied by the env (Infinity when none): the exact evaluation uses it as horizon. */
  readonly timeLimit: number;
}

/**
 * Deterministic, differentiable dynamics s' = f(s, a) with reward r(s, a) over a fixed horizon, so the
 * pathwise estimator can backpropagate through a whole trajectory (reparameterised policy gradient).
 * All functions are pure in their arguments and allocation-free; vectors are caller-owned.
 */
export interface DifferentiableModel {
  /** State dimension. */
  readonly stateDim: number;
  /** Action dimension. */
  readonly actionDim: number;
  /** Episode length (every episode lasts exactly this many steps). */
  readonly horizon: number;
  /** Writes s' = f(s, a) into `out` and returns r(s, a). */
  transition(s: Float64Array, a: Float64Array, out: Float64Array): number;
  /**
   * Vector–Jacobian products for backpropagation: given gNext = ∂L/∂s', adds
   * gNextᵀ ∂f/∂s + w·∂r/∂s into `gS` and gNextᵀ ∂f/∂a + w·∂r/∂a into `gA` (w = reward weight).
   */
  backprop(
    s: Float64Array,
    a: Float64Array,
    gNext: Float64Array,
    w: number,
    gS: Float64Array,
    gA: Float64Array,
  ): void;
}

/** An env whose dynamics are a {@link DifferentiableModel} (state = observation). */
export interface DifferentiableEnv extends Env<Float64Array, Float64Array> {
  /** The model the env steps with. */
  readonly model: DifferentiableModel;
  /** Copies the start state for a given start draw into `out` (the env's current start state after reset). */
  readonly state: Float64Array;
}

/** A real-valued reward r(a) with its derivative r′(a), compiled once (e.g. from a mathjs expression). */
export interface ScalarFunction {
  /** r(a). */
  readonly f: (a: number) => number;
  /** r′(a) (0 where r is piecewise constant). */
  readonly df: (a: number) => number;
  /** Human-readable source, e.g. `"-(a-2)^2"`. */
  readonly source: string;
}
