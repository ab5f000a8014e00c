/**
 * What the four training charts show for a frame (src/app/frame.ts): which series, in which colour and style,
 * under which titles and messages. Pure data (no Pixi objects), so it is tested in node; ChartsView turns it
 * into LineCharts. Agent colours follow src/render/colors.ts: A blue, B vermillion, exact J a darker shade of
 * the agent's colour, dashed.
 */
import type { AgentFrame, AgentSeries, Frame } from '../../app/frame';
import { COLORS, agentColor, mix } from '../colors';
import type { ChartSpec, LineSpec } from './LineChart';

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

/** Message of the "% optimal action" chart outside bandits. */
export const OPTIMAL_ONLY_BANDITS = '% optimal action is defined for k-armed bandits';

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
  return { spec: { ...spec, lines: parts.map((p) => p.spec) }, bindings: parts.map((p) => p.binding) };
}

/** One line per agent of series `key`, labelled with the agent's label. */
function perAgent(agents: readonly AgentFrame[], key: keyof AgentSeries) {
  return agents.map((a, i) =>
    line(a, i, key, { label: a.label, color: agentColor(a.color), style: 'normal', tooltipLabel: a.id }),
  );
}

/**
 * The four charts, in reading order: return per episode (raw, smoothed, exact J), % optimal action
 * (bandits only), baseline value, gradient variance (log axis).
 */
export function chartSpecs(frame: Frame): BoundChart[] {
  const agents = frame.agents;
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
      line(a, i, 'returnRaw', { ...group, label: 'raw', color, style: 'faint', tooltipLabel: `${a.id} raw` }),
      line(a, i, 'exactJ', {
        ...group,
        label: 'exact J(θ)',
        color: exactShade(color),
        style: 'dashed',
        tooltipLabel: `${a.id} exact J`,
      }),
    ];
  });
  const bandits = agents.some((a) => a.env.kind === 'bandit');
  return [
    chart({ title: 'Return per episode', yLabel: 'return' }, returns),
    chart(
      {
        title: '% optimal action',
        yLabel: 'optimal action',
        yRange: [0, 1],
        yPercent: true,
        emptyMessage: bandits ? 'no data yet' : OPTIMAL_ONLY_BANDITS,
      },
      bandits ? perAgent(agents, 'optimal').filter((_, i) => agents[i].env.kind === 'bandit') : [],
    ),
    chart(
      {
        title: 'Baseline value',
        yLabel: 'baseline b',
        noValuesMessage: 'no baseline in use (baseline: none)',
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
