/**
 * A lesson's result chart: the plain {@link LessonChart} a run produced (src/app/lessons/chartData.ts) drawn with
 * the playground's {@link LineChart} (axes, nice ticks, legend, hover readout; learning curves as bands).
 * Colours: arm A Okabe–Ito blue, arm B vermillion, exact/reference lines near-black dashed, estimators in the
 * lab's colours.
 */
import { Container } from 'pixi.js';
import { Series } from '../../app/Series';
import type { LessonChart, LineRole } from '../../app/lessons/chartData';
import { LineChart, type ChartSpec } from '../charts/LineChart';
import { COLORS, ESTIMATOR_COLORS } from '../colors';

const ROLE_COLORS: Record<LineRole, number> = {
  A: COLORS.agentA,
  B: COLORS.agentB,
  reference: COLORS.reference,
  score: ESTIMATOR_COLORS.score,
  'score-optimal': ESTIMATOR_COLORS['score-optimal'],
  loo: ESTIMATOR_COLORS.loo,
};

/** The chart of one lesson result; `show` replaces what is drawn, `resize` follows the page. */
export class LessonChartView {
  /** Placed on the stage at (0, 0). */
  readonly root = new Container();
  private readonly chart = new LineChart();
  private spec: ChartSpec | null = null;
  private width = 640;
  private height = 320;

  constructor() {
    this.root.addChild(this.chart.root);
  }

  /** Draws `data` (or an empty panel with `emptyMessage`). */
  show(data: LessonChart | null, emptyMessage = 'Run the experiment to see the result here'): void {
    if (!data) {
      this.spec = { title: '', yLabel: '', lines: [], emptyMessage };
    } else {
      this.spec = {
        title: data.title,
        xLabel: data.xLabel,
        yLabel: data.yLabel,
        yScale: data.yScale,
        yPercent: data.yPercent,
        yRange: data.yRange,
        lines: data.lines
          .filter((l) => !l.band)
          .map((l) => {
            const n = l.x.length;
            const series = new Series(Math.max(4, n + (n % 2)));
            for (let i = 0; i < n; i++) series.push(l.x[i], l.y[i]);
            return {
              label: l.label,
              group: l.group,
              groupColor: l.group ? ROLE_COLORS[l.role] : undefined,
              color: ROLE_COLORS[l.role],
              style: l.style,
              series,
              legendWhenEmpty: true,
            };
          }),
        bands: data.lines
          .filter((l) => l.band)
          .map((l) => ({
            label: l.label,
            color: ROLE_COLORS[l.role],
            dashed: l.style === 'dashed',
            band: {
              x: Float64Array.from(l.x),
              mean: Float64Array.from(l.y),
              lo: Float64Array.from(l.band!.lo),
              hi: Float64Array.from(l.band!.hi),
            },
          })),
      };
    }
    this.chart.rebuild(this.spec, this.width, this.height);
  }

  /** Resizes the chart to `width` × `height` px. */
  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    if (this.spec) this.chart.rebuild(this.spec, width, height);
  }

  /** Per-frame refresh (redraws only when the hover readout or data changed). */
  update(): void {
    this.chart.update();
  }

  /** Frees the chart's Pixi objects. */
  destroy(): void {
    this.chart.destroy();
    this.root.destroy({ children: true });
  }
}
