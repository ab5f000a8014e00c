/**
 * The playground's human-facing state: configuration, play/pause, speed, view toggles, the summary numbers
 * the runner publishes (≤ 10 times a second) and messages for the user. Plain serialisable data only —
 * typed arrays, trainers and Pixi objects live in the runner (src/app/). A factory, not a singleton, so every
 * test gets a fresh store (HOUSE-STYLE §5).
 *
 * Hyperparameters (lr, baseline-lr, gamma, batch, baseline, optimizer) apply live. Anything that changes what
 * is being run (environment and its options, estimator, seed, compare settings) goes through a rebuild and
 * bumps `runId`, the one "rebuild" signal.
 */
import { immer } from 'zustand/middleware/immer';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { defaultConfig, type RunConfig, type RunEnvId } from '../algos/config';
import type { BaselineKind } from '../algos/baselines';
import type { OptimizerKind } from '../algos/optimizers';
import type { ClassroomState } from './classroom';
import { createNoticeLog, type Notice } from './notices';

/** Config keys that apply to a running agent without a rebuild. */
export const liveKeys: readonly (keyof RunConfig)[] = [
  'lr',
  'baselineLr',
  'gamma',
  'batch',
  'baseline',
  'optimizer',
];

/** What agent B changes relative to agent A when comparing (everything else is shared, incl. the seed). */
export interface CompareOverrides {
  estimator?: RunConfig['estimator'];
  baseline?: BaselineKind;
  lr?: number;
  batch?: number;
  optimizer?: OptimizerKind;
}

/** Compare (A/B) settings. */
export interface CompareState {
  /** Run a second agent B on common random numbers. */
  enabled: boolean;
  /** B's differences from A. */
  b: CompareOverrides;
}

/** Summary numbers of one agent (published by the runner). */
export interface PublishedStats {
  episodes: number;
  steps: number;
  updates: number;
  meanReturn: number;
  baselineValue: number;
  exactJ: number;
  gradVariance: number;
  error: string | null;
}

/** The arithmetic of the last update, for "Explain this update" (plain numbers). */
export interface ExplainData {
  agent: 'A' | 'B';
  update: number;
  baselineKind: BaselineKind;
  /** Observation and action of the described step (−1 for vector actions). */
  obs: number;
  action: number;
  /** G_t, b_t, G_t − b_t, γ^t. */
  ret: number;
  baseline: number;
  advantage: number;
  discount: number;
  batchSize: number;
  lr: number;
  /** Parameter names, ∇log π for the step, the batch gradient g and Δθ (only the parameters that moved). */
  names: string[];
  score: number[];
  grad: number[];
  delta: number[];
}

export type { Notice } from './notices';

/** Gridworld editor brushes. */
export type Brush = 'floor' | 'wall' | 'pit' | 'goal' | 'start';

/** View toggles and selections. */
export interface ViewState {
  /** Bandit: draw q*(a) (otherwise hidden until the user reveals them). */
  showTrueMeans: boolean;
  /** Gridworld: draw the learned V(s) heatmap. */
  showValue: boolean;
  /** Gridworld: inspected cell (−1 none). */
  selectedCell: number;
  /** Gridworld: map editor on. */
  editing: boolean;
  /** Gridworld: editor brush. */
  brush: Brush;
}

/** Multi-seed runs, bands and export/import (src/ui/multiSeedSection.ts, exportSection.ts): plain progress. */
export interface MultiSeedState {
  /** The "Seeds" and "Episodes" fields. */
  seeds: number;
  episodes: number;
  /** A multi-seed run in progress, and how far it is (seeds finished of seeds × arms). */
  running: boolean;
  done: number;
  total: number;
  /** Why the last run failed, or null. */
  error: string | null;
  /** The runs drawn as bands (multi-seed results and imported files), by overlay id. */
  overlays: { id: number; label: string; imported: boolean }[];
  /** Outcome of the last export or import (error: shown as an alert). */
  exportMessage: string | null;
  exportError: string | null;
  /** Why the CLI cannot reproduce the live run (a hyperparameter changed while it ran), or null. */
  liveEdit: string | null;
}

/** A request of the multi-seed and export controls; src/main.ts hands it to src/app/multiSeed/. */
export type SeedsRequest =
  | { kind: 'run' }
  | { kind: 'cancel' }
  | { kind: 'clear' }
  | { kind: 'export'; format: 'csv' | 'json' | 'png' }
  | { kind: 'import'; name: string; text: string }
  | { kind: 'remove'; id: number };

/** The whole store. */
export interface PlaygroundState {
  config: RunConfig;
  compare: CompareState;
  playing: boolean;
  /** Index into {@link speeds}. */
  speed: number;
  /** Bumped on every rebuild (env, seed, estimator, compare, reset). */
  runId: number;
  /** Bumped by the Step button; the runner advances to the next update and pauses. */
  stepRequests: number;
  view: ViewState;
  stats: { A: PublishedStats | null; B: PublishedStats | null };
  explain: ExplainData | null;
  notices: Notice[];
  /** Continuous bandit: why the typed reward was refused (the last good one is kept), or null. */
  rewardError: string | null;
  /** Gridworld: why the edited map was refused (the previous map is kept), or null. */
  mapError: string | null;
  /** A classroom link's hidden controls and the teacher's setup, or null (./classroom.ts). */
  classroom: ClassroomState | null;
  multiSeed: MultiSeedState;
  /** The newest multi-seed/export request (a fresh object each time), or null. */
  seedsRequest: SeedsRequest | null;
}

