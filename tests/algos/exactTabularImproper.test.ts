// The exact tabular evaluator at γ = 1 with no horizon, where v = r_π + P_π v is (nearly) singular: policies
// so nearly deterministic that an episode lasts ~1/p^k steps (finite, exact answers), and policies that can
// loop forever (improper: ±∞ or NaN with a status saying why). References: closed forms on corridors and an
// exact rational (BigInt) solve of the same equations on a small gridworld.
import { describe, expect, it } from 'vitest';
import { make } from '../../envs/index';
import type { TabularModel } from '../../src/core/env';
import { TabularEvaluator, exactPolicyGradient } from '../../src/algos/exact/tabular';

const relErr = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

/** θ for a gridworld: logit `up` on action 0 (up), `right` on 1, `down` on 2, `left` on 3, in every cell. */
function gridTheta(m: TabularModel, logits: [number, number, number, number]): Float64Array {
  const th = new Float64Array(m.nObs * 4);
  for (let s = 0; s < m.nObs; s++) th.set(logits, 4 * s);
  return th;
}

/** An exact rational p/q with q > 0 (BigInt), reduced lazily. */
type Rat = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const norm = ([p, q]: Rat): Rat => {
  const g = gcd(p, q) || 1n;
  return [p / g, q / g];
};
const add = (a: Rat, b: Rat): Rat => norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
const sub = (a: Rat, b: Rat): Rat => add(a, [-b[0], b[1]]);
const mul = (a: Rat, b: Rat): Rat => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Rat, b: Rat): Rat =>
  norm(b[0] < 0n ? [-a[0] * b[1], -a[1] * b[0]] : [a[0] * b[1], a[1] * b[0]]);
/** The exact value of a double (every double is a dyadic rational). */
function ratOf(x: number): Rat {
  if (x === 0) return [0n, 1n];
  let e = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    e++;
  }
  return norm([BigInt(x), 1n << BigInt(e)]);
}
/** The double nearest to a rational, for any magnitude the quotient fits in. */
function numOf([p, q]: Rat): number {
  const shift = p.toString(2).length - q.toString(2).length - 60;
  const [a, b] = shift > 0 ? [p, q << BigInt(shift)] : [p << BigInt(-shift), q];
  return Number(a / b) * 2 ** shift;
}

/**
 * Exact solution of v = r_π + P_π v (γ = 1) in rational arithmetic, with P_π's off-diagonal entries and the
 * ending probabilities those of the evaluator's π (its doubles, exactly) and each row's diagonal from them:
 * 1 − P_π(s, s) = P(end | s) + Σ_{s′≠s} P_π(s, s′). Returns v at the start state for the rewards r and for
 * r = 1 (the expected episode length). Gaussian elimination, no pivoting (a diagonally dominant M-matrix).
 */
function exactRational(m: TabularModel, probs: Float64Array, startState: number): { J: number; T: number } {
  const { nStates: n, nActions: nA, offsets, next, prob, reward, terminal } = m;
  const zero: Rat = [0n, 1n];
  const A: Rat[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => zero));
  const b: Rat[][] = Array.from({ length: n }, () => [zero, [1n, 1n]]);
  for (let s = 0; s < n; s++) {
    let out = zero;
    for (let a = 0; a < nA; a++) {
      const pa = ratOf(probs[s * nA + a]);
      if (pa[0] === 0n) continue;
      for (let k = offsets[s * nA + a]; k < offsets[s * nA + a + 1]; k++) {
        const w = mul(pa, ratOf(prob[k]));
        b[s][0] = add(b[s][0], mul(w, ratOf(reward[k])));
        if (terminal[k]) out = add(out, w);
        else if (next[k] !== s) {
          A[s][next[k]] = sub(A[s][next[k]], w);
          out = add(out, w);
        }
      }
    }
    // A state with no way out (the goal's self-loop, never entered) is decoupled: give it any value.
    A[s][s] = out[0] === 0n ? [1n, 1n] : out;
  }
  for (let k = 0; k < n; k++)
    for (let i = k + 1; i < n; i++) {
      if (A[i][k][0] === 0n) continue;
      const l = div(A[i][k], A[k][k]);
      for (let j = k; j < n; j++) A[i][j] = sub(A[i][j], mul(l, A[k][j]));
      for (const c of [0, 1]) b[i][c] = sub(b[i][c], mul(l, b[k][c]));
    }
  const x: Rat[][] = Array.from({ length: n }, () => [zero, zero]);
  for (let i = n - 1; i >= 0; i--)
    for (const c of [0, 1]) {
      let r = b[i][c];
      for (let j = i + 1; j < n; j++) r = sub(r, mul(A[i][j], x[j][c]));
      x[i][c] = div(r, A[i][i]);
    }
  return { J: numOf(x[startState][0]), T: numOf(x[startState][1]) };
}

