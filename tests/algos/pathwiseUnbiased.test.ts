// Gaussian policies on the continuous bandit: the score-function trainer (every baseline) and the pathwise
// trainer are unbiased for ∇_{μ,ℓ} E[r(a)], a ~ N(μ, σ²), ℓ = log σ, against closed forms for polynomial
// rewards (cross-checked with gaussianGradientReport, whose σ-gradients are converted by ∂/∂ℓ = σ ∂/∂σ); their
// per-sample variances match the exact ones; on a step reward the pathwise gradient is exactly zero. On the
// point mass, backpropagation through time equals finite differences of the return with the noise held fixed,
// and agrees in mean with the score-function estimator.
import { describe, expect, it } from 'vitest';
import { ContinuousBandit, make, type PointMassOptions } from '../../envs/index';
import type { Env, Obs, ScalarFunction } from '../../src/core/env';
import { Rng, Stream } from '../../src/core/random';
import { gaussianGradientReport } from '../../src/algos/exact/gaussian';
import { baselineKinds, type BaselineKind } from '../../src/algos/baselines';
import { banditModel, PathwiseTrainer } from '../../src/algos/pathwise';
import { GaussianPolicy } from '../../src/algos/policies/Gaussian';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { EPISODE_END, type Trainer, type TrainerSettings } from '../../src/algos/trainer';

// ---------------------------------------------------------------------------------------------------------
// Statistics helpers (duplicated per file on purpose: test files import no other test files).

interface Moments {
  mean: number;
  se: number;
  variance: number;
  /** Asymptotic SE of the sample variance, √((m4 − m2²)/n). */
  varSe: number;
}

function moments(x: ArrayLike<number>): Moments {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  const variance = (m2 * n) / (n - 1);
  return { mean: m, se: Math.sqrt(variance / n), variance, varSe: Math.sqrt(Math.max(0, m4 - m2 * m2) / n) };
}

/** K estimates of a P-vector from a trainer at frozen θ, as P columns. */
function draw(trainer: Trainer, env: Env, rng: Rng, k: number): Float64Array[] {
  const p = trainer.theta.length;
  const before = Float64Array.from(trainer.theta);
  const cols = Array.from({ length: p }, () => new Float64Array(k));
  const row = new Float64Array(p);
  for (let r = 0; r < k; r++) {
    trainer.estimateGradientInto(row, env, rng);
    for (let i = 0; i < p; i++) cols[i][r] = row[i];
  }
  expect(Array.from(trainer.theta)).toEqual(Array.from(before));
  return cols;
}

function expectMeanNear(x: ArrayLike<number>, exact: number, label: string, z = 4): Moments {
  const m = moments(x);
  expect(Math.abs(m.mean - exact), `${label}: mean ${m.mean} vs exact ${exact}, SE ${m.se}`).toBeLessThan(
    z * m.se + 1e-12,
  );
  return m;
}

function expectVarianceNear(x: ArrayLike<number>, exact: number, label: string, power = 0.15): void {
  const m = moments(x);
  expect(
    Math.abs(m.variance - exact),
    `${label}: variance ${m.variance} vs exact ${exact}, SE ${m.varSe}`,
  ).toBeLessThan(4 * m.varSe);
  // Power: a relative error of `power` in the variance would be detected.
  expect(4 * m.varSe).toBeLessThan(power * exact);
}

// ---------------------------------------------------------------------------------------------------------
// Rewards and closed forms for a ~ N(μ, σ²).

interface Case {
  name: string;
  reward: ScalarFunction;
  mu: number;
  sigma: number;
  /** Closed-form ∂E[r]/∂μ and ∂E[r]/∂σ at (μ, σ). */
  grad: (mu: number, sigma: number) => { dMu: number; dSigma: number };
}

