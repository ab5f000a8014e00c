/**
 * Gridworld: the classic tabular navigation task (Sutton & Barto, 2nd ed., Examples 3.5, 4.1 and 6.6;
 * Gymnasium's FrozenLake and CliffWalking; REINFORCEjs's GridWorld), on text maps (see parseMap.ts).
 *
 * Description: an agent moves on a grid of floor, walls, pits and goals. With probability `slip` the chosen
 * move is replaced by one of the four moves drawn uniformly (possibly the chosen one), as in FrozenLake.
 * Actions: Discrete(4): 0 up, 1 right, 2 down, 3 left. Moving into a wall or off the grid stays put.
 * Observations: Discrete(W·H), the cell index row·W + col (row 0 at the top).
 * Start: the `S` cell.
 * Rewards: `goalReward` for entering a goal, `pitReward` for entering a pit, `stepReward` otherwise.
 * Episode end: terminated on entering a goal or a pit. This class has no time limit; `make('gridworld')`
 * wraps it in `TimeLimit` (default 100 steps), which sets `truncated`. Stepping after termination throws.
 * Options: see {@link GridworldOptions}; rewards default to the preset's, or −0.01, +1, −1 for custom maps.
 *
 * Model: nStates = W·H (every cell; walls, goals and pits get a reward-0 self-loop that is never reached),
 * obsOf = identity, start = the S cell. Slip outcomes landing on the same cell are merged.
 */
import type { DiscreteSpace, StepResult, TabularEnv, TabularModel } from '../../src/core/env';
import { Rng, Stream } from '../../src/core/random';
import { EnvError, actionError, describeValue, numberOption, steppedAfterEnd } from '../EnvError';
import { Cell, type GridMap, parseMap } from './parseMap';
import { customMapRewards, findGridPreset, gridPresetIds } from './presets';

/** Options of {@link Gridworld}. */
export interface GridworldOptions {
  /** A preset id (`open5x5`, `cliff`, `fourRooms`, `bridge`) or map text (rows separated by newlines or `/`). */
  map?: string;
  /** Reward of an ordinary step (default: the preset's, else −0.01). */
  stepReward?: number;
  /** Reward of entering a goal (default: the preset's, else +1). */
  goalReward?: number;
  /** Reward of entering a pit (default: the preset's, else −1). */
  pitReward?: number;
  /** Probability in [0, 1] that the action is replaced by a uniformly random one of the four. */
  slip?: number;
}

/** Default option values of {@link Gridworld}. */
export const gridworldDefaults = { map: 'open5x5', slip: 0 } as const;

/** Row offsets of the four actions: up, right, down, left. */
const DR = [-1, 0, 1, 0] as const;
/** Column offsets of the four actions: up, right, down, left. */
const DC = [0, 1, 0, -1] as const;

/** Resolves a preset id or map text to a parsed map and its preset id ('custom' for text). */
function resolveMap(spec: unknown): { map: GridMap; presetId: string } {
  if (typeof spec !== 'string')
    throw new EnvError(`gridworld: map must be a preset id or map text, got ${describeValue(spec)}`);
  const preset = findGridPreset(spec.trim());
  const parsed = parseMap(preset ? preset.map : spec);
  if (parsed.ok) return { map: parsed.map, presetId: preset ? preset.id : 'custom' };
  if (/^[a-z][A-Za-z0-9_-]*$/.test(spec.trim())) {
    throw new EnvError(
      `gridworld: unknown map "${spec.trim()}" (choose one of: ${gridPresetIds.join(', ')}, or give map text)`,
    );
  }
  throw new EnvError(`gridworld: bad map: ${parsed.error}`);
}

/** A gridworld on a text map, as a {@link TabularEnv}. */
export class Gridworld implements TabularEnv {
  /** Registry id. */
  readonly id = 'gridworld';
  /** Discrete(W·H): the cell index. */
  readonly observationSpace: DiscreteSpace;
  /** Discrete(4): up, right, down, left. */
  readonly actionSpace: DiscreteSpace = { kind: 'discrete', n: 4 };
  /** Number of columns W. */
  readonly width: number;
  /** Number of rows H. */
  readonly height: number;
  /** Cell kinds (values of `Cell`), length W·H, index row·W + col. Owned by the env; do not mutate. */
  readonly cells: Uint8Array;
  /** Index of the start cell. */
  readonly start: number;
  /** The parsed map. */
  readonly map: GridMap;
  /** Preset id of the map, or `'custom'` for map text. */
  readonly presetId: string;
  /** Reward of an ordinary step. */
  readonly stepReward: number;
  /** Reward of entering a goal. */
  readonly goalReward: number;
  /** Reward of entering a pit. */
  readonly pitReward: number;
  /** Probability that the action is replaced by a uniformly random one. */
  readonly slip: number;
  /** The exact model (built once, never mutated). */
  readonly model: TabularModel;
  /** No limit in this class; `make()` wraps it in `TimeLimit`. */
  readonly timeLimit = Infinity;
  private cell: number;
  /** Destination cell of action a in cell c, at index 4c + a (walls and edges keep the agent in place). */
  private readonly dest: Int32Array;
  private done = false;
  private readonly rng = new Rng(0, Stream.env);
  private readonly result: StepResult<number> = { obs: 0, reward: 0, terminated: false, truncated: false };

