/**
 * `npm run bench [-- --json] [--seconds S]`: throughput of the engine on four fixed workloads next to a
 * hand-written tight loop of the same workload (benchReference.ts), each timed for S seconds (default 2) in
 * alternating rounds after a warm-up, and the full S&B Fig. 2.5 experiment (4 configurations × 2000 runs × 1000 pulls)
 * through the same code path as `train`. Numbers, not assertions: rates depend on the machine.
 *
 * Workloads:
 *  - bandit: 10-armed Gaussian testbed (q* ~ N(0, 1)), `average` baseline, lr 0.1, new problem and agent
 *    every 1000 pulls; rate = pulls/s.
 *  - gridworld: open 5×5, goal +1, −0.01 per step, ≤ 100 steps, γ 0.99, learned tabular V, lr 0.1 for both,
 *    fresh agent every 200 episodes; rate = env steps/s.
 *  - gaussian-score / gaussian-pathwise: 1-D Gaussian policy, r(a) = −(a − 2)² compiled from the expression
 *    as a user would type it, lr 0.01, batch 1 (EMA baseline for score), fresh agent every 10 000 samples;
 *    rate = samples/s.
 */
import type { Bandit } from '../../envs';
import { defaultConfig, type RunConfig } from '../algos/config';
import { createRun } from '../algos/run';
import { EPISODE_END, type Trainer } from '../algos/trainer';
import { Rng } from '../core/random';
import { numberFlag, takeFlag } from './args';
import { expandSweep, train } from './train';
import {
  referenceBandit,
  referenceGaussianPathwise,
  referenceGaussianScore,
  referenceGridworld,
} from './benchReference';

/** One workload's result. */
export interface WorkloadResult {
  /** Engine units per second. */
  rate: number;
  /** Hand-written loop units per second. */
  reference: number;
  /** rate / reference. */
  ratio: number;
  /** What a unit is. */
  unit: string;
}

/** Units per second of `chunk(n)` called repeatedly for `ms` milliseconds. */
function rateFor(chunk: (n: number) => void, n: number, ms: number): number {
  let units = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    chunk(n);
    units += n;
    t = performance.now();
  }
  return units / ((t - t0) / 1000);
}

/**
 * Engine and reference rates, measured in 5 alternating rounds after a 0.5 s warm-up of each, so that load
 * from other processes hits both alike; each reports its best round (the least disturbed one).
 */
function measurePair(
  engine: (n: number) => void,
  reference: (n: number) => void,
  seconds: number,
): [number, number] {
  const n = 10000;
  rateFor(engine, n, 500);
  rateFor(reference, n, 500);
  let best = 0;
  let bestRef = 0;
  const roundMs = (seconds * 1000) / 5;
  for (let r = 0; r < 5; r++) {
    best = Math.max(best, rateFor(engine, n, roundMs));
    bestRef = Math.max(bestRef, rateFor(reference, n, roundMs));
  }
  return [best, bestRef];
}

function banditChunk(): (n: number) => void {
  const run = createRun({ ...defaultConfig('bandit'), baseline: 'average', lr: 0.1, seed: 1 });
  const env = run.env as Bandit;
  const trainer = run.trainer;
  let pulls = 0;
  let problem = 1;
  return (n) => {
    for (let i = 0; i < n; i++) {
      if (pulls % 1000 === 0) {
        env.newProblem(++problem);
        trainer.reset();
      }
      trainer.step();
      pulls++;
    }
  };
}

function gridworldChunk(): (n: number) => void {
  const cfg: RunConfig = {
    ...defaultConfig('gridworld'),
    map: 'open5x5',
    horizon: 100,
    gamma: 0.99,
    baseline: 'learned',
    lr: 0.1,
    baselineLr: 0.1,
  };
  const trainer = createRun(cfg).trainer;
  let episodes = 0;
  return (n) => {
    for (let i = 0; i < n; i++) {
      if (trainer.step() & EPISODE_END && ++episodes % 200 === 0) trainer.reset();
    }
  };
}

async function gaussianChunk(estimator: 'score' | 'pathwise'): Promise<(n: number) => void> {
  const { compileExpression } = await import('../expr');
  const compiled = compileExpression('-(a - 2)^2', { variable: 'a' });
  if (!compiled.ok) throw new Error(compiled.error);
  const cfg: RunConfig = {
    ...defaultConfig('continuous-bandit'),
    estimator,
    baseline: 'ema',
    baselineLr: 0.1,
    lr: 0.01,
    batch: 1,
  };
  const trainer: Trainer = createRun(cfg, compiled.value).trainer;
  let samples = 0;
  return (n) => {
    for (let i = 0; i < n; i++) {
      if (samples++ % 10000 === 0) trainer.reset();
      trainer.step();
    }
  };
}

function referenceChunk(f: (n: number, rng: Rng) => number): (n: number) => void {
  const rng = new Rng(1);
  let sink = 0;
  return (n) => {
    sink += f(n, rng);
    if (sink === 0.123456789) process.stdout.write('');
  };
}

/** Runs the benchmark and prints a table or one JSON object. */
export async function runBench(flags: [string, string][], json: boolean): Promise<void> {
  const seconds = numberFlag('seconds', takeFlag(flags, 'seconds'), 2, true);
  const skipFig = takeFlag(flags, 'no-fig25') !== undefined;
  const workloads: Record<string, WorkloadResult> = {};
  const spec: [
    string,
    string,
    () => ((n: number) => void) | Promise<(n: number) => void>,
    (n: number, rng: Rng) => number,
  ][] = [
    ['bandit', 'pulls', banditChunk, referenceBandit],
    ['gridworld', 'env steps', gridworldChunk, referenceGridworld],
    ['gaussian-score', 'samples', () => gaussianChunk('score'), referenceGaussianScore],
    ['gaussian-pathwise', 'samples', () => gaussianChunk('pathwise'), referenceGaussianPathwise],
  ];
  for (const [name, unit, engine, ref] of spec) {
    const [rate, reference] = measurePair(await engine(), referenceChunk(ref), seconds);
    workloads[name] = {
      rate: Math.round(rate),
      reference: Math.round(reference),
      ratio: round3(rate / reference),
      unit,
    };
    if (!json)
      process.stdout.write(
        `${name.padEnd(18)} ${fmtRate(rate)} ${unit}/s   hand-written ${fmtRate(reference)}/s   ratio ${(rate / reference).toFixed(2)}\n`,
      );
  }
  let fig25: { configurations: number; runs: number; pulls: number; elapsedMs: number } | undefined;
  if (!skipFig) {
    const t0 = performance.now();
    for (const flags of expandSweep([
      ['env', 'bandit'],
      ['arm-mean', '4'],
      ['baseline', 'average,none'],
      ['lr', '0.1,0.4'],
      ['runs', '2000'],
      ['episodes', '1000'],
    ]))
      await train(flags);
    fig25 = { configurations: 4, runs: 2000, pulls: 1000, elapsedMs: Math.round(performance.now() - t0) };
    if (!json)
      process.stdout.write(`S&B Fig. 2.5 (4 configs × 2000 runs × 1000 pulls): ${fig25.elapsedMs} ms\n`);
  }
  if (json) process.stdout.write(JSON.stringify({ workloads, fig25, seconds, node: process.version }) + '\n');
}

function fmtRate(r: number): string {
  return `${(r / 1e6).toFixed(2)} M`.padStart(9);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
