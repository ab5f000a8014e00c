/**
 * Point mass: a 2-D particle pushed toward a goal, with smooth deterministic dynamics so that the pathwise
 * (reparameterised, "backprop through time") policy gradient can differentiate a whole trajectory. The
 * smallest continuous-control task in the spirit of Mohamed et al. (2020), §7 and of PILCO / SVG (Heess et al.
 * 2015, "Learning Continuous Control Policies by Stochastic Value Gradients"); the MDP framing and the
 * finite-horizon return are Sutton & Barto (2nd ed.), §3.3 and §13.7.
 *
 * Description: state s = (x, y, vx, vy). With k = 1 − drag·dt and per coordinate i ∈ {x, y}:
 *   v′ᵢ = k·vᵢ + dt·maxForce·tanh(aᵢ),   p′ᵢ = pᵢ + dt·v′ᵢ   (semi-implicit Euler; tanh bounds the force).
 * Actions: Box(2), any real vector (tanh squashes it, so the space is unbounded).
 * Observations: Box(4), the state itself (x, y, vx, vy).
 * Start: position uniform in [−startSpread, startSpread]² (env stream), velocity 0; startSpread = 0 starts at
 * the origin.
 * Rewards: r(s, a) = −‖p′ − goal‖² − actionCost·‖a‖², measured at the *next* position p′ so that every action
 * is rewarded at once; model.transition and model.backprop use exactly this r.
 * Episode end: every episode lasts exactly `horizon` steps (`model.horizon`); the last step has
 * truncated = true and terminated = false. The horizon is a time limit, not a terminal state: the particle
 * would keep moving, and the observation does not contain the time, so a critic must bootstrap there. The
 * objective all estimators target is the H-step return Σ_{t<H} r_t. Stepping past the horizon throws.
 * Options: see {@link PointMassOptions}.
 */
import type { BoxSpace, DifferentiableEnv, DifferentiableModel, StepResult } from '../../src/core/env';
import { Rng, Stream } from '../../src/core/random';
import { EnvError, actionError, intOption, numberOption, steppedAfterEnd, vectorOption } from '../EnvError';

/** Options of {@link PointMass}. */
export interface PointMassOptions {
  /** Steps per episode H (integer in [1, 10000]). */
  horizon?: number;
  /** Time step dt (in (0, 1]). */
  dt?: number;
  /** Linear drag coefficient (≥ 0, drag·dt ≤ 1). */
  drag?: number;
  /** Largest acceleration per coordinate (> 0), reached as tanh(a) → ±1. */
  maxForce?: number;
  /** Weight of the action penalty actionCost·‖a‖² (≥ 0). */
  actionCost?: number;
  /** Goal position [x, y]. */
  goal?: readonly number[];
  /** Half-width of the square the start position is drawn from (≥ 0; 0 = always the origin). */
  startSpread?: number;
}

/** Default option values of {@link PointMass}. */
export const pointMassDefaults = {
  horizon: 50,
  dt: 0.1,
  drag: 0.5,
  maxForce: 2,
  actionCost: 0.01,
  goal: [3, 2] as readonly number[],
  startSpread: 1,
} as const;

/** The point-mass dynamics and reward with their vector–Jacobian products. Pure and allocation-free. */
export class PointMassModel implements DifferentiableModel {
  /** State dimension (x, y, vx, vy). */
  readonly stateDim = 4;
  /** Action dimension (force x, force y before tanh). */
  readonly actionDim = 2;
  /** Episode length H. */
  readonly horizon: number;
  /** Time step. */
  readonly dt: number;
  /** Velocity retention per step, k = 1 − drag·dt. */
  readonly keep: number;
  /** Largest acceleration per coordinate. */
  readonly maxForce: number;
  /** Weight of the action penalty. */
  readonly actionCost: number;
  /** Goal position (x, y). Owned by the model. */
  readonly goal: Float64Array;

  /** @param o validated parameters. */
  constructor(o: {
    horizon: number;
    dt: number;
    drag: number;
    maxForce: number;
    actionCost: number;
    goal: readonly number[];
  }) {
    this.horizon = o.horizon;
    this.dt = o.dt;
    this.keep = 1 - o.drag * o.dt;
    this.maxForce = o.maxForce;
    this.actionCost = o.actionCost;
    this.goal = Float64Array.from(o.goal);
  }

  /** Writes s′ = f(s, a) into `out` (which may alias `s`) and returns r(s, a) = −‖p′ − goal‖² − c‖a‖². */
  transition(s: Float64Array, a: Float64Array, out: Float64Array): number {
    const dt = this.dt;
    const force = dt * this.maxForce;
    const vx = this.keep * s[2] + force * Math.tanh(a[0]);
    const vy = this.keep * s[3] + force * Math.tanh(a[1]);
    const x = s[0] + dt * vx;
    const y = s[1] + dt * vy;
    out[0] = x;
    out[1] = y;
    out[2] = vx;
    out[3] = vy;
    const ex = x - this.goal[0];
    const ey = y - this.goal[1];
    return -(ex * ex + ey * ey) - this.actionCost * (a[0] * a[0] + a[1] * a[1]);
  }

