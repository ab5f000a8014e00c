/**
 * A lesson's result charts, stacked: the plain figures a run produced (src/app/lessons/chartData.ts) — at most
 * one {@link LessonChart}, drawn with the playground's {@link LineChart} (axes, nice ticks, legend, hover
 * readout; learning curves as bands), and at most one {@link LessonPointChart}, drawn by {@link PointChart}
 * (measured ± 2 SE against exact). Colours: arm A Okabe–Ito blue, arm B vermillion, exact/reference lines
 * near-black dashed, estimators in the lab's colours.
 */
import { Container } from 'pixi.js';
import { Series } from '../../app/Series';
import type { LessonChart, LessonFigure, LessonPointChart, LineRole } from '../../app/lessons/chartData';
import { LineChart, type ChartSpec } from '../charts/LineChart';
import { FONT, SPACE, makeText, setText } from '../charts/theme';
import { COLORS, ESTIMATOR_COLORS } from '../colors';
import { fitText } from '../views/draw';
import { PointChart } from './PointChart';

/** Vertical space between stacked charts (px). */
const GAP = 12;

const ROLE_COLORS: Record<LineRole, number> = {
  A: COLORS.agentA,
  B: COLORS.agentB,
  reference: COLORS.reference,
  score: ESTIMATOR_COLORS.score,
  'score-optimal': ESTIMATOR_COLORS['score-optimal'],
  loo: ESTIMATOR_COLORS.loo,
  pathwise: ESTIMATOR_COLORS.pathwise,
};

/**
 * The charts of one lesson result, top to bottom in the run's order; `show` replaces what is drawn, `resize`
 * follows the page, {@link LessonChartView.totalHeight} says how tall the canvas must be.
 */
export class LessonChartView {
  /** Placed on the stage at (0, 0). */
  readonly root = new Container();
  private readonly chart = new LineChart();
  private readonly points = new PointChart(ROLE_COLORS);
  private spec: ChartSpec | null = null;
  /** The line chart's whole title, and a Text in its style to shorten it to the chart's width. */
  private lineTitle = '';
  private readonly titleMeasure = makeText('', { size: FONT.title, weight: '600' });
  private pointData: LessonPointChart | null = null;
  /** Which charts are shown, in order. */
  private order: ('lines' | 'points')[] = ['lines'];
  private width = 640;
  private height = 320;

  constructor() {
    // The page renders only when something changed (src/lessons.ts), so texture caches buy nothing here;
    // drawing the stacked charts directly keeps one render path for both.
    this.chart.root.cacheAsTexture(false);
    this.points.root.cacheAsTexture(false);
    this.root.addChild(this.chart.root, this.points.root);
    this.points.root.visible = false;
  }

  /** Height of the whole stack (px) at the current size. */
  get totalHeight(): number {
    return this.order.length * this.height + (this.order.length - 1) * GAP;
  }

  /**
   * Draws `figures` (at most one line chart and one point chart), or an empty panel with `emptyMessage`.
   */
  show(
    figures: readonly LessonFigure[] | null,
    emptyMessage = 'Run the experiment to see the result here',
  ): void {
    const line = figures?.find((f): f is LessonChart => f.kind !== 'points') ?? null;
    this.pointData = figures?.find((f): f is LessonPointChart => f.kind === 'points') ?? null;
    this.order = figures?.length ? figures.map((f) => (f.kind === 'points' ? 'points' : 'lines')) : ['lines'];
    this.lineTitle = line?.title ?? '';
    this.spec = line
      ? lineSpec(line)
      : figures?.length
        ? null
        : { title: '', yLabel: '', lines: [], emptyMessage };
    this.layout(true);
  }

  /** Resizes each chart to `width` × `height` px (the stack is {@link totalHeight} tall). */
  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.layout(false);
  }

  /** Places and redraws the charts; `rebuild`: the point chart's data changed (else only its size). */
  private layout(rebuild: boolean): void {
    this.chart.root.visible = this.spec !== null;
    this.points.root.visible = this.pointData !== null;
    this.order.forEach((kind, i) => {
      const y = i * (this.height + GAP);
      if (kind === 'lines' && this.spec) {
        this.chart.root.position.set(0, y);
        this.spec.title = this.fitTitle(this.lineTitle);
        this.chart.rebuild(this.spec, this.width, this.height);
      } else if (kind === 'points' && this.pointData) {
        this.points.root.position.set(0, y);
        if (rebuild) this.points.show(this.pointData, this.width, this.height);
        else this.points.resize(this.width, this.height);
      }
    });
  }

  /**
   * `title` shortened with an ellipsis to the line chart's inner width (LineChart draws its title as given).
   */
  private fitTitle(title: string): string {
    setText(this.titleMeasure, title);
    fitText(this.titleMeasure, this.width - 2 * SPACE.pad);
    return this.titleMeasure.text;
  }

  /** Per-frame refresh (redraws only when the hover readout or data changed). */
  update(): void {
    this.chart.update();
  }

  /** Frees the chart's Pixi objects. */
  destroy(): void {
    this.chart.destroy();
    this.titleMeasure.destroy();
    this.points.destroy();
    this.root.destroy({ children: true });
  }
}

/** The playground chart's spec of a lesson line chart. */
function lineSpec(data: LessonChart): ChartSpec {
  return {
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
