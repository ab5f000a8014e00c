/**
 * The k-armed bandit (Sutton & Barto 2nd ed., §2.1–2.3, Figure 2.1): one column per arm with the policy's
 * probability π(a) as a bar on the left axis, the true values q*(a) (when revealed) and the baseline on the
 * right "reward" axis, a ★ over the best arm, and the last pull outlined for ~300 ms. Bars are unit rects
 * scaled in y; nothing is redrawn per frame.
 */
import { Container, Graphics, GraphicsContext, type Text } from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import type { EnvView, EnvViewOptions } from '../View';
import { formatReadout, niceRange, niceStep, niceTickValues } from '../charts/ticks';
import { addPanel, addTitle, addYAxis, dashedLine, destroyLayer, makeText, padFor } from './draw';
import { fade } from './motion';
import { LinearScale } from './scale';
import { agentColor, baseFontSize, theme } from './theme';

type BanditFrame = Extract<AgentFrame['env'], { kind: 'bandit' }>;

/** How long the last-pull highlight takes to fade (ms). */
const PULL_FADE_MS = 300;
/** Text refresh period (ms): readouts change at most ~10 times a second. */
const TEXT_MS = 100;
/** Space between legend items (px). */
const LEGEND_GAP = 18;

/** Policy bars and true values of a k-armed bandit. */
export class BanditView implements EnvView {
  /** Root container, placed by the layout. */
  readonly root = new Container();
  private layer: Container | null = null;
  private bars: Graphics[] = [];
  private markers: Graphics[] = [];
  private star: Text | null = null;
  private baseline: Graphics | null = null;
  private pull: Graphics | null = null;
  private pullDot: Graphics | null = null;
  private rightAxis: Container | null = null;
  private legendMeans: Text | null = null;
  private legendBaseline: Text | null = null;
  private legendPull: Text | null = null;
  private readonly piScale = new LinearScale();
  private readonly rScale = new LinearScale();
  private colW = 0;
  private x0 = 0;
  private lastSteps = -1;
  private pullAge = Infinity;
  private textClock = 0;
  private legendRow = 0;
  private legendX = 0;
  private legendStep = 0;
  private legendWrap = false;

  /** Builds the columns for `agent`'s arms at width × height px. */
  rebuild(agent: AgentFrame, width: number, height: number, options: EnvViewOptions): void {
    const env = agent.env;
    if (env.kind !== 'bandit') return;
    destroyLayer(this.layer);
    const layer = (this.layer = new Container());
    this.root.addChild(layer);
    addPanel(layer, width, height);
    const k = env.probs.length;
    const f = baseFontSize(width, height);
    const pad = padFor(f);
    const color = agentColor(agent.color);
    const top = addTitle(layer, `${k}-armed bandit`, agent, width, f);
    const row = Math.round(f * 1.45);

    // vertical budget: axis titles, star row, plot, arm labels, legend
    const axisTitleY = top + pad;
    const starY = axisTitleY + row;
    const y0 = starY + row;
    this.legendMeans = makeText('◆ q*(a)  ★ best arm', f, theme.text);
    this.legendBaseline = makeText('– – baseline', f, theme.muted);
    this.legendPull = makeText(`● last pull: arm ${k}, r = −0.000`, f, color);
    const legendW =
      this.legendMeans.width + this.legendBaseline.width + this.legendPull.width + 2 * LEGEND_GAP;
    this.legendWrap = legendW > width - 2 * pad;
    const legendY = height - pad - (this.legendWrap ? 2 * row : row);
    const armY = legendY - row;
    const y1 = armY - 4;
    const left = pad + Math.round(f * 2.6);
    const right = width - pad - Math.round(f * 2.9);
    this.x0 = left;
    this.colW = (right - left) / k;
    this.piScale.set(0, 1, y1, y0);
    const [rLo, rHi] = rewardRange(env.means);
    this.rScale.set(rLo, rHi, y1, y0);

    // grid, axes and their titles
    const grid = new Graphics();
    const axes = new Graphics();
    const piTicks = y1 - y0 > 6 * f ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.5, 1];
    for (const v of piTicks) grid.moveTo(left, this.piScale.map(v)).lineTo(right, this.piScale.map(v));
    grid.stroke({ width: 1, color: theme.grid });
    layer.addChild(grid);
    addYAxis(layer, axes, this.piScale, piTicks, 0.25, left, -1, f, color);
    const piTitle = makeText('π(a)', f, color, true, 1, 0);
    piTitle.position.set(left, axisTitleY);
    layer.addChild(piTitle);
    axes.moveTo(left, y1).lineTo(right, y1);
    axes.stroke({ width: 1, color: theme.axis });
    layer.addChild(axes);

