/**
 * The gradient lab's human-facing state: its configuration (what the link holds), what the expression
 * compiler said about f, the summary numbers the lab engine publishes for the DOM table (≤ 10 times a second)
 * and messages. Plain serialisable data only; sample buffers, histograms and curves live in the engine
 * (src/app/lab/). A factory, not a singleton (HOUSE-STYLE §5).
 */
import { immer } from 'zustand/middleware/immer';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { LAB_ESTIMATORS, type LabEstimator } from '../algos/lab/estimators';
import { checkLabConfig, defaultLabConfig, LAB_PRESETS, type LabConfig } from './labConfig';
import type { ClassroomState } from './classroom';
import { createNoticeLog, type Notice } from './notices';

/** What the compiler found out about the current (last good) f. */
export interface ExprInfo {
  /** The derivative as text (display only). */
  derivative: string;
  /** f′ = 0 almost everywhere. */
  pathwiseBlind: boolean;
  /** f may jump somewhere. */
  discontinuous: boolean;
  /** f′ does not exist at some points (a kink such as |z − k|), though f is continuous there. */
  kinked: boolean;
  /** The expression uses k. */
  usesK: boolean;
  /** Non-finite values at some probe points, if any. */
  warning: string | null;
}

/** A refused f: the message and the 0-based position of the problem when known. */
export interface ExprError {
  message: string;
  index?: number;
  /** The text that was refused. */
  text: string;
}

/** Monte Carlo vs exact numbers of one estimator and one gradient component (for the table). */
export interface StatRow {
  mean: number;
  standardError: number;
  variance: number;
  exactVariance: number;
  /** N needed for standard error ≤ τ (Infinity: never). */
  needed: number;
  /** The estimator's mean is not the gradient (no N makes it accurate). */
  biased: boolean;
}

/** What the engine publishes for the DOM. */
export interface LabSummary {
  /** E[f] and the exact gradient at (μ, σ). */
  value: number;
  grad: { mu: number; sigma: number };
  /** Samples behind the Monte Carlo numbers. */
  samples: number;
  /** Per estimator, per component. */
  rows: Record<LabEstimator, { mu: StatRow; sigma: StatRow }>;
  /** The sweep's and the race's state in words ("computing…", "ready", an error). */
  sweepStatus: string;
  raceStatus: string;
  /** Race result per estimator: arrival step (−1 never), final E[f], and the length of its path in (μ, σ)
   * divided by the straight distance from start to end (1 = went straight; large = wandered). */
  race: Record<LabEstimator, { arrival: number; final: number; wander: number }>;
}

/** A message for the user. */
export type LabNotice = Notice;

/** The lab store's state and actions. */
export interface Lab {
  config: LabConfig;
  /** Text typed into f(z) and not yet compiled (the engine compiles it; null when nothing is pending). */
  draftF: string | null;
  /** Set while the typed f is refused (the last good f keeps running). */
  exprError: ExprError | null;
  /** About the running f (null until compiled). */
  expr: ExprInfo | null;
  summary: LabSummary | null;
  notices: LabNotice[];
  /** A classroom link's hidden controls and the teacher's setup, or null (./classroom.ts). */
  classroom: ClassroomState | null;
  setClassroom(classroom: ClassroomState | null): void;
  /** Merges a (valid) patch into the config; cross-field problems are repaired and reported. */
  setConfig(patch: Partial<LabConfig>): void;
  /** Loads a preset: f, k, its sweep range, the race direction, μ = σ = 1. */
  applyPreset(id: string): void;
  /** Shows or hides one estimator everywhere. */
  setVisible(name: LabEstimator, visible: boolean): void;
  /** Submits typed f text for compiling (accepted text becomes config.f). */
  setDraftF(text: string | null): void;
  setExprError(e: ExprError | null): void;
  setExprInfo(info: ExprInfo | null): void;
  publish(summary: LabSummary): void;
  notify(level: LabNotice['level'], text: string): void;
  dismiss(id: number): void;
}

/** The store type. */
export type LabStore = ReturnType<typeof createLabStore>;

/** Most notices kept. */

/** A fresh lab store, optionally starting from `init`. */
export function createLabStore(init: Partial<LabConfig> = {}) {
  const log = createNoticeLog(4);
  return createStore<Lab>()(
    subscribeWithSelector(
      immer((set, get) => ({
        config: { ...defaultLabConfig(), ...init },
        draftF: null,
        exprError: null,
        expr: null,
        summary: null,
        notices: [],
        classroom: null,
        setClassroom(classroom) {
          set((s) => {
            s.classroom = classroom;
          });
        },
        setConfig(patch) {
          const next = { ...get().config, ...patch };
          const errors = checkLabConfig(next);
          set((s) => {
            s.config = next;
          });
          for (const e of errors) get().notify('warning', e);
        },
        applyPreset(id) {
          const p = LAB_PRESETS.find((q) => q.id === id);
          if (!p) return;
          get().setConfig({
            f: p.f,
            k: p.k,
            kMin: p.kMin,
            kMax: p.kMax,
            objective: p.objective,
            mu: 1,
            sigma: 1,
          });
        },
        setVisible(name, visible) {
          const hidden = new Set(get().config.hide);
          if (visible) hidden.delete(name);
          else hidden.add(name);
          get().setConfig({ hide: LAB_ESTIMATORS.filter((n) => hidden.has(n)) });
        },
        setDraftF(text) {
          set((s) => {
            s.draftF = text;
          });
        },
        setExprError(e) {
          set((s) => {
            s.exprError = e;
          });
        },
        setExprInfo(info) {
          set((s) => {
            s.expr = info;
          });
        },
        publish(summary) {
          set((s) => {
            s.summary = summary;
          });
        },
        notify(level, text) {
          set((s) => log.add(s.notices, level, text));
        },
        dismiss(id) {
          set((s) => void (s.notices = log.remove(s.notices, id)));
        },
      })),
    ),
  );
}
