import { describe, expect, it } from 'vitest';
import type { TabularModel } from '../../src/core/env';
import { ShortCorridor } from '../../envs/corridor/ShortCorridor';
import { make } from '../../envs/index';
import { Rng, Stream } from '../../src/core/random';

const LEFT = 0;
const RIGHT = 1;

/** Solves A x = b by Gaussian elimination with partial pivoting (small dense systems). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/** v_π of the start state from the model, for π(right | obs 0) = p: solves (I − P_π) v = r_π. */
function startValue(m: TabularModel, p: number): number {
  const n = m.nStates;
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const b = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let a = 0; a < m.nActions; a++) {
      const pa = a === RIGHT ? p : 1 - p;
      for (let k = m.offsets[s * m.nActions + a]; k < m.offsets[s * m.nActions + a + 1]; k++) {
        b[s] += pa * m.prob[k] * m.reward[k];
        if (!m.terminal[k]) A[s][m.next[k]] -= pa * m.prob[k];
      }
    }
  }
  const v = solve(A, b);
  return m.start.reduce((acc, w, s) => acc + w * v[s], 0);
}

const J = (p: number): number => (2 * p - 4) / (p * (1 - p));

describe('ShortCorridor', () => {
  it('moves right in cells 0 and 2, switched in cell 1, left in cell 0 stays; −1 per step; obs always 0', () => {
    const env = new ShortCorridor();
    expect(env.reset()).toBe(0);
    let r = env.step(LEFT);
    expect([env.state, r.obs, r.reward, r.terminated]).toEqual([0, 0, -1, false]);
    r = env.step(RIGHT);
    expect([env.state, r.obs]).toEqual([1, 0]);
    env.step(RIGHT); // switched: right goes left
    expect(env.state).toBe(0);
    env.step(RIGHT);
    r = env.step(LEFT); // switched: left goes right
    expect([env.state, r.terminated]).toEqual([2, false]);
    env.step(LEFT);
    expect(env.state).toBe(1);
    env.step(LEFT);
    r = env.step(RIGHT);
    expect([env.state, r.reward, r.terminated, r.truncated]).toEqual([3, -1, true, false]);
    expect(() => env.step(RIGHT)).toThrow(/reset/);
  });

  it('model: 3 states, 1 observation, start in cell 0', () => {
    const m = new ShortCorridor().model;
    expect([m.nStates, m.nActions, m.nObs]).toEqual([3, 2, 1]);
    expect(Array.from(m.obsOf)).toEqual([0, 0, 0]);
    expect(Array.from(m.start)).toEqual([1, 0, 0]);
  });

  it('the value from the model equals the closed form J(p) = (2p − 4) / (p(1 − p))', () => {
    const m = new ShortCorridor().model;
    for (const p of [0.05, 0.2, 0.5, 2 - Math.SQRT2, 0.8, 0.97]) {
      expect(startValue(m, p)).toBeCloseTo(J(p), 9);
    }
  });

  it('the best stochastic policy is p* = 2 − √2 ≈ 0.5858 with value −(6 + 4√2) ≈ −11.657', () => {
    const m = new ShortCorridor().model;
    // Golden-section search on the model's value (unimodal on (0, 1)), independent of the closed form.
    const phi = (Math.sqrt(5) - 1) / 2;
    let [lo, hi] = [0.01, 0.99];
    for (let i = 0; i < 100; i++) {
      const x1 = hi - phi * (hi - lo);
      const x2 = lo + phi * (hi - lo);
      if (startValue(m, x1) < startValue(m, x2)) lo = x1;
      else hi = x2;
    }
    const pStar = (lo + hi) / 2;
    expect(pStar).toBeCloseTo(2 - Math.SQRT2, 6);
    expect(pStar).toBeCloseTo(0.5858, 4);
    expect(startValue(m, pStar)).toBeCloseTo(-(6 + 4 * Math.SQRT2), 9);
    expect(startValue(m, pStar)).toBeCloseTo(-11.657, 3);
    // Deterministic policies never reach the goal: the value diverges as p → 0 or 1.
    expect(startValue(m, 1e-6)).toBeLessThan(-1e6);
    expect(startValue(m, 1 - 1e-6)).toBeLessThan(-1e6);
  });

  it('Monte Carlo returns of the env match J(p) within 4 standard errors', () => {
    for (const p of [0.5, 2 - Math.SQRT2]) {
      const env = make('short-corridor');
      const rng = new Rng(12345, Stream.agent);
      const returns: number[] = [];
      let truncations = 0;
      env.reset(0);
      for (let ep = 0; ep < 20000; ep++) {
        env.reset();
        let g = 0;
        for (;;) {
          const r = env.step(rng.uniform() < p ? RIGHT : LEFT);
          g += r.reward;
          truncations += r.truncated ? 1 : 0;
          if (r.terminated || r.truncated) break;
        }
        returns.push(g);
      }
      expect(truncations).toBe(0);
      const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
      const sd = Math.sqrt(returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1));
      expect(Math.abs(mean - J(p))).toBeLessThan((4 * sd) / Math.sqrt(returns.length));
    }
  });

  it('make() wraps it in a 1000-step time limit and exposes the true state via unwrapped', () => {
    const env = make('short-corridor', { timeLimit: 3 });
    expect(env.timeLimit).toBe(3);
    expect(make('short-corridor').timeLimit).toBe(1000);
    env.reset();
    env.step(LEFT);
    env.step(LEFT);
    const r = env.step(LEFT);
    expect([r.terminated, r.truncated, env.unwrapped.state]).toEqual([false, true, 0]);
  });
});
