/**
 * The finite MDP ({@link TabularModel}) in the form the exact tabular evaluator works on: expected rewards and
 * ending probabilities per (s, a), the non-terminal outcomes compacted (p > 0 only, duplicates merged), and the
 * sparsity of P_π(s, s′) = Σ_a π(a|s) P(s′|s, a) in per-state rows, with its band widths (Sutton & Barto 2nd
 * ed. §3.5 and §4.1 in matrix form). A gridworld cell has ≤ 5 next states, so a row holds ≤ 5 slots.
 */
import type { TabularModel } from '../../core/env';

/** A validated, compacted {@link TabularModel}; built once per model, never mutated. */
export interface CompactModel {
  /** r̄(s, a) = Σ_k p_k r_k, at s·nActions + a. */
  readonly rBar: Float64Array;
  /** P(episode ends | s, a), at s·nActions + a. */
  readonly pEnd: Float64Array;
  /** Compact non-terminal outcomes of (s, a): indices [cOff[sa], cOff[sa + 1]). */
  readonly cOff: Int32Array;
  /** Next state of each compact outcome. */
  readonly cNext: Int32Array;
  /** Probability of each compact outcome (duplicates of one next state merged). */
  readonly cProb: Float64Array;
  /** The slot of P_π's row that each compact outcome lands in. */
  readonly cSlot: Int32Array;
  /** P_π's row of s: slots [sOff[s], sOff[s + 1]). */
  readonly sOff: Int32Array;
  /** Next state of each slot. */
  readonly sNext: Int32Array;
  /** The state owning each slot. */
  readonly sSrc: Int32Array;
  /** Lower band width of P (max s − s′ over transitions s → s′). */
  readonly kl: number;
  /** Upper band width of P (max s′ − s). */
  readonly ku: number;
}

/** The Markov chain a policy induces: P_π by slot and r_π by state (filled by {@link policyChainInto}). */
export interface PolicyChain {
  /** π(a|s), row s at s·nActions. */
  readonly probs: Float64Array;
  /** P_π(s, sNext[j]) for each slot j of the {@link CompactModel}. */
  readonly pPi: Float64Array;
  /** r_π(s) = Σ_a π(a|s) r̄(s, a). */
  readonly rPi: Float64Array;
}

/** What one evaluation writes: the evaluator's public buffers (see TabularEvaluator in tabular.ts). */
export interface TabularValues {
  /** v(s), length nStates. */
  readonly v: Float64Array;
  /** q(s, a), row s at s·nActions. */
  readonly q: Float64Array;
  /** η(s) = Σ_t γ^t P(S_t = s, t < T). */
  readonly eta: Float64Array;
  /** Expected remaining episode length from s. */
  readonly steps: Float64Array;
  /** ∇J(θ), laid out like θ (nObs·nActions). */
  readonly grad: Float64Array;
}

/**
 * Validates `model` (outcomes of each (s, a) sum to 1, next states in range) and compacts it; throws with a
 * message naming the first bad outcome.
 */
export function compactModel(model: TabularModel): CompactModel {
  const { nStates: n, nActions: nA, offsets, next, prob, reward, terminal } = model;
  if (offsets.length !== n * nA + 1) throw new Error(`offsets has ${offsets.length}, expected ${n * nA + 1}`);
  const rBar = new Float64Array(n * nA);
  const pEnd = new Float64Array(n * nA);
  const cOff = new Int32Array(n * nA + 1);
  const sOff = new Int32Array(n + 1);
  const cNext: number[] = [];
  const cProb: number[] = [];
  const sNext: number[] = [];
  const sSrc: number[] = [];
  const cSlot: number[] = [];
  // seenC[t]: compact outcome of the current (s, a) going to t; seenS[t]: slot of the current row going to t.
  const seenC = new Int32Array(n).fill(-1);
  const seenS = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    for (let sa = s * nA; sa < s * nA + nA; sa++) {
      let total = 0;
      for (let k = offsets[sa]; k < offsets[sa + 1]; k++) {
        const t = next[k];
        rBar[sa] += prob[k] * reward[k];
        total += prob[k];
        if (!(prob[k] > 0)) continue;
        if (!terminal[k] && !(t >= 0 && t < n)) throw new Error(`outcome ${k} goes to state ${t} of ${n}`);
        if (terminal[k]) pEnd[sa] += prob[k];
        else if (seenC[t] >= cOff[sa]) cProb[seenC[t]] += prob[k];
        else {
          seenC[t] = cNext.length;
          if (seenS[t] < sOff[s]) {
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
      cOff[sa + 1] = cNext.length;
    }
    sOff[s + 1] = sNext.length;
  }
  let kl = 0;
  let ku = 0;
  for (let j = 0; j < sNext.length; j++) {
    kl = Math.max(kl, sSrc[j] - sNext[j]);
    ku = Math.max(ku, sNext[j] - sSrc[j]);
  }
  const [cNextA, cSlotA, sNextA, sSrcA] = [cNext, cSlot, sNext, sSrc].map((x) => Int32Array.from(x));
  return {
    rBar,
    pEnd,
    cOff,
    cNext: cNextA,
    cProb: Float64Array.from(cProb),
    cSlot: cSlotA,
    sOff,
    sNext: sNextA,
    sSrc: sSrcA,
    kl,
    ku,
  };
}

/** Fills chain.pPi and chain.rPi from chain.probs (π(a|s) at s·nActions + a) and returns `chain`. */
export function policyChainInto(c: CompactModel, nActions: number, chain: PolicyChain): PolicyChain {
  const { probs, pPi, rPi } = chain;
  const { cOff, cSlot, cProb, rBar } = c;
  const nA = nActions;
  const n = rPi.length;
  // P_π(s, s′) = Σ_a π(a|s) Σ_k p_k [¬terminal_k, next_k = s′]
  pPi.fill(0);
  for (let sa = 0; sa < n * nA; sa++)
    for (let k = cOff[sa]; k < cOff[sa + 1]; k++) pPi[cSlot[k]] += probs[sa] * cProb[k];
  // r_π(s) = Σ_a π(a|s) r̄(s,a)
  for (let s = 0; s < n; s++) {
    let r = 0;
    for (let sa = s * nA; sa < s * nA + nA; sa++) r += probs[sa] * rBar[sa];
    rPi[s] = r;
  }
  return chain;
}
