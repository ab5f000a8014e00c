/**
 * Exact policy evaluation and policy gradient of a tabular softmax policy over a finite horizon H (returns cut
 * after H steps, as a TimeLimit wrapper does): a forward pass on d_t(s) = P(S_t = s, t < T) and backward
 * induction on v_k (k steps left), each O(H·nnz_π), plus one O(nnz) pass over the outcomes (Sutton & Barto
 * 2nd ed. §4.1 with a step counter; the policy gradient theorem, §13.2, summed over time).
 */
import type { TabularModel } from '../../core/env';
import type { CompactModel, PolicyChain, TabularValues } from './compactModel';

/** Largest finite-horizon time table (H·nStates numbers, 64 MiB) {@link FiniteHorizonSolver} will allocate. */
export const MAX_TIME_TABLE = 1 << 23;

/** Finite-horizon pass for one model; owns its scratch (the d_t table grows once for a longer horizon). */
export class FiniteHorizonSolver {
  private readonly work: Float64Array; // v_{k−1} or v_k, alternating with out.v
  private readonly work2: Float64Array; // L_{k−1} or L_k, alternating with out.steps
  private readonly accA: Float64Array; // per P_π slot, see solve
  private readonly accB: Float64Array; // per state, see solve
  private table = new Float64Array(0);

  /** Allocates the scratch for `model` compacted as `c`. */
  constructor(
    private readonly model: TabularModel,
    private readonly c: CompactModel,
  ) {
    const n = model.nStates;
    this.work = new Float64Array(n);
    this.work2 = new Float64Array(n);
    this.accB = new Float64Array(n);
    this.accA = new Float64Array(c.sNext.length);
  }

  /** Writes v_H, q_H, η, steps (within H) and ∇J into `out` for the chain of π, discount γ, horizon H. */
  solve(chain: PolicyChain, gamma: number, H: number, out: TabularValues): void {
    const { nStates: n, nActions: nA, start, obsOf } = this.model;
    const { rBar, cOff, cNext, cProb, cSlot, sOff, sNext } = this.c;
    const { probs, pPi, rPi } = chain;
    const { v, q, eta, steps, grad } = out;
    if (H * n > MAX_TIME_TABLE) throw new RangeError(`horizon ${H} × ${n} states exceeds MAX_TIME_TABLE`);
    if (this.table.length < H * n) this.table = new Float64Array(H * n);
    const d = this.table;
    grad.fill(0);
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
    const { work, work2, accA, accB } = this;
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
  }
}