    const rightAxis = (this.rightAxis = new Container());
    const rAxes = new Graphics();
    const rStep = niceStep(rLo, rHi, Math.max(2, (y1 - y0) / (2 * f)));
    const rTicks = niceTickValues(rLo, rHi, (y1 - y0) / (2 * f));
    addYAxis(rightAxis, rAxes, this.rScale, rTicks, rStep, right, 1, f);
    rAxes.stroke({ width: 1, color: theme.axis });
    rightAxis.addChild(rAxes);
    const rTitle = makeText('reward', f, theme.muted, true, 1, 0);
    rTitle.position.set(width - pad, axisTitleY);
    rightAxis.addChild(rTitle);
    layer.addChild(rightAxis);

    // bars: one unit rect, scaled per arm
    const unit = new GraphicsContext().rect(0, -1, 1, 1).fill({ color: 0xffffff });
    const barW = Math.max(1, this.colW * 0.6);
    this.bars = [];
    for (let a = 0; a < k; a++) {
      const bar = new Graphics(unit);
      bar.tint = color;
      bar.position.set(left + this.colW * (a + 0.5) - barW / 2, y1);
      bar.scale.set(barW, 0);
      layer.addChild(bar);
      this.bars.push(bar);
    }

    // true values: a dark tick with a diamond, on the reward axis
    const half = Math.max(2, this.colW * 0.4);
    const d = Math.max(2.5, Math.min(6, this.colW * 0.25));
    const marker = new GraphicsContext()
      .moveTo(-half, 0)
      .lineTo(half, 0)
      .stroke({ width: 2, color: theme.text })
      .poly([0, -d, d, 0, 0, d, -d, 0])
      .fill({ color: theme.text });
    this.markers = [];
    for (let a = 0; a < k; a++) {
      const m = new Graphics(marker);
      m.position.set(left + this.colW * (a + 0.5), this.rScale.mapClamped(env.means[a]));
      layer.addChild(m);
      this.markers.push(m);
    }
    this.star = makeText('★', f + 2, theme.text, false, 0.5, 0);
    this.star.position.set(left + this.colW * (env.optimalArm + 0.5), starY);
    layer.addChild(this.star);

    this.baseline = new Graphics();
    dashedLine(this.baseline, left, 0, right, 0);
    this.baseline.stroke({ width: 2, color: theme.muted });
    layer.addChild(this.baseline);

    this.pull = new Graphics()
      .rect(1, y0 - row + 2, Math.max(2, this.colW - 2), y1 - y0 + row - 2)
      .stroke({ width: 2.5, color });
    this.pull.alpha = 0;
    layer.addChild(this.pull);
    this.pullDot = new Graphics().circle(0, 0, 5).fill({ color }).stroke({ width: 1.5, color: theme.panel });
    layer.addChild(this.pullDot);

    // arm labels, thinned so they never touch
    const every = Math.max(1, Math.ceil((f * 0.7 * String(k).length + 8) / this.colW));
    for (let a = 0; a < k; a++) {
      if (a % every !== 0) continue;
      const t = makeText(String(a + 1), f, theme.muted, false, 0.5, 0);
      t.position.set(left + this.colW * (a + 0.5), armY);
      layer.addChild(t);
    }
    const armTitle = makeText('arm', f, theme.muted, false, 1, 0);
    armTitle.position.set(left - 7, armY);
    layer.addChild(armTitle);

