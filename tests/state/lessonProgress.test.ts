// Lesson progress in storage: a round trip, and everything bad that can be read back (broken JSON, another
// version, unknown lessons, malformed entries, a storage that throws) is reported and ignored, never thrown.
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  parseProgress,
  readProgress,
  serializeProgress,
  writeProgress,
  type Progress,
  type ProgressStorage,
} from '../../src/state/lessons/progress';
import { createLessonsStore } from '../../src/state/lessons/lessonsStore';

function memory(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const sample: Progress = {
  'bandit-baseline': { prediction: 'worse', ran: true, correct: true },
  corridor: { prediction: 'half', ran: true, correct: false },
  'batch-size': { prediction: 'quarter-lot', ran: false, correct: null },
};

describe('lesson progress storage', () => {
  it('round-trips through storage under the versioned key', () => {
    const s = memory();
    expect(writeProgress(s, sample)).toBeNull();
    expect(JSON.parse(s.data.get(PROGRESS_KEY)!).version).toBe(1);
    expect(readProgress(s)).toEqual({ progress: sample, errors: [] });
    expect(readProgress(memory())).toEqual({ progress: {}, errors: [] });
  });

  it('ignores broken JSON, non-objects and other versions with one message', () => {
    for (const [text, what] of [
      ['{"version":1,"lessons":', /not valid JSON/],
      ['[1,2]', /not an object/],
      ['null', /not an object/],
      ['{"version":0,"lessons":{}}', /version 0, not 1/],
      ['{"version":2,"lessons":{}}', /version 2, not 1/],
      ['{"lessons":{}}', /version undefined/],
      ['{"version":1}', /no lesson list/],
    ] as const) {
      const r = parseProgress(text);
      expect(r.progress).toEqual({});
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(what);
    }
  });

  it('drops unknown lessons and malformed entries, keeps the rest', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {
        ...sample,
        'no-such-lesson': { prediction: 'x', ran: false, correct: null },
        'smooth-reward': { prediction: 'not-a-choice', ran: false, correct: null },
        'gridworld-baseline': { prediction: 'helps', ran: 'yes', correct: null },
        'pathwise-fails': { prediction: 'noisy-blind', ran: false, correct: true },
      },
    });
    const r = parseProgress(text);
    expect(r.progress).toEqual(sample);
    expect(r.errors).toEqual([
      'unknown lesson "no-such-lesson" in the saved progress was ignored',
      'your saved answer to lesson 4 is not one of its current choices (the question has changed); answer it again',
      'the saved progress of lesson 3 is malformed and was ignored',
      'the saved progress of lesson 5 is malformed and was ignored',
    ]);
  });

  it('an answer to an earlier version of a question (lesson 6 before its baseline part) asks for a new one', () => {
    const text = JSON.stringify({
      version: 1,
      lessons: {
        'batch-size': { prediction: 'quarter', ran: true, correct: true },
        corridor: sample.corridor,
      },
    });
    expect(parseProgress(text)).toEqual({
      progress: { corridor: sample.corridor },
      errors: [
        'your saved answer to lesson 6 is not one of its current choices (the question has changed); answer it again',
      ],
    });
  });

  it('survives storages that throw or do not exist', () => {
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readProgress(broken)).toEqual({
      progress: {},
      errors: ['the saved lesson progress could not be read'],
    });
    expect(writeProgress(broken, sample)).toMatch(/could not be saved/);
    expect(readProgress(null).errors[0]).toMatch(/no local storage/);
    expect(writeProgress(null, sample)).toMatch(/no local storage/);
  });

  it('serializes exactly what the store holds after predict → finish → reset', () => {
    const store = createLessonsStore();
    store.getState().predict('corridor', 'optimum');
    expect(parseProgress(serializeProgress(store.getState().progress)).progress).toEqual({
      corridor: { prediction: 'optimum', ran: false, correct: null },
    });
    store.getState().finish('corridor', { correct: true, predicted: '', shows: '', why: '' });
    expect(store.getState().progress.corridor).toEqual({ prediction: 'optimum', ran: true, correct: true });
    expect(store.getState().run.status).toBe('done');
    store.getState().reset('corridor');
    expect(store.getState().progress).toEqual({});
    expect(store.getState().run.status).toBe('idle');
  });
});
