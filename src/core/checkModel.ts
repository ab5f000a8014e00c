/**
 * Model checks for checkEnv (checkEnv.ts), after Gymnasium's `gymnasium.utils.env_checker.check_env`.
 * Tabular models: well-formed (probabilities ≥ 0 summing to 1, next states in range, start distribution summing
 * to 1, sizes matching the spaces), and the env's empirical starts, transitions and rewards under seeded random
 * actions agree with the model within five standard errors. Differentiable models: `step` agrees with
 * `model.transition`, episodes last `model.horizon` steps, and `model.backprop` matches central differences.
 */
import type { Env, Obs, Space, StepResult, TabularModel, DifferentiableModel } from './env';
import { Rng, Stream } from './random';

/** Records a problem; `key` names its kind, and the caller keeps only the first message of each kind. */
export type Report = (key: string, msg: string) => void;

/** Options of {@link modelProblems} (checkEnv's options extend them). */
export interface ModelCheckOptions<E extends Env = Env> {
  /** Steps of the empirical model check for tabular envs (default 4000; 0 skips it). */
  modelSteps?: number;
  /** Reads the true model state; needed for the empirical check when observations alias states (obsOf ≠ id). */
  stateOf?: (env: E) => number;
  /** Compare a differentiable model's backprop with finite differences (default true). */
  gradientCheck?: boolean;
}

/**
 * Checks `env.model` when it is a tabular or differentiable model (else does nothing). The empirical tabular
 * check runs only when the model is well-formed and the state is known (obsOf = id, or `stateOf` given).
 */
export function modelProblems<E extends Env>(
  env: E,
  seed: number,
  opts: ModelCheckOptions<E>,
  report: Report,
): void {
  const model = (env as { model?: unknown }).model;
  if (isTabularModel(model)) {
    let malformed = false;
    tabularModelProblems(model, env, (key, msg) => {
      malformed = true;
      report(key, msg);
    });
    const modelSteps = opts.modelSteps ?? 4000;
    const stateOf = opts.stateOf ?? (identityObs(model) ? null : undefined);
    if (!malformed && stateOf !== undefined && modelSteps > 0) {
      empiricalModelProblems(env, model, stateOf, modelSteps, seed, report);
    }
  } else if (isDifferentiableModel(model)) {
    differentiableProblems(env, model, seed, opts.gradientCheck ?? true, report);
  }
}

/**
 * Random action source: integers for Discrete, uniform in finite bounds (else normal, sd 2) for Box. A Box
 * sampler returns the same buffer each call (owned by the sampler, valid until the next call).
 */
export function actionSampler(space: Space, rng: Rng): () => number | Float64Array {
  if (space.kind === 'discrete') return () => rng.int(space.n);
  const buf = new Float64Array(space.dim);
  return () => {
    for (let i = 0; i < space.dim; i++) {
      const lo = space.low[i];
      const hi = space.high[i];
      const x =
        Number.isFinite(lo) && Number.isFinite(hi) ? lo + (hi - lo) * rng.uniform() : 2 * rng.normal();
      buf[i] = Math.min(hi, Math.max(lo, x));
    }
    return buf;
  };
}

function isTabularModel(m: unknown): m is TabularModel {
  return typeof m === 'object' && m !== null && 'offsets' in m && 'nStates' in m;
}

function isDifferentiableModel(m: unknown): m is DifferentiableModel {
  return typeof m === 'object' && m !== null && 'transition' in m && 'backprop' in m;
}

function identityObs(m: TabularModel): boolean {
  if (m.nObs !== m.nStates) return false;
  for (let s = 0; s < m.nStates; s++) if (m.obsOf[s] !== s) return false;
  return true;
}

