import { describe, expect, it } from 'vitest';
import { make } from '../../envs/index';
import type { TabularEnv, TabularModel } from '../../src/core/env';
import { RunningStat, sampleCategorical, softmaxInto } from '../../src/core/math';
import { Rng } from '../../src/core/random';
import { TabularEvaluator, exactPolicyGradient, policyProbsInto } from '../../src/algos/exact/tabular';

/** One outcome: [probability, next state (−1 = terminal), reward]. */
type Outcome = [number, number, number];

/** Builds a TabularModel from spec[s][a] = outcomes. */
function buildModel(spec: Outcome[][][], start: number[], obsOf = spec.map((_, s) => s)): TabularModel {
  const nStates = spec.length;
  const nActions = spec[0].length;
  const flat = spec.flat();
  const offsets = new Int32Array(flat.length + 1);
  flat.forEach((o, i) => (offsets[i + 1] = offsets[i] + o.length));
  const outs = flat.flat();
  return {
    nStates,
    nActions,
    obsOf: Int32Array.from(obsOf),
    nObs: Math.max(...obsOf) + 1,
    start: Float64Array.from(start),
    offsets,
    next: Int32Array.from(outs, (o) => Math.max(o[1], 0)),
    prob: Float64Array.from(outs, (o) => o[0]),
    reward: Float64Array.from(outs, (o) => o[2]),
    terminal: Uint8Array.from(outs, (o) => (o[1] < 0 ? 1 : 0)),
  };
}

/** Random model: every (s, a) ends with probability ≥ endProb, else moves to one of two random states. */
function randomModel(seed: number, nStates: number, nActions: number, endProb: number, obsOf?: number[]) {
  const rng = new Rng(seed);
  const r = () => 2 * rng.uniform() - 1;
  const spec = Array.from({ length: nStates }, () =>
    Array.from({ length: nActions }, (): Outcome[] => {
      const e = endProb + 0.2 * rng.uniform();
      const u = (1 - e) * rng.uniform();
      return [
        [e, -1, r()],
        [u, rng.int(nStates), r()],
        [1 - e - u, rng.int(nStates), r()],
      ];
    }),
  );
  const start = Array.from({ length: nStates }, (_, s) => (s < 2 ? 0.5 : 0));
  return buildModel(spec, start, obsOf);
}

/** Two-state chain with stochastic transitions; state 1 can loop on itself. */
const chain = buildModel(
  [
    [[[1, 1, 1]], [[1, -1, 0.5]]],
    [
      [
        [0.7, 0, -1],
        [0.3, -1, 2],
      ],
      [
        [0.5, 1, 0.2],
        [0.5, -1, 0],
      ],
    ],
  ],
  [1, 0],
);

/**
 * Short corridor (S&B Example 13.1): actions 0 = left, 1 = right; state 1 swaps them; −1 per step; one
 * observation for all three states, so the policy is one probability p = π(right).
 */
const corridor = buildModel(
  [
    [[[1, 0, -1]], [[1, 1, -1]]],
    [[[1, 2, -1]], [[1, 0, -1]]],
    [[[1, 1, -1]], [[1, -1, -1]]],
  ],
  [1, 0, 0],
  [0, 0, 0],
);

/** Monte Carlo of the return, the episode length and discounted visit counts. */
function monteCarlo(model: TabularModel, theta: Float64Array, gamma: number, H: number, episodes: number) {
  const { nStates: n, nActions: nA } = model;
  const rng = new Rng(12345, 7);
  const probs = policyProbsInto(model, theta, new Float64Array(n * nA));
  const J = new RunningStat();
  const len = new RunningStat();
  const eta = Array.from({ length: n }, () => new RunningStat());
  const visits = new Float64Array(n);
  for (let e = 0; e < episodes; e++) {
    visits.fill(0);
    let s = sampleCategorical(model.start, 0, n, rng.uniform());
    let G = 0;
    let t = 0;
    for (let w = 1; t < H; t++, w *= gamma) {
      visits[s] += w;
      const sa = s * nA + sampleCategorical(probs, s * nA, nA, rng.uniform());
      const o = model.offsets[sa];
      const k = o + sampleCategorical(model.prob, o, model.offsets[sa + 1] - o, rng.uniform());
      G += w * model.reward[k];
      if (model.terminal[k]) break;
      s = model.next[k];
    }
    J.push(G);
    len.push(Math.min(t + 1, H));
    for (let i = 0; i < n; i++) eta[i].push(visits[i]);
  }
  return { J, len, eta };
}

