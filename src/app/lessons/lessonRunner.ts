/**
 * The lessons page's run controller: starts a lesson's run for the prediction locked in at that moment,
 * reports its progress to the store (≲ 10 Hz), cancels it, and records its verdict. Only the newest run may
 * write: an older run that finishes or fails after another started (or after "Try again" changed the
 * prediction) writes nothing, so it can neither overwrite the new run's state nor check the wrong prediction.
 */
import { verdictOf } from '../../state/lessons/checks';
import type { LessonsStore } from '../../state/lessons/lessonsStore';
import type { Lesson, LessonId } from '../../state/lessons/types';
import type { LessonFigure } from './chartData';
import type { LessonResult, RunControl } from './experiments';

/** What the runner needs from the page. */
export interface LessonRunnerDeps {
  store: LessonsStore;
  /** Runs lesson `id`'s experiment (runLesson with the page's seed runner). */
  runLesson(id: LessonId, ctl: RunControl): Promise<LessonResult>;
  /** Shows charts (or none, with a message) under the run. */
  showCharts(figures: readonly LessonFigure[] | null, message?: string): void;
  /** Milliseconds clock for throttling progress (performance.now in the page). */
  now?: () => number;
}

/** The page's run actions. */
export interface LessonRunner {
  /** Starts `lesson`'s run (cancelling any other) if a prediction is locked in. */
  run(lesson: Lesson): void;
  /** Cancels the current run, if any. */
  cancel(): void;
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** A run controller over `deps.store`. */
export function createLessonRunner(deps: LessonRunnerDeps): LessonRunner {
  const { store, showCharts } = deps;
  const now = deps.now ?? (() => performance.now());
  let controller: AbortController | null = null;

  const run = (lesson: Lesson) => {
    const prediction = store.getState().progress[lesson.id]?.prediction;
    if (!prediction) return;
    controller?.abort();
    const ctl = new AbortController();
    controller = ctl;
    showCharts(null, 'Running…');
    store.getState().setRun({ lesson: lesson.id, status: 'running', fraction: 0, error: '', verdict: null });
    let shown = -Infinity;
    const onProgress = (f: number) => {
      // at most ~10 store updates a second, and every whole 10 %
      const t = now();
      if (t - shown < 100 && Math.floor(f * 10) === Math.floor(store.getState().run.fraction * 10)) return;
      shown = t;
      if (controller === ctl) store.getState().setRun({ fraction: f });
    };
    const stale = () => controller !== ctl;
    deps.runLesson(lesson.id, { onProgress, signal: ctl.signal }).then(
      (result) => {
        if (stale()) return;
        controller = null;
        // the prediction was withdrawn ("Try again") while this run went on: it checks nothing
        if (store.getState().progress[lesson.id]?.prediction !== prediction) {
          showCharts(null);
          if (store.getState().run.lesson === lesson.id)
            store.getState().setRun({ status: 'idle', fraction: 0 });
          return;
        }
        showCharts(result.charts);
        store.getState().finish(lesson.id, verdictOf(result.measurement, prediction));
      },
      (e: unknown) => {
        // a newer run owns the page now (this one was aborted for it, or failed after it started)
        if (stale()) return;
        controller = null;
        const aborted = isAbort(e);
        showCharts(null, aborted ? 'Cancelled' : 'The run failed');
        const msg = e instanceof Error ? e.message : String(e);
        if (store.getState().run.lesson === lesson.id)
          store.getState().setRun({
            status: aborted ? 'idle' : 'failed',
            fraction: 0,
            error: aborted ? '' : `The run failed: ${msg}`,
          });
      },
    );
  };
  return { run, cancel: () => controller?.abort() };
}
