/**
 * What a LineChart (./LineChart.ts) draws: its lines (a series each, in a legend style), optional confidence
 * bands, axis titles and scale, legend mode and placement, and the messages shown without data. Plain data;
 * LineChart re-exports these types.
 */
import type { Series } from '../../app/Series';
import type { BandSpec } from './BandLayer';
import type { LegendEntry, LegendMode } from './Legend';

/** One line: a series and how it looks. */
export interface LineSpec extends LegendEntry {
  /** The points (read every frame; owned by the runner). */
  series: Series;
  /** Name in the hover readout (default: group + label). */
  tooltipLabel?: string;
  /** Keep the legend entry while the line has no finite point (default: hidden until it has one). */
  legendWhenEmpty?: boolean;
  /** Count the line in the y range (default true); when false it is drawn but clipped to the plot. */
  fitRange?: boolean;
}

/** What a chart shows. */
export interface ChartSpec {
  title: string;
  /** x-axis title (default "episode"). */
  xLabel?: string;
  yLabel: string;
  /** y axis scale (default linear); a log axis ignores values ≤ 0. */
  yScale?: 'linear' | 'log';
  /** Fixed y range instead of auto-ranging. */
  yRange?: readonly [number, number];
  /** Label y (data in [0, 1]) as a percentage. */
  yPercent?: boolean;
  lines: LineSpec[];
  /** What the legend keys (default every line and band). */
  legend?: LegendMode;
  /** Put the legend on the title row, right-aligned, when it fits there in one row (default: under it). */
  legendInTitleRow?: boolean;
  /** Confidence bands drawn over the lines (legend entries after the lines'). */
  bands?: BandSpec[];
  /** Shown when no line has a point (default "no data yet"). */
  emptyMessage?: string;
  /** Shown when lines have points but none drawable (all NaN, or ≤ 0 on a log axis). */
  noValuesMessage?: string;
}
