/**
 * Continuous-action bandit (Mohamed et al. 2020, §2; Sutton & Barto 2nd ed., §13.7): the reward curve r(a),
 * the Gaussian policy N(μ, σ²) drawn over it as a translucent shape in the agent's colour, μ as a vertical
 * line, and the most recent sampled actions as ticks along the a axis that fade with age. The density is one
 * unit bell curve, moved and scaled per frame; the reward curve is redrawn only when the reward changes.
 */
import { Container, Graphics, GraphicsContext, type Text } from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import type { EnvView, EnvViewOptions } from '../View';
import { formatReadout, niceRange, niceStep, niceTickValues } from '../charts/ticks';
import {
  addHalo,
  addPanel,
  addTitle,
  addXAxis,
  addYAxis,
  clipTo,
  destroyLayer,
  fitText,
  makeTag,
  makeText,
  padFor,
} from './draw';
import { LinearScale } from './scale';
import { agentColor, baseFontSize, theme } from './theme';

type ContinuousFrame = Extract<AgentFrame['env'], { kind: 'continuous-bandit' }>;

/** Readout refresh period (ms). */
const TEXT_MS = 100;
/** A sample tick fades from opaque to its floor alpha over this long (ms). */
const SAMPLE_FADE_MS = 2000;

/** Reward curve, Gaussian policy and recent samples of a continuous bandit. */
export class ContinuousBanditView implements EnvView {
  /** Root container, placed by the layout. */
  readonly root = new Container();
  private layer: Container | null = null;
  private density: Graphics | null = null;
  private densityLabel: Container | null = null;
  private muLabel: Text | null = null;
  private muLine: Graphics | null = null;
  private ticks: Graphics[] = [];
  private readout: Text | null = null;
  private readonly ax = new LinearScale();
  private readonly ry = new LinearScale();
  private seen = new Float64Array(0);
  private age = new Float64Array(0);
  private source = '';
  private curve = new Float64Array(0);
  private width = 0;
  private height = 0;
  private textClock = 0;