/** Central finite differences of J. */
function fdGradient(model: TabularModel, theta: Float64Array, gamma: number, H: number, h = 1e-5) {
  const ev = new TabularEvaluator(model);
  const th = theta.slice();
  return theta.map((_, i) => {
    th[i] = theta[i] + h;
    const up = ev.evaluate(th, gamma, H).J;
    th[i] = theta[i] - h;
    const down = ev.evaluate(th, gamma, H).J;
    th[i] = theta[i];
    return (up - down) / (2 * h);
  });
}

function randomTheta(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
}

const maxAbs = (x: ArrayLike<number>) => Math.max(...Array.from(x, Math.abs));

const models: [string, TabularModel][] = [
  ['2-state chain', chain],
  ['random stochastic', randomModel(1, 5, 3, 0.1)],
  ['aliased observations', randomModel(2, 5, 3, 0.1, [0, 1, 0, 1, 2])],
  ['short corridor', corridor],
];
const settings: [number, number][] = [
  [0.9, Infinity],
  [1, Infinity],
  [0, Infinity],
  [0.95, 6],
  [1, 4],
];

describe('policyProbsInto', () => {
  it('matches a naive softmax of the observation row, shared by aliased states', () => {
    const m = models[2][1];
    const theta = randomTheta(m.nObs * m.nActions, 3);
    const p = policyProbsInto(m, theta, new Float64Array(m.nStates * m.nActions));
    for (let s = 0; s < m.nStates; s++) {
      const row = Array.from({ length: m.nActions }, (_, a) => Math.exp(theta[m.obsOf[s] * m.nActions + a]));
      const z = row.reduce((x, y) => x + y);
      for (let a = 0; a < m.nActions; a++) expect(p[s * m.nActions + a]).toBeCloseTo(row[a] / z, 14);
    }
    expect(p.subarray(0, 3)).toEqual(p.subarray(6, 9));
  });
});

describe.each(models)('TabularEvaluator on the %s', (_, model) => {
  const theta = randomTheta(model.nObs * model.nActions, 11);

  it.each(settings)('γ = %s, H = %s: J, E[T] and η agree with Monte Carlo within 4 SE', (gamma, H) => {
    const ev = new TabularEvaluator(model).evaluate(theta, gamma, H);
    const mc = monteCarlo(model, theta, gamma, H, 20000);
    expect(Math.abs(ev.J - mc.J.mean)).toBeLessThan(4 * mc.J.standardError + 1e-12);
    expect(Math.abs(ev.expectedLength - mc.len.mean)).toBeLessThan(4 * mc.len.standardError + 1e-12);
    for (let s = 0; s < model.nStates; s++)
      expect(Math.abs(ev.eta[s] - mc.eta[s].mean)).toBeLessThan(4 * mc.eta[s].standardError + 1e-12);
  });

  it.each(settings)('γ = %s, H = %s: ∇J matches central finite differences', (gamma, H) => {
    for (const seed of [11, 12, 13]) {
      const th = randomTheta(theta.length, seed);
      const { grad } = exactPolicyGradient(model, th, gamma, H);
      const fd = fdGradient(model, th, gamma, H);
      const err = maxAbs(grad.map((g, i) => g - fd[i]));
      expect(err).toBeLessThan(1e-6 * Math.max(1, maxAbs(grad)));
      if (gamma > 0) expect(maxAbs(grad)).toBeGreaterThan(1e-4);
    }
  });
});

