/**
 * What the four training charts show for a frame (src/app/frame.ts): which series, in which colour and style,
 * under which titles and messages. Pure data (no Pixi objects), so it is tested in node; ChartsView turns it
 * into LineCharts. Agent colours follow src/render/colors.ts: A blue, B vermillion, exact J a darker shade of
 * the agent's colour, dashed. Multi-seed and imported runs (overlays) add mean ± 95% CI bands to the return
 * chart and to the second chart when it shows % optimal action or episode length. The agents and bands are
 * keyed once for all four charts ({@link sharedLegend}); a chart's own legend keys only its line styles
 * (smoothed, raw, exact J), so at 1280×720 no chart spends more than one row on its legend. While bands are
 * shown the return chart's y range fits the smoothed curves and bands, not the raw returns (drawn, clipped),
 * so a band several times narrower than the raw scatter stays readable.
 */
import type { AgentFrame, AgentSeries, Frame } from '../../app/frame';
import type { RunOverlay } from '../../app/multiSeed/overlay';
import { COLORS, agentColor, mix } from '../colors';
import { bandLegendEntry } from './drawBand';
import type { LegendEntry } from './Legend';
import type { BandSpec, ChartSpec, LineSpec } from './LineChart';

/** Where a chart line reads its series: agent index and series key (re-bound every frame). */
export interface LineBinding {
  agent: number;
  key: keyof AgentSeries;
}

/** A chart spec with the binding of each of its lines. */
export interface BoundChart {
  spec: ChartSpec;
  bindings: LineBinding[];
}

/** The shade of an agent's colour used for exact (reference) curves. */
export function exactShade(color: number): number {
  return mix(color, COLORS.reference, 0.45);
}

function line(
  agent: AgentFrame,
  index: number,
  key: keyof AgentSeries,
  options: Omit<LineSpec, 'series'>,
): { spec: LineSpec; binding: LineBinding } {
  return { spec: { ...options, series: agent.series[key] }, binding: { agent: index, key } };
}

function chart(
  spec: Omit<ChartSpec, 'lines'>,
  parts: { spec: LineSpec; binding: LineBinding }[],
): BoundChart {
  return {
    spec: { legend: 'none', ...spec, lines: parts.map((p) => p.spec) },
    bindings: parts.map((p) => p.binding),
  };
}

/** One line per agent of series `key`, labelled with the agent's label. */
function perAgent(agents: readonly AgentFrame[], key: keyof AgentSeries) {
  return agents.map((a, i) =>
    line(a, i, key, { label: a.label, color: agentColor(a.color), style: 'normal', tooltipLabel: a.id }),
  );
}

/**
 * The second chart depends on the environment: % optimal action for bandits, episode length for the episodic
 * tabular environments, and the Gaussian policy's σ (how much it still explores) for continuous actions.
 */
function secondChart(agents: readonly AgentFrame[]): BoundChart {
  const kind = agents[0]?.env.kind ?? 'bandit';
  if (kind === 'bandit')
    return chart(
      { title: '% optimal action', yLabel: 'optimal action', yRange: [0, 1], yPercent: true },
      perAgent(agents, 'optimal'),
    );
  if (kind === 'gridworld' || kind === 'short-corridor')
    return chart({ title: 'Episode length', yLabel: 'steps' }, perAgent(agents, 'length'));
  return chart(
    { title: 'Policy σ (exploration, log scale)', yLabel: 'σ', yScale: 'log' },
    perAgent(agents, 'sigma'),
  );
}

/** The bands of `overlays` for one metric (overlays without it are skipped). */
function bandsOf(overlays: readonly RunOverlay[], key: 'return' | 'optimalAction' | 'length'): BandSpec[] {
  return overlays.flatMap((o) => {
    const band = o[key];
    return band ? [{ label: o.label, color: agentColor(o.color), dashed: o.dashed, band }] : [];
  });
}

/** Which overlay metric the second chart shows (none for the σ chart of continuous actions). */
function secondMetric(frame: Frame): 'optimalAction' | 'length' | null {
  const kind = frame.agents[0]?.env.kind ?? 'bandit';
  if (kind === 'bandit') return 'optimalAction';
  return kind === 'gridworld' || kind === 'short-corridor' ? 'length' : null;
}

/**
 * The four charts, in reading order: return per episode (raw, smoothed, exact J), the env-specific second
 * chart ({@link secondChart}), baseline value, gradient variance (log axis).
 */
export function chartSpecs(frame: Frame, overlays: readonly RunOverlay[] = []): BoundChart[] {
  const agents = frame.agents;
  const returnBands = bandsOf(overlays, 'return');
  const returns = agents.flatMap((a, i) => {
    const color = agentColor(a.color);
    const group = { group: a.label, groupColor: color };
    return [
      line(a, i, 'returnSmooth', {
        ...group,
        label: 'smoothed',
        color,
        style: 'normal',
        tooltipLabel: `${a.id} smoothed`,
      }),
      line(a, i, 'returnRaw', {
        ...group,
        label: 'raw',
        color,
        style: 'faint',
        tooltipLabel: `${a.id} raw`,
        fitRange: returnBands.length === 0,
      }),
      line(a, i, 'exactJ', {
        ...group,
        label: 'exact J(θ)',
        color: exactShade(color),
        style: 'dashed',
        tooltipLabel: `${a.id} exact J`,
      }),
    ];
  });
  const second = secondChart(agents);
  const metric = secondMetric(frame);
  if (metric) second.spec.bands = bandsOf(overlays, metric);
  return [
    chart(
      {
        title: 'Return per episode',
        yLabel: 'return',
        bands: returnBands,
        legend: 'styles',
        legendInTitleRow: true,
      },
      returns,
    ),
    second,
    chart(
      {
        title: 'Baseline value',
        yLabel: 'baseline b',
        noValuesMessage: 'no baseline in use (baseline none, or the pathwise estimator)',
      },
      perAgent(agents, 'baseline'),
    ),
    chart(
      {
        title: 'Gradient variance (log scale)',
        yLabel: 'total variance',
        yScale: 'log',
        noValuesMessage: 'no positive variance estimates yet',
      },
      perAgent(agents, 'gradVariance'),
    ),
  ];
}

/**
 * The legend row shared by the four charts: each agent's colour and label, then each band (mean ± 95% CI of
 * a multi-seed or imported run).
 */
export function sharedLegend(frame: Frame, overlays: readonly RunOverlay[] = []): LegendEntry[] {
  const agents: LegendEntry[] = frame.agents.map((a) => ({
    label: a.label,
    color: agentColor(a.color),
    style: 'normal',
  }));
  return [...agents, ...overlays.map((o) => bandLegendEntry({ ...o, color: agentColor(o.color) }))];
}
