/**
 * Gridworld view (the REINFORCEjs GridWorld picture): cells by kind, the policy as four arrows per cell with
 * opacity π(a|s), the learned V(s) as a diverging heatmap under them, the agent tweened between cells, and
 * an inspector for the selected cell (π, learned V, exact v_π). Clicks select cells; with the editor on,
 * dragging paints them (the app turns both into store actions through `events.cell`).
 */
import {
  Container,
  Graphics,
  GraphicsContext,
  Point,
  Rectangle,
  type FederatedPointerEvent,
  type Text,
} from 'pixi.js';
import type { AgentFrame } from '../../app/frame';
import { Cell } from '../../../envs/gridworld/parseMap';
import type { EnvView, EnvViewEvents, EnvViewOptions } from '../View';
import { formatReadout } from '../charts/ticks';
import { addPanel, addTitle, destroyLayer, makeText, padFor } from './draw';
import {
  buildValueLegend,
  drawCellKinds,
  drawCellMarks,
  valueLegendHeight,
  type ValueLegend,
} from './gridCells';
import { cellAt, gridLayout, inspectorText } from './gridLayout';
import { glideMs, Tween } from './motion';
import { agentColor, baseFontSize, valueColor, theme } from './theme';

type GridFrame = Extract<AgentFrame['env'], { kind: 'gridworld' }>;

/** Smallest cell (px) that still gets policy arrows. */
const ARROW_MIN_CELL = 9;
/** Arrows stop growing past this cell size (px), so big cells stay light. */
const ARROW_MAX_CELL = 56;
/** Readout refresh period (ms). */
const TEXT_MS = 100;

/** Policy arrows, value heatmap and agent of a gridworld. */
export class GridworldView implements EnvView {
  /** Root container, placed by the layout. */
  readonly root = new Container();
  private layer: Container | null = null;
  private grid: Container | null = null;
  private heat: Graphics[] = [];
  private heatCells = new Int32Array(0);
  private heatLayer: Container | null = null;
  private arrows: Graphics[] = [];
  private agentDot: Graphics | null = null;
  private selection: Graphics | null = null;
  private inspector: Text | null = null;
  private legend: ValueLegend | null = null;
  private cells = new Uint8Array(0);
  private cols = 0;
  private rows = 0;
  private cell = 1;
  private width = 0;
  private height = 0;
  private readonly tween = new Tween();
  private lastAgentCell = -1;
  private lastSelected = -2;
  private lastEditing = false;
  private textClock = 0;
  private editing = false;
  private dragCell = -1;
  private readonly point = new Point();

  /** @param events where clicks and paint strokes on cells are reported */
  constructor(private readonly events: EnvViewEvents) {}