describe('TabularEvaluator: consistency checks', () => {
  const wide = randomModel(5, 60, 4, 0.02);

  it.each([0.97, 1])('solves the Bellman equations at full bandwidth (γ = %s)', (gamma) => {
    const { nStates: n, nActions: nA, offsets, next, prob, reward, terminal, start } = wide;
    const ev = new TabularEvaluator(wide).evaluate(randomTheta(n * nA, 4), gamma, Infinity);
    expect(ev.kl + ev.ku).toBeGreaterThan(n);
    const bv = Float64Array.from(start);
    for (let s = 0; s < n; s++) {
      let vs = 0;
      let ls = 1;
      for (let a = 0; a < nA; a++) {
        const sa = s * nA + a;
        let qsa = 0;
        for (let k = offsets[sa]; k < offsets[sa + 1]; k++) {
          const cont = terminal[k] ? 0 : 1;
          qsa += prob[k] * (reward[k] + gamma * cont * ev.v[next[k]]);
          ls += ev.probs[sa] * prob[k] * cont * ev.steps[next[k]];
          bv[next[k]] += cont * gamma * ev.eta[s] * ev.probs[sa] * prob[k];
        }
        expect(Math.abs(ev.q[sa] - qsa)).toBeLessThan(1e-10);
        vs += ev.probs[sa] * qsa;
      }
      expect(Math.abs(ev.v[s] - vs)).toBeLessThan(1e-10);
      expect(Math.abs(ev.steps[s] - ls)).toBeLessThan(1e-9 * ls);
    }
    for (let s = 0; s < n; s++) expect(Math.abs(bv[s] - ev.eta[s])).toBeLessThan(1e-10);
  });

  it.each([0.95, 1])('a long finite horizon converges to the infinite one (γ = %s)', (gamma) => {
    const m = models[2][1];
    const theta = randomTheta(m.nObs * m.nActions, 8);
    const inf = new TabularEvaluator(m).evaluate(theta, gamma, Infinity);
    const fin = new TabularEvaluator(m).evaluate(theta, gamma, 600);
    expect(Math.abs(fin.J - inf.J)).toBeLessThan(1e-9);
    expect(maxAbs(fin.grad.map((g, i) => g - inf.grad[i]))).toBeLessThan(1e-9);
    expect(maxAbs(fin.eta.map((e, i) => e - inf.eta[i]))).toBeLessThan(1e-9);
    expect(Math.abs(fin.expectedLength - inf.expectedLength)).toBeLessThan(1e-9);
    expect(maxAbs(fin.q.map((x, i) => x - inf.q[i]))).toBeLessThan(1e-9);
  });

  it.each([1, 2, 7])('finite-H values obey q_H(s,a) = r̄(s,a) + γ Σ p v_{H−1}(next) (H = %s)', (H) => {
    const m = models[1][1];
    const { nStates: n, nActions: nA, offsets, next, prob, reward, terminal } = m;
    const theta = randomTheta(m.nObs * nA, 10);
    const prev = new TabularEvaluator(m).evaluate(theta, 0.8, H - 1);
    const ev = new TabularEvaluator(m).evaluate(theta, 0.8, H);
    for (let sa = 0; sa < n * nA; sa++) {
      let x = 0;
      for (let k = offsets[sa]; k < offsets[sa + 1]; k++)
        x += prob[k] * (reward[k] + (terminal[k] ? 0 : 0.8 * prev.v[next[k]]));
      expect(ev.q[sa]).toBeCloseTo(x, 13);
    }
  });

  it('reusing one evaluator across θ, γ and H gives the same results as fresh ones', () => {
    const m = models[1][1];
    const ev = new TabularEvaluator(m);
    const cases: [number, number, number][] = [
      [1, 0.9, 30],
      [2, 1, 7],
      [3, 0.5, Infinity],
      [4, 1, 12],
      [5, 0.99, 3],
    ];
    for (const [seed, gamma, H] of cases) {
      const theta = randomTheta(m.nObs * m.nActions, seed);
      const fresh = new TabularEvaluator(m).evaluate(theta, gamma, H);
      ev.evaluate(theta, gamma, H);
      expect(ev.J).toBe(fresh.J);
      expect(ev.grad).toEqual(fresh.grad);
      expect(ev.eta).toEqual(fresh.eta);
      expect(ev.steps).toEqual(fresh.steps);
    }
  });

  it('H = 0 gives zero return and zero gradient; H = 1 gives the expected first reward', () => {
    const theta = randomTheta(4, 9);
    const ev = new TabularEvaluator(chain);
    expect(ev.evaluate(theta, 0.9, 0).J).toBe(0);
    expect(maxAbs(ev.grad)).toBe(0);
    const p = policyProbsInto(chain, theta, new Float64Array(4));
    expect(ev.evaluate(theta, 0.9, 1).J).toBeCloseTo(p[0] * 1 + p[1] * 0.5, 14);
  });

  it('γ = 1 with a never-ending loop: NaN only when the start can reach it', () => {
    // State 2 loops forever; state 1 slips into it with probability 0.1 under action 0.
    const spec: Outcome[][][] = [
      [[[1, 1, 1]], [[1, -1, 0]]],
      [
        [
          [0.9, -1, 1],
          [0.1, 2, 0],
        ],
        [[1, -1, 3]],
      ],
      [[[1, 2, 1]], [[1, 2, -1]]],
    ];
    const theta = new Float64Array(6);
    const trapped = new TabularEvaluator(buildModel(spec, [1, 0, 0])).evaluate(theta, 1, Infinity);
    expect(Number.isNaN(trapped.J)).toBe(true);
    expect(trapped.expectedLength).toBe(Infinity);
    expect(trapped.steps[2]).toBe(Infinity);
    expect(Array.from(trapped.eta).every(Number.isNaN)).toBe(true);
    expect(Array.from(trapped.grad).every(Number.isNaN)).toBe(true);
    // Without the slip, the loop is unreachable: everything is finite and exact.
    spec[1][0] = [[1, -1, 1]];
    const m = buildModel(spec, [1, 0, 0]);
    const ev = new TabularEvaluator(m).evaluate(theta, 1, Infinity);
    expect(ev.J).toBeCloseTo(0.5 * (1 + 0.5 * 1 + 0.5 * 3) + 0.5 * 0, 12);
    expect(ev.expectedLength).toBeCloseTo(1.5, 12);
    expect(Number.isNaN(ev.v[2])).toBe(true);
    const fd = fdGradient(m, theta, 1, Infinity);
    expect(maxAbs(ev.grad.map((g, i) => g - fd[i]))).toBeLessThan(1e-8);
    // γ < 1 and finite horizons are well defined even with the slip.
    spec[1][0] = [
      [0.9, -1, 1],
      [0.1, 2, 0],
    ];
    const slip = buildModel(spec, [1, 0, 0]);
    // An action whose probability underflows to exactly 0 cannot lead into the loop.
    const blocked = new TabularEvaluator(slip).evaluate(
      Float64Array.from([0, 0, -1000, 0, 0, 0]),
      1,
      Infinity,
    );
    expect(blocked.J).toBeCloseTo(0.5 * (1 + 3) + 0, 12);
    expect(blocked.grad[2]).toBe(0);
    expect(Number.isFinite(blocked.grad[3])).toBe(true);
    for (const [g, H] of [
      [0.9, Infinity],
      [1, 20],
    ]) {
      const e = new TabularEvaluator(slip).evaluate(theta, g, H);
      expect(Number.isFinite(e.J)).toBe(true);
      const fd2 = fdGradient(slip, theta, g, H);
      expect(maxAbs(e.grad.map((x, i) => x - fd2[i]))).toBeLessThan(1e-8);
    }
  });
});

