/**
 * One live agent: its run (env + policy + trainer), the numbers its views draw (an {@link AgentFrame},
 * preallocated and filled in place), and its chart series. The Runner drives one of these per agent (A, and
 * B when comparing) with the same seed, so both see the same environment draws (common random numbers).
 */
import { ContinuousBandit, PointMass, type AnyEnv, type TimeLimit } from '../../envs';
import type { Gridworld } from '../../envs/gridworld/Gridworld';
import type { ShortCorridor } from '../../envs/corridor/ShortCorridor';
import type { RunConfig } from '../algos/config';
import { DiagnosticsWorkspace } from '../algos/diagnostics';
import { gaussianExpectation } from '../algos/exact/gaussKronrod';
import { TabularEvaluator } from '../algos/exact/tabular';
import { ReinforceTrainer } from '../algos/reinforce';
import { createEnv, createRun, type Run } from '../algos/run';
import { DIVERGED, EPISODE_END, UPDATED } from '../algos/trainer';
import type { ScalarFunction } from '../core/env';
import { Rng, Stream } from '../core/random';
import type { AgentFrame, AgentId } from './frame';
import { buildEnvFrame, CURVE_POINTS, TRAJECTORIES } from './envFrame';
import { EpisodeLog } from './multiSeed/EpisodeLog';
import { Series } from './Series';

const SAMPLE_RING = 64;
const RECENT = 100;

/** Flags of {@link AgentRunner.advance}. */
export interface AdvanceResult {
  /** OR of the trainer's step flags. */
  flags: number;
  /** Steps actually taken (stops early at an update when asked, or at a divergence). */
  steps: number;
}

/** A live agent and its frame. */
export class AgentRunner {
  readonly run: Run;
  readonly frame: AgentFrame;
  /** Every episode exactly (for exporting the live run). */
  readonly log: EpisodeLog;
  private readonly evaluator: TabularEvaluator | null;
  private readonly diag: DiagnosticsWorkspace;
  /** A second copy of the environment for gradient diagnostics (the run's own streams stay untouched). */
  private readonly diagEnv: AnyEnv;
  private readonly diagRng: Rng;
  private readonly recent = new Float64Array(RECENT);
  private readonly recentOptimal = new Uint8Array(RECENT);
  private recentCount = 0;
  private smooth = NaN;
  private baseReward: ScalarFunction | undefined;
  /** Recent actions of the continuous bandit (a ring; `count` is the total ever recorded). */
  private readonly ring = { data: new Float64Array(SAMPLE_RING), count: 0 };
  private readonly pair = new Float64Array(2);
  /** The point mass's trajectory in progress. */
  private current = new Float64Array(0);

  /**
   * @param id A or B
   * @param label short label for titles and legends
   * @param color palette index
   * @param config the agent's configuration
   * @param reward compiled reward (continuous bandit)
   */
  constructor(id: AgentId, label: string, color: number, config: RunConfig, reward?: ScalarFunction) {
    this.baseReward = reward;
    this.log = new EpisodeLog(config, reward?.source);
    this.run = createRun(config, reward && this.recording(reward));
    const trainer = this.run.trainer;
    if (trainer instanceof ReinforceTrainer) trainer.recordExplain = true;
    this.evaluator = this.run.kind === 'tabular' ? new TabularEvaluator(this.run.env.model) : null;
    this.diag = new DiagnosticsWorkspace(trainer.theta.length, 16);
    this.diagEnv = createEnv(config, reward);
    this.diagRng = new Rng(config.seed, Stream.diagnostics);
    this.frame = {
      id,
      label,
      color,
      env: buildEnvFrame(this.run, reward, this.ring.data),
      series: {
        returnRaw: new Series(),
        returnSmooth: new Series(),
        exactJ: new Series(),
        optimal: new Series(),
        length: new Series(),
        sigma: new Series(),
        baseline: new Series(),
        gradVariance: new Series(256),
      },
      stats: {
        episodes: 0,
        steps: 0,
        updates: 0,
        meanReturn: NaN,
        baselineValue: NaN,
        exactJ: NaN,
        gradVariance: NaN,
        error: null,
      },
    };
    if (this.run.kind === 'point-mass') this.current = new Float64Array((this.run.env.model.horizon + 1) * 2);
    this.refresh();
  }

