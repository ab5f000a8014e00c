/**
 * The lessons page's store (zustand vanilla + immer, plain data only): where the page is, the saved progress,
 * the state of the current run and its verdict, and notices. Measurements and chart data stay with the page's
 * controller (src/lessons.ts); only their verdict comes here.
 */
import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import { subscribeWithSelector } from 'zustand/middleware';
import type { LessonProgress, Progress } from './progress';
import type { Route } from './route';
import type { LessonId, Verdict } from './types';
import { createNoticeLog, type Notice } from '../notices';

/** A message for the user. */
export type LessonNotice = Notice;

/** The current run of the lesson on screen. */
export interface RunState {
  /** Which lesson the run (or its verdict) belongs to. */
  lesson: LessonId | null;
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Fraction done while running, in [0, 1]. */
  fraction: number;
  /** Why it failed (status 'failed'). */
  error: string;
  /** The verdict after a finished run. */
  verdict: Verdict | null;
}

/** State and actions. */
export interface LessonsState {
  route: Route;
  progress: Progress;
  run: RunState;
  notices: LessonNotice[];
  setRoute(route: Route): void;
  /** Locks in a prediction for a lesson (clears any earlier result of it). */
  predict(id: LessonId, choice: string): void;
  /** Forgets a lesson's prediction and result ("Try again"). */
  reset(id: LessonId): void;
  setRun(run: Partial<RunState>): void;
  /** Records a finished, checked run. */
  finish(id: LessonId, verdict: Verdict): void;
  notify(level: LessonNotice['level'], text: string): void;
  dismiss(id: number): void;
}

/** Most notices kept. */

/** The state of no run. */
export function idleRun(): RunState {
  return { lesson: null, status: 'idle', fraction: 0, error: '', verdict: null };
}

/** A fresh store with `progress` loaded. */
export function createLessonsStore(progress: Progress = {}) {
  const log = createNoticeLog(4);
  return createStore<LessonsState>()(
    subscribeWithSelector(
      immer((set) => ({
        route: { page: 'list' } as Route,
        progress,
        run: idleRun(),
        notices: [],
        setRoute(route) {
          set((s) => {
            s.route = route;
            if (route.page === 'list' || s.run.lesson !== route.id) s.run = idleRun();
          });
        },
        predict(id, choice) {
          set((s) => {
            const entry: LessonProgress = { prediction: choice, ran: false, correct: null };
            s.progress[id] = entry;
            if (s.run.lesson === id) s.run = idleRun();
          });
        },
        reset(id) {
          set((s) => {
            delete s.progress[id];
            if (s.run.lesson === id || s.run.lesson === null) s.run = idleRun();
          });
        },
        setRun(run) {
          set((s) => {
            Object.assign(s.run, run);
          });
        },
        finish(id, verdict) {
          set((s) => {
            const p = s.progress[id];
            if (p) {
              p.ran = true;
              p.correct = verdict.correct;
            }
            s.run = { lesson: id, status: 'done', fraction: 1, error: '', verdict };
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

/** The lessons store's type. */
export type LessonsStore = ReturnType<typeof createLessonsStore>;