  /** Builds cells, arrows, heatmap and inspector for `agent`'s map at width × height px. */
  rebuild(agent: AgentFrame, width: number, height: number, options: EnvViewOptions): void {
    const env = agent.env;
    if (env.kind !== 'gridworld') return;
    destroyLayer(this.layer);
    const layer = (this.layer = new Container());
    this.root.addChild(layer);
    this.width = width;
    this.height = height;
    this.cols = env.width;
    this.rows = env.height;
    this.cells = env.cells.slice();
    addPanel(layer, width, height);
    const f = baseFontSize(width, height);
    const pad = padFor(f);
    const top = addTitle(layer, `Gridworld ${env.height}×${env.width}`, agent, width, f);

    const lineH = Math.round(f * 1.3);
    const inspH = 5 * lineH;
    const legH = valueLegendHeight(f);
    const panelW = Math.round(f * 10.5);
    const gap = pad * 2;
    const L = gridLayout(
      env.width,
      env.height,
      { x: pad, y: top + pad, w: width - 2 * pad, h: height - top - 2 * pad },
      { panelW, panelTall: inspH + gap + legH, panelWide: 2 * panelW + gap, panelH: Math.max(inspH, legH) },
      gap,
    );
    const cell = (this.cell = L.cell);

    const grid = (this.grid = new Container());
    grid.position.set(L.gridX, L.gridY);
    grid.eventMode = 'static';
    grid.interactiveChildren = false;
    grid.hitArea = new Rectangle(0, 0, L.gridW, L.gridH);
    grid.on('pointerdown', this.onDown);
    grid.on('pointermove', this.onMove);
    grid.on('pointerup', this.onUp);
    grid.on('pointerupoutside', this.onUp);
    layer.addChild(grid);
    grid.addChild(drawCellKinds(env.cells, env.width, env.height, cell));

    // heatmap: one white unit square per non-terminal cell, tinted per frame
    const unit = new GraphicsContext().rect(0, 0, 1, 1).fill({ color: 0xffffff });
    const heatLayer = (this.heatLayer = new Container());
    const heatCells: number[] = [];
    this.heat = [];
    for (let i = 0; i < env.cells.length; i++) {
      const k = env.cells[i];
      if (k !== Cell.floor && k !== Cell.start) continue;
      const g = new Graphics(unit);
      g.position.set((i % env.width) * cell, Math.floor(i / env.width) * cell);
      g.scale.set(cell);
      heatLayer.addChild(g);
      this.heat.push(g);
      heatCells.push(i);
    }
    this.heatCells = Int32Array.from(heatCells);
    grid.addChild(heatLayer);
    drawCellMarks(grid, env.cells, env.width, env.height, cell);

    // arrows: one shared triangle pointing up, rotated per action (up, right, down, left)
    this.arrows = [];
    if (cell >= ARROW_MIN_CELL) {
      const tri = new GraphicsContext().poly([0, -0.46, 0.15, -0.2, -0.15, -0.2]).fill({ color: theme.text });
      for (const i of heatCells) {
        for (let a = 0; a < 4; a++) {
          const g = new Graphics(tri);
          g.position.set(((i % env.width) + 0.5) * cell, (Math.floor(i / env.width) + 0.5) * cell);
          g.scale.set(Math.min(cell, ARROW_MAX_CELL));
          g.rotation = (a * Math.PI) / 2;
          grid.addChild(g);
          this.arrows.push(g);
        }
      }
    }

    this.selection = new Graphics()
      .rect(0, 0, cell, cell)
      .stroke({ width: 3, color: theme.text, alignment: 1 })
      .rect(0, 0, cell, cell)
      .stroke({ width: 1.5, color: theme.panel, alignment: 0 });
    grid.addChild(this.selection);
    const color = agentColor(agent.color);
    this.agentDot = new Graphics()
      .circle(0, 0, Math.max(2.5, Math.min(18, cell * 0.26)))
      .fill({ color })
      .stroke({ width: cell >= 12 ? 2 : 1, color: theme.panel });
    grid.addChild(this.agentDot);

    this.inspector = makeText('', f, theme.text);
    this.inspector.style.lineHeight = lineH;
    this.inspector.position.set(L.panelX, L.panelY);
    layer.addChild(this.inspector);
    const legendW = Math.min(panelW, Math.round(f * 10));
    this.legend = buildValueLegend(legendW, f);
    if (L.side === 'right') this.legend.root.position.set(L.panelX, L.panelY + inspH + gap);
    else this.legend.root.position.set(Math.max(L.panelX + panelW + gap, width - pad - legendW), L.panelY);
    layer.addChild(this.legend.root);

    this.lastAgentCell = env.agentCell;
    this.tween.jump(this.centre(env.agentCell, 0), this.centre(env.agentCell, 1));
    this.lastSelected = -2;
    this.refresh(env, options, 0);
  }

  /** Moves the agent, re-tints the heatmap, fades the arrows and refreshes the inspector. */
  update(agent: AgentFrame, options: EnvViewOptions, dtMs: number): void {
    const env = agent.env;
    if (env.kind !== 'gridworld' || !this.layer) return;
    if (this.mapChanged(env)) {
      this.rebuild(agent, this.width, this.height, options);
      return;
    }
    this.refresh(env, options, dtMs);
  }