const quad = (k: number): ScalarFunction => ({
  f: (a) => -(a - k) * (a - k),
  df: (a) => -2 * (a - k),
  source: `-(a - ${k})^2`,
});
// E[−(a − 2)²] = −((μ − 2)² + σ²): ∂μ = −2(μ − 2), ∂σ = −2σ.
const quadGrad = (mu: number, sigma: number) => ({ dMu: -2 * (mu - 2), dSigma: -2 * sigma });
// r(a) = a³ − 2a: E = μ³ + 3μσ² − 2μ, ∂μ = 3μ² + 3σ² − 2, ∂σ = 6μσ.
const cubic: ScalarFunction = { f: (a) => a * a * a - 2 * a, df: (a) => 3 * a * a - 2, source: 'a^3 - 2*a' };
const cubicGrad = (mu: number, sigma: number) => ({
  dMu: 3 * mu * mu + 3 * sigma * sigma - 2,
  dSigma: 6 * mu * sigma,
});

const cases: Case[] = [
  { name: '−(a − 2)² at μ = 0, σ = 1', reward: quad(2), mu: 0, sigma: 1, grad: quadGrad },
  { name: '−(a − 2)² at μ = 1.5, σ = 0.6', reward: quad(2), mu: 1.5, sigma: 0.6, grad: quadGrad },
  { name: 'a³ − 2a at μ = 0.5, σ = 0.8', reward: cubic, mu: 0.5, sigma: 0.8, grad: cubicGrad },
];

/** Exact (∂μ, ∂ℓ) at the policy's current θ = [μ, ℓ], with ∂/∂ℓ = σ ∂/∂σ. */
function exactAt(c: Case, theta: Float64Array): [number, number] {
  const sigma = Math.exp(theta[1]);
  const g = c.grad(theta[0], sigma);
  return [g.dMu, sigma * g.dSigma];
}

function settings(kind: BaselineKind, batch: number, lr = 1e-6): TrainerSettings {
  return { lr, baselineLr: 0.1, gamma: 1, batch, baseline: kind, optimizer: 'sgd' };
}

function policyAt(mu: number, sigma: number): GaussianPolicy {
  return new GaussianPolicy(0, 1, { initMean: [mu], initLogStd: Math.log(sigma) });
}

function scoreTrainer(c: Case, kind: BaselineKind, batch: number): ReinforceTrainer<Obs, Float64Array> {
  const env = new ContinuousBandit({ reward: c.reward });
  return new ReinforceTrainer(env, policyAt(c.mu, c.sigma), settings(kind, batch), 3, 1);
}

function pathwiseTrainer(c: Case, batch: number, lr = 1e-6): PathwiseTrainer {
  const env = new ContinuousBandit({ reward: c.reward });
  return new PathwiseTrainer(
    env,
    banditModel(() => env.reward),
    policyAt(c.mu, c.sigma),
    settings('none', batch, lr),
    3,
  );
}

function trainEpisodes(trainer: Trainer, episodes: number): void {
  for (let e = 0; e < episodes; e++) while (!(trainer.step() & EPISODE_END));
}

// ---------------------------------------------------------------------------------------------------------

describe('the exact oracle: gaussianGradientReport equals the polynomial closed forms', () => {
  for (const c of cases)
    it(c.name, () => {
      const r = gaussianGradientReport(c.reward.f, c.reward.df, c.mu, c.sigma);
      const { dMu, dSigma } = c.grad(c.mu, c.sigma);
      expect(r.grad.mu).toBeCloseTo(dMu, 9);
      expect(r.grad.sigma).toBeCloseTo(dSigma, 9);
      expect(r.gradPathwise.mu).toBeCloseTo(dMu, 9);
      expect(r.gradPathwise.sigma).toBeCloseTo(dSigma, 9);
    });

  it('pathwise variances for −(a − k)²: Var ∂μ = 4σ², Var ∂ℓ = 4σ²((μ − k)² + 2σ²)', () => {
    const [mu, sigma, k] = [0.3, 0.7, 2];
    const r = gaussianGradientReport(quad(k).f, quad(k).df, mu, sigma);
    expect(r.estimators.pathwise.variance.mu).toBeCloseTo(4 * sigma ** 2, 9);
    // ĝ_ℓ = σ ĝ_σ sample by sample, so Var ĝ_ℓ = σ² Var ĝ_σ.
    expect(sigma ** 2 * r.estimators.pathwise.variance.sigma).toBeCloseTo(
      4 * sigma ** 2 * ((mu - k) ** 2 + 2 * sigma ** 2),
      9,
    );
  });
});

