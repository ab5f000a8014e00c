/**
 * Lesson progress in localStorage under a versioned key: per lesson the locked-in prediction, whether the run
 * was done and whether the prediction was right. Everything read back is untrusted: {@link readProgress} never
 * throws; malformed JSON, another schema version or bad entries are dropped with one message each (the page shows
 * them as a notice) and the rest is kept.
 */
import { lessonById } from './catalog';
import { LESSON_IDS, type LessonId } from './types';
import { clip } from '../hashPairs';
import { isRecord } from '../../core/guards';

/** The storage key (the version is part of it, and is stored too). */
export const PROGRESS_KEY = 'gradient-wars.lessons.v1';
/** The schema version written. */
export const PROGRESS_VERSION = 1;

/** One lesson's progress. */
export interface LessonProgress {
  /** The locked-in choice id. */
  prediction: string;
  /** Whether the run finished and was checked. */
  ran: boolean;
  /** Whether the prediction matched the run (null: not run yet, or the run was not conclusive). */
  correct: boolean | null;
}

/** All lessons' progress. */
export type Progress = Partial<Record<LessonId, LessonProgress>>;

/** What reading gave: the progress and one line per thing ignored. */
export interface ReadProgress {
  progress: Progress;
  errors: string[];
}

/** The part of `Storage` used (so tests can pass a stub). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Parses stored text (null: nothing stored). Never throws. */
export function parseProgress(text: string | null): ReadProgress {
  const progress: Progress = {};
  if (text === null) return { progress, errors: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress, errors: ['the saved lesson progress is not valid JSON and was ignored'] };
  }
  if (!isRecord(data))
    return { progress, errors: ['the saved lesson progress is not an object and was ignored'] };
  if (data.version !== PROGRESS_VERSION)
    return {
      progress,
      errors: [
        `the saved lesson progress has version ${clip(String(data.version))}, not ${PROGRESS_VERSION}, and was ignored`,
      ],
    };
  const errors: string[] = [];
  const lessons = data.lessons;
  if (!isRecord(lessons))
    return { progress, errors: ['the saved lesson progress has no lesson list and was ignored'] };
  for (const [id, entry] of Object.entries(lessons)) {
    if (!(LESSON_IDS as readonly string[]).includes(id)) {
      errors.push(`unknown lesson "${clip(id)}" in the saved progress was ignored`);
      continue;
    }
    const lesson = lessonById(id)!;
    if (
      isRecord(entry) &&
      typeof entry.prediction === 'string' &&
      !lesson.choices.some((c) => c.id === entry.prediction)
    ) {
      // e.g. progress saved before lesson 6's question gained its baseline part
      errors.push(
        `your saved answer to lesson ${lesson.number} is not one of its current choices (the question has changed); answer it again`,
      );
      continue;
    }
    if (
      !isRecord(entry) ||
      typeof entry.prediction !== 'string' ||
      typeof entry.ran !== 'boolean' ||
      !(entry.correct === null || typeof entry.correct === 'boolean') ||
      (!entry.ran && entry.correct !== null)
    ) {
      errors.push(`the saved progress of lesson ${lesson.number} is malformed and was ignored`);
      continue;
    }
    progress[id as LessonId] = { prediction: entry.prediction, ran: entry.ran, correct: entry.correct };
  }
  return { progress, errors };
}

/** The stored text of `progress`. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify({ version: PROGRESS_VERSION, lessons: progress });
}

/** Reads the progress from `storage`; an unavailable storage counts as empty (with a message). */
export function readProgress(storage: ProgressStorage | null): ReadProgress {
  if (!storage)
    return { progress: {}, errors: ['progress cannot be saved in this browser (no local storage)'] };
  try {
    return parseProgress(storage.getItem(PROGRESS_KEY));
  } catch {
    return { progress: {}, errors: ['the saved lesson progress could not be read'] };
  }
}

/** Writes the progress; returns an error line when the storage refuses (full, disabled), else null. */
export function writeProgress(storage: ProgressStorage | null, progress: Progress): string | null {
  if (!storage) return 'progress cannot be saved in this browser (no local storage)';
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(progress));
    return null;
  } catch {
    return 'your progress could not be saved (the browser refused to store it)';
  }
}
