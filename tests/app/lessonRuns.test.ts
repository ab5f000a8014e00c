// The lessons' real runs (the multi-seed pool inline in Node, and the lessons' own pure computations) give the
// verdict each lesson teaches — at the preset seed and at two other root seeds, so no verdict is one seed's
// luck — and the numbers behind them match the closed forms.
import { describe, expect, it } from 'vitest';
import { runLesson } from '../../src/app/lessons/experiments';
import { pointChartRange } from '../../src/app/lessons/chartData';
import { cosChart } from '../../src/app/lessons/gaussianRuns';
import { createRun } from '../../src/algos/run';
import { TabularEvaluator } from '../../src/algos/exact/tabular';
import { CORRIDOR_PRESET } from '../../src/state/lessons/presets';
import { gridVarianceOverPolicies, traceCovariance } from '../../src/app/lessons/gridVariance';
import { runSeeds } from '../../src/app/multiSeed/runSeeds';
import { BASELINE_THRESHOLDS, CORRIDOR_OPTIMUM, corridorJ, findingOf } from '../../src/state/lessons/checks';
import type { LessonId, Measurement } from '../../src/state/lessons/types';
import { createLessonRunner } from '../../src/app/lessons/lessonRunner';
import type { LessonResult } from '../../src/app/lessons/experiments';
import { createLessonsStore } from '../../src/state/lessons/lessonsStore';
import { lessonById } from '../../src/state/lessons/catalog';

const expected: Record<LessonId, string> = {
  'bandit-baseline': 'worse',
  corridor: 'optimum',
  'gridworld-baseline': 'helps',
  'smooth-reward': 'pathwise',
  'pathwise-fails': 'noisy-blind',
  'batch-size': 'quarter-lot',
};

