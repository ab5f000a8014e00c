/**
 * The environment part of an agent's frame ({@link EnvFrame}), allocated once per run: typed arrays the
 * AgentRunner fills in place and the views read, plus what never changes during a run (the corridor's value
 * curve J(p), the continuous bandit's reward curve).
 */
import { Bandit } from '../../envs';
import { TabularEvaluator } from '../algos/exact/tabular';
import type { Run } from '../algos/run';
import type { ScalarFunction } from '../core/env';
import type { EnvFrame } from './frame';

/** Points of the value and reward curves. */
export const CURVE_POINTS = 200;
/** Point-mass trajectories kept for drawing. */
export const TRAJECTORIES = 12;

/** Builds the env frame of `run` (`samples` is the continuous bandit's ring of recent actions). */
export function buildEnvFrame(run: Run, reward: ScalarFunction | undefined, samples: Float64Array): EnvFrame {
  if (run.kind === 'tabular') {
    const env = run.env;
    if (env instanceof Bandit) {
      return {
        kind: 'bandit',
        means: env.means,
        optimalArm: env.optimalArm,
        probs: new Float64Array(env.arms),
        lastAction: -1,
        lastReward: NaN,
      };
    }
    const inner = env.unwrapped;
    if ('cells' in inner) {
      const n = inner.width * inner.height;
      return {
        kind: 'gridworld',
        width: inner.width,
        height: inner.height,
        cells: inner.cells,
        probs: new Float64Array(4 * n),
        value: new Float64Array(n),
        exactValue: new Float64Array(n),
        agentCell: inner.start,
        previousCell: inner.start,
      };
    }
    const curve = new Float64Array(CURVE_POINTS);
    const ev = new TabularEvaluator(env.model);
    const th = new Float64Array(2);
    for (let i = 0; i < CURVE_POINTS; i++) {
      const p = (i + 0.5) / CURVE_POINTS;
      th[1] = Math.log(p / (1 - p));
      curve[i] = ev.evaluate(th, 1, env.timeLimit).J;
    }
    return { kind: 'short-corridor', state: 0, previousState: 0, pRight: 0.5, curve, currentJ: NaN };
  }
  if (run.kind === 'continuous-bandit') {
    const curveA = new Float64Array(CURVE_POINTS);
    const curveR = new Float64Array(CURVE_POINTS);
    const f = (reward ?? run.env.reward).f;
    for (let i = 0; i < CURVE_POINTS; i++) {
      curveA[i] = -4 + (10 * i) / (CURVE_POINTS - 1);
      curveR[i] = f(curveA[i]);
    }
    return {
      kind: 'continuous-bandit',
      mu: 0,
      sigma: 1,
      curveA,
      curveR,
      samples: samples,
      sampleCount: 0,
      rewardSource: (reward ?? run.env.reward).source,
    };
  }
  const pm = run.env;
  const h = pm.model.horizon;
  return {
    kind: 'point-mass',
    goal: Float64Array.from(pm.model.goal),
    trajectories: new Float64Array(TRAJECTORIES * (h + 1) * 2),
    trajectoryCount: 0,
    horizon: h,
    position: new Float64Array(2),
  };
}