describe('short corridor (S&B Example 13.1)', () => {
  // With p = π(right) and γ = 1, the Bellman equations of the three states are
  //   v0 = −1 + p v1 + (1 − p) v0,   v1 = −1 + p v0 + (1 − p) v2,   v2 = −1 + (1 − p) v1 + p · 0.
  // The first gives v0 = v1 − 1/p, the third v2 = −1 + (1 − p) v1; substituting into the second,
  //   v1 (1 − p − (1 − p)²) = −3 + p,  and 1 − p − (1 − p)² = p (1 − p),  so v1 = (p − 3) / (p (1 − p)),
  //   J(p) = v0 = (2p − 4) / (p (1 − p)).
  // J′(p) = [2p(1 − p) − (2p − 4)(1 − 2p)] / (p(1 − p))² = 2(p² − 4p + 2) / (p(1 − p))², zero at p* = 2 − √2:
  //   J(p*) = −2√2 / ((2 − √2)(√2 − 1)) = −2√2 / (3√2 − 4) = −(6 + 4√2) ≈ −11.657.
  // In θ = [0, logit p]: dp/dθ₁ = p(1 − p) = −dp/dθ₀, so ∂J/∂θ₁ = −∂J/∂θ₀ = 2(p² − 4p + 2) / (p (1 − p)).
  const J = (p: number) => (2 * p - 4) / (p * (1 - p));
  const dJdTheta1 = (p: number) => (2 * (p * p - 4 * p + 2)) / (p * (1 - p));
  const thetaOf = (p: number) => Float64Array.from([0, Math.log(p / (1 - p))]);
  const ev = new TabularEvaluator(corridor);

  it.each([0.05, 0.3, 0.5, 0.8, 0.95])('J(p) and ∂J/∂θ match the closed forms at p = %s', (p) => {
    ev.evaluate(thetaOf(p), 1, Infinity);
    expect(ev.J).toBeCloseTo(J(p), 10);
    expect(ev.grad[1]).toBeCloseTo(dJdTheta1(p), 9);
    expect(ev.grad[0]).toBeCloseTo(-dJdTheta1(p), 9);
  });

  it('the optimum is p* = 2 − √2 with J = −(6 + 4√2) and ∇J = 0', () => {
    const pStar = 2 - Math.SQRT2;
    ev.evaluate(thetaOf(pStar), 1, Infinity);
    expect(ev.J).toBeCloseTo(-11.657, 3);
    expect(ev.J).toBeCloseTo(-(6 + 4 * Math.SQRT2), 11);
    expect(maxAbs(ev.grad)).toBeLessThan(1e-10);
    for (const d of [-0.01, 0.01])
      expect(ev.evaluate(thetaOf(pStar + d), 1, Infinity).J).toBeLessThan(J(pStar));
  });
});