  /** Builds axes, reward curve, density and sample ticks at width × height px. */
  rebuild(agent: AgentFrame, width: number, height: number, _options: EnvViewOptions): void {
    const env = agent.env;
    if (env.kind !== 'continuous-bandit') return;
    destroyLayer(this.layer);
    const layer = (this.layer = new Container());
    this.root.addChild(layer);
    this.width = width;
    this.height = height;
    this.source = env.rewardSource;
    this.curve = env.curveR.slice();
    addPanel(layer, width, height);
    const f = baseFontSize(width, height);
    const pad = padFor(f);
    const color = agentColor(agent.color);
    const top = addTitle(layer, 'Continuous bandit', agent, width, f);
    const row = Math.round(f * 1.45);

    // readouts: reward source, then μ and σ (same row when they fit)
    const src = makeText(`r(a) = ${env.rewardSource}`, f, theme.text);
    src.position.set(pad, top + pad / 2);
    layer.addChild(src);
    this.readout = makeText('μ = −00.00,  σ = 00.00', f, color, true, 1, 0);
    const together = src.width + this.readout.width + 3 * pad <= width - 2 * pad;
    if (!together) fitText(src, width - 2 * pad);
    else fitText(src, width - 3 * pad - this.readout.width);
    this.readout.position.set(width - pad, together ? top + pad / 2 : top + pad / 2 + row);
    layer.addChild(this.readout);

    // plot area and scales
    const y0 = top + pad / 2 + (together ? row : 2 * row) + row;
    const y1 = height - pad - Math.round(f * 2.8);
    const x0 = pad + Math.round(f * 3.2);
    const x1 = width - pad - Math.round(f * 0.8);
    const n = env.curveA.length;
    const aLo = n > 0 ? env.curveA[0] : -1;
    const aHi = n > 0 ? env.curveA[n - 1] : 1;
    this.ax.set(aLo, aHi, x0, x1);
    let rLo = Infinity;
    let rHi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(env.curveR[i])) continue;
      rLo = Math.min(rLo, env.curveR[i]);
      rHi = Math.max(rHi, env.curveR[i]);
    }
    const yCount = Math.max(2, (y1 - y0) / (2.8 * f));
    const [lo, hi] = niceRange(rLo, rHi + 0.06 * (rHi - rLo), yCount);
    this.ry.set(lo, hi, y1, y0);

    const axes = new Graphics();
    addYAxis(layer, axes, this.ry, niceTickValues(lo, hi, yCount), niceStep(lo, hi, yCount), x0, -1, f);
    const xCount = Math.max(2, (x1 - x0) / (5 * f));
    addXAxis(layer, axes, this.ax, niceTickValues(aLo, aHi, xCount), niceStep(aLo, aHi, xCount), y1, f);
    axes.stroke({ width: 1, color: theme.axis });
    layer.addChild(axes);
    const yTitle = makeText('r(a)', f, theme.muted, true, 0, 0);
    yTitle.position.set(x0 + 6, y0 - row);
    const xTitle = makeText('action a', f, theme.muted, false, 1, 0);
    xTitle.position.set(x1, y1 + 5 + Math.round(f * 1.3));
    layer.addChild(yTitle, xTitle);

    // everything inside the plot is clipped to it
    const plot = new Container();
    clipTo(plot, x0, y0, x1 - x0, y1 - y0);
    layer.addChild(plot);
    const bell: number[] = [];
    for (let z = -4; z <= 4.0001; z += 0.1) bell.push(z, -Math.exp(-0.5 * z * z));
    bell.push(4, 0, -4, 0);
    this.density = new Graphics(new GraphicsContext().poly(bell).fill({ color, alpha: 0.28 }));
    this.density.y = y1;
    this.muLine = new Graphics().moveTo(0, y0).lineTo(0, y1).stroke({ width: 2, color });
    plot.addChild(this.density, this.muLine);
    const curve = new Graphics();
    for (let i = 0; i < n; i++) {
      const x = this.ax.map(env.curveA[i]);
      const y = this.ry.map(env.curveR[i]);
      if (i === 0) curve.moveTo(x, y);
      else curve.lineTo(x, y);
    }
    curve.stroke({ width: 2.5, color: theme.text, join: 'round' });
    plot.addChild(curve);
    const tick = new GraphicsContext().rect(-1, -Math.round(f * 1.1), 2, Math.round(f * 1.1)).fill({ color });
    this.ticks = [];
    for (let i = 0; i < env.samples.length; i++) {
      const t = new Graphics(tick);
      t.y = y1;
      plot.addChild(t);
      this.ticks.push(t);
    }
    this.densityLabel = makeTag('π(a) = N(μ, σ²)', f, color);
    this.muLabel = addHalo(makeText('μ', f, color, true, 0, 0));
    this.muLabel.y = y0 + 2;
    layer.addChild(this.densityLabel, this.muLabel);

    this.seen = new Float64Array(env.samples.length).fill(NaN);
    this.age = new Float64Array(env.samples.length);
    this.refresh(env, 0, true);
  }

  /** Moves the density, μ and the sample ticks; rebuilds when the reward changed. */
  update(agent: AgentFrame, options: EnvViewOptions, dtMs: number): void {
    const env = agent.env;
    if (env.kind !== 'continuous-bandit' || !this.layer) return;
    if (env.rewardSource !== this.source || this.curveChanged(env.curveR)) {
      this.rebuild(agent, this.width, this.height, options);
      return;
    }
    this.refresh(env, dtMs, false);
  }

  private refresh(env: ContinuousFrame, dtMs: number, force: boolean): void {
    const { ax, ry } = this;
    const plotH = ry.r0 - ry.r1;
    const pxPerA = (ax.r1 - ax.r0) / (ax.d1 - ax.d0 || 1);
    const sigma = env.sigma > 0 ? env.sigma : 0;
    const sigmaRef = (ax.d1 - ax.d0) / 10;
    const peak = 0.8 * plotH * Math.min(1, sigma > 0 ? sigmaRef / sigma : 1);
    const mx = ax.map(env.mu);
    const d = this.density!;
    d.visible = Number.isFinite(env.mu) && sigma > 0;
    d.position.x = mx;
    d.scale.set(Math.max(0.5, sigma * pxPerA), peak);
    this.muLine!.x = mx;
    // labels beside the μ line (on its left when there is no room on the right)
    const label = this.densityLabel!;
    const right = mx + 4 + label.width <= ax.r1;
    label.position.set(
      right ? mx + 2 : mx - 2 - label.width,
      Math.max(ry.r1 + 1.2 * label.height, ry.r0 - peak - label.height),
    );
    const mu = this.muLabel!;
    mu.anchor.x = right ? 0 : 1;
    mu.x = right ? mx + 5 : mx - 5;
    mu.visible = d.visible && mx >= ax.r0 && mx <= ax.r1;
    label.visible = mu.visible;

    const len = this.ticks.length;
    const valid = Math.min(len, Math.max(0, env.sampleCount));
    for (let i = 0; i < len; i++) {
      const t = this.ticks[i];
      if (i >= valid) {
        t.visible = false;
        continue;
      }
      const a = env.samples[i];
      if (a !== this.seen[i]) {
        this.seen[i] = a;
        this.age[i] = 0;
      } else {
        this.age[i] += dtMs;
      }
      t.visible = a >= ax.d0 && a <= ax.d1;
      t.x = ax.map(a);
      t.alpha = Math.max(0.15, 1 - this.age[i] / SAMPLE_FADE_MS);
    }

    this.textClock += dtMs;
    if (!force && this.textClock < TEXT_MS) return;
    this.textClock = 0;
    this.readout!.text = `μ = ${formatReadout(env.mu)},  σ = ${formatReadout(env.sigma)}`;
  }

  private curveChanged(r: Float64Array): boolean {
    if (r.length !== this.curve.length) return true;
    for (let i = 0; i < r.length; i++) {
      if (r[i] !== this.curve[i] && (r[i] === r[i] || this.curve[i] === this.curve[i])) return true;
    }
    return false;
  }

  /** Destroys every display object of the view. */
  destroy(): void {
    destroyLayer(this.layer);
    this.layer = null;
    this.root.destroy({ children: true });
  }
}
