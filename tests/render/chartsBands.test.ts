// Confidence bands on the training charts: which chart gets which overlay metric (chartSpecs), the band's
// fill polygon (hi left to right, then lo right to left, split where the interval is not finite) and mean
// line (drawBand, into a recording sink), and the extents a band adds to its chart.
import { describe, expect, it } from 'vitest';
import type { Graphics } from 'pixi.js';
import type { AgentFrame, EnvFrame, Frame } from '../../src/app/frame';
import { bandOf, type RunOverlay } from '../../src/app/multiSeed/overlay';
import { Series } from '../../src/app/Series';
import { agentColor } from '../../src/render/colors';
import { chartSpecs, sharedLegend } from '../../src/render/charts/chartSpecs';
import { drawBand, extendBandExtent } from '../../src/render/charts/drawBand';
import { emptyExtent } from '../../src/render/charts/plotMath';

function frameOf(env: EnvFrame): Frame {
  const s = () => new Series(8);
  const agent = {
    id: 'A',
    label: 'A',
    color: 0,
    env,
    series: {
      returnRaw: s(),
      returnSmooth: s(),
      exactJ: s(),
      optimal: s(),
      length: s(),
      sigma: s(),
      baseline: s(),
      gradVariance: s(),
    },
    stats: {} as AgentFrame['stats'],
  } as AgentFrame;
  return { layoutVersion: 1, agents: [agent] };
}

const stats = { mean: [1, 2, 3], se: [0.1, 0.1, 0.1] };
const overlay = (color: number, optimal: boolean, length: boolean): RunOverlay => ({
  id: color,
  label: `run ${color}`,
  color,
  dashed: color > 1,
  return: bandOf(stats, 10),
  optimalAction: optimal ? bandOf(stats, 10) : null,
  length: length ? bandOf(stats, 10) : null,
});
const overlays = [overlay(0, true, false), overlay(2, false, true)];

describe('chartSpecs with overlays', () => {
  it('bandit: every overlay on the return chart, those with % optimal on the second chart', () => {
    const env = {
      kind: 'bandit' as const,
      means: new Float64Array(2),
      optimalArm: 0,
      probs: new Float64Array(2),
    };
    const specs = chartSpecs(frameOf({ ...env, lastAction: -1, lastReward: 0 }), overlays);
    expect(specs[0].spec.bands!.map((b) => [b.label, b.color, b.dashed])).toEqual([
      ['run 0', agentColor(0), false],
      ['run 2', agentColor(2), true],
    ]);
    expect(specs[1].spec.bands!.map((b) => b.label)).toEqual(['run 0']);
    expect(specs[1].spec.bands![0].band).toBe(overlays[0].optimalAction);
    expect(specs[2].spec.bands ?? []).toEqual([]);
    expect(chartSpecs(frameOf({ ...env, lastAction: -1, lastReward: 0 }))[0].spec.bands).toEqual([]);
  });

  it('with bands the return range fits the smoothed curve and bands: raw lines are left out (clipped)', () => {
    const env = { kind: 'short-corridor' } as EnvFrame;
    const fit = (o: RunOverlay[]) =>
      chartSpecs(frameOf(env), o)[0].spec.lines.map((l) => [l.label, l.fitRange ?? true]);
    expect(fit([])).toEqual([
      ['smoothed', true],
      ['raw', true],
      ['exact J(θ)', true],
    ]);
    expect(fit(overlays)).toEqual([
      ['smoothed', true],
      ['raw', false],
      ['exact J(θ)', true],
    ]);
  });

  it('the shared legend keys the agents, then every band with a band swatch in its style', () => {
    const f = frameOf({ kind: 'short-corridor' } as EnvFrame);
    expect(sharedLegend(f, overlays)).toEqual([
      { label: 'A', color: agentColor(0), style: 'normal' },
      { label: 'run 0', color: agentColor(0), style: 'normal', band: true },
      { label: 'run 2', color: agentColor(2), style: 'dashed', band: true },
    ]);
    expect(sharedLegend(f)).toHaveLength(1);
  });

  it('episodic: the length band; continuous actions (σ chart): none', () => {
    const corridor: EnvFrame = {
      kind: 'short-corridor',
      state: 0,
      previousState: 0,
      pRight: 0.5,
      curve: new Float64Array(4),
      currentJ: 0,
    };
    expect(chartSpecs(frameOf(corridor), overlays)[1].spec.bands!.map((b) => b.label)).toEqual(['run 2']);
    const cont = { kind: 'continuous-bandit' } as EnvFrame;
    expect(chartSpecs(frameOf(cont), overlays)[1].spec.bands).toBeUndefined();
  });
});

/** A Graphics stand-in that records the path calls. */
function recorder() {
  const calls: string[] = [];
  const g = {
    clear: () => (calls.push('clear'), g),
    moveTo: (x: number, y: number) => (calls.push(`M${x},${y}`), g),
    lineTo: (x: number, y: number) => (calls.push(`L${x},${y}`), g),
    closePath: () => (calls.push('Z'), g),
    fill: (f: { alpha: number }) => (calls.push(`fill ${f.alpha}`), g),
    stroke: () => (calls.push('stroke'), g),
  };
  return { g: g as unknown as Graphics, calls };
}

describe('drawBand', () => {
  const scale = { px: (x: number) => 10 * x, py: (y: number) => -y };
  it('fills hi then lo reversed, splits at a non-finite interval, then strokes the mean', () => {
    const band = {
      x: Float64Array.from([1, 2, 3, 4, 5]),
      mean: Float64Array.from([0, 1, 2, 3, 4]),
      lo: Float64Array.from([-1, 0, NaN, 2, 3]),
      hi: Float64Array.from([1, 2, NaN, 4, 5]),
    };
    const { g, calls } = recorder();
    drawBand(g, band, scale, new Float64Array(5), new Float64Array(5), 0x123456, false);
    expect(calls).toEqual([
      'clear',
      'M10,-1',
      'L20,-2',
      'L20,0',
      'L10,1',
      'Z',
      'fill 0.2',
      'M40,-4',
      'L50,-5',
      'L50,-3',
      'L40,-2',
      'Z',
      'fill 0.2',
      'M10,0',
      'L20,-1',
      'L30,-2',
      'L40,-3',
      'L50,-4',
      'stroke',
    ]);
  });

  it('extents: x over the episodes, y over the finite interval', () => {
    const band = bandOf({ mean: [5, 7, 6], se: [1, 0, 2] }, 4);
    const x = emptyExtent();
    const y = emptyExtent();
    extendBandExtent(band, x, y);
    const t = 3.182446305;
    expect([x.min, x.max]).toEqual([1, 3]);
    expect(y.min).toBeCloseTo(6 - 2 * t, 6);
    expect(y.max).toBeCloseTo(6 + 2 * t, 6);
  });
});
