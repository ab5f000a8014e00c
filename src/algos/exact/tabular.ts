/**
 * Exact policy evaluation and exact policy gradients of a tabular softmax policy on a finite MDP
 * ({@link TabularModel}): the ground truth that REINFORCE's estimates are drawn and tested against.
 *
 * Policy (same as TabularSoftmax): π(a|s) = softmax(θ[obsOf[s]·A .. obsOf[s]·A + A))[a]; aliased states share
 * a row of θ. Objective: J(θ) = E[Σ_{t=0}^{T−1} γ^t R_{t+1}], S_0 ~ start, T = min(termination step, H).
 *
 * - P_π(s, s′) = Σ_a π(a|s) P(s′|s, a) is formed once per evaluation in per-state rows over a compacted model
 *   (non-terminal outcomes with p > 0, duplicates merged): a gridworld cell has ≤ 5 next states.
 * - Infinite H: v = r_π + γ P_π v (Sutton & Barto 2nd ed. §3.5, §4.1) is solved directly, by banded LU of
 *   I − γ P_π. That matrix is a diagonally dominant M-matrix, so elimination needs no pivoting (growth ≤ 2,
 *   Higham 2002 ch. 9) and keeps the band: cost nStates·kl·ku with kl, ku the model's band widths in its own
 *   state numbering (a row-major W-wide gridworld has kl = ku = W). The same factors give η (transposed solve);
 *   episode lengths need the γ = 1 factors (a second LU when γ < 1). With γ = 1 only states whose episode ends
 *   with probability 1 get values; the rest are NaN. The LU lives in bandLU.ts, the search for states that
 *   may never end in reachability.ts.
 * - Finite H: a forward pass on d_t(s) = P(S_t = s, t < T) (kept for all t: H·nStates numbers) and backward
 *   induction on v_k (k steps left), each O(H·nnz_π), plus one O(nnz) pass over the outcomes.
 * - Gradient: the policy gradient theorem (S&B §13.2) with η(s) = Σ_t γ^t d_t(s), and for softmax
 *   Σ_a ∇_{θ[o,b]} π(a|s) q(s,a) = π(b|s) (q(s,b) − v(s)), summed over the states s with obsOf[s] = o.
 *   Its expectation is that of REINFORCE's Σ_t γ^t (G_t − b) ∇log π(A_t|S_t) with returns cut at H.
 */
import type { TabularModel } from '../../core/env';
import { softmaxInto } from '../../core/math';
import { bandLUFactor, bandLUSolve, bandLUSolveTransposed } from './bandLU';
import { markProper, reverseGraph, type ReverseGraph } from './reachability';

