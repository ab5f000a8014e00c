// Policies: the score ∇_θ log π(a|s) that addScore adds equals central finite differences of log π computed
// here from θ (not through the policy), for the tabular softmax and the Gaussian policy (constant mean and a
// linear mean of a 4-vector, 2-D actions); action sampling follows π; initial probabilities and the log-std
// clamp behave as documented.
import { describe, expect, it } from 'vitest';
import { Rng, Stream } from '../../src/core/random';
import { Batch } from '../../src/algos/Batch';
import { GaussianPolicy, LOG_STD_MAX, LOG_STD_MIN } from '../../src/algos/policies/Gaussian';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { createRun } from '../../src/algos/run';
import { defaultConfig } from '../../src/algos/config';

/** log π(a|o) = θ[o,a] − log Σ_b exp θ[o,b], computed naively in long form. */
function logSoftmax(theta: Float64Array, nActions: number, o: number, a: number): number {
  let z = 0;
  for (let b = 0; b < nActions; b++) z += Math.exp(theta[o * nActions + b]);
  return theta[o * nActions + a] - Math.log(z);
}

/** log N(a; W s + b, diag exp(2 clamp(ℓ))) for θ = [W (actDim × obsDim), b, ℓ]. */
function logGaussian(
  theta: Float64Array,
  obsDim: number,
  actDim: number,
  s: ArrayLike<number>,
  a: ArrayLike<number>,
): number {
  let lp = 0;
  for (let i = 0; i < actDim; i++) {
    let mu = theta[actDim * obsDim + i];
    for (let j = 0; j < obsDim; j++) mu += theta[i * obsDim + j] * s[j];
    const l = Math.min(LOG_STD_MAX, Math.max(LOG_STD_MIN, theta[actDim * obsDim + actDim + i]));
    const sigma = Math.exp(l);
    lp += -0.5 * ((a[i] - mu) / sigma) ** 2 - l - 0.5 * Math.log(2 * Math.PI);
  }
  return lp;
}

/** Central differences of fn at θ, step h. */
function centralDiff(theta: Float64Array, fn: (t: Float64Array) => number, h = 1e-6): Float64Array {
  const g = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) {
    const tp = Float64Array.from(theta);
    const tm = Float64Array.from(theta);
    tp[i] += h;
    tm[i] -= h;
    g[i] = (fn(tp) - fn(tm)) / (2 * h);
  }
  return g;
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, label: string): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(Math.abs(a[i] - b[i]), `${label}[${i}]: ${a[i]} vs ${b[i]}`).toBeLessThan(
      tol * (1 + Math.abs(b[i])),
    );
}

describe('TabularSoftmax', () => {
  it('addScore = ∂ log π(a|o)/∂θ by central differences, on the sampled row only; scale multiplies', () => {
    const nObs = 3;
    const nA = 4;
    const policy = new TabularSoftmax(nObs, nA);
    const init = new Rng(1, Stream.init);
    for (let i = 0; i < policy.nParams; i++) policy.theta[i] = 2 * init.normal();
    const batch = new Batch(0, nA, 8);
    const rng = new Rng(2);
    for (let trial = 0; trial < 12; trial++) {
      const o = trial % nObs;
      const t = batch.push();
      const a = policy.act(o, rng, batch, t);
      expect(batch.obs[t]).toBe(o);
      expect(batch.action[t]).toBe(a);
      const g = new Float64Array(policy.nParams);
      policy.addScore(batch, t, 1, g);
      const fd = centralDiff(policy.theta, (th) => logSoftmax(th, nA, o, a));
      expectClose(g, fd, 1e-8, `o=${o} a=${a}`);
      for (let i = 0; i < policy.nParams; i++) if (Math.floor(i / nA) !== o) expect(g[i]).toBe(0);
      const g2 = new Float64Array(policy.nParams).fill(1);
      policy.addScore(batch, t, -2.5, g2);
      expectClose(
        g2,
        Array.from(g, (x) => 1 - 2.5 * x),
        1e-12,
        'scaled',
      );
      batch.clear();
    }
  });

  it('act() samples a ~ π(·|o): frequencies within 4 SE of probsInto', () => {
    const policy = new TabularSoftmax(2, 3);
    policy.theta.set([0.5, -1, 0.2, 2, 0, -3]);
    const p = policy.probsInto(1, new Float64Array(3));
    const batch = new Batch(0, 3, 1);
    const rng = new Rng(3);
    const n = 40000;
    const counts = [0, 0, 0];
    for (let r = 0; r < n; r++) {
      batch.clear();
      counts[policy.act(1, rng, batch, batch.push())]++;
    }
    for (let a = 0; a < 3; a++)
      expect(Math.abs(counts[a] / n - p[a])).toBeLessThan(4 * Math.sqrt((p[a] * (1 - p[a])) / n) + 1e-12);
  });

  it('initProbs: the short corridor’s [0.95, 0.05] gives π(right) = 0.05 in every row, also through createRun', () => {
    const policy = new TabularSoftmax(2, 2, { initProbs: [0.95, 0.05] });
    for (const o of [0, 1]) {
      const p = policy.probsInto(o, new Float64Array(2));
      expect(p[1]).toBeCloseTo(0.05, 14);
      expect(p[0]).toBeCloseTo(0.95, 14);
    }
    // Unnormalised initProbs are normalised.
    expect(new TabularSoftmax(1, 2, { initProbs: [3, 1] }).probsInto(0, new Float64Array(2))[1]).toBeCloseTo(
      0.25,
      14,
    );
    const run = createRun(defaultConfig('short-corridor'));
    expect(run.kind).toBe('tabular');
    if (run.kind !== 'tabular') return;
    expect(run.policy.probsInto(0, new Float64Array(2))[1]).toBeCloseTo(0.05, 14);
    // Training moves θ; reset() brings back π(right) = 0.05.
    for (let e = 0; e < 5; e++) run.trainer.runEpisode();
    expect(run.policy.probsInto(0, new Float64Array(2))[1]).not.toBeCloseTo(0.05, 6);
    run.trainer.reset();
    expect(run.policy.probsInto(0, new Float64Array(2))[1]).toBeCloseTo(0.05, 14);
  });

  it('rejects bad shapes and probabilities', () => {
    expect(() => new TabularSoftmax(1, 1)).toThrow();
    expect(() => new TabularSoftmax(1, 2, { initProbs: [1, 0] })).toThrow();
    expect(() => new TabularSoftmax(1, 3, { initProbs: [0.5, 0.5] })).toThrow();
  });
});

