/**
 * Exact policy evaluation and policy gradient of a tabular softmax policy with no horizon: v = r_π + γ P_π v
 * (Sutton & Barto 2nd ed. §3.5, §4.1) solved directly, by banded LU of I − γ P_π (bandLU.ts), and the policy
 * gradient theorem (S&B §13.2) with η = start + γ P_πᵀ η from the same factors.
 *
 * I − γ P_π is a diagonally dominant M-matrix, so elimination needs no pivoting (growth ≤ 2, Higham 2002
 * ch. 9) and keeps the band: cost nStates·kl·ku with kl, ku the model's band widths in its own state
 * numbering (a row-major W-wide gridworld has kl = ku = W). Its diagonal is never formed as 1 − γ P_π(s, s):
 * the LU takes each row's sum (1 − γ) + γ P(end | s) instead (the GTH variant), so a policy that ends its
 * episode with probability 1e−18 per step still gets exact values (~1e18) rather than a zero pivot. Episode
 * lengths need the γ = 1 factors (a second LU when γ < 1).
 *
 * With γ = 1, only states whose episode ends with probability 1 get finite values; the others (found in
 * reachability.ts) get −∞, +∞ or NaN and Infinity lengths, and if the start can reach them η and ∇J are NaN.
 */
import type { TabularModel } from '../../core/env';
import { bandLUFactorGTH, bandLUSolve, bandLUSolveTransposed } from './bandLU';
import type { CompactModel, PolicyChain, TabularValues } from './compactModel';
import { improperValuesInto, markProper, reverseGraph, type ReverseGraph } from './reachability';

/** Infinite-horizon solve for one model; owns the band storage and the reachability scratch. */
export class InfiniteHorizonSolver {
  private readonly band: Float64Array;
  private readonly rowSum: Float64Array; // row sums of I − γ P_π, consumed by the LU
  private readonly graph: ReverseGraph; // P_π read backwards (with the state owning each slot), for markProper
  private readonly mark: Uint8Array; // 1: the episode from s ends with probability 1 (see markProper)
  private readonly flags: Uint8Array; // scratch of improperValuesInto
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
    this.rowSum = new Float64Array(n);
    this.mark = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.queue = new Int32Array(n);
  }

  /**
   * Writes v, q, η, steps and ∇J into `out` for the chain of π (whose pPi the constructor got) and γ. Returns
   * false when π is improper from the start (γ = 1 and the start can reach a never-ending loop): J is then
   * ±∞ or NaN, η and ∇J are NaN.
   */
  solve(chain: PolicyChain, gamma: number, out: TabularValues): boolean {
    const { nStates: n, nActions: nA, start } = this.model;
    const { rBar, pEnd, cOff, cNext, cProb, kl, ku } = this.c;
    const { band, mark } = this;
    const { probs, rPi } = chain;
    const { v, q, eta, steps, grad } = out;
    const proper = markProper(this.graph, probs, pEnd, nA, start, mark, this.queue) || gamma < 1;
    // v = r_π + γ P_π v  ⇔  (I − γ P_π) v = r_π,  r_π(s) = Σ_a π(a|s) r̄(s,a)   (S&B eq. 4.4 in matrix form)
    this.factor(chain, gamma);
    for (let s = 0; s < n; s++) v[s] = gamma === 1 && mark[s] !== 1 ? 0 : rPi[s];
    bandLUSolve(band, kl, ku, v);
    if (gamma === 1) improperValuesInto(this.graph, mark, rPi, v, this.flags, this.queue);
    // q(s,a) = r̄(s,a) + γ Σ_k p_k [¬terminal_k] v(next_k)
    for (let sa = 0; sa < n * nA; sa++) {
      let x = 0;
      for (let c = cOff[sa]; c < cOff[sa + 1]; c++) x += cProb[c] * v[cNext[c]];
      q[sa] = rBar[sa] + gamma * x;
    }
    // η = start + γ P_πᵀ η  ⇔  (I − γ P_π)ᵀ η = start
    eta.set(start);
    bandLUSolveTransposed(band, kl, ku, eta);
    if (proper) accumulateGradient(this.model, probs, out);
    else {
      eta.fill(NaN);
      grad.fill(NaN);
    }
    // L = 1 + P_π L (γ = 1): expected remaining steps, Infinity where the episode may never end
    if (gamma !== 1) this.factor(chain, 1);
    for (let s = 0; s < n; s++) steps[s] = mark[s] === 1 ? 1 : 0;
    bandLUSolve(band, kl, ku, steps);
    for (let s = 0; s < n; s++) if (mark[s] !== 1) steps[s] = Infinity;
    return proper;
  }

  /**
   * LU-factors A = I − γ P_π in band storage from its off-diagonal entries −γ P_π(s, s′) and its row sums
   * 1 − γ Σ_s′ P_π(s, s′) = (1 − γ) + γ Σ_a π(a|s) P(end | s, a); rows of states that may never end become
   * identity rows when γ = 1 (their values are set apart, see improperValuesInto).
   */
  private factor(chain: PolicyChain, gamma: number): void {
    const { nStates: n, nActions: nA } = this.model;
    const { sOff, sNext, pEnd, kl, ku } = this.c;
    const { band, mark, rowSum } = this;
    const { probs, pPi } = chain;
    const w = kl + ku + 1;
    band.fill(0);
    for (let s = 0; s < n; s++) {
      if (gamma === 1 && mark[s] !== 1) {
        rowSum[s] = 1;
        continue;
      }
      let end = 0;
      for (let sa = s * nA; sa < s * nA + nA; sa++) end += probs[sa] * pEnd[sa];
      rowSum[s] = 1 - gamma + gamma * end;
      for (let j = sOff[s]; j < sOff[s + 1]; j++)
        if (sNext[j] !== s) band[s * w + sNext[j] - s + kl] = -gamma * pPi[j];
    }
    bandLUFactorGTH(band, n, kl, ku, rowSum);
  }
}

/**
 * ∇J for softmax: grad[obsOf[s]·A + b] += η(s) π(b|s) (q(s,b) − v(s)) over the states with η(s) ≠ 0, the
 * advantage written as q(s,b) − v(s) = Σ_c π(c|s) (q(s,b) − q(s,c)). When values are huge (episodes of ~1e18
 * steps) q(s,b) and v(s) share most of their digits, and q(s,b) − v(s) = π(c|s)(q(s,b) − q(s,c)) for two
 * actions is tiny next to them; the pairwise form keeps it, to the accuracy of q(s,b) − q(s,c).
 */
function accumulateGradient(model: TabularModel, probs: Float64Array, out: TabularValues): void {
  const { nStates: n, nActions: nA, obsOf } = model;
  const { grad, eta, q } = out;
  grad.fill(0);
  for (let s = 0; s < n; s++) {
    const e = eta[s];
    if (e === 0) continue;
    const o = obsOf[s] * nA;
    const row = s * nA;
    for (let b = 0; b < nA; b++) {
      const p = probs[row + b];
      if (!(p > 0)) continue;
      // A(s,b) = Σ_{c: π(c|s) > 0} π(c|s) (q(s,b) − q(s,c))
      let adv = 0;
      for (let c = 0; c < nA; c++)
        if (c !== b && probs[row + c] > 0) adv += probs[row + c] * (q[row + b] - q[row + c]);
      grad[o + b] += e * p * adv;
    }
  }
}
