/**
 * The multi-seed worker: runs the seeds of one {@link SeedTask} at a time and posts each finished seed's
 * per-episode metrics as soon as it is done (arrays transferred, not copied), then `done`; or one `error`
 * (bad reward expression, diverging run, invalid config) and stops the task.
 */
import type { SeedMetrics } from '../../algos/trainReport';
import { buffersOf, rewardFor, runTaskSeed, type Arm, type SeedTask } from './seedTask';

/** A message from the worker. */
export type SeedWorkerMessage =
  | { kind: 'seed'; arm: Arm; run: number; metrics: SeedMetrics }
  | { kind: 'done' }
  | { kind: 'error'; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SeedTask>) => void) | null;
  postMessage(message: SeedWorkerMessage, transfer?: Transferable[]): void;
};

scope.onmessage = async (e) => {
  const task = e.data;
  try {
    const reward = await rewardFor(task.config);
    for (let r = task.first; r < task.first + task.count; r++) {
      const metrics = runTaskSeed(task, r, reward);
      scope.postMessage({ kind: 'seed', arm: task.arm, run: r, metrics }, buffersOf(metrics));
    }
    scope.postMessage({ kind: 'done' });
  } catch (err) {
    scope.postMessage({ kind: 'error', error: err instanceof Error ? err.message : String(err) });
  }
};