    this.legendRow = legendY;
    this.legendX = this.legendWrap ? pad : left;
    this.legendStep = row;
    layer.addChild(this.legendMeans, this.legendBaseline, this.legendPull);

    this.lastSteps = agent.stats.steps;
    this.pullAge = Infinity;
    this.refresh(agent, env, options, 0, true);
  }

  /** Moves bars, markers and highlights to this frame's numbers. */
  update(agent: AgentFrame, options: EnvViewOptions, dtMs: number): void {
    const env = agent.env;
    if (env.kind !== 'bandit' || !this.layer) return;
    this.refresh(agent, env, options, dtMs, false);
  }

  private refresh(
    agent: AgentFrame,
    env: BanditFrame,
    options: EnvViewOptions,
    dtMs: number,
    force: boolean,
  ): void {
    const h = this.piScale.r0 - this.piScale.r1;
    const n = Math.min(this.bars.length, env.probs.length);
    for (let a = 0; a < n; a++) this.bars[a].scale.y = h * env.probs[a];
    const show = options.showTrueMeans;
    for (let a = 0; a < this.markers.length; a++) this.markers[a].visible = show;
    this.star!.visible = show;

    const b = agent.stats.baselineValue;
    const hasBaseline = Number.isFinite(b);
    this.baseline!.visible = hasBaseline;
    if (hasBaseline) this.baseline!.y = this.rScale.mapClamped(b);
    this.rightAxis!.visible = show || hasBaseline;

    if (agent.stats.steps !== this.lastSteps) {
      this.lastSteps = agent.stats.steps;
      this.pullAge = 0;
    } else {
      this.pullAge += dtMs;
    }
    const pulled = env.lastAction >= 0 && env.lastAction < n;
    const alpha = pulled ? 0.25 + 0.75 * fade(this.pullAge, PULL_FADE_MS) : 0;
    const cx = this.x0 + this.colW * (env.lastAction + 0.5);
    this.pull!.alpha = alpha;
    this.pull!.x = this.x0 + this.colW * env.lastAction;
    this.pullDot!.visible = pulled && Number.isFinite(env.lastReward);
    this.pullDot!.position.set(cx, this.rScale.mapClamped(env.lastReward));
    this.pullDot!.alpha = alpha;

    this.textClock += dtMs;
    if (force || this.textClock >= TEXT_MS) {
      this.textClock = 0;
      this.legendPull!.text = pulled
        ? `● last pull: arm ${env.lastAction + 1}, r = ${formatReadout(env.lastReward)}`
        : '';
      this.layoutLegend(show, hasBaseline);
    }
  }

  /** Lays the visible legend items out left to right; on narrow views the last pull gets its own row. */
  private layoutLegend(showMeans: boolean, showBaseline: boolean): void {
    const means = this.legendMeans!;
    const base = this.legendBaseline!;
    const pull = this.legendPull!;
    means.visible = showMeans;
    base.visible = showBaseline;
    let x = this.legendX;
    means.position.set(x, this.legendRow);
    if (showMeans) x += means.width + LEGEND_GAP;
    base.position.set(x, this.legendRow);
    if (showBaseline) x += base.width + LEGEND_GAP;
    if (this.legendWrap) pull.position.set(this.legendX, this.legendRow + this.legendStep);
    else pull.position.set(x, this.legendRow);
  }

  /** Destroys every display object of the view. */
  destroy(): void {
    destroyLayer(this.layer);
    this.layer = null;
    this.root.destroy({ children: true });
  }
}

/** Reward-axis range for arm values: [0, 1] for probabilities (Bernoulli arms), else the values ± 1, made nice. */
function rewardRange(means: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < means.length; i++) {
    lo = Math.min(lo, means[i]);
    hi = Math.max(hi, means[i]);
  }
  if (!(lo <= hi)) return [0, 1];
  if (lo >= 0 && hi <= 1) return [0, 1];
  return niceRange(lo - 1, hi + 1, 5);
}