describe('GaussianPolicy', () => {
  for (const obsDim of [0, 4])
    it(`obsDim ${obsDim}, actDim 2: addScore = ∂ log π(a|s)/∂θ by central differences`, () => {
      const actDim = 2;
      const policy = new GaussianPolicy(obsDim, actDim);
      expect(policy.nParams).toBe(actDim * obsDim + 2 * actDim);
      const init = new Rng(4, Stream.init);
      for (let i = 0; i < policy.nParams; i++) policy.theta[i] = 0.6 * init.normal();
      const batch = new Batch(obsDim, actDim, 4);
      const rng = new Rng(5);
      for (let trial = 0; trial < 10; trial++) {
        const s = Float64Array.from({ length: obsDim }, () => rng.normal());
        const t = batch.push();
        const a = Float64Array.from(policy.act(s, rng, batch, t));
        // The action is μ(s) + σ ε with the ε stored in the batch.
        for (let i = 0; i < actDim; i++)
          expect(a[i]).toBeCloseTo(policy.mean(i, s) + policy.std(i) * batch.aux[t * actDim + i], 12);
        for (let j = 0; j < obsDim; j++) expect(batch.obsVec[t * obsDim + j]).toBe(s[j]);
        const g = new Float64Array(policy.nParams);
        policy.addScore(batch, t, 1, g);
        const fd = centralDiff(policy.theta, (th) => logGaussian(th, obsDim, actDim, s, a));
        expectClose(g, fd, 1e-6, `trial ${trial}`);
        batch.clear();
      }
    });

  it('samples a ~ N(μ, σ²): mean and variance within SE', () => {
    const policy = new GaussianPolicy(0, 1, { initMean: [1.5], initLogStd: Math.log(0.4) });
    const batch = new Batch(0, 1, 1);
    const rng = new Rng(6);
    const n = 40000;
    let s1 = 0;
    let s2 = 0;
    for (let r = 0; r < n; r++) {
      batch.clear();
      const a = policy.act(0, rng, batch, batch.push())[0];
      s1 += a;
      s2 += a * a;
    }
    const m = s1 / n;
    const v = s2 / n - m * m;
    expect(Math.abs(m - 1.5)).toBeLessThan(4 * Math.sqrt(0.16 / n));
    // SE of a normal sample variance: σ²√(2/n)
    expect(Math.abs(v - 0.16)).toBeLessThan(4 * 0.16 * Math.sqrt(2 / n));
  });

  it('log-std clamp: σ = exp(clamp(ℓ, −5, 2)); outside the range the ℓ-score is 0, matching FD of the clamped log π', () => {
    for (const [l, sigma, active] of [
      [-7, Math.exp(LOG_STD_MIN), 0],
      [3.5, Math.exp(LOG_STD_MAX), 0],
      [-1, Math.exp(-1), 1],
    ] as const) {
      const policy = new GaussianPolicy(0, 2);
      policy.theta.set([0.3, -0.2, l, 0]);
      expect(policy.std(0)).toBeCloseTo(sigma, 14);
      expect(policy.logStdActive(0)).toBe(active);
      const batch = new Batch(0, 2, 1);
      const a = Float64Array.from(policy.act(0, new Rng(7), batch, batch.push()));
      const g = new Float64Array(4);
      policy.addScore(batch, 0, 1, g);
      const fd = centralDiff(policy.theta, (th) => logGaussian(th, 0, 2, [], a));
      expectClose(g, fd, 1e-6, `ℓ = ${l}`);
      if (!active) expect(g[2]).toBe(0);
    }
    // The std cache follows θ edits.
    const p = new GaussianPolicy(0, 1);
    expect(p.std(0)).toBe(1);
    p.theta[1] = Math.log(3);
    expect(p.std(0)).toBeCloseTo(3, 14);
  });

  it('initMean / initLogStd set θ, resetParameters restores them, bad shapes throw', () => {
    const p = new GaussianPolicy(3, 2, { initMean: [1, -2], initLogStd: -0.5 });
    expect(Array.from(p.theta)).toEqual([0, 0, 0, 0, 0, 0, 1, -2, -0.5, -0.5]);
    expect([p.biasOffset, p.logStdOffset]).toEqual([6, 8]);
    p.theta.fill(9);
    p.resetParameters();
    expect(Array.from(p.theta)).toEqual([0, 0, 0, 0, 0, 0, 1, -2, -0.5, -0.5]);
    expect(() => new GaussianPolicy(0, 0)).toThrow();
  });
});
