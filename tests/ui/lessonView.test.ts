// @vitest-environment happy-dom
// One lesson's page in the DOM: "Try again" stops a run still going (else it would check the withdrawn
// prediction), and the live regions stay quiet while a run reports progress.
import { afterEach, describe, expect, it } from 'vitest';
import { lessonById } from '../../src/state/lessons/catalog';
import { createLessonsStore } from '../../src/state/lessons/lessonsStore';
import { mountLessonView } from '../../src/ui/lessons/LessonView';
import { byButton } from './helpers';

let dispose = () => {};
afterEach(() => {
  dispose();
  document.body.replaceChildren();
});

function mount() {
  const store = createLessonsStore({ corridor: { prediction: 'optimum', ran: false, correct: null } });
  const calls: string[] = [];
  dispose = mountLessonView(
    document.body,
    lessonById('corridor')!,
    store,
    { run: () => calls.push('run'), cancel: () => calls.push('cancel') },
    document.createElement('div'),
  );
  return { store, calls };
}

describe('lesson view', () => {
  it('"Try again" during a run cancels it before forgetting the prediction', () => {
    const { store, calls } = mount();
    store.getState().setRun({ lesson: 'corridor', status: 'running', fraction: 0.3 });
    byButton('Try again').click();
    expect(calls).toEqual(['cancel']);
    expect(store.getState().progress.corridor).toBeUndefined();
  });

  it('"Try again" with no run going cancels nothing', () => {
    const { store, calls } = mount();
    byButton('Try again').click();
    expect(calls).toEqual([]);
    expect(store.getState().progress.corridor).toBeUndefined();
  });
});