function tabularModelProblems(m: TabularModel, env: Env, report: Report): void {
  const bad = (msg: string): void => report('model', `model: ${msg}`);
  const { nStates: nS, nActions: nA, offsets } = m;
  if (env.observationSpace.kind !== 'discrete' || env.observationSpace.n !== m.nObs) {
    return bad(`nObs = ${m.nObs} does not match the observation space`);
  }
  if (env.actionSpace.kind !== 'discrete' || env.actionSpace.n !== nA)
    return bad(`nActions = ${nA} does not match the action space`);
  if (m.obsOf.length !== nS || m.obsOf.some((o) => !(o >= 0 && o < m.nObs)))
    return bad('obsOf must map every state into [0, nObs)');
  if (m.start.length !== nS || m.start.some((p) => !(p >= 0)))
    return bad('start must have nStates entries ≥ 0');
  if (Math.abs(m.start.reduce((x, y) => x + y, 0) - 1) > 1e-9)
    return bad('start probabilities must sum to 1');
  const nOut = m.next.length;
  if (offsets.length !== nS * nA + 1 || offsets[0] !== 0 || offsets[nS * nA] !== nOut) {
    return bad('offsets must have nStates·nActions + 1 entries, from 0 to the number of outcomes');
  }
  if (m.prob.length !== nOut || m.reward.length !== nOut || m.terminal.length !== nOut) {
    return bad('next, prob, reward and terminal must have the same length');
  }
  for (let sa = 0; sa < nS * nA; sa++) {
    const where = `state ${Math.floor(sa / nA)}, action ${sa % nA}`;
    if (!(offsets[sa + 1] > offsets[sa])) return bad(`${where} has no outcomes`);
    let total = 0;
    for (let k = offsets[sa]; k < offsets[sa + 1]; k++) {
      if (!(m.prob[k] >= 0)) return bad(`${where}: probability ${m.prob[k]} < 0`);
      if (!Number.isFinite(m.reward[k])) return bad(`${where}: reward ${m.reward[k]} is not finite`);
      if (m.terminal[k] > 1) return bad(`${where}: terminal must be 0 or 1`);
      if (!m.terminal[k] && !(m.next[k] >= 0 && m.next[k] < nS))
        return bad(`${where}: next state ${m.next[k]} out of range`);
      total += m.prob[k];
    }
    if (Math.abs(total - 1) > 1e-9) return bad(`${where}: probabilities sum to ${total}, not 1`);
  }
}

/** |freq − p| beyond five standard errors (plus one count of slack for discreteness). */
function tooFar(count: number, n: number, p: number): boolean {
  return Math.abs(count / n - p) > 5 * Math.sqrt((p * (1 - p)) / n) + 1 / n;
}

/**
 * Compares the env's outcomes under random actions with the model (stateOf null: the obs is the state).
 * Outcomes are keyed by next state, or −1 for termination. Rewards: exact when the model and the sample both
 * show no spread, else within six standard errors once 30 samples exist (spread from the sample or the model).
 */
function empiricalModelProblems<E extends Env>(
  env: E,
  m: TabularModel,
  stateOf: ((env: E) => number) | null,
  steps: number,
  seed: number,
  report: Report,
): void {
  const { nStates: nS, nActions: nA } = m;
  const K = nS + 1;
  const rng = new Rng(seed + 1, Stream.diagnostics);
  const state = (o: Obs): number => (stateOf ? stateOf(env) : (o as number));
  const n = new Float64Array(nS * nA);
  const [cnt, sum, sumSq] = [0, 1, 2].map(() => new Float64Array(nS * nA * K));
  const starts = new Float64Array(nS);
  let episodes = 1;
  let s = state(env.reset(seed + 1));
  starts[s]++;
  for (let t = 0; t < steps; t++) {
    const sa = s * nA + rng.int(nA);
    const r = env.step((sa % nA) as never);
    const key = r.terminated ? -1 : state(r.obs);
    const id = sa * K + key + 1;
    n[sa]++;
    cnt[id]++;
    sum[id] += r.reward;
    sumSq[id] += r.reward * r.reward;
    s = key;
    if (r.terminated || r.truncated) {
      s = state(env.reset());
      starts[s]++;
      episodes++;
    }
  }
  const bad = (msg: string): void => report('empirical', `model disagrees with env: ${msg}`);
  for (let i = 0; i < nS; i++) {
    if ((m.start[i] === 0 && starts[i] > 0) || (episodes >= 20 && tooFar(starts[i], episodes, m.start[i]))) {
      return bad(
        `start state ${i} in ${starts[i]} of ${episodes} episodes, model says probability ${m.start[i]}`,
      );
    }
  }
  const p = new Float64Array(K);
  const mr = new Float64Array(K);
  const mr2 = new Float64Array(K);
  for (let sa = 0; sa < nS * nA; sa++) {
    if (n[sa] === 0) continue;
    p.fill(0);
    mr.fill(0);
    mr2.fill(0);
    for (let k = m.offsets[sa]; k < m.offsets[sa + 1]; k++) {
      const j = m.terminal[k] ? 0 : m.next[k] + 1;
      p[j] += m.prob[k];
      mr[j] += m.prob[k] * m.reward[k];
      mr2[j] += m.prob[k] * m.reward[k] * m.reward[k];
    }
    const where = `from state ${Math.floor(sa / nA)}, action ${sa % nA}`;
    for (let j = 0; j < K; j++) {
      const c = cnt[sa * K + j];
      const what = j === 0 ? 'termination' : `state ${j - 1}`;
      if (p[j] === 0 && c > 0)
        return bad(`${where} the env reached ${what}, which the model gives probability 0`);
      if (n[sa] >= 20 && tooFar(c, n[sa], p[j]))
        return bad(`${where}: ${what} in ${c} of ${n[sa]} tries, model says ${p[j]}`);
      if (c === 0) continue;
      const mean = sum[sa * K + j] / c;
      const expected = mr[j] / p[j];
      const modelVar = Math.max(0, mr2[j] / p[j] - expected * expected);
      const sampleVar = c > 1 ? Math.max(0, (sumSq[sa * K + j] - c * mean * mean) / (c - 1)) : 0;
      const exact = modelVar < 1e-12 && sampleVar < 1e-12;
      const tol = exact
        ? 1e-9 * (1 + Math.abs(expected))
        : c >= 30
          ? 6 * Math.sqrt(Math.max(modelVar, sampleVar) / c)
          : Infinity;
      if (Math.abs(mean - expected) > tol) {
        return bad(`${where} to ${what}: mean reward ${mean} over ${c} tries, model says ${expected}`);
      }
    }
  }
}