describe('γ = 1, H = ∞, a policy that almost never ends its episode: finite, exact answers', () => {
  // Short corridor (S&B Example 13.1), p = π(right): J(p) = (2p − 4)/(p(1 − p)) = −E[T] (−1 per step) and
  // ∂J/∂θ₁ = 2(p² − 4p + 2)/(p(1 − p)) = −∂J/∂θ₀ (derivation in exactTabular.test.ts). With p → 0 the left
  // end loops on itself with probability 1 − p, which rounds to 1 once p < 1.1e−16.
  const corridor = make('short-corridor', { timeLimit: Infinity }).model;
  const ev = new TabularEvaluator(corridor);

  it.each([-20, -37, -40, -100, -300, 20, 40, 100])(
    'short corridor, logit(p) = %s: J, E[T] and ∇J match the closed forms to 1e−12',
    (t) => {
      // p and 1 − p each without cancellation
      const p = t < 0 ? Math.exp(t) / (1 + Math.exp(t)) : 1 / (1 + Math.exp(-t));
      const q = t < 0 ? 1 / (1 + Math.exp(t)) : Math.exp(-t) / (1 + Math.exp(-t));
      const J = (2 * p - 4) / (p * q);
      const dJ = (2 * (p * p - 4 * p + 2)) / (p * q);
      ev.evaluate(Float64Array.from([0, t]), 1, Infinity);
      expect(ev.status).toBe('ok');
      expect(relErr(ev.J, J)).toBeLessThan(1e-12);
      expect(relErr(ev.expectedLength, -J)).toBeLessThan(1e-12);
      expect(relErr(ev.grad[1], dJ)).toBeLessThan(1e-12);
      expect(relErr(ev.grad[0], -dJ)).toBeLessThan(1e-12);
    },
  );

  // A one-row gridworld S . . G; up and down (probability exactly 0 here) would bump into the walls. With
  // p = π(right), 1 − p = π(left), the expected steps h_i from cell i solve h_0 = 1 + p h_1 + (1 − p) h_0,
  // h_1 = 1 + p h_2 + (1 − p) h_0, h_2 = 1 + (1 − p) h_1, so h_0 = 1/p + h_1, h_1 = 1/p² + h_2 and
  // h_2 = 1/p + (1 − p)/p³, i.e. E[T] = h_0 = 2/p + 1/p³. Rewards −0.01 per step and +1 for the goal:
  // J = 1 − 0.01 (h_0 − 1), and with dp/dθ_right = p(1 − p), Σ_cells ∂J/∂θ[cell, right] = 0.01 (1 − p)(2/p + 3/p³).
  const row = make('gridworld', { map: 'S..G', timeLimit: Infinity }).model;
  const rowCase = (gap: number) => {
    const p = Math.exp(-gap) / (1 + Math.exp(-gap));
    const theta = gridTheta(row, [-1000, -gap, -1000, 0]);
    return { p, theta, T: 2 / p + 1 / p ** 3, J: 1.01 - 0.01 * (2 / p + 1 / p ** 3) };
  };

  it.each([8, 15, 40, 100])('S..G, π(right) = e^−%s: J and E[T] = 2/p + 1/p³ to 1e−12', (gap) => {
    const { theta, T, J } = rowCase(gap);
    const e = new TabularEvaluator(row).evaluate(theta, 1, Infinity);
    expect(e.status).toBe('ok');
    expect(relErr(e.expectedLength, T)).toBeLessThan(1e-12);
    expect(relErr(e.J, J)).toBeLessThan(1e-12);
  });

  it('S..G, π(right) = e^−8: Σ ∂J/∂θ[·, right] = 0.01 (1 − p)(2/p + 3/p³), and up/down get exactly 0', () => {
    const { p, theta } = rowCase(8);
    const { grad, status } = exactPolicyGradient(row, theta, 1, Infinity);
    expect(status).toBe('ok');
    let right = 0;
    let left = 0;
    for (let s = 0; s < row.nStates; s++) {
      right += grad[4 * s + 1];
      left += grad[4 * s + 3];
      expect(grad[4 * s]).toBe(0);
      expect(grad[4 * s + 2]).toBe(0);
    }
    const ref = 0.01 * (1 - p) * (2 / p + 3 / p ** 3);
    expect(relErr(right, ref)).toBeLessThan(1e-9);
    expect(relErr(left, -ref)).toBeLessThan(1e-9);
  });

  it.each([10, 20, 30, 40])(
    '3×3 gridworld, every cell pushes up with logit %s: J and E[T] equal an exact rational solve',
    (k) => {
      const m = make('gridworld', { map: 'S../.../..G', timeLimit: Infinity }).model;
      const e = new TabularEvaluator(m).evaluate(gridTheta(m, [k, 0, 0, 0]), 1, Infinity);
      const ref = exactRational(m, e.probs, m.start.indexOf(1));
      expect(e.status).toBe('ok');
      expect(ref.T).toBeGreaterThan(Math.exp(1.5 * k));
      expect(relErr(e.expectedLength, ref.T)).toBeLessThan(1e-12);
      expect(relErr(e.J, ref.J)).toBeLessThan(1e-12);
      // every episode ends at the goal: G = 1 − 0.01 (T − 1)
      expect(relErr(e.J, 1.01 - 0.01 * e.expectedLength)).toBeLessThan(1e-12);
    },
  );
});

