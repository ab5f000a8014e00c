/**
 * Multi-seed runs in the browser: `seeds` independent runs of a configuration (run r uses seed + r, exactly
 * the CLI's `train --runs`), and of arm B too when comparing — on the same seeds, so both arms see common
 * random numbers. The seeds are dealt in chunks to a pool of module workers (./seed.worker.ts); results are
 * added to the Σx/Σx² sums in seed order whatever order they arrive in, so the report is bit-identical to
 * `npm run cli -- train --runs N --seed S --episodes E --json` (a CLI sweep for A/B). Where module workers are
 * unavailable (node tests) the same tasks run inline, yielding between seeds.
 */
import { withOverrides } from '../../algos/compare';
import type { RunConfig } from '../../algos/config';
import { ReportSums, trainReportOf, type SeedMetrics, type TrainReport } from '../../algos/trainReport';
import type { CompareOverrides } from '../../state/store';
import { groupDigits } from '../../core/format';
import { abortError, yieldTurn } from '../async';
import type { SeedWorkerMessage } from './seed.worker';
import { rewardFor, runTaskSeed, type Arm, type SeedTask } from './seedTask';

/** What to run: the config (arm A), B's overrides when comparing, seeds and episodes per seed. */
export interface SeedJob {
  config: RunConfig;
  compare: CompareOverrides | null;
  seeds: number;
  episodes: number;
}

/** The CLI-shaped report of each arm. */
export interface SeedRunResult {
  A: TrainReport;
  B: TrainReport | null;
}

/** Options of {@link runSeeds}. */
export interface RunSeedsOptions {
  /** Called after every finished seed (of either arm) with the count and the total (seeds × arms). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the workers and rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal;
  /** Pool size (default min(4, max(1, hardwareConcurrency − 1))). */
  workers?: number;
}

/** Most seeds per run. */
export const MAX_SEEDS = 1000;
/** Most episodes per arm (seeds × episodes). */
export const MAX_SEED_EPISODES = 2e7;

/** Why a job cannot run (one line), or null. */
export function validateSeedJob(job: Pick<SeedJob, 'seeds' | 'episodes'>): string | null {
  const { seeds, episodes } = job;
  if (!(Number.isInteger(seeds) && seeds >= 1 && seeds <= MAX_SEEDS))
    return `seeds must be a whole number from 1 to ${MAX_SEEDS} (got ${seeds})`;
  if (!(Number.isInteger(episodes) && episodes >= 1))
    return `episodes must be a whole number of at least 1 (got ${episodes})`;
  if (seeds * episodes > MAX_SEED_EPISODES)
    return `seeds × episodes is ${groupDigits(seeds * episodes)}; at most ${groupDigits(MAX_SEED_EPISODES)} per arm`;
  return null;
}

/** Default pool size for this machine. */
export function defaultWorkers(): number {
  const hc = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(4, Math.max(1, hc - 1));
}

const cancelled = () => abortError('the multi-seed run');

/** Splits the job into tasks: chunks of consecutive runs, arm A's first. */
function tasksOf(job: SeedJob, arms: [Arm, RunConfig][], workers: number): SeedTask[] {
  const chunk = Math.max(1, Math.ceil(job.seeds / (4 * workers)));
  const tasks: SeedTask[] = [];
  for (const [arm, config] of arms)
    for (let first = 0; first < job.seeds; first += chunk)
      tasks.push({ arm, config, first, count: Math.min(chunk, job.seeds - first), episodes: job.episodes });
  return tasks;
}

/** Runs the job; resolves with each arm's report (see the module comment). */
export function runSeeds(job: SeedJob, opts: RunSeedsOptions = {}): Promise<SeedRunResult> {
  const bad = validateSeedJob(job);
  if (bad) return Promise.reject(new Error(bad));
  if (opts.signal?.aborted) return Promise.reject(cancelled());
  const arms: [Arm, RunConfig][] = [['A', job.config]];
  if (job.compare) arms.push(['B', withOverrides(job.config, job.compare)]);
  const total = job.seeds * arms.length;
  const sums = new Map(arms.map(([arm, c]) => [arm, new ReportSums(c.env, job.episodes)]));
  const pending = new Map<Arm, Map<number, SeedMetrics>>(arms.map(([arm]) => [arm, new Map()]));
  let done = 0;
  const t0 = performance.now();

  /** Adds a finished seed, then every seed now next in order. */
  const accept = (arm: Arm, run: number, m: SeedMetrics): void => {
    const s = sums.get(arm)!;
    const wait = pending.get(arm)!;
    wait.set(run, m);
    for (let next = wait.get(s.runs); next; next = wait.get(s.runs)) {
      wait.delete(s.runs);
      s.addRun(next);
    }
    done++;
    opts.onProgress?.(done, total);
  };
  const result = (): SeedRunResult => {
    const ms = performance.now() - t0;
    const report = (arm: Arm, c: RunConfig) => trainReportOf(c, sums.get(arm)!, ms);
    return { A: report('A', arms[0][1]), B: arms[1] ? report('B', arms[1][1]) : null };
  };
  const workers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), 16));
  const tasks = tasksOf(job, arms, workers);
  return typeof Worker === 'undefined'
    ? runInline(tasks, accept, opts.signal).then(result)
    : runPool(tasks, workers, accept, opts.signal).then(result);
}

/** The tasks in this thread, one seed at a time, yielding to the event loop between seeds. */
async function runInline(
  tasks: SeedTask[],
  accept: (arm: Arm, run: number, m: SeedMetrics) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const task of tasks) {
    const reward = await rewardFor(task.config);
    for (let r = task.first; r < task.first + task.count; r++) {
      await yieldTurn();
      if (signal?.aborted) throw cancelled();
      accept(task.arm, r, runTaskSeed(task, r, reward));
    }
  }
}

/** The tasks on a pool of module workers; each worker takes the next task when it finishes one. */
function runPool(
  tasks: SeedTask[],
  size: number,
  accept: (arm: Arm, run: number, m: SeedMetrics) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let running = 0;
    let settled = false;
    const finish = (err: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) w.terminate();
      signal?.removeEventListener('abort', onAbort);
      if (err === null) resolve();
      else reject(err);
    };
    const onAbort = () => finish(cancelled());
    signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker): void => {
      if (next < tasks.length) {
        running++;
        w.postMessage(tasks[next++]);
      } else if (running === 0) finish(null);
    };
    for (let i = 0; i < Math.min(size, tasks.length); i++) {
      const w = new Worker(new URL('./seed.worker.ts', import.meta.url), { type: 'module' });
      pool.push(w);
      w.onmessage = (e: MessageEvent<SeedWorkerMessage>) => {
        const m = e.data;
        if (settled) return;
        if (m.kind === 'seed') accept(m.arm, m.run, m.metrics);
        else if (m.kind === 'error') finish(new Error(m.error));
        else {
          running--;
          feed(w);
        }
      };
      w.onerror = (e: ErrorEvent) => finish(new Error(e.message || 'a multi-seed worker failed'));
    }
    for (const w of pool) feed(w);
  });
}