  /** Applies live hyperparameters (lr, baseline, …) and a new reward without a rebuild. */
  applyLive(config: RunConfig, reward?: ScalarFunction): void {
    const s = this.run.trainer.settings;
    s.lr = config.lr;
    s.baselineLr = config.baselineLr;
    s.gamma = config.gamma;
    s.batch = config.batch;
    s.baseline = config.baseline;
    s.optimizer = config.optimizer;
    const swap = reward && reward !== this.baseReward && this.run.env instanceof ContinuousBandit;
    if (swap) this.swapReward(reward);
    this.log.applied(config, swap ? reward.source : undefined);
  }

  /** Takes up to `n` env steps; stops after an update when `untilUpdate`, and always at a divergence. */
  advance(n: number, untilUpdate = false): AdvanceResult {
    const trainer = this.run.trainer;
    const stats = trainer.stats;
    const kind = this.frame.env.kind;
    const moves = kind === 'gridworld' || kind === 'short-corridor';
    const trajectory = kind === 'point-mass';
    let flags = 0;
    let i = 0;
    while (i < n) {
      const f = trainer.step();
      i++;
      if (moves) this.trackMove();
      else if (trajectory) this.trackTrajectory();
      if (f === 0) continue;
      flags |= f;
      if (f & EPISODE_END) this.endEpisode(stats.lastReturn, stats.lastAction);
      if (f & DIVERGED) break;
      if (untilUpdate && f & UPDATED) break;
    }
    return { flags, steps: i };
  }

  /**
   * Recomputes the frame's numbers from the live run: counters and the policy every frame; with `exact`,
   * also exact values (policy evaluation, quadrature), which cost up to a few ms on big maps and are done at
   * the publish rate.
   */
  refresh(exact = true): void {
    const { run, frame } = this;
    const trainer = run.trainer;
    const st = frame.stats;
    st.episodes = trainer.stats.episodes;
    st.steps = trainer.stats.steps;
    st.updates = trainer.stats.updates;
    st.baselineValue =
      trainer.estimator === 'score' && run.config.baseline !== 'none' ? trainer.baselineValue() : NaN;
    st.error = trainer.error;
    st.meanReturn = this.recentMean();
    const env = frame.env;
    if (run.kind === 'tabular') {
      const ev = exact ? this.evaluator!.evaluate(trainer.theta, run.config.gamma, run.env.timeLimit) : null;
      if (ev) st.exactJ = ev.J;
      if (env.kind === 'bandit') {
        run.policy.probsInto(0, env.probs);
      } else if (env.kind === 'gridworld') {
        for (let s = 0; s < env.width * env.height; s++) run.policy.probsInto(s, env.probs, 4 * s);
        if (ev) env.exactValue.set(ev.v);
        if (trainer instanceof ReinforceTrainer)
          env.value.set(trainer.baselines.value.subarray(0, env.value.length));
      } else if (env.kind === 'short-corridor') {
        run.policy.probsInto(0, this.pair);
        env.pRight = this.pair[1];
        if (ev) env.currentJ = ev.J;
      }
    } else if (run.kind === 'continuous-bandit' && env.kind === 'continuous-bandit') {
      env.sampleCount = Math.min(this.ring.count, SAMPLE_RING);
      env.mu = run.policy.theta[run.policy.biasOffset];
      env.sigma = run.policy.std(0);
      const f = (this.baseReward ?? run.env.reward).f;
      if (exact) st.exactJ = gaussianExpectation((e) => f(env.mu + env.sigma * e));
    } else if (env.kind === 'point-mass' && run.kind === 'point-mass') {
      st.exactJ = NaN;
      env.position[0] = run.env.state[0];
      env.position[1] = run.env.state[1];
    }
  }

  /** K independent batch gradient estimates at the current θ → total variance (pushed to its series). */
  diagnose(): void {
    const d = this.diag.run(this.run.trainer, this.diagEnv, this.diagRng);
    this.frame.stats.gradVariance = d.totalVariance;
    this.frame.series.gradVariance.push(
      this.run.trainer.stats.episodes,
      d.totalVariance > 0 ? d.totalVariance : NaN,
    );
  }