describe('TabularEvaluator on the registered environments (envs/index.ts)', () => {
  /** Discounted returns of rollouts of the real env (TimeLimit included), acting from softmax(θ[obs]). */
  function envReturns(env: TabularEnv, theta: Float64Array, gamma: number, episodes: number) {
    const nA = env.model.nActions;
    const rng = new Rng(99, 3);
    const p = new Float64Array(nA);
    const J = new RunningStat();
    env.reset(5);
    for (let e = 0; e < episodes; e++) {
      let obs = env.reset();
      let G = 0;
      for (let w = 1; ; w *= gamma) {
        const r = env.step(sampleCategorical(softmaxInto(p, theta, obs * nA, nA, 0), 0, nA, rng.uniform()));
        G += w * r.reward;
        obs = r.obs;
        if (r.terminated || r.truncated) break;
      }
      J.push(G);
    }
    return J;
  }

  it('open 5×5 gridworld, slip 0.1, γ = 0.99, H = 100: ∇J matches finite differences, J matches rollouts', () => {
    const env = make('gridworld', { map: 'open5x5', slip: 0.1, timeLimit: 100 });
    const m = env.model;
    const theta = randomTheta(m.nObs * m.nActions, 21);
    const ev = new TabularEvaluator(m).evaluate(theta, 0.99, env.timeLimit);
    const fd = fdGradient(m, theta, 0.99, env.timeLimit);
    expect(maxAbs(ev.grad.map((g, i) => g - fd[i]))).toBeLessThan(1e-6 * Math.max(1, maxAbs(ev.grad)));
    expect(maxAbs(ev.grad)).toBeGreaterThan(1e-3);
    const mc = envReturns(env, theta, 0.99, 4000);
    expect(Math.abs(ev.J - mc.mean)).toBeLessThan(4 * mc.standardError);
  });

  it.each(['cliff', 'fourRooms', 'bridge'])(
    '%s, slip 0.2: ∇J matches finite differences (γ = 1, H = ∞)',
    (map) => {
      const m = make('gridworld', { map, slip: 0.2 }).model;
      const theta = randomTheta(m.nObs * m.nActions, 22);
      const ev = new TabularEvaluator(m).evaluate(theta, 1, Infinity);
      expect(Number.isFinite(ev.J)).toBe(true);
      const fd = fdGradient(m, theta, 1, Infinity);
      expect(maxAbs(ev.grad.map((g, i) => g - fd[i]))).toBeLessThan(1e-6 * Math.max(1, maxAbs(ev.grad)));
    },
  );

  it("make('short-corridor') gives J(p) = (2p − 4)/(p(1 − p)), its rollouts agree, and ∇J = 0 at p*", () => {
    const env = make('short-corridor', { timeLimit: Infinity });
    const ev = new TabularEvaluator(env.model);
    const p = 0.4;
    ev.evaluate(Float64Array.from([0, Math.log(p / (1 - p))]), 1, Infinity);
    expect(ev.J).toBeCloseTo((2 * p - 4) / (p * (1 - p)), 10);
    const mc = envReturns(env, Float64Array.from([0, Math.log(p / (1 - p))]), 1, 4000);
    expect(Math.abs(ev.J - mc.mean)).toBeLessThan(4 * mc.standardError);
    const pStar = 2 - Math.SQRT2;
    ev.evaluate(Float64Array.from([0, Math.log(pStar / (1 - pStar))]), 1, Infinity);
    expect(maxAbs(ev.grad)).toBeLessThan(1e-10);
  });
});

describe('TabularEvaluator: input checks', () => {
  it('rejects malformed models and arguments with a message', () => {
    expect(() => new TabularEvaluator(buildModel([[[[0.5, 0, 1]], [[1, -1, 0]]]], [1]))).toThrow(
      /sum to 0.5/,
    );
    expect(() => new TabularEvaluator(buildModel([[[[1, 3, 1]], [[1, -1, 0]]]], [1]))).toThrow(/state 3/);
    const ev = new TabularEvaluator(chain);
    expect(() => ev.evaluate(new Float64Array(3), 0.9, 10)).toThrow(/length 3/);
    expect(() => ev.evaluate(new Float64Array(4), 1.1, 10)).toThrow(RangeError);
    expect(() => ev.evaluate(new Float64Array(4), 0.9, 2.5)).toThrow(RangeError);
  });
});
