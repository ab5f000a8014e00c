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

  it('progress ticks leave the live regions untouched; the bar carries the percentage', () => {
    const { store } = mount();
    const verdict = document.getElementById('verdict')!;
    const status = document.getElementById('run-status')!;
    const bar = document.getElementById('run-progress') as HTMLProgressElement;
    store.getState().setRun({ lesson: 'corridor', status: 'running', fraction: 0, verdict: null });
    const hint = verdict.firstChild;
    const said = status.firstChild;
    expect(status.textContent).toBe('Running…');
    for (const f of [0.1, 0.2, 0.55]) store.getState().setRun({ fraction: f });
    expect(bar.value).toBeCloseTo(0.55, 12);
    expect(verdict.firstChild).toBe(hint); // the same node: nothing re-announced
    expect(status.firstChild).toBe(said);
    expect(status.textContent).toBe('Running…');
    // the end of the run is announced
    store.getState().setRun({ status: 'failed', error: 'The run failed: boom' });
    expect(status.textContent).toBe('The run failed: boom');
  });
});