describe('γ = 1, H = ∞, a policy that can loop forever (improper): ±∞ or NaN, and status "improper"', () => {
  it('a gridworld policy that always pushes into a wall: J = −∞ with step costs, +∞ with step rewards', () => {
    for (const [stepReward, sign] of [
      [-0.01, -1],
      [0.5, 1],
    ]) {
      const m = make('gridworld', { map: 'S../.../..G', stepReward, timeLimit: Infinity }).model;
      const e = new TabularEvaluator(m).evaluate(gridTheta(m, [1000, 0, 0, 0]), 1, Infinity);
      expect(e.status).toBe('improper');
      expect(e.J).toBe(sign * Infinity);
      expect(e.expectedLength).toBe(Infinity);
      for (let s = 0; s < 8; s++) expect(e.v[s]).toBe(sign * Infinity); // every floor cell (8 is the goal)
      expect(Array.from(e.eta).every(Number.isNaN)).toBe(true);
      expect(Array.from(e.grad).every(Number.isNaN)).toBe(true);
    }
  });

  it('the short corridor with π(right) = 0: J = −∞ (−1 per step), status "improper"', () => {
    const m = make('short-corridor', { timeLimit: Infinity }).model;
    const e = new TabularEvaluator(m).evaluate(Float64Array.from([0, -1000]), 1, Infinity);
    expect(e.status).toBe('improper');
    expect(e.J).toBe(-Infinity);
    expect(e.expectedLength).toBe(Infinity);
  });

  /**
   * States 0 (start), 1 (loop A), 2 (loop B), two actions each. From the start, action 0 enters loop A and
   * action 1 enters loop B (or, with `startEnds`, ends the episode with reward 5). Loop A stays put paying
   * rA[0] or rA[1] (by action), loop B stays put paying rB.
   */
  function twoLoops(rA: [number, number], rB: number, startEnds = false): TabularModel {
    // outcomes of (s, a) in order (0,0), (0,1), (1,0), (1,1), (2,0), (2,1): [p, next, reward, terminal]
    const out = [
      [[1, 1, 0, 0]],
      [startEnds ? [1, 0, 5, 1] : [1, 2, 0, 0]],
      [[1, 1, rA[0], 0]],
      [[1, 1, rA[1], 0]],
      [[1, 2, rB, 0]],
      [[1, 2, rB, 0]],
    ];
    const flat = out.flat();
    const offsets = new Int32Array(out.length + 1);
    out.forEach((o, i) => (offsets[i + 1] = offsets[i] + o.length));
    return {
      nStates: 3,
      nActions: 2,
      obsOf: Int32Array.from([0, 1, 2]),
      nObs: 3,
      start: Float64Array.from([1, 0, 0]),
      offsets,
      next: Int32Array.from(flat, (o) => o[1]),
      prob: Float64Array.from(flat, (o) => o[0]),
      reward: Float64Array.from(flat, (o) => o[2]),
      terminal: Uint8Array.from(flat, (o) => o[3]),
    };
  }

  it('v is −∞/+∞ where every reachable loop has a negative/positive mean reward, NaN otherwise', () => {
    const theta = new Float64Array(6); // uniform
    // A pays −1 or −3 (mean −2), B pays +1: from the start both are reachable, so J = −∞ + ∞ = NaN.
    const both = new TabularEvaluator(twoLoops([-1, -3], 1)).evaluate(theta, 1, Infinity);
    expect(both.status).toBe('improper');
    expect([both.v[1], both.v[2]]).toEqual([-Infinity, Infinity]);
    expect(Number.isNaN(both.J)).toBe(true);
    // A pays +1 or −1 (mean 0): the return never settles, its expectation does not exist.
    const zero = new TabularEvaluator(twoLoops([1, -1], -1)).evaluate(theta, 1, Infinity);
    expect(Number.isNaN(zero.v[1])).toBe(true);
    expect(zero.v[2]).toBe(-Infinity);
    expect(Number.isNaN(zero.J)).toBe(true);
    // Only loop A reachable (the start's other action ends the episode): J = −∞ (it is reached w.p. 1/2).
    const one = new TabularEvaluator(twoLoops([-1, -3], 1, true)).evaluate(theta, 1, Infinity);
    expect(one.J).toBe(-Infinity);
    expect(one.status).toBe('improper');
  });

  it('γ < 1 or a finite horizon makes the same policies well defined again', () => {
    const m = make('gridworld', { map: 'S../.../..G', timeLimit: Infinity }).model;
    const theta = gridTheta(m, [1000, 0, 0, 0]);
    const discounted = new TabularEvaluator(m).evaluate(theta, 0.9, Infinity);
    expect(discounted.status).toBe('ok');
    expect(discounted.J).toBeCloseTo(-0.01 / (1 - 0.9), 12);
    expect(discounted.expectedLength).toBe(Infinity);
    const limited = new TabularEvaluator(m).evaluate(theta, 1, 50);
    expect(limited.status).toBe('ok');
    expect(limited.J).toBeCloseTo(-0.5, 12);
  });

  it('a probability too small for its inverse to be a double: status "non-finite", never "ok"', () => {
    const m = make('short-corridor', { timeLimit: Infinity }).model;
    const e = new TabularEvaluator(m).evaluate(Float64Array.from([0, -745]), 1, Infinity);
    expect(e.status).toBe('non-finite');
    expect(Number.isFinite(e.J) && e.grad.every(Number.isFinite)).toBe(false);
  });

  it('ordinary policies on the registered environments report "ok"', () => {
    for (const env of [
      make('gridworld', { map: 'cliff', slip: 0.2, timeLimit: Infinity }),
      make('short-corridor', { timeLimit: Infinity }),
    ]) {
      const m = env.model;
      const e = new TabularEvaluator(m).evaluate(new Float64Array(m.nObs * m.nActions), 1, Infinity);
      expect(e.status).toBe('ok');
      expect(Number.isFinite(e.J)).toBe(true);
    }
  });
});