  /** Pushes the exact J and the baseline value to their series (at the publish rate). */
  sampleSeries(): void {
    const { series, stats } = this.frame;
    const x = stats.episodes;
    if (Number.isFinite(stats.exactJ)) series.exactJ.push(x, stats.exactJ);
    series.baseline.push(x, stats.baselineValue);
    if (this.run.kind !== 'tabular') series.sigma.push(x, this.run.policy.std(0));
  }

  private endEpisode(ret: number, action: number): void {
    const { series, stats } = this.frame;
    const e = this.run.trainer.stats.episodes;
    const k = this.recentCount++ % RECENT;
    this.recent[k] = ret;
    series.returnRaw.push(e, ret);
    // smoothed return: EMA with time constant ≈ 1% of the episodes so far (at least 10)
    const tau = Math.max(10, e / 100);
    this.smooth = Number.isNaN(this.smooth) ? ret : this.smooth + (ret - this.smooth) / tau;
    series.returnSmooth.push(e, this.smooth);
    series.length.push(e, this.run.trainer.stats.lastLength);
    const env = this.frame.env;
    // the CLI throws for a diverged episode: the log ends before it
    const error = this.run.trainer.error;
    if (error) this.log.stop(error);
    this.log.push(ret, env.kind === 'bandit' && action === env.optimalArm, this.run.trainer.stats.lastLength);
    if (env.kind === 'bandit') {
      this.recentOptimal[k] = action === env.optimalArm ? 1 : 0;
      env.lastAction = action;
      env.lastReward = ret;
      let hits = 0;
      const n = Math.min(this.recentCount, RECENT);
      for (let i = 0; i < n; i++) hits += this.recentOptimal[i];
      series.optimal.push(e, hits / n);
    }
    stats.episodes = e;
  }

  private recentMean(): number {
    const n = Math.min(this.recentCount, RECENT);
    if (n === 0) return NaN;
    let s = 0;
    for (let i = 0; i < n; i++) s += this.recent[i];
    return s / n;
  }

  private trackMove(): void {
    const env = this.frame.env;
    if (env.kind === 'gridworld') {
      const g = (this.run.env as TimeLimit<Gridworld>).unwrapped;
      env.previousCell = env.agentCell;
      env.agentCell = g.state;
    } else if (env.kind === 'short-corridor') {
      const c = (this.run.env as TimeLimit<ShortCorridor>).unwrapped;
      env.previousState = env.state;
      env.state = c.state;
    }
  }

  private trackTrajectory(): void {
    const env = this.frame.env;
    if (env.kind !== 'point-mass' || !(this.run.env instanceof PointMass)) return;
    const pm = this.run.env;
    const t = pm.elapsedSteps;
    const h = env.horizon;
    const cur = this.current;
    if (t === 1) {
      cur[0] = pm.startState[0];
      cur[1] = pm.startState[1];
    }
    cur[2 * t] = pm.state[0];
    cur[2 * t + 1] = pm.state[1];
    if (t < h) return;
    // a finished trajectory: drop the oldest when full, append (oldest first)
    const len = (h + 1) * 2;
    if (env.trajectoryCount === TRAJECTORIES) env.trajectories.copyWithin(0, len);
    else env.trajectoryCount++;
    env.trajectories.set(cur, (env.trajectoryCount - 1) * len);
  }

  /** Wraps a reward so every evaluation records its action in the ring (one store per step). */
  private recording(reward: ScalarFunction): ScalarFunction {
    const ring = this.ring;
    return {
      f: (a: number) => {
        ring.data[ring.count++ % SAMPLE_RING] = a;
        return reward.f(a);
      },
      df: reward.df,
      source: reward.source,
    };
  }

  private swapReward(reward: ScalarFunction): void {
    const frame = this.frame.env;
    if (frame.kind !== 'continuous-bandit') return;
    (this.run.env as ContinuousBandit).setReward(this.recording(reward));
    this.baseReward = reward;
    for (let i = 0; i < CURVE_POINTS; i++) frame.curveR[i] = reward.f(frame.curveA[i]);
    frame.rewardSource = reward.source;
  }
}
