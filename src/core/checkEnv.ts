/**
 * Environment checker, after Gymnasium's `gymnasium.utils.env_checker.check_env`: runs an env with seeded
 * random actions and returns a list of problems (empty = OK) instead of throwing, so a test can print them all.
 *
 * Checks: spaces are well-formed; observations lie in the observation space; rewards are finite; flags are
 * booleans and never both true; the step result object is reused; episodes respect `timeLimit` (the step
 * reaching it is truncated); `reset(seed)` is deterministic (two fresh envs, and a used env re-seeded, replay
 * the same trajectory under the same actions). Envs with a tabular or differentiable `model` also get the
 * model checks of checkModel.ts: a well-formed model that the env's empirical behaviour agrees with, or
 * transitions and backprop that match the env and finite differences.
 */
import type { Env, Obs, Space, StepResult } from './env';
import { actionSampler, modelProblems, type ModelCheckOptions, type Report } from './checkModel';
import { Rng, Stream } from './random';

/** Options of {@link checkEnv} (the model-check fields are documented on {@link ModelCheckOptions}). */
export interface CheckEnvOptions<E extends Env = Env> extends ModelCheckOptions<E> {
  /** Seed for resets and random actions (default 0). */
  seed?: number;
  /** Steps in each determinism rollout (default 300). */
  steps?: number;
}

/** Checks an env made by `makeEnv` (called twice: determinism needs two fresh envs); returns the problems. */
export function checkEnv<E extends Env>(makeEnv: () => E, opts: CheckEnvOptions<E> = {}): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const report = (key: string, msg: string): void => {
    if (!seen.has(key)) problems.push(msg);
    seen.add(key);
  };
  const seed = opts.seed ?? 0;
  const steps = opts.steps ?? 300;
  try {
    const env = makeEnv();
    spaceProblems(env.observationSpace, 'observationSpace', report);
    spaceProblems(env.actionSpace, 'actionSpace', report);
    if (problems.length > 0) return problems;
    const a = rollout(env, seed, steps, report);
    const b = rollout(makeEnv(), seed, steps, report);
    const c = rollout(env, seed, steps, report);
    const d1 = firstDifference(a, b);
    if (d1 >= 0) report('det1', `two fresh envs reset with seed ${seed} diverge (trace entry ${d1})`);
    const d2 = firstDifference(a, c);
    if (d2 >= 0)
      report('det2', `reset(${seed}) on a used env does not replay a fresh env's trajectory (entry ${d2})`);
    modelProblems(env, seed, opts, report);
  } catch (e) {
    problems.push(`threw: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problems;
}

function spaceProblems(s: Space, name: string, report: Report): void {
  if (s.kind === 'discrete') {
    if (!(Number.isInteger(s.n) && s.n >= 1))
      report(name, `${name}: Discrete n must be a positive integer, got ${s.n}`);
  } else if (s.kind === 'box') {
    if (!(Number.isInteger(s.dim) && s.dim >= 1))
      report(name, `${name}: Box dim must be a positive integer, got ${s.dim}`);
    else if (s.low.length !== s.dim || s.high.length !== s.dim)
      report(name, `${name}: low/high must have length ${s.dim}`);
    else if (s.low.some((l, i) => !(l <= s.high[i])))
      report(name, `${name}: needs low ≤ high in every coordinate`);
  } else report(name, `${name}: unknown kind`);
}

function obsProblem(space: Space, o: Obs): string | undefined {
  if (space.kind === 'discrete') {
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && o < space.n
      ? undefined
      : `observation ${String(o)} is not an integer in [0, ${space.n - 1}]`;
  }
  if (!(o instanceof Float64Array) || o.length !== space.dim)
    return `observation is not a Float64Array of length ${space.dim}`;
  for (let i = 0; i < space.dim; i++) {
    if (!Number.isFinite(o[i]) || o[i] < space.low[i] || o[i] > space.high[i]) {
      return `observation[${i}] = ${o[i]} is not finite or outside [${space.low[i]}, ${space.high[i]}]`;
    }
  }
  return undefined;
}

function pushObs(trace: number[], o: Obs): void {
  if (typeof o === 'number') trace.push(o);
  else for (let i = 0; i < o.length; i++) trace.push(o[i]);
}

/** Runs `steps` random steps from reset(seed), checking each; returns the trace of obs, rewards and flags. */
function rollout(env: Env, seed: number, steps: number, report: Report): number[] {
  const trace: number[] = [];
  const next = actionSampler(env.actionSpace, new Rng(seed, Stream.diagnostics));
  const limit = (env as { timeLimit?: unknown }).timeLimit;
  const timeLimit = typeof limit === 'number' ? limit : Infinity;
  let o = env.reset(seed);
  let owned: StepResult | undefined;
  let len = 0;
  for (let t = 0; t <= steps; t++) {
    const bad = obsProblem(env.observationSpace, o);
    if (bad) report('obs', `${t === 0 ? 'reset()' : 'step()'}: ${bad}`);
    pushObs(trace, o);
    if (t === steps) break;
    const r = env.step(next() as never);
    owned ??= r;
    if (r !== owned)
      report('owned', 'step() returned a new result object (it must be owned by the env and reused)');
    if (!Number.isFinite(r.reward)) report('reward', `reward ${r.reward} is not finite`);
    if (typeof r.terminated !== 'boolean' || typeof r.truncated !== 'boolean') {
      report('flags', 'terminated and truncated must be booleans');
    }
    if (r.terminated && r.truncated) report('both', 'terminated and truncated are both true');
    len++;
    if (len > timeLimit) report('limit', `episode ran past timeLimit = ${timeLimit}`);
    if (len === timeLimit && !r.terminated && !r.truncated)
      report('trunc', `step ${len} reached timeLimit but is not truncated`);
    trace.push(r.reward, r.terminated ? 1 : 0, r.truncated ? 1 : 0);
    o = r.obs;
    if (r.terminated || r.truncated) {
      o = env.reset();
      len = 0;
    }
  }
  return trace;
}

function firstDifference(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : n;
}