  /**
   * Adds gNextᵀ∂f/∂s + w·∂r/∂s into gS and gNextᵀ∂f/∂a + w·∂r/∂a into gA. Per coordinate, with e = p′ − goal,
   * ĝp = gNext_p − 2w·e (the total gradient at p′) and u = gNext_v + dt·ĝp (the total gradient at v′):
   * gS_p += ĝp, gS_v += k·u, gA += dt·maxForce·(1 − tanh²a)·u − 2w·c·a.
   */
  backprop(
    s: Float64Array,
    a: Float64Array,
    gNext: Float64Array,
    w: number,
    gS: Float64Array,
    gA: Float64Array,
  ): void {
    const dt = this.dt;
    const force = dt * this.maxForce;
    const k = this.keep;
    const c2w = 2 * w * this.actionCost;
    for (let i = 0; i < 2; i++) {
      const th = Math.tanh(a[i]);
      const v1 = k * s[2 + i] + force * th;
      const e = s[i] + dt * v1 - this.goal[i];
      const gp = gNext[i] - 2 * w * e;
      const u = gNext[2 + i] + dt * gp;
      gS[i] += gp;
      gS[2 + i] += k * u;
      gA[i] += force * (1 - th * th) * u - c2w * a[i];
    }
  }
}

/** The point-mass env: steps {@link PointMassModel} from a random start for exactly `horizon` steps. */
export class PointMass implements DifferentiableEnv {
  /** Registry id. */
  readonly id = 'point-mass';
  /** Box(4), unbounded: (x, y, vx, vy). */
  readonly observationSpace: BoxSpace = {
    kind: 'box',
    dim: 4,
    low: [-Infinity, -Infinity, -Infinity, -Infinity],
    high: [Infinity, Infinity, Infinity, Infinity],
  };
  /** Box(2), unbounded (tanh squashes the force). */
  readonly actionSpace: BoxSpace = {
    kind: 'box',
    dim: 2,
    low: [-Infinity, -Infinity],
    high: [Infinity, Infinity],
  };
  /** Dynamics, reward and their gradients. */
  readonly model: PointMassModel;
  /** Steps per episode (= model.horizon); the last one is truncated. */
  readonly timeLimit: number;
  /** Half-width of the start square. */
  readonly startSpread: number;
  /** Current state, which is also the observation buffer: owned by the env, valid until the next step/reset. */
  readonly state = new Float64Array(4);
  /** Start state of the current episode (copied at reset). Owned by the env. */
  readonly startState = new Float64Array(4);
  private t = 0;
  private readonly rng = new Rng(0, Stream.env);
  private readonly result: StepResult<Float64Array>;

  /** Builds the env; throws an {@link EnvError} naming a bad option. */
  constructor(options: PointMassOptions = {}) {
    const d = pointMassDefaults;
    const horizon = intOption('point-mass', 'horizon', options.horizon, d.horizon, 1, 10000);
    const dt = numberOption('point-mass', 'dt', options.dt, d.dt, 1e-6, 1);
    const drag = numberOption('point-mass', 'drag', options.drag, d.drag, 0);
    if (drag * dt > 1)
      throw new EnvError(`point-mass: drag·dt must be at most 1, got drag ${drag} with dt ${dt}`);
    const maxForce = numberOption('point-mass', 'maxForce', options.maxForce, d.maxForce, 1e-9);
    const actionCost = numberOption('point-mass', 'actionCost', options.actionCost, d.actionCost, 0);
    const goal = vectorOption('point-mass', 'goal', options.goal, d.goal, 2);
    this.startSpread = numberOption('point-mass', 'startSpread', options.startSpread, d.startSpread, 0);
    this.model = new PointMassModel({ horizon, dt, drag, maxForce, actionCost, goal });
    this.timeLimit = horizon;
    this.result = { obs: this.state, reward: 0, terminated: false, truncated: false };
  }

  /** The env itself (uniform with wrapped envs' `unwrapped`). */
  get unwrapped(): this {
    return this;
  }

  /** Steps taken in the current episode. */
  get elapsedSteps(): number {
    return this.t;
  }

  /** Draws a start state (re-seeding the env stream first when a seed is given); returns the state buffer. */
  reset(seed?: number): Float64Array {
    if (seed !== undefined) this.rng.seed(seed, Stream.env);
    const w = this.startSpread;
    this.state[0] = w === 0 ? 0 : w * (2 * this.rng.uniform() - 1);
    this.state[1] = w === 0 ? 0 : w * (2 * this.rng.uniform() - 1);
    this.state[2] = 0;
    this.state[3] = 0;
    this.startState.set(this.state);
    this.t = 0;
    return this.state;
  }

  /** Applies `action` (caller-owned, length 2); the result is owned by the env and reused. */
  step(action: Float64Array): StepResult<Float64Array> {
    const a0 = action[0];
    const a1 = action[1];
    if (a0 - a0 !== 0 || a1 - a1 !== 0) throw actionError('point-mass', '2 finite numbers', [a0, a1]);
    if (this.t >= this.model.horizon) throw steppedAfterEnd('point-mass', 'the horizon');
    const r = this.result;
    r.reward = this.model.transition(this.state, action, this.state);
    this.t++;
    r.truncated = this.t >= this.model.horizon;
    return r;
  }
}
