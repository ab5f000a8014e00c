/**
 * Exact policy evaluation and exact policy gradients of a tabular softmax policy on a finite MDP
 * ({@link TabularModel}): the ground truth that REINFORCE's estimates are drawn and tested against.
 *
 * Policy (same as TabularSoftmax): π(a|s) = softmax(θ[obsOf[s]·A .. obsOf[s]·A + A))[a]; aliased states share
 * a row of θ. Objective: J(θ) = E[Σ_{t=0}^{T−1} γ^t R_{t+1}], S_0 ~ start, T = min(termination step, H).
 *
 * - P_π(s, s′) = Σ_a π(a|s) P(s′|s, a) is formed once per evaluation in per-state rows over a compacted model
 *   (compactModel.ts).
 * - Infinite H: v = r_π + γ P_π v (Sutton & Barto 2nd ed. §3.5, §4.1) solved by banded LU of I − γ P_π
 *   (InfiniteHorizonSolver.ts, with the LU in bandLU.ts and the search for states that may never end in
 *   reachability.ts), accurate even when episodes last ~1e18 steps or more. With γ = 1 only states whose
 *   episode ends with probability 1 get finite values; see {@link TabularStatus} for the rest.
 * - Finite H: a forward pass on d_t(s) and backward induction on v_k, each O(H·nnz_π)
 *   (FiniteHorizonSolver.ts).
 * - Gradient: the policy gradient theorem (S&B §13.2) with η(s) = Σ_t γ^t d_t(s), and for softmax
 *   Σ_a ∇_{θ[o,b]} π(a|s) q(s,a) = π(b|s) (q(s,b) − v(s)), summed over the states s with obsOf[s] = o.
 *   Its expectation is that of REINFORCE's Σ_t γ^t (G_t − b) ∇log π(A_t|S_t) with returns cut at H.
 *
 * Accuracy: J, v, η and E[T] keep their relative accuracy however long the episodes are (the LU never forms a
 * pivot by subtraction; checked against exact rational solves). ∇J is built from differences q(s,b) − q(s,c),
 * each as accurate as ~ε·|q(s,b)|, so it degrades when values are huge and neighbouring states' values agree
 * in most digits: e.g. on the one-row map S..G with P(right) = p (E[T] ≈ 1/p³), up to ε/p² relative (1e−11
 * measured at p = 3e−4, 1e−6 at p = 6e−6, useless by p = 1e−9). The status does not detect that regime.
 */
import type { TabularModel } from '../../core/env';
import { softmaxInto } from '../../core/math';
import { compactModel, policyChainInto, type CompactModel, type PolicyChain } from './compactModel';
import { FiniteHorizonSolver } from './FiniteHorizonSolver';
import { InfiniteHorizonSolver } from './InfiniteHorizonSolver';

/**
 * What the last {@link TabularEvaluator.evaluate} computed:
 * - `'ok'`: J and every component of ∇J are finite. (E[T] can still be Infinity when γ < 1.)
 * - `'improper'` (only γ = 1 with H = ∞): the start can reach a state whose episode never ends under π (π is
 *   improper, Bertsekas & Tsitsiklis 1996). J is −∞ (or +∞) when every never-ending state the start can reach
 *   has a negative (positive) expected reward, so the return diverges; NaN when that sign is not determined
 *   (mixed signs, or a zero mean where the return may never settle). η and ∇J are NaN and E[T] is Infinity;
 *   v stays finite on the states whose episode ends with probability 1. A finite horizon or γ < 1 make J finite.
 * - `'non-finite'`: J or ∇J overflowed or is NaN although every episode ends: a policy so nearly deterministic
 *   that values exceed ~1e308 (the short corridor beyond a logit gap of ~708, when 1/P(right) overflows), or
 *   non-finite rewards in the model.
 */
export type TabularStatus = 'ok' | 'improper' | 'non-finite';

/** Writes π(a|s) for every state into out[s·nActions + a] (length nStates·nActions) and returns out. */
export function policyProbsInto(model: TabularModel, theta: Float64Array, out: Float64Array): Float64Array {
  const nA = model.nActions;
  for (let s = 0; s < model.nStates; s++) softmaxInto(out, theta, model.obsOf[s] * nA, nA, s * nA);
  return out;
}

/**
 * Exact evaluator for one model. Owns every buffer: `evaluate` allocates nothing (except, once, a larger time
 * table for a longer finite horizon) and its outputs are valid until the next `evaluate`.
 */