/** Largest finite-horizon time table (H·nStates numbers, 64 MiB) {@link TabularEvaluator} will allocate. */
export const MAX_TIME_TABLE = 1 << 23;

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
  /** v(s): expected return from s (finite H: with H steps left); NaN where undefined (γ = 1, improper). */
  readonly v: Float64Array;
  /** q(s, a), row s at s·nActions (finite H: with H steps left). */
  readonly q: Float64Array;
  /** η(s) = Σ_t γ^t P(S_t = s, t < T): discounted expected visits from the start distribution. */
  readonly eta: Float64Array;
  /** Expected remaining episode length from s (finite H: within H steps; Infinity if it may never end). */
  readonly steps: Float64Array;
  /** ∇J(θ), laid out like θ (nObs·nActions). */
  readonly grad: Float64Array;
  /** J(θ) = Σ_s start(s) v(s) (NaN if γ = 1, H = ∞ and the start can reach a never-ending loop). */
  J = NaN;
  /** E[T], the expected episode length from the start distribution. */
  expectedLength = NaN;
  /** Lower band width of P (max s − s′ over transitions s → s′); the LU costs nStates·kl·ku. */
  readonly kl: number;
  /** Upper band width of P (max s′ − s). */
  readonly ku: number;
  private readonly rBar: Float64Array; // r̄(s,a) = Σ_k p_k r_k
  private readonly pEnd: Float64Array; // P(episode ends | s, a)
  private readonly cOff: Int32Array; // compact non-terminal outcomes of (s,a): [cOff[sa], cOff[sa+1])
  private readonly cNext: Int32Array;
  private readonly cProb: Float64Array;
  private readonly cSlot: Int32Array; // where each compact outcome lands in its state's P_π row
  private readonly sOff: Int32Array; // P_π row of s: slots [sOff[s], sOff[s+1]) with next state sNext[j]
  private readonly sNext: Int32Array;
  private readonly pPi: Float64Array; // P_π(s, sNext[j]), refilled by every evaluate
  private readonly graph: ReverseGraph; // P_π read backwards (with the state owning each slot), for markProper
  private readonly mark: Uint8Array; // 1: the episode from s ends with probability 1 (see markProper)
  private readonly queue: Int32Array;
  private readonly band: Float64Array;
  private readonly work: Float64Array;
  private readonly work2: Float64Array;
  private readonly rPi: Float64Array; // r_π(s) = Σ_a π(a|s) r̄(s,a)
  private readonly accA: Float64Array; // finite-H gradient sums per P_π entry (see evaluateFinite)
  private readonly accB: Float64Array;
  private table = new Float64Array(0);

  /** Compacts `model` and precomputes expected rewards, P_π's sparsity, band widths and the reverse graph. */
  constructor(readonly model: TabularModel) {
    const { nStates: n, nActions: nA, offsets, next, prob, reward, terminal } = model;
    if (offsets.length !== n * nA + 1)
      throw new Error(`offsets has ${offsets.length}, expected ${n * nA + 1}`);
    this.probs = new Float64Array(n * nA);
    this.q = new Float64Array(n * nA);
    this.rBar = new Float64Array(n * nA);
    this.pEnd = new Float64Array(n * nA);
    this.cOff = new Int32Array(n * nA + 1);
    this.grad = new Float64Array(model.nObs * nA);
    this.v = new Float64Array(n);
    this.eta = new Float64Array(n);
    this.steps = new Float64Array(n);
    this.work = new Float64Array(n);
    this.work2 = new Float64Array(n);
    this.rPi = new Float64Array(n);
    this.accB = new Float64Array(n);
    const cNext: number[] = [];
    const cProb: number[] = [];
    const sNext: number[] = [];
    const sSrc: number[] = [];
    const cSlot: number[] = [];
    this.sOff = new Int32Array(n + 1);
    const seenC = new Int32Array(n).fill(-1);
    const seenS = new Int32Array(n).fill(-1);
    for (let s = 0; s < n; s++) {
      for (let sa = s * nA; sa < s * nA + nA; sa++) {
        let total = 0;
        for (let k = offsets[sa]; k < offsets[sa + 1]; k++) {
          const t = next[k];
          this.rBar[sa] += prob[k] * reward[k];
          total += prob[k];
          if (!(prob[k] > 0)) continue;
          if (!terminal[k] && !(t >= 0 && t < n)) throw new Error(`outcome ${k} goes to state ${t} of ${n}`);
          if (terminal[k]) this.pEnd[sa] += prob[k];
          else if (seenC[t] >= this.cOff[sa]) cProb[seenC[t]] += prob[k];
          else {
            seenC[t] = cNext.length;
            if (seenS[t] < this.sOff[s]) {
              seenS[t] = sNext.length;
              sNext.push(t);
              sSrc.push(s);
            }
            cSlot.push(seenS[t]);
            cNext.push(t);
            cProb.push(prob[k]);
          }
        }
        if (!(Math.abs(total - 1) < 1e-9))
          throw new Error(`outcomes of (s, a) = (${s}, ${sa - s * nA}) sum to ${total}`);
        this.cOff[sa + 1] = cNext.length;
      }
      this.sOff[s + 1] = sNext.length;
    }
    [this.cNext, this.cSlot, this.sNext] = [cNext, cSlot, sNext].map((x) => Int32Array.from(x));
    this.cProb = Float64Array.from(cProb);
    this.pPi = new Float64Array(sNext.length);
    this.accA = new Float64Array(sNext.length);
    let kl = 0;
    let ku = 0;
    for (let j = 0; j < sNext.length; j++) {
      kl = Math.max(kl, sSrc[j] - sNext[j]);
      ku = Math.max(ku, sNext[j] - sSrc[j]);
    }
    this.graph = reverseGraph(n, Int32Array.from(sSrc), this.sNext, this.pPi);
    this.kl = kl;
    this.ku = ku;
    this.band = new Float64Array(n * (kl + ku + 1));
    this.mark = new Uint8Array(n);
    this.queue = new Int32Array(n);
  }

  /** Computes probs, v, q, J, η, ∇J, steps and E[T] for θ, discount γ ∈ [0, 1], horizon H (integer or ∞). */
  evaluate(theta: Float64Array, gamma: number, horizon: number): this {
    const { nStates: n, nActions: nA, nObs } = this.model;
    const { probs, pPi, cOff, cSlot, cProb } = this;
    if (theta.length !== nObs * nA) throw new Error(`θ has length ${theta.length}, expected ${nObs * nA}`);
    if (!(gamma >= 0 && gamma <= 1)) throw new RangeError(`γ must be in [0, 1], got ${gamma}`);
    if (!(horizon >= 0 && (horizon === Infinity || Number.isInteger(horizon))))
      throw new RangeError(`horizon must be a non-negative integer or Infinity, got ${horizon}`);
    policyProbsInto(this.model, theta, probs);
    // P_π(s, s′) = Σ_a π(a|s) Σ_k p_k [¬terminal_k, next_k = s′]
    pPi.fill(0);
    for (let sa = 0; sa < n * nA; sa++)
      for (let c = cOff[sa]; c < cOff[sa + 1]; c++) pPi[cSlot[c]] += probs[sa] * cProb[c];
    // r_π(s) = Σ_a π(a|s) r̄(s,a)
    for (let s = 0; s < n; s++) {
      let r = 0;
      for (let sa = s * nA; sa < s * nA + nA; sa++) r += probs[sa] * this.rBar[sa];
      this.rPi[s] = r;
    }
    this.grad.fill(0);
    if (horizon === Infinity) this.evaluateInfinite(gamma);
    else this.evaluateFinite(gamma, horizon);
    return this;
  }

  private evaluateInfinite(gamma: number): void {
    const { nStates: n, nActions: nA, start } = this.model;
    const { v, q, eta, steps, rBar, mark, cOff, cNext, cProb, probs, pEnd, kl, ku, band } = this;
    const proper = markProper(this.graph, probs, pEnd, nA, start, mark, this.queue);
    // v = r_π + γ P_π v  ⇔  (I − γ P_π) v = r_π,  r_π(s) = Σ_a π(a|s) r̄(s,a)   (S&B eq. 4.4 in matrix form)
    this.factor(gamma);
    for (let s = 0; s < n; s++) v[s] = gamma === 1 && mark[s] !== 1 ? 0 : this.rPi[s];
    bandLUSolve(band, kl, ku, v);
    if (gamma === 1) for (let s = 0; s < n; s++) if (mark[s] !== 1) v[s] = NaN;
    // q(s,a) = r̄(s,a) + γ Σ_k p_k [¬terminal_k] v(next_k)
    for (let sa = 0; sa < n * nA; sa++) {
      let x = 0;
      for (let c = cOff[sa]; c < cOff[sa + 1]; c++) x += cProb[c] * v[cNext[c]];
      q[sa] = rBar[sa] + gamma * x;
    }
    // η = start + γ P_πᵀ η  ⇔  (I − γ P_π)ᵀ η = start
    eta.set(start);
    bandLUSolveTransposed(band, kl, ku, eta);
    if (gamma === 1 && !proper) eta.fill(NaN);
    this.J = startDot(start, v);
    this.accumulateGradient();
    // L = 1 + P_π L (γ = 1): expected remaining steps, Infinity where the episode may never end
    if (gamma !== 1) this.factor(1);
    for (let s = 0; s < n; s++) steps[s] = mark[s] === 1 ? 1 : 0;
    bandLUSolve(band, kl, ku, steps);
    for (let s = 0; s < n; s++) if (mark[s] !== 1) steps[s] = Infinity;
    this.expectedLength = startDot(start, steps);
  }

  private evaluateFinite(gamma: number, H: number): void {
    const { nStates: n, nActions: nA, start, obsOf } = this.model;
    const { probs, eta, rBar, q, grad, cOff, cNext, cProb, cSlot, sOff, sNext, pPi } = this;
    if (H * n > MAX_TIME_TABLE) throw new RangeError(`horizon ${H} × ${n} states exceeds MAX_TIME_TABLE`);
    if (this.table.length < H * n) this.table = new Float64Array(H * n);
    const d = this.table;
    // d_0 = start;  d_{t+1}(s′) = Σ_s d_t(s) P_π(s, s′);  η = Σ_t γ^t d_t
    eta.fill(0);
    if (H > 0) d.set(start);
    for (let t = 0; t < H; t++) {
      const base = t * n;
      const w = Math.pow(gamma, t);
      const last = t + 1 === H;
      if (!last) d.fill(0, base + n, base + 2 * n);
      for (let s = 0; s < n; s++) {
        const ds = d[base + s];
        if (ds === 0) continue;
        eta[s] += w * ds;
        if (!last) for (let j = sOff[s]; j < sOff[s + 1]; j++) d[base + n + sNext[j]] += ds * pPi[j];
      }
    }
    // Backward induction with k steps left, v_0 = L_0 = 0 (S&B §4.1 with a step counter):
    //   v_k(s) = r_π(s) + γ Σ_s′ P_π(s,s′) v_{k−1}(s′),   L_k(s) = 1 + Σ_s′ P_π(s,s′) L_{k−1}(s′).
    // ∇J = Σ_t Σ_s w_t(s) Σ_b π(b|s) (q_{H−t}(s,b) − v_{H−t}(s)) with w_t(s) = γ^t d_t(s) and
    // q_k(s,b) = r̄(s,b) + γ Σ_c p_c v_{k−1}(next_c); the sums over t are kept per P_π entry, so each step
    // costs nnz_π, and the per-action outcomes are visited once at the end:
    //   ∂J/∂θ[o,b] = Σ_{s: obsOf[s]=o} π(b|s) [r̄(s,b) η(s) + γ Σ_c p_c A(s, next_c) − B(s)],
    //   A(s, s′) = Σ_t w_t(s) v_{H−t−1}(s′),   B(s) = Σ_t w_t(s) v_{H−t}(s).
    const { v, steps, work, work2, accA, accB, rPi } = this;
    for (const x of [v, work, steps, work2, accA, accB, q]) x.fill(0);
    for (let k = 1; k <= H; k++) {
      // Buffers alternate so that k = H lands in v / steps (and v_{H−1} in work).
      const even = (H - k) % 2 === 0;
      const vCur = even ? v : work;
      const vPrev = even ? work : v;
      const lCur = even ? steps : work2;
      const lPrev = even ? work2 : steps;
      const base = (H - k) * n;
      const gt = Math.pow(gamma, H - k);
      for (let s = 0; s < n; s++) {
        const w = gt * d[base + s];
        let x = 0;
        let y = 1;
        for (let j = sOff[s]; j < sOff[s + 1]; j++) {
          const vn = vPrev[sNext[j]];
          x += pPi[j] * vn;
          y += pPi[j] * lPrev[sNext[j]];
          accA[j] += w * vn;
        }
        vCur[s] = rPi[s] + gamma * x;
        lCur[s] = y;
        accB[s] += w * vCur[s];
      }
    }
    // q_H from v_{H−1} (in work) and the gradient; with H = 0 there is nothing left (q_0 = 0, ∇J = 0).
    for (let s = 0; H > 0 && s < n; s++) {
      const o = obsOf[s] * nA;
      for (let sa = s * nA; sa < s * nA + nA; sa++) {
        let x = 0;
        let y = 0;
        for (let c = cOff[sa]; c < cOff[sa + 1]; c++) {
          x += cProb[c] * work[cNext[c]];
          y += cProb[c] * accA[cSlot[c]];
        }
        q[sa] = rBar[sa] + gamma * x;
        if (eta[s] !== 0 && probs[sa] > 0)
          grad[o + sa - s * nA] += probs[sa] * (rBar[sa] * eta[s] + gamma * y - accB[s]);
      }
    }
    this.J = startDot(start, v);
    this.expectedLength = startDot(start, steps);
  }

  /** grad[obsOf[s]·A + b] += η(s) π(b|s) (q(s,b) − v(s)) over the states with η(s) ≠ 0. */
  private accumulateGradient(): void {
    const { nStates: n, nActions: nA, obsOf } = this.model;
    const { probs, grad, eta, q, v } = this;
    for (let s = 0; s < n; s++) {
      const e = eta[s];
      if (e === 0) continue;
      const o = obsOf[s] * nA;
      for (let b = 0; b < nA; b++) {
        const p = probs[s * nA + b];
        if (p > 0) grad[o + b] += e * p * (q[s * nA + b] - v[s]);
      }
    }
  }

  /** Writes A = I − γ P_π into band storage (rows of improper states → identity when γ = 1) and LU-factors it. */
  private factor(gamma: number): void {
    const n = this.model.nStates;
    const { band, mark, kl, ku, sOff, sNext, pPi } = this;
    const w = kl + ku + 1;
    band.fill(0);
    for (let s = 0; s < n; s++) {
      band[s * w + kl] = 1;
      if (gamma === 1 && mark[s] !== 1) continue;
      for (let j = sOff[s]; j < sOff[s + 1]; j++) band[s * w + sNext[j] - s + kl] -= gamma * pPi[j];
    }
    bandLUFactor(band, n, kl, ku);
  }
}

/** Σ_s start(s) x(s), skipping states the start never uses (so NaN/∞ there do not leak). */
function startDot(start: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < start.length; i++) if (start[i] !== 0) s += start[i] * x[i];
  return s;
}

/** One-shot convenience (allocates an evaluator): J and ∇J of θ. */
export function exactPolicyGradient(
  model: TabularModel,
  theta: Float64Array,
  gamma: number,
  horizon: number,
): { J: number; grad: Float64Array } {
  const e = new TabularEvaluator(model).evaluate(theta, gamma, horizon);
  return { J: e.J, grad: e.grad };
}