  /** Builds the gridworld; throws an {@link EnvError} naming a bad option or map. */
  constructor(options: GridworldOptions = {}) {
    const { map, presetId } = resolveMap(options.map ?? gridworldDefaults.map);
    const rewards = findGridPreset(presetId) ?? customMapRewards;
    this.map = map;
    this.presetId = presetId;
    this.width = map.width;
    this.height = map.height;
    this.cells = map.cells;
    this.start = map.start;
    this.cell = map.start;
    this.stepReward = numberOption('gridworld', 'stepReward', options.stepReward, rewards.stepReward);
    this.goalReward = numberOption('gridworld', 'goalReward', options.goalReward, rewards.goalReward);
    this.pitReward = numberOption('gridworld', 'pitReward', options.pitReward, rewards.pitReward);
    this.slip = numberOption('gridworld', 'slip', options.slip, gridworldDefaults.slip, 0, 1);
    const n = map.width * map.height;
    this.observationSpace = { kind: 'discrete', n };
    this.dest = new Int32Array(4 * n);
    for (let c = 0; c < n; c++) {
      const row = Math.floor(c / map.width);
      const col = c % map.width;
      for (let a = 0; a < 4; a++) {
        const r2 = row + DR[a];
        const c2 = col + DC[a];
        const inside = r2 >= 0 && r2 < map.height && c2 >= 0 && c2 < map.width;
        const j = r2 * map.width + c2;
        this.dest[4 * c + a] = inside && map.cells[j] !== Cell.wall ? j : c;
      }
    }
    this.model = this.buildModel();
  }

  /** The env itself (uniform with wrapped envs' `unwrapped`). */
  get unwrapped(): this {
    return this;
  }

  /** Current cell index (the observation). */
  get state(): number {
    return this.cell;
  }

  /** Cell index of (row, col). */
  cellIndex(row: number, col: number): number {
    return row * this.width + col;
  }

  /** True for cells that end the episode when entered (goals and pits). */
  isTerminalCell(cell: number): boolean {
    const k = this.cells[cell];
    return k === Cell.goal || k === Cell.pit;
  }

  /** Reward of entering `cell`. */
  rewardOfEntering(cell: number): number {
    const k = this.cells[cell];
    return k === Cell.goal ? this.goalReward : k === Cell.pit ? this.pitReward : this.stepReward;
  }

  /**
   * Puts the agent on a floor or start cell mid-episode (for tests and for dragging the agent in the app);
   * the next step continues from there. Throws for walls, goals, pits and out-of-range indices.
   */
  setState(cell: number): void {
    const k = this.cells[cell];
    if (!Number.isInteger(cell) || k === undefined || k === Cell.wall || this.isTerminalCell(cell)) {
      throw new Error(`gridworld: setState(${cell}) needs a floor or start cell`);
    }
    this.cell = cell;
    this.done = false;
  }

  /** Starts an episode at the start cell; with a seed, re-seeds the slip draws first. */
  reset(seed?: number): number {
    if (seed !== undefined) this.rng.seed(seed, Stream.env);
    this.cell = this.start;
    this.done = false;
    return this.cell;
  }

  /** Moves (with slip); the result is owned by the env and reused. */
  step(action: number): StepResult<number> {
    if (!(action >= 0 && action < 4 && (action | 0) === action)) {
      throw actionError('gridworld', '0, 1, 2 or 3', action);
    }
    if (this.done) throw steppedAfterEnd('gridworld');
    let a = action;
    if (this.slip > 0 && this.rng.uniform() < this.slip) a = this.rng.int(4);
    const next = this.dest[4 * this.cell + a];
    const kind = this.cells[next];
    this.cell = next;
    const r = this.result;
    r.obs = next;
    r.terminated = kind === Cell.goal || kind === Cell.pit;
    r.reward = kind === Cell.goal ? this.goalReward : kind === Cell.pit ? this.pitReward : this.stepReward;
    this.done = r.terminated;
    return r;
  }

  /** Builds the CSR model, merging slip outcomes that land on the same cell. */
  private buildModel(): TabularModel {
    const n = this.width * this.height;
    const offsets = new Int32Array(4 * n + 1);
    const next: number[] = [];
    const prob: number[] = [];
    const reward: number[] = [];
    const terminal: number[] = [];
    const pTo = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const k = this.cells[s];
      const inert = k === Cell.wall || k === Cell.goal || k === Cell.pit;
      for (let a = 0; a < 4; a++) {
        offsets[4 * s + a] = next.length;
        if (inert) {
          next.push(s);
          prob.push(1);
          reward.push(0);
          terminal.push(0);
          continue;
        }
        for (let b = 0; b < 4; b++)
          pTo[this.dest[4 * s + b]] += (b === a ? 1 - this.slip : 0) + this.slip / 4;
        for (let b = 0; b < 4; b++) {
          const j = this.dest[4 * s + b];
          if (pTo[j] <= 0) continue;
          next.push(j);
          prob.push(pTo[j]);
          reward.push(this.rewardOfEntering(j));
          terminal.push(this.isTerminalCell(j) ? 1 : 0);
          pTo[j] = 0;
        }
      }
    }
    offsets[4 * n] = next.length;
    const obsOf = new Int32Array(n);
    for (let s = 0; s < n; s++) obsOf[s] = s;
    const start = new Float64Array(n);
    start[this.start] = 1;
    return {
      nStates: n,
      nActions: 4,
      obsOf,
      nObs: n,
      start,
      offsets,
      next: Int32Array.from(next),
      prob: Float64Array.from(prob),
      reward: Float64Array.from(reward),
      terminal: Uint8Array.from(terminal),
    };
  }
}