describe('score-function trainer on the continuous bandit: unbiased with every baseline', () => {
  for (const c of cases)
    for (const kind of baselineKinds)
      for (const n of [1, 4]) {
        it(`${c.name}, baseline ${kind}, N = ${n}`, () => {
          const trainer = scoreTrainer(c, kind, n);
          // Let the history-based baselines learn (lr = 1e-6 keeps θ near where it started).
          trainEpisodes(trainer, 40);
          expect(trainer.stats.updates).toBe(40 / n);
          expect(trainer.theta[0]).toBeCloseTo(c.mu, 2);
          const [eMu, eL] = exactAt(c, trainer.theta);
          const k = Math.round(24000 / n);
          const env = new ContinuousBandit({ reward: c.reward });
          const [gMu, gL] = draw(trainer, env, new Rng(17, Stream.diagnostics), k);
          expectMeanNear(gMu, eMu, 'μ');
          expectMeanNear(gL, eL, 'ℓ');
        });
      }
});

describe('pathwise trainer on the continuous bandit: unbiased (mean of ∂r/∂a and ∂r/∂a·σε)', () => {
  for (const c of cases)
    for (const n of [1, 4]) {
      it(`${c.name}, N = ${n}`, () => {
        const trainer = pathwiseTrainer(c, n);
        const [eMu, eL] = exactAt(c, trainer.theta);
        const k = Math.round(16000 / n);
        const env = new ContinuousBandit({ reward: c.reward });
        const [gMu, gL] = draw(trainer, env, new Rng(23, Stream.diagnostics), k);
        const mMu = expectMeanNear(gMu, eMu, 'μ');
        const mL = expectMeanNear(gL, eL, 'ℓ');
        // Power: both resolved to better than 10% of the gradient's size.
        expect(4 * Math.max(mMu.se, mL.se)).toBeLessThan(0.1 * Math.hypot(eMu, eL));
      });
    }
});

describe('per-sample variances match gaussianGradientReport (σ-units converted: Var ĝ_ℓ = σ² Var ĝ_σ)', () => {
  // f = (a − k)² (a cost, not a reward: only the sign convention of the env differs, variances do not).
  for (const k of [0, 2]) {
    const mu = 0.5;
    const sigma = 0.8;
    const c: Case = {
      name: `(a − ${k})²`,
      reward: { f: (a) => (a - k) ** 2, df: (a) => 2 * (a - k), source: `(a - ${k})^2` },
      mu,
      sigma,
      grad: (m, s) => ({ dMu: 2 * (m - k), dSigma: 2 * s }),
    };
    const r = gaussianGradientReport(c.reward.f, c.reward.df, mu, sigma);
    const s2 = sigma * sigma;

    it(`score, no baseline, f = ${c.name}`, () => {
      const [gMu, gL] = draw(
        scoreTrainer(c, 'none', 1),
        new ContinuousBandit({ reward: c.reward }),
        new Rng(5),
        150000,
      );
      // The score estimates are heavy-tailed (f·(ε² − 1) with f quadratic): 20% resolution at 150k draws.
      expectVarianceNear(gMu, r.estimators.score.variance.mu, 'μ', 0.2);
      expectVarianceNear(gL, s2 * r.estimators.score.variance.sigma, 'ℓ', 0.2);
    });

    it(`score, constant baseline b = E[f] (held fixed), f = ${c.name}`, () => {
      const trainer = scoreTrainer(c, 'average', 1);
      trainer.baselines.average = r.value;
      const [gMu, gL] = draw(trainer, new ContinuousBandit({ reward: c.reward }), new Rng(6), 150000);
      expectVarianceNear(gMu, r.estimators['score-mean'].variance.mu, 'μ', 0.2);
      expectVarianceNear(gL, s2 * r.estimators['score-mean'].variance.sigma, 'ℓ', 0.2);
    });

    it(`pathwise, f = ${c.name}`, () => {
      const [gMu, gL] = draw(
        pathwiseTrainer(c, 1),
        new ContinuousBandit({ reward: c.reward }),
        new Rng(7),
        20000,
      );
      expectVarianceNear(gMu, r.estimators.pathwise.variance.mu, 'μ');
      expectVarianceNear(gL, s2 * r.estimators.pathwise.variance.sigma, 'ℓ');
      // Theory: here pathwise beats the plain score function by a wide margin on both parameters.
      expect(r.estimators.pathwise.variance.mu).toBeLessThan(0.5 * r.estimators.score.variance.mu);
      expect(r.estimators.pathwise.variance.sigma).toBeLessThan(0.5 * r.estimators.score.variance.sigma);
    });
  }
});

