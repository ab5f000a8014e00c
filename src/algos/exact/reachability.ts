/**
 * Never-ending-loop detection for the exact tabular evaluator: which states, under the support of a policy π,
 * end their episode with probability 1. With γ = 1 and an infinite horizon, v = r_π + P_π v determines v only
 * on those states (π is "proper" there, in the stochastic-shortest-path sense of Bertsekas & Tsitsiklis,
 * Neuro-Dynamic Programming, 1996). For the others the return diverges or has no expectation:
 * {@link improperValuesInto} gives them −∞, +∞ or NaN, and their episode lengths are Infinity.
 *
 * A state ends its episode with probability 1 iff it cannot reach a state from which termination is
 * unreachable. Every pass is a backward breadth-first search over P_π's sparsity graph, O(nStates + nnz_π).
 */

/**
 * P_π's transitions read backwards. Slot j is the edge sSrc[j] → s′ with probability pPi[j]; the slots
 * leading into state t are revSlot[revOff[t] .. revOff[t + 1]). Built once per model by
 * {@link reverseGraph}; `pPi` is shared with (and refilled by) the evaluator, so reads see the current π.
 */
export interface ReverseGraph {
  /** Offsets into revSlot per state (length nStates + 1). */
  readonly revOff: Int32Array;
  /** Slots grouped by next state. */
  readonly revSlot: Int32Array;
  /** The state owning slot j. */
  readonly sSrc: Int32Array;
  /** P_π(sSrc[j], sNext[j]) for slot j; owned by the evaluator. */
  readonly pPi: Float64Array;
}

/** Builds the reverse graph of the slots sSrc[j] → sNext[j] over n states; keeps sSrc and pPi by reference. */
export function reverseGraph(
  n: number,
  sSrc: Int32Array,
  sNext: Int32Array,
  pPi: Float64Array,
): ReverseGraph {
  const revOff = new Int32Array(n + 1);
  for (let j = 0; j < sNext.length; j++) revOff[sNext[j] + 1]++;
  for (let s = 0; s < n; s++) revOff[s + 1] += revOff[s];
  const revSlot = new Int32Array(sNext.length);
  const fill = revOff.slice(0, n);
  for (let j = 0; j < sNext.length; j++) revSlot[fill[sNext[j]]++] = j;
  return { revOff, revSlot, sSrc, pPi };
}

/**
 * Sets mark[s] = 1 when, under the support of π, the episode from s ends with probability 1 (s cannot reach a
 * state from which termination is unreachable), else 0 or 2. `probs` is π(a|s) at s·nActions + a, `pEnd` the
 * probability that (s, a) ends the episode; `mark` and `queue` (length nStates) are caller-owned scratch.
 * Returns false when the start distribution touches a state not marked 1.
 */
export function markProper(
  graph: ReverseGraph,
  probs: Float64Array,
  pEnd: Float64Array,
  nActions: number,
  start: Float64Array,
  mark: Uint8Array,
  queue: Int32Array,
): boolean {
  const n = mark.length;
  const nA = nActions;
  // Pass 1 (mark 1): termination is reachable, found by backward search from states with an ending action.
  for (let s = 0; s < n; s++) {
    let end = 0;
    for (let sa = s * nA; sa < s * nA + nA; sa++) end += probs[sa] * pEnd[sa];
    mark[s] = end > 0 ? 1 : 0;
  }
  spread(graph, mark, queue, 1, 0, 1);
  // Pass 2 (mark 2): a state that can reach a never-ending state (mark 0) is improper as well.
  spread(graph, mark, queue, 0, 1, 2);
  let ok = true;
  for (let s = 0; s < n; s++) if (mark[s] !== 1 && start[s] > 0) ok = false;
  return ok;
}

/** Flags of {@link improperValuesInto}: the state can reach a never-ending state with r_π ≥ 0 / ≤ 0. */
const NOT_NEGATIVE = 1;
const NOT_POSITIVE = 2;

/**
 * v(s) at γ = 1 for every state with mark[s] ≠ 1 (see {@link markProper}): such a state can reach the set T0 of
 * states that never end (mark 0), which P_π never leaves. If every T0 state reachable from s has r_π < 0, every
 * loop the chain can settle in has a negative long-run average reward, so the return falls to −∞ almost surely
 * once trapped (which happens with positive probability) while the rest stays finite: v(s) = −∞. Likewise +∞
 * when every such state has r_π > 0. Otherwise (mixed signs, or r_π = 0 where the return may never settle)
 * this test cannot tell and v(s) = NaN. `flags` and `queue` (length nStates) are caller-owned scratch.
 */
export function improperValuesInto(
  graph: ReverseGraph,
  mark: Uint8Array,
  rPi: Float64Array,
  v: Float64Array,
  flags: Uint8Array,
  queue: Int32Array,
): void {
  const n = mark.length;
  // bit 1: can reach a T0 state with r_π ≥ 0 (so not −∞); bit 2: one with r_π ≤ 0 (so not +∞)
  for (let s = 0; s < n; s++)
    flags[s] = mark[s] === 0 ? (rPi[s] < 0 ? 0 : NOT_NEGATIVE) | (rPi[s] > 0 ? 0 : NOT_POSITIVE) : 0;
  spreadBit(graph, flags, queue, NOT_NEGATIVE);
  spreadBit(graph, flags, queue, NOT_POSITIVE);
  for (let s = 0; s < n; s++) {
    if (mark[s] === 1) continue;
    v[s] = flags[s] === NOT_POSITIVE ? -Infinity : flags[s] === NOT_NEGATIVE ? Infinity : NaN;
  }
}

/** Backward breadth-first search from the states with `bit` set: predecessors (P_π > 0) get it too. */
function spreadBit(graph: ReverseGraph, flags: Uint8Array, queue: Int32Array, bit: number): void {
  const { pPi, revOff, revSlot, sSrc } = graph;
  let tail = 0;
  for (let s = 0; s < flags.length; s++) if (flags[s] & bit) queue[tail++] = s;
  for (let head = 0; head < tail; head++) {
    const t = queue[head];
    for (let i = revOff[t]; i < revOff[t + 1]; i++) {
      const s = sSrc[revSlot[i]];
      if ((flags[s] & bit) === 0 && pPi[revSlot[i]] > 0) {
        flags[s] |= bit;
        queue[tail++] = s;
      }
    }
  }
}

/** Backward breadth-first search from the states marked `seed`: predecessors (P_π > 0) marked `from` → `to`. */
function spread(
  graph: ReverseGraph,
  mark: Uint8Array,
  queue: Int32Array,
  seed: number,
  from: number,
  to: number,
): void {
  const { pPi, revOff, revSlot, sSrc } = graph;
  let tail = 0;
  for (let s = 0; s < mark.length; s++) if (mark[s] === seed) queue[tail++] = s;
  for (let head = 0; head < tail; head++) {
    const t = queue[head];
    for (let i = revOff[t]; i < revOff[t + 1]; i++) {
      const s = sSrc[revSlot[i]];
      if (mark[s] === from && pPi[revSlot[i]] > 0) {
        mark[s] = to;
        queue[tail++] = s;
      }
    }
  }
}
