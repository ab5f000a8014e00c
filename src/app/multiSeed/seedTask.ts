/**
 * One unit of multi-seed work, run in a worker (./seed.worker.ts) or inline: runs r = first … first + count − 1
 * of one arm, each exactly the CLI's run r (seed + r; src/algos/trainReport.ts). Requests and results are
 * plain data (structured-clone safe); the continuous bandit's reward is compiled here from its text, so no
 * function crosses the thread boundary.
 */
import type { RunConfig } from '../../algos/config';
import {
  createSeedMetrics,
  failureMessage,
  runSeedInto,
  seedOfRun,
  type SeedMetrics,
} from '../../algos/trainReport';
import type { ScalarFunction } from '../../core/env';

/** Arm of a comparison. */
export type Arm = 'A' | 'B';

/** Runs `first` … `first + count − 1` of one arm's config. */
export interface SeedTask {
  arm: Arm;
  config: RunConfig;
  first: number;
  count: number;
  episodes: number;
}

/** The continuous bandit's compiled reward (cached per text); undefined for other environments. */
export async function rewardFor(config: RunConfig): Promise<ScalarFunction | undefined> {
  if (config.env !== 'continuous-bandit') return undefined;
  const cached = rewards.get(config.reward);
  if (cached) return cached;
  // the expression compiler (mathjs) loads only when the continuous bandit needs it
  const { compileExpression } = await import('../../expr');
  const r = compileExpression(config.reward, { variable: 'a' });
  if (!r.ok) throw new Error(r.error);
  rewards.set(config.reward, r.value);
  return r.value;
}
const rewards = new Map<string, ScalarFunction>();

/**
 * Runs run `r` of `task` and returns its per-episode metrics (fresh arrays, to be transferred); throws the
 * CLI's one-line message (prefixed "B: " for arm B) when the run diverges.
 */
export function runTaskSeed(task: SeedTask, r: number, reward: ScalarFunction | undefined): SeedMetrics {
  const out = createSeedMetrics(task.config.env, task.episodes);
  const f = runSeedInto(task.config, seedOfRun(task.config.seed, r), task.episodes, reward, out);
  if (f) throw new Error((task.arm === 'B' ? 'B: ' : '') + failureMessage(r, task.config.seed, f));
  return out;
}

/** The buffers of a result, to transfer them. */
export function buffersOf(m: SeedMetrics): ArrayBuffer[] {
  const out = [m.return.buffer as ArrayBuffer];
  if (m.optimalAction) out.push(m.optimalAction.buffer as ArrayBuffer);
  if (m.length) out.push(m.length.buffer as ArrayBuffer);
  return out;
}