describe('step reward r(a) = 1{a > 1} (df = 0)', () => {
  const step: ScalarFunction = { f: (a) => (a > 1 ? 1 : 0), df: () => 0, source: 'a > 1 ? 1 : 0' };
  const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  // P(a > 1) = Φ((μ − 1)/σ): ∂μ = φ(d)/σ, ∂σ = −φ(d)(μ − 1)/σ², d = (μ − 1)/σ.
  const c: Case = {
    name: 'step',
    reward: step,
    mu: 0,
    sigma: 1,
    grad: (m, s) => ({ dMu: phi((m - 1) / s) / s, dSigma: (-phi((m - 1) / s) * (m - 1)) / (s * s) }),
  };

  it('the pathwise gradient is exactly zero on every draw and θ never moves, while the score estimator’s mean gradient is nonzero and matches the exact one', () => {
    // Pathwise: every single estimate is exactly 0 (∂r/∂a = 0 everywhere the samples land) ...
    const pw = pathwiseTrainer(c, 2, 0.5);
    const env = new ContinuousBandit({ reward: step });
    const rng = new Rng(31, Stream.diagnostics);
    const row = new Float64Array(2);
    for (let r = 0; r < 500; r++) {
      pw.estimateGradientInto(row, env, rng);
      expect(row[0] === 0 && row[1] === 0, `draw ${r}: ${row[0]}, ${row[1]}`).toBe(true);
    }
    // ... so training never moves θ, with SGD or with Adam.
    const theta0 = Array.from(pw.theta);
    trainEpisodes(pw, 300);
    pw.settings.optimizer = 'adam';
    trainEpisodes(pw, 300);
    expect(pw.stats.updates).toBe(300);
    expect(Array.from(pw.theta)).toEqual(theta0);
    expect(pw.error).toBeNull();

    // Exact gradient at μ = 0, σ = 1: ∂μ = φ(1), ∂ℓ = σ ∂σ = φ(1); the quadrature oracle agrees, and its
    // pathwise identity E[r′] is 0: the pathwise estimator is unbiased for the wrong thing.
    const phi1 = phi(1);
    const rep = gaussianGradientReport(step.f, step.df, 0, 1, { breakpoints: [1] });
    expect(rep.grad.mu).toBeCloseTo(phi1, 9);
    expect(rep.grad.sigma).toBeCloseTo(phi1, 9);
    expect(rep.gradPathwise.mu).toBe(0);
    expect(exactAt(c, new Float64Array([0, 0]))[0]).toBeCloseTo(phi1, 12);
    // Score function: unbiased, and clearly nonzero.
    const sc = scoreTrainer(c, 'none', 1);
    const [gMu, gL] = draw(sc, env, new Rng(32, Stream.diagnostics), 40000);
    for (const [x, exact] of [
      [gMu, phi1],
      [gL, phi1],
    ] as const) {
      const m = expectMeanNear(x, exact, 'score');
      expect(Math.abs(m.mean)).toBeGreaterThan(6 * m.se);
    }
  });
});

