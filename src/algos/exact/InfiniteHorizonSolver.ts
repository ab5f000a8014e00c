/**
 * Exact policy evaluation and policy gradient of a tabular softmax policy with no horizon: v = r_π + γ P_π v
 * (Sutton & Barto 2nd ed. §3.5, §4.1) solved directly, by banded LU of I − γ P_π (bandLU.ts), and the policy
 * gradient theorem (S&B §13.2) with η = start + γ P_πᵀ η from the same factors.
 *
 * I − γ P_π is a diagonally dominant M-matrix, so elimination needs no pivoting (growth ≤ 2, Higham 2002
 * ch. 9) and keeps the band: cost nStates·kl·ku with kl, ku the model's band widths in its own state
 * numbering (a row-major W-wide gridworld has kl = ku = W). Episode lengths need the γ = 1 factors (a second
 * LU when γ < 1). With γ = 1 only states whose episode ends with probability 1 get values; the rest are NaN
 * (reachability.ts finds them).
 */
import type { TabularModel } from '../../core/env';
import { bandLUFactor, bandLUSolve, bandLUSolveTransposed } from './bandLU';
import type { CompactModel, PolicyChain, TabularValues } from './compactModel';
import { markProper, reverseGraph, type ReverseGraph } from './reachability';

/** Infinite-horizon solve for one model; owns the band storage and the reachability scratch. */
export class InfiniteHorizonSolver {
  private readonly band: Float64Array;
  private readonly graph: ReverseGraph; // P_π read backwards (with the state owning each slot), for markProper
  private readonly mark: Uint8Array; // 1: the episode from s ends with probability 1 (see markProper)
  private readonly queue: Int32Array;

  /** Allocates the band (nStates·(kl + ku + 1) numbers) and the reverse graph over `pPi` (kept by reference). */
  constructor(
    private readonly model: TabularModel,
    private readonly c: CompactModel,
    pPi: Float64Array,
  ) {
    const n = model.nStates;
    this.graph = reverseGraph(n, c.sSrc, c.sNext, pPi);
    this.band = new Float64Array(n * (c.kl + c.ku + 1));
    this.mark = new Uint8Array(n);
    this.queue = new Int32Array(n);
  }

  /** Writes v, q, η, steps and ∇J into `out` for the chain of π (whose pPi the constructor got) and γ. */
  solve(chain: PolicyChain, gamma: number, out: TabularValues): void {
    const { nStates: n, nActions: nA, start } = this.model;
    const { rBar, pEnd, cOff, cNext, cProb, kl, ku } = this.c;
    const { band, mark } = this;
    const { probs, rPi } = chain;
    const { v, q, eta, steps, grad } = out;
    const proper = markProper(this.graph, probs, pEnd, nA, start, mark, this.queue);
    // v = r_π + γ P_π v  ⇔  (I − γ P_π) v = r_π,  r_π(s) = Σ_a π(a|s) r̄(s,a)   (S&B eq. 4.4 in matrix form)
    this.factor(chain, gamma);
    for (let s = 0; s < n; s++) v[s] = gamma === 1 && mark[s] !== 1 ? 0 : rPi[s];
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
    grad.fill(0);
    accumulateGradient(this.model, probs, out);
    // L = 1 + P_π L (γ = 1): expected remaining steps, Infinity where the episode may never end
    if (gamma !== 1) this.factor(chain, 1);
    for (let s = 0; s < n; s++) steps[s] = mark[s] === 1 ? 1 : 0;
    bandLUSolve(band, kl, ku, steps);
    for (let s = 0; s < n; s++) if (mark[s] !== 1) steps[s] = Infinity;
  }

  /** Writes A = I − γ P_π into band storage (rows of improper states → identity when γ = 1) and LU-factors it. */
  private factor(chain: PolicyChain, gamma: number): void {
    const n = this.model.nStates;
    const { sOff, sNext, kl, ku } = this.c;
    const { band, mark } = this;
    const pPi = chain.pPi;
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

/** grad[obsOf[s]·A + b] += η(s) π(b|s) (q(s,b) − v(s)) over the states with η(s) ≠ 0. */
function accumulateGradient(model: TabularModel, probs: Float64Array, out: TabularValues): void {
  const { nStates: n, nActions: nA, obsOf } = model;
  const { grad, eta, q, v } = out;
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