describe('lesson runs give the lesson’s verdict', () => {
  for (const [id, outcome] of Object.entries(expected) as [LessonId, string][]) {
    it(`${id} → ${outcome} at seeds 1, 101, 202`, { timeout: 120_000 }, async () => {
      for (const seed of [1, 101, 202]) {
        const r = await runLesson(id, runSeeds, { seed });
        expect(r.measurement.kind).toBe(id);
        expect(
          findingOf(r.measurement).outcome,
          `${id} at seed ${seed}: ${findingOf(r.measurement).shows}`,
        ).toBe(outcome);
        expect(r.charts.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('the numbers behind the verdicts', () => {
  it('corridor: the closed form J(p) = (2p − 4)/(p(1 − p)) the lesson reports agrees with the exact evaluator', () => {
    // the lesson's own corridor (its preset), evaluated by the tabular evaluator at π(right) = p (γ = 1)
    const run = createRun(CORRIDOR_PRESET.config);
    if (run.kind !== 'tabular') throw new Error('the corridor run is not tabular');
    const evaluator = new TabularEvaluator(run.env.model);
    const exactJ = (p: number) =>
      evaluator.evaluate(new Float64Array([Math.log(1 - p), Math.log(p)]), 1, Infinity).J;
    for (const p of [0.05, 0.3, CORRIDOR_OPTIMUM, 0.9]) expect(corridorJ(p)).toBeCloseTo(exactJ(p), 9);
    expect(exactJ(CORRIDOR_OPTIMUM)).toBeCloseTo(-(6 + 4 * Math.SQRT2), 9);
  });

  it('batch size: measured variances agree with the exact ones within 4 SE, and fall as 1/N', async () => {
    const { measurement: m } = await runLesson('batch-size', runSeeds);
    if (m.kind !== 'batch-size') throw new Error('wrong kind');
    // exact Var of ∂/∂μ at N = 1 for −(a − 2)², a ~ N(0, 1): score 87, optimal b* 38
    expect(m.exact.score[0]).toBeCloseTo(87, 6);
    expect(m.exact['score-optimal'][0]).toBeCloseTo(38, 6);
    for (const name of ['score', 'score-optimal', 'loo'] as const)
      m.sizes.forEach((N, i) => {
        const e = m.measured[name][i];
        if (name === 'loo' && N === 1) return expect(e.variance).toBeNaN();
        expect(Math.abs(e.variance - m.exact[name][i])).toBeLessThan(4 * e.se);
        if (name !== 'loo') expect(m.exact[name][i]).toBeCloseTo(m.exact[name][0] / N, 9);
      });
    // the exact gains the check's thresholds separate: b* 87/38 ≈ 2.29 at every N, leave-one-out ≥ 1.5 from N = 16
    for (const N of [16, 64]) {
      const i = m.sizes.indexOf(N);
      expect(m.exact.score[i] / m.exact['score-optimal'][i]).toBeCloseTo(87 / 38, 6);
      expect(m.exact.score[i] / m.exact.loo[i]).toBeGreaterThan(BASELINE_THRESHOLDS.lot);
    }
  });

  it('batch size chart: N on a log axis with ticks 1, 4, 16, 64; measured ± 2 SE beside the exact values', async () => {
    const { measurement: m, charts } = await runLesson('batch-size', runSeeds);
    if (m.kind !== 'batch-size') throw new Error('wrong kind');
    expect(charts).toHaveLength(1);
    const c = charts[0];
    if (c.kind !== 'points') throw new Error('expected a point chart');
    expect(c.style).toBe('curve');
    expect(c.xTicks).toEqual([
      { at: 0, label: '1' },
      { at: 2, label: '4' },
      { at: 4, label: '16' },
      { at: 6, label: '64' },
    ]);
    expect(c.series.map((s) => s.role)).toEqual(['score', 'score-optimal', 'loo']);
    for (const s of c.series) {
      const name = s.role as 'score' | 'score-optimal' | 'loo';
      s.points.forEach((p, i) => {
        const e = m.measured[name][i];
        if (name === 'loo' && i === 0) return expect(p.y).toBeNaN();
        expect(p).toEqual({
          x: c.xTicks[i].at,
          y: e.variance,
          lo: e.variance - 2 * e.se,
          hi: e.variance + 2 * e.se,
        });
        expect(s.exact[i]).toEqual({ x: c.xTicks[i].at, y: m.exact[name][i] });
      });
    }
    // the window holds every tick with room for the marks, and every positive value
    const r = pointChartRange(c);
    expect(r.x0).toBeCloseTo(-0.5, 12);
    expect(r.x1).toBeCloseTo(6.5, 12);
    const ys = c.series.flatMap((s) => [
      ...s.points.flatMap((p) => [p.lo, p.hi]),
      ...s.exact.map((e) => e.y),
    ]);
    for (const v of ys.filter((v) => v > 0)) {
      expect(v).toBeGreaterThan(r.y![0]);
      expect(v).toBeLessThan(r.y![1]);
    }
    expect(c.caption).toMatch(
      /b\* 2\.3× at every N; leave-one-out 1\.6× at N = 4, rising to 2\.0× at N = 64/,
    );
  });

  it('pathwise fails: exact cos variances at μ = σ = 1 (k = 5: pathwise ≈ 12.5, score ≈ 0.5)', async () => {
    const { measurement: m, charts } = await runLesson('pathwise-fails', runSeeds);
    if (m.kind !== 'pathwise-fails') throw new Error('wrong kind');
    const k5 = m.cos.find((c) => c.k === 5)!;
    // Var[−5 sin 5a] = 12.5 (1 − e^{−50} cos 10) exactly for a ~ N(1, 1), tiny E[f′]² aside
    expect(k5.exact.pathwise).toBeCloseTo(12.5, 3);
    for (const c of m.cos)
      for (const est of ['score', 'pathwise'] as const)
        expect(Math.abs(c.measured[est].variance - c.exact[est])).toBeLessThan(4 * c.measured[est].se);
    // the chart above the step's curves: k = 0.5 and 5 side by side, the caption from the exact ratios
    const [cos, step] = charts;
    if (cos.kind !== 'points' || step.kind === 'points') throw new Error('expected points, then lines');
    expect(cos.xTicks.map((t) => t.label)).toEqual(['k = 0.5', 'k = 5']);
    expect(cos.series.map((s) => [s.role, s.shift])).toEqual([
      ['score', -0.14],
      ['pathwise', 0.14],
    ]);
    expect(cos.series[1].exact[1].y).toBeCloseTo(12.5, 3);
    expect(cos.series[1].points[1].hi - cos.series[1].points[1].lo).toBeCloseTo(
      4 * k5.measured.pathwise.se,
      12,
    );
    // exact ratios 0.455/0.0393 ≈ 11.6 and 12.5/0.5 = 25
    expect(cos.caption).toContain(
      'at k = 0.5 pathwise is 12× less noisy than score; at k = 5 pathwise is 25× noisier',
    );
    expect(cos.caption).toContain('whiskers ± 2 SE (shorter than the dots here)');
    // with few draws the whiskers show, and the caption does not say otherwise
    const noisy = m.cos.map((c) => ({
      ...c,
      measured: {
        ...c.measured,
        score: { variance: c.measured.score.variance, se: 0.1 * c.measured.score.variance },
      },
    }));
    expect(cosChart(noisy, 1000).caption).toMatch(/measured on 1,000 draws, whiskers ± 2 SE; black bars/);
    // the pathwise agent on the step never moves: the same return distribution throughout, P(a > 1) = 0.159
    const last = m.stepPathwise.mean.slice(-50).reduce((a, b) => a + b, 0) / 50;
    expect(Math.abs(last - 0.1587)).toBeLessThan(0.05);
  });

  it('gridworld: tr Cov of K rows is the closed form, and V(s) cuts the gradient variance at the same policies', async () => {
    // rows (1, 0), (−1, 0), (0, 2), (0, −2): mean 0, Σ‖g‖² = 10, tr Ĉov = 10/3
    const g = Float64Array.from([1, 0, -1, 0, 0, 2, 0, -2]);
    expect(traceCovariance(g, 4, 2).variance).toBeCloseTo(10 / 3, 14);
    for (const seed of [1, 101, 202]) {
      const v = await gridVarianceOverPolicies(seed);
      expect(v.withoutV.variance - v.withV.variance).toBeGreaterThan(2 * (v.withV.se + v.withoutV.se));
    }
  });

  it('cancels with an AbortError', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runLesson('corridor', runSeeds, { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(runLesson('bandit-baseline', runSeeds, { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('the lesson run controller: only the newest run writes', () => {
  /** A corridor measurement whose verdict is 'optimum' (50 seeds around 0.59). */
  const optimum: Measurement = {
    kind: 'corridor',
    finalProbRight: Array.from({ length: 50 }, (_, i) => 0.59 + 0.1 * Math.sin(i)),
    probRight: { mean: [0.5], se: [0] },
    jLearned: 0,
    jOptimal: 0,
  };
  const corridor = lessonById('corridor')!;
  /** A runner whose runs finish or fail only when the test says so (and do not react to abort by themselves). */
  function setup() {
    const store = createLessonsStore();
    const runs: {
      signal: AbortSignal;
      resolve: (r: LessonResult) => void;
      reject: (e: unknown) => void;
    }[] = [];
    const messages: (string | undefined)[] = [];
    const runner = createLessonRunner({
      store,
      runLesson: (_id, ctl) =>
        new Promise<LessonResult>((resolve, reject) => runs.push({ signal: ctl.signal!, resolve, reject })),
      showCharts: (_f, message) => messages.push(message),
      now: () => 0,
    });
    return { store, runs, messages, runner };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('an old run finishing after "Try again" and a new prediction writes nothing', async () => {
    const { store, runs, runner } = setup();
    store.getState().predict('corridor', 'half');
    runner.run(corridor);
    // "Try again" while it runs, then a different prediction (not yet run)
    store.getState().reset('corridor');
    store.getState().predict('corridor', 'optimum');
    runs[0].resolve({ measurement: optimum, charts: [] });
    await settle();
    expect(store.getState().progress.corridor).toEqual({ prediction: 'optimum', ran: false, correct: null });
    expect(store.getState().run.status).toBe('idle');
  });

  it('an aborted old run does not overwrite the newer run’s "Running…"', async () => {
    const { store, runs, messages, runner } = setup();
    store.getState().predict('corridor', 'optimum');
    runner.run(corridor);
    runner.run(corridor); // aborts the first
    expect(runs[0].signal.aborted).toBe(true);
    runs[0].reject(new DOMException('cancelled', 'AbortError'));
    await settle();
    expect(store.getState().run.status).toBe('running');
    expect(messages).toEqual(['Running…', 'Running…']);
    runs[1].resolve({ measurement: optimum, charts: [] });
    await settle();
    expect(store.getState().run.status).toBe('done');
    expect(store.getState().progress.corridor).toEqual({ prediction: 'optimum', ran: true, correct: true });
  });

  it('cancel makes the run idle and says "Cancelled"; a failure says why', async () => {
    const { store, runs, messages, runner } = setup();
    store.getState().predict('corridor', 'optimum');
    runner.run(corridor);
    runner.cancel();
    expect(runs[0].signal.aborted).toBe(true);
    runs[0].reject(new DOMException('cancelled', 'AbortError'));
    await settle();
    expect(store.getState().run.status).toBe('idle');
    expect(messages.at(-1)).toBe('Cancelled');
    runner.run(corridor);
    runs[1].reject(new Error('boom'));
    await settle();
    expect(store.getState().run).toMatchObject({ status: 'failed', error: 'The run failed: boom' });
    expect(store.getState().progress.corridor?.ran).toBe(false);
  });
});