function differentiableProblems(
  env: Env,
  m: DifferentiableModel,
  seed: number,
  gradCheck: boolean,
  report: Report,
): void {
  const bad = (msg: string): void => report('diff', `differentiable model: ${msg}`);
  const os = env.observationSpace;
  const as = env.actionSpace;
  if (os.kind !== 'box' || os.dim !== m.stateDim)
    return bad(`stateDim ${m.stateDim} does not match the observation space`);
  if (as.kind !== 'box' || as.dim !== m.actionDim)
    return bad(`actionDim ${m.actionDim} does not match the action space`);
  if (!(Number.isInteger(m.horizon) && m.horizon >= 1))
    return bad(`horizon ${m.horizon} is not a positive integer`);
  const rng = new Rng(seed + 2, Stream.diagnostics);
  const next = actionSampler(as, rng);
  const s = Float64Array.from(env.reset(seed) as Float64Array);
  const s2 = new Float64Array(m.stateDim);
  const close = (x: number, y: number, tol: number): boolean => Math.abs(x - y) <= tol * (1 + Math.abs(y));
  const points: Float64Array[] = [];
  for (let t = 0; t < m.horizon; t++) {
    const a = next() as Float64Array;
    const rModel = m.transition(s, a, s2);
    const res = env.step(a) as StepResult<Float64Array>;
    if (!close(res.reward, rModel, 1e-9))
      return bad(`step ${t + 1}: env reward ${res.reward}, model says ${rModel}`);
    for (let i = 0; i < m.stateDim; i++) {
      if (!close(res.obs[i], s2[i], 1e-9))
        return bad(`step ${t + 1}: env state[${i}] = ${res.obs[i]}, model says ${s2[i]}`);
    }
    const last = t === m.horizon - 1;
    if (res.terminated !== false && !last)
      return bad(`episode terminated after ${t + 1} steps, horizon is ${m.horizon}`);
    if (last !== (res.terminated || res.truncated))
      return bad(`episode did not end exactly at horizon ${m.horizon}`);
    if (t % 17 === 0) points.push(Float64Array.from(s));
    s.set(s2);
  }
  if (gradCheck) for (const p of points) gradientProblem(m, p, rng, bad);
}

/** Compares backprop with central differences of L = gNext·f(s, a) + w·r(s, a), and checks it accumulates. */
function gradientProblem(
  m: DifferentiableModel,
  s: Float64Array,
  rng: Rng,
  bad: (msg: string) => void,
): void {
  const nS = m.stateDim;
  const nA = m.actionDim;
  const a = rng.normalsInto(new Float64Array(nA));
  const g = rng.normalsInto(new Float64Array(nS));
  const w = rng.normal();
  const out = new Float64Array(nS);
  const loss = (): number => {
    const r = m.transition(s, a, out);
    let l = w * r;
    for (let i = 0; i < nS; i++) l += g[i] * out[i];
    return l;
  };
  const gS = new Float64Array(nS);
  const gA = new Float64Array(nA);
  m.backprop(s, a, g, w, gS, gA);
  const check = (x: Float64Array, grad: Float64Array, name: string): string | undefined => {
    for (let i = 0; i < x.length; i++) {
      const x0 = x[i];
      const h = 1e-6 * Math.max(1, Math.abs(x0));
      x[i] = x0 + h;
      const up = loss();
      x[i] = x0 - h;
      const down = loss();
      x[i] = x0;
      const fd = (up - down) / (2 * h);
      if (Math.abs(fd - grad[i]) > 1e-4 * (1 + Math.abs(fd)))
        return `backprop ${name}[${i}] = ${grad[i]}, finite differences ${fd}`;
    }
    return undefined;
  };
  const msg = check(s, gS, 'gS') ?? check(a, gA, 'gA');
  if (msg) return bad(msg);
  const gS2 = Float64Array.from(gS);
  m.backprop(s, a, g, w, gS2, new Float64Array(nA));
  for (let i = 0; i < nS; i++)
    if (Math.abs(gS2[i] - 2 * gS[i]) > 1e-9 * (1 + Math.abs(gS[i])))
      return bad('backprop must add into gS, not overwrite it');
}