describe('pathwise through time on the point mass', () => {
  it('a one-episode pathwise estimate equals central finite differences of the return with the noise fixed', () => {
    const gamma = 0.95;
    const env = make('point-mass', { horizon: 6, startSpread: 0 });
    const policy = new GaussianPolicy(4, 2);
    const init = new Rng(12, Stream.init);
    for (let i = 0; i < policy.nParams; i++) policy.theta[i] = 0.4 * init.normal();
    const trainer = new PathwiseTrainer(env, env.model, policy, { ...settings('none', 1), gamma }, 1);
    const g = new Float64Array(policy.nParams);
    trainer.estimateGradientInto(g, make('point-mass', { horizon: 6, startSpread: 0 }), new Rng(99));

    // The same episode by hand: a_t = W s_t + b + exp(ℓ) ε_t with the same ε (one normal per action coordinate).
    const model = env.model;
    const ret = (theta: Float64Array): number => {
      const rng = new Rng(99);
      const s = new Float64Array(4);
      const a = new Float64Array(2);
      let total = 0;
      for (let t = 0; t < model.horizon; t++) {
        for (let i = 0; i < 2; i++) {
          let m = theta[8 + i];
          for (let j = 0; j < 4; j++) m += theta[i * 4 + j] * s[j];
          a[i] = m + Math.exp(theta[10 + i]) * rng.normal();
        }
        total += gamma ** t * model.transition(s, a, s);
      }
      return total;
    };
    const h = 1e-5;
    for (let i = 0; i < policy.nParams; i++) {
      const tp = Float64Array.from(policy.theta);
      const tm = Float64Array.from(policy.theta);
      tp[i] += h;
      tm[i] -= h;
      const fd = (ret(tp) - ret(tm)) / (2 * h);
      expect(Math.abs(g[i] - fd), `θ[${i}]: pathwise ${g[i]} vs FD ${fd}`).toBeLessThan(
        1e-5 * (1 + Math.abs(fd)),
      );
    }
  });

  it('pathwise and score-function estimators agree in mean (both unbiased for the same ∇J)', () => {
    const gamma = 0.9;
    // A short episode near the goal keeps the score estimator's variance manageable.
    const opts: PointMassOptions = { horizon: 3, goal: [0.5, 0], startSpread: 1 };
    const theta = new Float64Array(12);
    const init = new Rng(13, Stream.init);
    for (let i = 0; i < 12; i++) theta[i] = 0.3 * init.normal();
    const mk = (score: boolean): Trainer => {
      const env = make('point-mass', opts);
      const policy = new GaussianPolicy(4, 2);
      policy.theta.set(theta);
      const s = { ...settings('none', 1), gamma };
      return score
        ? new ReinforceTrainer(env, policy, s, 1, 1)
        : new PathwiseTrainer(env, env.model, policy, s, 1);
    };
    const kP = 4000;
    const kS = 250000;
    const pw = draw(mk(false), make('point-mass', opts), new Rng(41), kP);
    const sc = draw(mk(true), make('point-mass', opts), new Rng(42), kS);
    let resolved = 0;
    for (let i = 0; i < 12; i++) {
      const a = moments(pw[i]);
      const b = moments(sc[i]);
      const se = Math.hypot(a.se, b.se);
      // 12 simultaneous checks: 4.2 SE keeps the family-wise false-alarm rate near 3e-4.
      expect(
        Math.abs(a.mean - b.mean),
        `θ[${i}]: pathwise ${a.mean} vs score ${b.mean}, SE ${se}`,
      ).toBeLessThan(4.2 * se);
      if (Math.abs(a.mean) > 6 * se) resolved++;
    }
    // Power: the largest components (∂/∂W₀₀, ∂/∂W₁₁, ∂/∂b₀) are resolved to better than 1/6.
    expect(resolved).toBeGreaterThanOrEqual(3);
  });
});
