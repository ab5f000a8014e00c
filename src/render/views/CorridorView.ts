/**
 * Short corridor with switched actions (Sutton & Barto 2nd ed., Example 13.1, Figure 13.1): the four cells
 * with the agent, a gauge of π(right) with the optimum p* = 2 − √2 marked, and the value curve J(p) with a
 * dot at the current policy. The gauge and the plot share the p axis, so the dot sits under the gauge's end.
 */
import { Container, Graphics, GraphicsContext, type Text } from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import type { EnvView, EnvViewOptions } from '../View';
import { formatFixed, formatReadout, niceStep, niceTickValues } from '../charts/ticks';
import {
  addHalo,
  addPanel,
  addTitle,
  addXAxis,
  addYAxis,
  clipTo,
  dashedLine,
  destroyLayer,
  makeText,
  padFor,
} from './draw';
import { glideMs, Tween } from './motion';
import { LinearScale, curveRange } from './scale';
import { agentColor, baseFontSize, theme } from './theme';

type CorridorFrame = Extract<AgentFrame['env'], { kind: 'short-corridor' }>;

/** The optimal probability of "right", 2 − √2. */
export const OPTIMAL_P_RIGHT = 2 - Math.SQRT2;
/** Readout refresh period (ms). */
const TEXT_MS = 100;
const CELL_LABELS = ['S', '⇄ switched', '', 'G'];

/** Corridor cells, π(right) gauge and J(p) curve. */
export class CorridorView implements EnvView {
  /** Root container, placed by the layout. */
  readonly root = new Container();
  private layer: Container | null = null;
  private curveG: Graphics | null = null;
  private agentDot: Graphics | null = null;
  private gaugeFill: Graphics | null = null;
  private dot: Graphics | null = null;
  private pText: Text | null = null;
  private jText: Text | null = null;
  private readonly px = new LinearScale();
  private readonly py = new LinearScale();
  private readonly tween = new Tween();
  private cellX0 = 0;
  private cellStep = 0;
  private cellCy = 0;
  private lastState = -1;
  private curve = new Float64Array(0);
  private textClock = 0;

  /** Builds cells, gauge and plot at width × height px. */
  rebuild(agent: AgentFrame, width: number, height: number, options: EnvViewOptions): void {
    const env = agent.env;
    if (env.kind !== 'short-corridor') return;
    destroyLayer(this.layer);
    const layer = (this.layer = new Container());
    this.root.addChild(layer);
    addPanel(layer, width, height);
    const f = baseFontSize(width, height);
    const pad = padFor(f);
    const color = agentColor(agent.color);
    const top = addTitle(layer, 'Short corridor (S&B Ex. 13.1)', agent, width, f);

    // corridor cells
    const gap = pad;
    const ch = Math.round(Math.max(2.8 * f, Math.min(4.6 * f, height * 0.17)));
    const cw = (width - 2 * pad - 3 * gap) / 4;
    const cy0 = top + pad;
    const cells = new Graphics();
    layer.addChild(cells);
    for (let i = 0; i < 4; i++) {
      const x = pad + i * (cw + gap);
      cells.roundRect(x, cy0, cw, ch, 4).fill({ color: i === 3 ? theme.goal : theme.panel });
      cells.roundRect(x, cy0, cw, ch, 4).stroke({ width: 1.5, color: i === 1 ? theme.text : theme.axis });
      const t = makeText(CELL_LABELS[i], f, i === 3 ? theme.goalMark : theme.text, i !== 1, 0, 0);
      t.position.set(x + 5, cy0 + 3);
      layer.addChild(t);
    }
    this.cellX0 = pad + cw / 2;
    this.cellStep = cw + gap;
    this.cellCy = cy0 + ch * 0.62;
    const r = Math.max(5, Math.min(ch * 0.2, cw * 0.16));
    this.agentDot = new Graphics().circle(0, 0, r).fill({ color }).stroke({ width: 2, color: theme.panel });
    layer.addChild(this.agentDot);

    // shared p axis for the gauge and the plot
    const x0 = pad + Math.round(f * 3);
    const x1 = width - pad - Math.round(f * 0.8);
    this.px.set(0, 1, x0, x1);
    const roomy = height >= 300;

    // gauge of π(right)
    const labelY = cy0 + ch + pad;
    const trackY = labelY + Math.round(f * 1.4);
    const trackH = Math.round(f * 0.8);
    const gauge = new Graphics().rect(x0, trackY, x1 - x0, trackH).fill({ color: theme.track });
    layer.addChild(gauge);
    this.gaugeFill = new Graphics(new GraphicsContext().rect(0, 0, 1, trackH).fill({ color }));
    this.gaugeFill.position.set(x0, trackY);
    layer.addChild(this.gaugeFill);
    const optX = this.px.map(OPTIMAL_P_RIGHT);
    const opt = new Graphics()
      .moveTo(optX, trackY - 4)
      .lineTo(optX, trackY + trackH + 4)
      .stroke({ width: 2.5, color: theme.text });
    layer.addChild(opt);
    this.pText = makeText('π(right) = 0.000', f, color, true, 0, 0);
    const optLabel = makeText(
      `p* = 2 − √2 ≈ ${formatFixed(OPTIMAL_P_RIGHT, 3)}`,
      f,
      theme.text,
      false,
      0.5,
      0,
    );
    if (optX - optLabel.width / 2 < x0 + this.pText.width + pad)
      optLabel.text = `p* ≈ ${formatFixed(OPTIMAL_P_RIGHT, 3)}`;
    optLabel.position.set(Math.min(optX, x1 - optLabel.width / 2), labelY);
    layer.addChild(optLabel);
    this.pText.position.set(x0, labelY);
    layer.addChild(this.pText);
    const gaugeTitle = makeText('π(right)', f, theme.muted, false, 1, 0.5);
    gaugeTitle.visible = x0 - pad >= gaugeTitle.width + 4;
    gaugeTitle.position.set(x0 - 4, trackY + trackH / 2);
    layer.addChild(gaugeTitle);

    // plot of J(p)
    const y0 = trackY + trackH + Math.round(f * (roomy ? 1.6 : 1.1));
    const y1 = height - pad - Math.round(f * (roomy ? 2.9 : 1.5));
    const [lo, hi] = curveRange(env.curve);
    this.py.set(lo, hi, y1, y0);
    const axes = new Graphics();
    const yCount = Math.max(2, (y1 - y0) / (2.4 * f));
    addYAxis(layer, axes, this.py, niceTickValues(lo, hi, yCount), niceStep(lo, hi, yCount), x0, -1, f);
    const pTicks = roomy ? [0, 0.25, 0.5, 0.75, 1] : [0, 1];
    addXAxis(layer, axes, this.px, pTicks, 0.25, y1, f);
    axes.stroke({ width: 1, color: theme.axis });
    layer.addChild(axes);
    const xTitle = makeText('p = π(right)', f, theme.muted, false, 0.5, 0);
    xTitle.position.set((x0 + x1) / 2, roomy ? y1 + 5 + Math.round(f * 1.3) : y1 + 5);
    layer.addChild(xTitle);
    const yTitle = makeText('J(p) = v(S)', f, theme.muted, false, 0, 0);
    yTitle.position.set(x0 + 6, y0 + 2);
    layer.addChild(yTitle);
    const ref = new Graphics();
    dashedLine(ref, optX, y0, optX, y1, 4, 4);
    ref.stroke({ width: 1, color: theme.muted });
    layer.addChild(ref);

    const curveLayer = new Container();
    clipTo(curveLayer, x0, y0 - 2, x1 - x0, y1 - y0 + 2);
    this.curveG = new Graphics();
    curveLayer.addChild(this.curveG);
    layer.addChild(curveLayer);
    this.drawCurve(env.curve);
    this.dot = new Graphics().circle(0, 0, 5.5).fill({ color }).stroke({ width: 2, color: theme.panel });
    layer.addChild(this.dot);
    this.jText = addHalo(makeText('', f, color, true, 0, 0));
    layer.addChild(this.jText);

    this.lastState = env.state;
    this.tween.jump(this.cellX0 + this.cellStep * env.state, this.cellCy);
    this.refresh(env, options, 0, true);
  }

