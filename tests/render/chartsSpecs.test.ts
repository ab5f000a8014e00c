// What the training charts show (src/render/charts/chartSpecs.ts) for one and two agents, bandit and
// non-bandit environments, and what each chart's own legend keys (the agents are keyed once, in a shared row).
import { describe, expect, it } from 'vitest';
import type { AgentFrame, AgentSeries, EnvFrame, Frame } from '../../src/app/frame';
import { Series } from '../../src/app/Series';
import { COLORS, lightness } from '../../src/render/colors';
import { chartSpecs, exactShade } from '../../src/render/charts/chartSpecs';

function series(): AgentSeries {
  return {
    returnRaw: new Series(8),
    returnSmooth: new Series(8),
    exactJ: new Series(8),
    optimal: new Series(8),
    length: new Series(8),
    sigma: new Series(8),
    baseline: new Series(8),
    gradVariance: new Series(8),
  };
}

const bandit: EnvFrame = {
  kind: 'bandit',
  means: new Float64Array(2),
  optimalArm: 0,
  probs: new Float64Array(2),
  lastAction: -1,
  lastReward: 0,
};
const corridor: EnvFrame = {
  kind: 'short-corridor',
  state: 0,
  previousState: 0,
  pRight: 0.5,
  curve: new Float64Array(4),
  currentJ: 0,
};

function agent(id: 'A' | 'B', env: EnvFrame): AgentFrame {
  return {
    id,
    label: `${id} · score · learned`,
    color: id === 'A' ? 0 : 1,
    env,
    series: series(),
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
}

describe('chartSpecs', () => {
  it('builds the four charts with A in blue and B in vermillion', () => {
    const frame: Frame = { layoutVersion: 1, agents: [agent('A', bandit), agent('B', bandit)] };
    const charts = chartSpecs(frame);
    expect(charts.map((c) => c.spec.title)).toEqual([
      'Return per episode',
      '% optimal action',
      'Baseline value',
      'Gradient variance (log scale)',
    ]);
    const ret = charts[0].spec.lines;
    expect(ret.map((l) => l.style)).toEqual(['normal', 'faint', 'dashed', 'normal', 'faint', 'dashed']);
    expect(ret[0].color).toBe(COLORS.agentA);
    expect(ret[3].color).toBe(COLORS.agentB);
    expect(ret[2].color).toBe(exactShade(COLORS.agentA));
    expect(ret[0].group).toBe('A · score · learned');
    expect(ret[0].series).toBe(frame.agents[0].series.returnSmooth);
    expect(charts[3].spec.yScale).toBe('log');
    expect(charts[1].spec.yRange).toEqual([0, 1]);
    for (const c of charts) {
      expect(c.bindings.length).toBe(c.spec.lines.length);
      c.bindings.forEach((b, i) => expect(frame.agents[b.agent].series[b.key]).toBe(c.spec.lines[i].series));
    }
  });

  it('keys only the line styles of the return chart, on its title row; the other charts have no legend', () => {
    const frame: Frame = { layoutVersion: 1, agents: [agent('A', bandit), agent('B', bandit)] };
    const charts = chartSpecs(frame);
    expect(charts.map((c) => [c.spec.legend, !!c.spec.legendInTitleRow])).toEqual([
      ['styles', true],
      ['none', false],
      ['none', false],
      ['none', false],
    ]);
    // the style keys: three distinct labels over both agents' lines
    expect([...new Set(charts[0].spec.lines.map((l) => `${l.label}/${l.style}`))]).toEqual([
      'smoothed/normal',
      'raw/faint',
      'exact J(θ)/dashed',
    ]);
  });

  it('shows episode length instead of % optimal action outside bandits', () => {
    const a = agent('A', corridor);
    const charts = chartSpecs({ layoutVersion: 1, agents: [a] });
    expect(charts[1].spec.title).toBe('Episode length');
    expect(charts[1].spec.lines.map((l) => l.series)).toEqual([a.series.length]);
    expect(charts[0].spec.lines.length).toBe(3);
  });

  it('keeps the exact shade distinct from the agent colour and darker', () => {
    for (const c of [COLORS.agentA, COLORS.agentB]) {
      expect(exactShade(c)).not.toBe(c);
      expect(lightness(exactShade(c))).toBeLessThan(lightness(c) - 5);
    }
  });
});
