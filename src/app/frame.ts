/**
 * What the views read every frame: one {@link AgentFrame} per agent (A, and B when comparing), filled in
 * place by the runner (src/app/Runner.ts). Typed arrays and numbers only — views never reach into the
 * trainer or the environment. Everything here is owned by the runner and valid until its next frame; a
 * view that needs to keep something copies it. `layoutVersion` changes when the structure changes (new run,
 * new map, new reward), which is when a view calls `rebuild`; otherwise it calls `update`.
 */
import type { PublishedStats } from '../state/store';
import type { Series } from './Series';

/** Agent identity in a comparison. */
export type AgentId = 'A' | 'B';

/** The chart series of one agent (x = episode number). */
export interface AgentSeries {
  /** Return of each episode. */
  returnRaw: Series;
  /** Exponential moving average of the return (time constant ≈ 1% of the episodes so far, ≥ 10). */
  returnSmooth: Series;
  /** Exact J(θ) where known (tabular envs, continuous bandit), else empty. */
  exactJ: Series;
  /** Fraction of recent episodes that pulled the optimal arm (bandits), else empty. */
  optimal: Series;
  /** Length of each episode in steps. */
  length: Series;
  /** The Gaussian policy's σ (its exploration), sampled at the publish rate; empty for softmax policies. */
  sigma: Series;
  /** The baseline's value (R̄, EMA, V(start)…), NaN when it has none. */
  baseline: Series;
  /** Total variance of the batch gradient estimate at the current θ (diagnostics), for a log axis. */
  gradVariance: Series;
}

/** Environment-specific numbers for the environment views. */
export type EnvFrame =
  | {
      kind: 'bandit';
      /** True arm values q*(a). */
      means: Float64Array;
      /** Index of the best arm. */
      optimalArm: number;
      /** π(a), length k. */
      probs: Float64Array;
      /** Last arm pulled (−1 before the first pull). */
      lastAction: number;
      /** Reward of the last pull. */
      lastReward: number;
    }
  | {
      kind: 'gridworld';
      width: number;
      height: number;
      /** Cell kinds (envs/gridworld/parseMap.ts `Cell`). */
      cells: Uint8Array;
      /** π(a|s) per cell, 4 actions (up, right, down, left), row-major. */
      probs: Float64Array;
      /** Learned V(s) per cell (the `learned` baseline's table). */
      value: Float64Array;
      /** Exact v_π(s) per cell (policy evaluation), NaN where undefined. */
      exactValue: Float64Array;
      /** Cell the agent is in now. */
      agentCell: number;
      /** Cell the agent was in one step before (for animating the move). */
      previousCell: number;
    }
  | {
      kind: 'short-corridor';
      /** True state 0..3 (3 = goal). */
      state: number;
      /** Previous true state (for animating the move). */
      previousState: number;
      /** π(right). */
      pRight: number;
      /** J(p) sampled at p = (i + 0.5)/n for the value curve. */
      curve: Float64Array;
      /** J at the current π(right) (exact). */
      currentJ: number;
    }
  | {
      kind: 'continuous-bandit';
      /** Policy mean μ. */
      mu: number;
      /** Policy standard deviation σ. */
      sigma: number;
      /** r(a) sampled on [aMin, aMax]. */
      curveA: Float64Array;
      curveR: Float64Array;
      /** Recent actions (ring buffer) and how many are valid. */
      samples: Float64Array;
      sampleCount: number;
      /** The reward's source text. */
      rewardSource: string;
    }
  | {
      kind: 'point-mass';
      /** Goal position (x, y). */
      goal: Float64Array;
      /** Recent trajectories: trajectoryCount × (horizon + 1) × 2 positions, oldest first. */
      trajectories: Float64Array;
      trajectoryCount: number;
      horizon: number;
      /** Current position (x, y). */
      position: Float64Array;
    };

/** Plain numbers about one agent: exactly what the runner publishes to the store. */
export type AgentStats = PublishedStats;

/** Everything a view needs about one agent. */
export interface AgentFrame {
  id: AgentId;
  /** Short human label, e.g. "A · score · learned". */
  label: string;
  /** Colour index into the palette (src/render/colors.ts). */
  color: number;
  env: EnvFrame;
  series: AgentSeries;
  stats: AgentStats;
}

/** One frame of the whole playground. */
export interface Frame {
  /** Changes when views must rebuild (new run, map, reward, compare on/off). */
  layoutVersion: number;
  agents: AgentFrame[];
}