  /** Moves the agent, the gauge and the dot on the curve. */
  update(agent: AgentFrame, options: EnvViewOptions, dtMs: number): void {
    const env = agent.env;
    if (env.kind !== 'short-corridor' || !this.layer) return;
    this.refresh(env, options, dtMs, false);
  }

  private refresh(env: CorridorFrame, options: EnvViewOptions, dtMs: number, force: boolean): void {
    if (env.state !== this.lastState) {
      const from =
        options.animate && Math.abs(env.previousState - env.state) === 1 ? env.previousState : env.state;
      this.lastState = env.state;
      const to = this.cellX0 + this.cellStep * env.state;
      this.tween.start(this.cellX0 + this.cellStep * from, this.cellCy, to, this.cellCy, glideMs(options));
    }
    this.tween.step(dtMs);
    this.agentDot!.position.set(this.tween.x, this.tween.y);

    const p = Math.min(1, Math.max(0, env.pRight));
    this.gaugeFill!.scale.x = this.px.r1 - this.px.r0 > 0 ? (this.px.r1 - this.px.r0) * p : 0;
    if (this.curveChanged(env.curve)) this.drawCurve(env.curve);
    const x = this.px.map(p);
    const y = this.py.mapClamped(env.currentJ);
    this.dot!.visible = Number.isFinite(env.currentJ);
    this.dot!.position.set(x, y);

    this.textClock += dtMs;
    if (!force && this.textClock < TEXT_MS) return;
    this.textClock = 0;
    this.pText!.text = `π(right) = ${formatFixed(p, 3)}`;
    const j = this.jText!;
    j.visible = this.dot!.visible;
    j.text = `J = ${formatReadout(env.currentJ)}`;
    // label below the dot, towards the inside of the curve's arch, kept inside the plot
    const inward = p <= 0.5;
    j.anchor.x = inward ? 0 : 1;
    j.position.set(inward ? x + 8 : x - 8, Math.min(this.py.r0 - j.height, y + 6));
  }

  private curveChanged(curve: Float64Array): boolean {
    if (curve.length !== this.curve.length) return true;
    for (let i = 0; i < curve.length; i++) {
      const a = curve[i];
      const b = this.curve[i];
      if (a !== b && (a === a || b === b)) return true;
    }
    return false;
  }

  private drawCurve(curve: Float64Array): void {
    this.curve = curve.slice();
    const g = this.curveG!.clear();
    const n = curve.length;
    let pen = false;
    for (let i = 0; i < n; i++) {
      const v = curve[i];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const x = this.px.map((i + 0.5) / n);
      const y = this.py.map(Math.max(v, this.py.d0 - (this.py.d1 - this.py.d0)));
      if (pen) g.lineTo(x, y);
      else g.moveTo(x, y);
      pen = true;
    }
    g.stroke({ width: 2.5, color: theme.text, join: 'round' });
  }

  /** Destroys every display object of the view. */
  destroy(): void {
    destroyLayer(this.layer);
    this.layer = null;
    this.root.destroy({ children: true });
  }
}
