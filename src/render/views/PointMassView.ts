/**
 * Point mass (Mohamed et al. 2020, §7; Heess et al. 2015, SVG): the 2-D field with equal x and y units, a
 * light grid, the goal as a target, the most recent trajectories as polylines that fade with age (oldest
 * faintest) and the particle's current position. Trajectories are redrawn only when their numbers change.
 */
import { Container, Graphics } from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import type { EnvView, EnvViewOptions } from '../View';
import { niceStep, niceTickValues } from '../charts/ticks';
import { addPanel, addTitle, addXAxis, addYAxis, clipTo, destroyLayer, makeText, padFor } from './draw';
import { LinearScale } from './scale';
import { agentColor, baseFontSize, theme } from './theme';

type PointMassFrame = Extract<AgentFrame['env'], { kind: 'point-mass' }>;

/** Field, goal and trajectories of the point mass. */
export class PointMassView implements EnvView {
  /** Root container, placed by the layout. */
  readonly root = new Container();
  private layer: Container | null = null;
  private paths: Graphics | null = null;
  private dot: Graphics | null = null;
  private readonly sx = new LinearScale();
  private readonly sy = new LinearScale();
  private drawn = new Float64Array(0);
  private drawnCount = -1;
  private color = 0;

  /** Builds grid, axes and goal at width × height px. */
  rebuild(agent: AgentFrame, width: number, height: number, _options: EnvViewOptions): void {
    const env = agent.env;
    if (env.kind !== 'point-mass') return;
    destroyLayer(this.layer);
    const layer = (this.layer = new Container());
    this.root.addChild(layer);
    addPanel(layer, width, height);
    const f = baseFontSize(width, height);
    const pad = padFor(f);
    const color = (this.color = agentColor(agent.color));
    const top = addTitle(layer, 'Point mass', agent, width, f);
    const row = Math.round(f * 1.45);

    // legend row
    let lx = pad;
    const ly = top + pad / 2 + row / 2;
    const legend = new Graphics();
    const items: [string, number][] = [
      ['goal', theme.target],
      ['recent episodes (older = fainter)', color],
      ['now', color],
    ];
    items.forEach(([label, c], i) => {
      if (i === 0)
        legend
          .circle(lx + 6, ly, 6)
          .stroke({ width: 2, color: c })
          .circle(lx + 6, ly, 2)
          .fill({ color: c });
      else if (i === 1)
        legend
          .moveTo(lx, ly)
          .lineTo(lx + 14, ly)
          .stroke({ width: 2.5, color: c });
      else
        legend
          .circle(lx + 6, ly, 5)
          .fill({ color: c })
          .stroke({ width: 1.5, color: theme.panel });
      const t = makeText(label, f, theme.text, false, 0, 0.5);
      t.position.set(lx + 19, ly);
      layer.addChild(t);
      lx += 19 + t.width + 2 * pad;
    });
    layer.addChild(legend);

    // data range: origin (the start area) and the goal with a margin, then equal units on both axes
    const gx = env.goal[0];
    const gy = env.goal[1];
    let xLo = Math.min(0, gx) - 2;
    let xHi = Math.max(0, gx) + 2;
    let yLo = Math.min(0, gy) - 2;
    let yHi = Math.max(0, gy) + 2;
    const box = {
      x0: pad + Math.round(f * 2.2),
      x1: width - pad,
      y0: top + pad / 2 + row + pad,
      y1: height - pad - Math.round(f * 1.5),
    };
    const unit = Math.min((box.x1 - box.x0) / (xHi - xLo), (box.y1 - box.y0) / (yHi - yLo));
    const extraX = ((box.x1 - box.x0) / unit - (xHi - xLo)) / 2;
    const extraY = ((box.y1 - box.y0) / unit - (yHi - yLo)) / 2;
    xLo -= extraX;
    xHi += extraX;
    yLo -= extraY;
    yHi += extraY;
    this.sx.set(xLo, xHi, box.x0, box.x1);
    this.sy.set(yLo, yHi, box.y1, box.y0);

    const step = niceStep(xLo, xHi, (box.x1 - box.x0) / (2.5 * f));
    const xt = niceTickValues(xLo, xHi, (xHi - xLo) / step);
    const yt = niceTickValues(yLo, yHi, (yHi - yLo) / step);
    const grid = new Graphics();
    for (const v of xt) grid.moveTo(this.sx.map(v), box.y0).lineTo(this.sx.map(v), box.y1);
    for (const v of yt) grid.moveTo(box.x0, this.sy.map(v)).lineTo(box.x1, this.sy.map(v));
    grid.stroke({ width: 1, color: theme.grid });
    const zero = new Graphics()
      .moveTo(this.sx.map(0), box.y0)
      .lineTo(this.sx.map(0), box.y1)
      .moveTo(box.x0, this.sy.map(0))
      .lineTo(box.x1, this.sy.map(0))
      .stroke({ width: 1, color: 0xc4c4c4 });
    const axes = new Graphics();
    addYAxis(layer, axes, this.sy, yt, step, box.x0, -1, f);
    addXAxis(layer, axes, this.sx, xt, step, box.y1, f);
    axes.stroke({ width: 1, color: theme.axis });
    layer.addChild(grid, zero, axes);
    const xTitle = makeText('x', f, theme.muted, true, 1, 1);
    xTitle.position.set(box.x1 - 3, box.y1 - 2);
    const yTitle = makeText('y', f, theme.muted, true, 0, 0);
    yTitle.position.set(box.x0 + 4, box.y0 + 1);
    layer.addChild(xTitle, yTitle);

    const plot = new Container();
    clipTo(plot, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    layer.addChild(plot);
    this.paths = new Graphics();
    plot.addChild(this.paths);
    const tx = this.sx.map(gx);
    const ty = this.sy.map(gy);
    const r = Math.max(6, unit * 0.3);
    plot.addChild(
      new Graphics()
        .circle(tx, ty, r)
        .fill({ color: theme.goal, alpha: 0.6 })
        .circle(tx, ty, r)
        .stroke({ width: 2, color: theme.target })
        .circle(tx, ty, r * 0.5)
        .stroke({ width: 2, color: theme.target })
        .circle(tx, ty, 2.5)
        .fill({ color: theme.target }),
    );
    this.dot = new Graphics()
      .circle(0, 0, Math.max(5, f * 0.45))
      .fill({ color })
      .stroke({ width: 2, color: theme.panel });
    plot.addChild(this.dot);

    this.drawn = new Float64Array(env.trajectories.length);
    this.drawnCount = -1;
    this.refresh(env);
  }

  /** Moves the particle; redraws the trajectories when they changed. */
  update(agent: AgentFrame, _options: EnvViewOptions, _dtMs: number): void {
    const env = agent.env;
    if (env.kind !== 'point-mass' || !this.layer) return;
    this.refresh(env);
  }

  private refresh(env: PointMassFrame): void {
    this.dot!.position.set(this.sx.map(env.position[0]), this.sy.map(env.position[1]));
    if (this.trajectoriesChanged(env)) this.drawTrajectories(env);
  }

  private trajectoriesChanged(env: PointMassFrame): boolean {
    if (env.trajectoryCount !== this.drawnCount || env.trajectories.length !== this.drawn.length) return true;
    const used = Math.min(env.trajectories.length, env.trajectoryCount * (env.horizon + 1) * 2);
    for (let i = 0; i < used; i++) if (env.trajectories[i] !== this.drawn[i]) return true;
    return false;
  }

  private drawTrajectories(env: PointMassFrame): void {
    if (this.drawn.length !== env.trajectories.length) this.drawn = new Float64Array(env.trajectories.length);
    this.drawn.set(env.trajectories);
    this.drawnCount = env.trajectoryCount;
    const g = this.paths!.clear();
    const n = env.trajectoryCount;
    const len = env.horizon + 1;
    for (let k = 0; k < n; k++) {
      const base = k * len * 2;
      if (base + len * 2 > env.trajectories.length) break;
      for (let t = 0; t < len; t++) {
        const x = this.sx.map(env.trajectories[base + 2 * t]);
        const y = this.sy.map(env.trajectories[base + 2 * t + 1]);
        if (t === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      // oldest faintest: alpha from 0.15 up to 0.9 for the newest
      g.stroke({
        width: 2,
        color: this.color,
        alpha: 0.15 + (0.75 * (k + 1)) / n,
        join: 'round',
        cap: 'round',
      });
    }
  }

  /** Destroys every display object of the view. */
  destroy(): void {
    destroyLayer(this.layer);
    this.layer = null;
    this.root.destroy({ children: true });
  }
}