export class TabularEvaluator {
  /** π(a|s), row s at s·nActions. */
  readonly probs: Float64Array;
  /** v(s): expected return from s (finite H: with H steps left); γ = 1, H = ∞: ±∞ or NaN where it may never end. */
  readonly v: Float64Array;
  /** q(s, a), row s at s·nActions (finite H: with H steps left). */
  readonly q: Float64Array;
  /** η(s) = Σ_t γ^t P(S_t = s, t < T): discounted expected visits from the start distribution. */
  readonly eta: Float64Array;
  /** Expected remaining episode length from s (finite H: within H steps; Infinity if it may never end). */
  readonly steps: Float64Array;
  /** ∇J(θ), laid out like θ (nObs·nActions). */
  readonly grad: Float64Array;
  /** J(θ) = Σ_s start(s) v(s) (±∞ or NaN if γ = 1, H = ∞ and the start can reach a never-ending loop). */
  J = NaN;
  /** Whether J and ∇J are finite, and why not (see {@link TabularStatus}). */
  status: TabularStatus = 'ok';
  /** E[T], the expected episode length from the start distribution. */
  expectedLength = NaN;
  /** Lower band width of P (max s − s′ over transitions s → s′); the LU costs nStates·kl·ku. */
  readonly kl: number;
  /** Upper band width of P (max s′ − s). */
  readonly ku: number;
  private readonly compact: CompactModel;
  private readonly chain: PolicyChain;
  private readonly finite: FiniteHorizonSolver;
  private readonly infinite: InfiniteHorizonSolver;

  /** Compacts `model` and allocates every buffer (P_π's sparsity, band storage, reverse graph). */
  constructor(readonly model: TabularModel) {
    const { nStates: n, nActions: nA } = model;
    const c = compactModel(model);
    this.compact = c;
    this.probs = new Float64Array(n * nA);
    this.q = new Float64Array(n * nA);
    this.grad = new Float64Array(model.nObs * nA);
    this.v = new Float64Array(n);
    this.eta = new Float64Array(n);
    this.steps = new Float64Array(n);
    this.chain = { probs: this.probs, pPi: new Float64Array(c.sNext.length), rPi: new Float64Array(n) };
    this.kl = c.kl;
    this.ku = c.ku;
    this.finite = new FiniteHorizonSolver(model, c);
    this.infinite = new InfiniteHorizonSolver(model, c, this.chain.pPi);
  }

  /** Computes probs, v, q, J, η, ∇J, steps and E[T] for θ, discount γ ∈ [0, 1], horizon H (integer or ∞). */
  evaluate(theta: Float64Array, gamma: number, horizon: number): this {
    const { nActions: nA, nObs, start } = this.model;
    if (theta.length !== nObs * nA) throw new Error(`θ has length ${theta.length}, expected ${nObs * nA}`);
    if (!(gamma >= 0 && gamma <= 1)) throw new RangeError(`γ must be in [0, 1], got ${gamma}`);
    if (!(horizon >= 0 && (horizon === Infinity || Number.isInteger(horizon))))
      throw new RangeError(`horizon must be a non-negative integer or Infinity, got ${horizon}`);
    policyProbsInto(this.model, theta, this.probs);
    policyChainInto(this.compact, nA, this.chain);
    let proper = true;
    if (horizon === Infinity) proper = this.infinite.solve(this.chain, gamma, this);
    else this.finite.solve(this.chain, gamma, horizon, this);
    this.J = startDot(start, this.v);
    this.expectedLength = startDot(start, this.steps);
    this.status = !proper ? 'improper' : allFinite(this.J, this.grad) ? 'ok' : 'non-finite';
    return this;
  }
}

/** Σ_s start(s) x(s), skipping states the start never uses (so NaN/∞ there do not leak). */
function startDot(start: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < start.length; i++) if (start[i] !== 0) s += start[i] * x[i];
  return s;
}

/** True when x and every entry of g are finite. */
function allFinite(x: number, g: Float64Array): boolean {
  let ok = Number.isFinite(x);
  for (let i = 0; i < g.length; i++) if (!Number.isFinite(g[i])) ok = false;
  return ok;
}

/** One-shot convenience (allocates an evaluator): J, ∇J and the status of θ. */
export function exactPolicyGradient(
  model: TabularModel,
  theta: Float64Array,
  gamma: number,
  horizon: number,
): { J: number; grad: Float64Array; status: TabularStatus } {
  const e = new TabularEvaluator(model).evaluate(theta, gamma, horizon);
  return { J: e.J, grad: e.grad, status: e.status };
}