/** Actions on the store. */
export interface PlaygroundActions {
  /** Applies a config patch: live keys at once, others through a rebuild (runId++). */
  setConfig(patch: Partial<RunConfig>): void;
  /** Switches environment, starting from its defaults but keeping the seed. */
  setEnv(env: RunEnvId): void;
  setCompare(patch: Partial<CompareState>): void;
  setPlaying(playing: boolean): void;
  togglePlaying(): void;
  setSpeed(speed: number): void;
  requestStep(): void;
  /** Back to the same initial parameters and environment draws (same config and seed). */
  reset(): void;
  /** A different seed, derived deterministically from the current one, then a rebuild. */
  newSeed(): void;
  setView(patch: Partial<ViewState>): void;
  /** Called by the runner at ≤ 10 Hz. */
  publish(stats: PlaygroundState['stats'], explain: ExplainData | null): void;
  notify(level: Notice['level'], text: string): void;
  dismiss(id: number): void;
  setRewardError(error: string | null): void;
  setMapError(error: string | null): void;
  setClassroom(classroom: ClassroomState | null): void;
  setMultiSeed(patch: Partial<MultiSeedState>): void;
  requestSeeds(request: SeedsRequest): void;
}

/** Store state plus actions. */
export type Playground = PlaygroundState & PlaygroundActions;

/** Speed levels: steps per second for the animated slow ones, steps per frame for the rest. */
export const speeds: readonly { label: string; stepsPerSecond?: number; stepsPerFrame?: number }[] = [
  { label: '2 steps/s', stepsPerSecond: 2 },
  { label: '10 steps/s', stepsPerSecond: 10 },
  { label: '1 step/frame', stepsPerFrame: 1 },
  { label: '10 steps/frame', stepsPerFrame: 10 },
  { label: '100 steps/frame', stepsPerFrame: 100 },
  { label: '1 000 steps/frame', stepsPerFrame: 1000 },
  { label: '10 000 steps/frame', stepsPerFrame: 10000 },
  { label: '40 000 steps/frame', stepsPerFrame: 40000 },
];

/** Next seed after `seed`: a fixed hash, so "New seed" is reproducible too. */
export function nextSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return ((z ^ (z >>> 16)) >>> 0) % 100000;
}

/** Creates a fresh store; `init` overrides parts of the initial state (e.g. from the URL). */
export function createPlaygroundStore(init: Partial<PlaygroundState> = {}) {
  const log = createNoticeLog(5);
  return createStore<Playground>()(
    subscribeWithSelector(
      immer((set) => ({
        config: defaultConfig('bandit'),
        compare: { enabled: false, b: { baseline: 'none' } },
        playing: false,
        speed: 4,
        runId: 0,
        stepRequests: 0,
        view: { showTrueMeans: true, showValue: true, selectedCell: -1, editing: false, brush: 'wall' },
        stats: { A: null, B: null },
        explain: null,
        notices: [],
        rewardError: null,
        mapError: null,
        classroom: null,
        multiSeed: {
          seeds: 30,
          episodes: 1000,
          running: false,
          done: 0,
          total: 0,
          error: null,
          overlays: [],
          exportMessage: null,
          exportError: null,
          liveEdit: null,
        },
        seedsRequest: null,
        ...init,
        setConfig: (patch) =>
          set((s) => {
            let rebuild = false;
            for (const [k, v] of Object.entries(patch) as [keyof RunConfig, unknown][]) {
              if (v === undefined || s.config[k] === v) continue;
              (s.config as unknown as Record<string, unknown>)[k] = v;
              if (!liveKeys.includes(k)) rebuild = true;
            }
            if (rebuild) s.runId++;
          }),
        setEnv: (env) =>
          set((s) => {
            if (s.config.env === env) return;
            s.config = { ...defaultConfig(env), seed: s.config.seed };
            s.runId++;
            s.rewardError = null;
            s.mapError = null;
            s.explain = null;
          }),
        setCompare: (patch) =>
          set((s) => {
            s.compare = { ...s.compare, ...patch, b: { ...s.compare.b, ...patch.b } };
            s.runId++;
          }),
        setPlaying: (playing) => set((s) => void (s.playing = playing)),
        togglePlaying: () => set((s) => void (s.playing = !s.playing)),
        setSpeed: (speed) => set((s) => void (s.speed = Math.max(0, Math.min(speeds.length - 1, speed | 0)))),
        requestStep: () =>
          set((s) => {
            s.playing = false;
            s.stepRequests++;
          }),
        reset: () =>
          set((s) => {
            s.runId++;
            s.explain = null;
          }),
        newSeed: () =>
          set((s) => {
            s.config.seed = nextSeed(s.config.seed);
            s.runId++;
            s.explain = null;
          }),
        setView: (patch) => set((s) => void Object.assign(s.view, patch)),
        publish: (stats, explain) =>
          set((s) => {
            s.stats = stats;
            s.explain = explain;
          }),
        notify: (level, text) => set((s) => log.add(s.notices, level, text)),
        dismiss: (id) => set((s) => void (s.notices = log.remove(s.notices, id))),
        setRewardError: (error) => set((s) => void (s.rewardError = error)),
        setMapError: (error) => set((s) => void (s.mapError = error)),
        setClassroom: (classroom) => set((s) => void (s.classroom = classroom)),
        setMultiSeed: (patch) => set((s) => void Object.assign(s.multiSeed, patch)),
        requestSeeds: (request) => set((s) => void (s.seedsRequest = request)),
      })),
    ),
  );
}

/** The store's type. */
export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;