  private refresh(env: GridFrame, options: EnvViewOptions, dtMs: number): void {
    const showValue = options.showValue;
    this.heatLayer!.visible = showValue;
    this.legend!.root.visible = showValue;
    let m = 0;
    if (showValue) {
      for (let j = 0; j < this.heatCells.length; j++)
        m = Math.max(m, Math.abs(env.value[this.heatCells[j]]) || 0);
      const inv = m > 0 ? 1 / m : 0;
      for (let j = 0; j < this.heat.length; j++)
        this.heat[j].tint = valueColor(env.value[this.heatCells[j]] * inv);
    }
    for (let j = 0; j < this.arrows.length; j++) {
      this.arrows[j].alpha = env.probs[4 * this.heatCells[j >> 2] + (j & 3)];
    }

    const cur = env.agentCell;
    if (cur !== this.lastAgentCell) {
      this.lastAgentCell = cur;
      const prev = env.previousCell;
      const dr = Math.abs(Math.floor(prev / this.cols) - Math.floor(cur / this.cols));
      const dc = Math.abs((prev % this.cols) - (cur % this.cols));
      const from = options.animate && prev >= 0 && dr + dc === 1 ? prev : cur;
      const x = this.centre(cur, 0);
      const y = this.centre(cur, 1);
      this.tween.start(this.centre(from, 0), this.centre(from, 1), x, y, glideMs(options));
    }
    this.tween.step(dtMs);
    this.agentDot!.visible = cur >= 0 && cur < this.cells.length;
    this.agentDot!.position.set(this.tween.x, this.tween.y);

    const sel = options.selectedCell;
    const hasSel = sel >= 0 && sel < this.cells.length;
    this.selection!.visible = hasSel;
    if (hasSel)
      this.selection!.position.set((sel % this.cols) * this.cell, Math.floor(sel / this.cols) * this.cell);

    this.editing = options.editing;
    const cursor = this.editing ? 'crosshair' : 'pointer';
    if (this.grid!.cursor !== cursor) this.grid!.cursor = cursor;
    this.textClock += dtMs;
    if (sel !== this.lastSelected || this.editing !== this.lastEditing || this.textClock >= TEXT_MS) {
      this.textClock = 0;
      this.lastSelected = sel;
      this.lastEditing = this.editing;
      this.inspector!.text = inspectorText(env, sel, options.editing, options.brush);
      this.legend!.lo.text = formatReadout(-m);
      this.legend!.hi.text = `+${formatReadout(m)}`;
    }
  }

  /** Centre of cell `i` along axis 0 (x) or 1 (y), in grid px. */
  private centre(i: number, axis: 0 | 1): number {
    return ((axis === 0 ? i % this.cols : Math.floor(i / this.cols)) + 0.5) * this.cell;
  }

  /** True when the map's cells differ from the ones drawn (an edit without a rebuild). */
  private mapChanged(env: GridFrame): boolean {
    if (env.width !== this.cols || env.height !== this.rows || env.cells.length !== this.cells.length)
      return true;
    for (let i = 0; i < this.cells.length; i++) if (env.cells[i] !== this.cells[i]) return true;
    return false;
  }

  private readonly onDown = (e: FederatedPointerEvent): void => {
    const c = this.cellUnder(e);
    if (c < 0) return;
    this.dragCell = c;
    this.events.cell?.(c, false);
  };

  private readonly onMove = (e: FederatedPointerEvent): void => {
    if (!this.editing || (e.buttons & 1) === 0) return;
    const c = this.cellUnder(e);
    if (c < 0 || c === this.dragCell) return;
    this.dragCell = c;
    this.events.cell?.(c, true);
  };

  private readonly onUp = (): void => {
    this.dragCell = -1;
  };

  private cellUnder(e: FederatedPointerEvent): number {
    const p = e.getLocalPosition(this.grid!, this.point);
    return cellAt(p.x, p.y, this.cell, this.cols, this.rows);
  }

  /** Destroys every display object of the view. */
  destroy(): void {
    destroyLayer(this.layer);
    this.layer = null;
    this.grid = null;
    this.root.destroy({ children: true });
  }
}
