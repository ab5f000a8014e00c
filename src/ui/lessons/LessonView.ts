/**
 * One lesson's page: its text (authored HTML with the mathematics), the predict-then-run question (radio
 * choices; "Lock in" fixes the prediction, which is then shown read-only), the run (Run is disabled until a
 * prediction is locked in; progress bar and Cancel while it runs), the chart holder, and the check: "You
 * predicted X. The run supports Y (numbers)." with why, links to the playground/lab, "Try again" and "Next".
 */
import { LESSONS, nextLesson } from '../../state/lessons/catalog';
import type { LessonsStore, RunState } from '../../state/lessons/lessonsStore';
import type { LessonProgress } from '../../state/lessons/progress';
import { writeRoute } from '../../state/lessons/route';
import type { Lesson, Verdict } from '../../state/lessons/types';
import { el, Scope } from '../dom';

/** What the view asks of the page's controller. */
export interface LessonActions {
  run(lesson: Lesson): void;
  cancel(): void;
}

function href(route: Parameters<typeof writeRoute>[0]): string {
  return `./lessons.html${writeRoute(route)}`;
}

/** Mounts lesson `lesson` into `parent`; `chartHolder` is placed in the run section. Returns a disposer. */
export function mountLessonView(
  parent: HTMLElement,
  lesson: Lesson,
  store: LessonsStore,
  actions: LessonActions,
  chartHolder: HTMLElement,
): () => void {
  const scope = new Scope();
  const id = lesson.id;
  const body = el('div', { class: 'lesson-body' });
  // authored, trusted content from src/state/lessons/catalog.ts (never user input)
  body.innerHTML = lesson.body;

  // --- predict
  const name = `prediction-${id}`;
  const radios = lesson.choices.map((c) => {
    const input = el('input', { id: `${name}-${c.id}`, attrs: { type: 'radio', name, value: c.id } });
    return { input, row: el('label', { class: 'choice', attrs: { for: input.id } }, [input, ' ', c.label]) };
  });
  const lock = el('button', {
    id: 'btn-lock',
    class: 'btn btn-primary',
    text: 'Lock in my prediction',
    attrs: { type: 'button', disabled: true },
  });
  const locked = el('p', { id: 'prediction-locked', class: 'prediction-locked', attrs: { hidden: true } });
  const fieldset = el('fieldset', { class: 'predict' }, [
    el('legend', { text: lesson.question }),
    ...radios.map((r) => r.row),
  ]);
  const predict = el('section', { class: 'panel lesson-step', attrs: { 'aria-labelledby': 'h-predict' } }, [
    el('h3', { id: 'h-predict', text: '1. Predict' }),
    fieldset,
    el('div', { class: 'step-actions' }, [lock]),
    locked,
  ]);
  for (const r of radios) scope.listen(r.input, 'change', () => (lock.disabled = false));
  scope.listen(lock, 'click', () => {
    const chosen = radios.find((r) => r.input.checked);
    if (!chosen) return;
    store.getState().predict(id, chosen.input.value);
    // the lock button is hidden now: keep keyboard users moving forward
    runBtn.focus();
  });

  // --- run
  const runBtn = el('button', {
    id: 'btn-run',
    class: 'btn btn-primary',
    text: 'Run',
    attrs: { type: 'button', disabled: true, 'aria-describedby': 'run-hint' },
  });
  const cancel = el('button', {
    id: 'btn-cancel',
    class: 'btn',
    text: 'Cancel',
    attrs: { type: 'button', hidden: true },
  });
  const bar = el('progress', {
    id: 'run-progress',
    attrs: { max: 1, value: 0, 'aria-label': 'Run progress', hidden: true },
  });
  const status = el('p', {
    id: 'run-status',
    class: 'run-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const hint = el('p', { id: 'run-hint', class: 'hint', text: 'Lock in a prediction first.' });
  const runSection = el('section', { class: 'panel lesson-step', attrs: { 'aria-labelledby': 'h-run' } }, [
    el('h3', { id: 'h-run', text: '2. Run' }),
    el('p', { class: 'run-summary', text: lesson.runSummary }),
    el('div', { class: 'step-actions' }, [runBtn, cancel, bar]),
    hint,
    status,
    chartHolder,
  ]);
  scope.listen(runBtn, 'click', () => actions.run(lesson));
  scope.listen(cancel, 'click', () => actions.cancel());

  // --- check
  const verdictBox = el('div', { id: 'verdict', class: 'verdict', attrs: { 'aria-live': 'polite' } });
  const links = el(
    'ul',
    { class: 'explore-links' },
    lesson.links.map((l) => el('li', {}, [el('a', { text: l.label, attrs: { href: l.href } })])),
  );
  const again = el('button', { id: 'btn-again', class: 'btn', text: 'Try again', attrs: { type: 'button' } });
  scope.listen(again, 'click', () => {
    // a run still going would check the withdrawn prediction: stop it first
    if (store.getState().run.lesson === id && store.getState().run.status === 'running') actions.cancel();
    store.getState().reset(id);
    radios.forEach((r) => (r.input.checked = false));
    lock.disabled = true;
    radios[0].input.focus();
  });
  const next = nextLesson(id);
  const nav = el('nav', { class: 'lesson-nav', attrs: { 'aria-label': 'Lesson navigation' } }, [
    again,
    el('a', { class: 'btn', text: 'All lessons', attrs: { href: './lessons.html' } }),
    next
      ? el('a', {
          id: 'next-lesson',
          class: 'btn btn-primary',
          text: `Next: ${next.title} →`,
          attrs: { href: href({ page: 'lesson', id: next.id }) },
        })
      : el('span', { class: 'hint', text: 'This is the last lesson.' }),
  ]);
  const check = el('section', { class: 'panel lesson-step', attrs: { 'aria-labelledby': 'h-check' } }, [
    el('h3', { id: 'h-check', text: '3. Check' }),
    verdictBox,
    el('h4', { text: 'Explore further' }),
    links,
  ]);

  const article = el('article', { class: 'lesson', attrs: { 'aria-labelledby': 'lesson-title' } }, [
    el('p', { class: 'lesson-kicker', text: `Lesson ${lesson.number} of ${LESSONS.length}` }),
    el('h2', { id: 'lesson-title', text: lesson.title }),
    body,
    predict,
    runSection,
    check,
    nav,
  ]);
  parent.append(article);
  scope.add(() => article.remove());

  // what the live regions last said: they are rewritten only when it changes (progress ticks ~10 Hz)
  let statusText: string | null = null;
  let verdictKey: unknown[] | null = null;
  const render = (p: LessonProgress | undefined, run: RunState) => {
    const mine = run.lesson === id;
    const running = mine && run.status === 'running';
    const chosen = p?.prediction;
    for (const r of radios) {
      r.input.disabled = !!chosen || running;
      if (chosen) r.input.checked = r.input.value === chosen;
    }
    const label = lesson.choices.find((c) => c.id === chosen)?.label;
    lock.hidden = !!chosen;
    locked.hidden = !chosen;
    locked.textContent = chosen ? `Your prediction (locked in): ${label}` : '';
    runBtn.disabled = !chosen || running;
    runBtn.textContent = mine && run.status === 'done' ? 'Run again' : 'Run';
    hint.hidden = !!chosen;
    cancel.hidden = !running;
    bar.hidden = !running;
    // the percentage lives on the <progress> bar; the status region announces only start and end
    bar.value = running ? run.fraction : 0;
    const text = running ? 'Running…' : mine && run.status === 'failed' ? run.error : '';
    if (text !== statusText) status.textContent = statusText = text;
    status.classList.toggle('run-error', mine && run.status === 'failed');
    const v = mine && run.status === 'done' ? run.verdict : null;
    const key = [v, !!p?.ran, p?.correct];
    if (!verdictKey || key.some((k, i) => k !== verdictKey![i])) {
      verdictKey = key;
      verdictBox.replaceChildren(...verdictNodes(v, p));
    }
  };
  const now = () => [store.getState().progress[id], store.getState().run] as const;
  render(...now());
  scope.add(
    store.subscribe(
      (s) => s.progress[id],
      () => render(...now()),
    ),
  );
  scope.add(
    store.subscribe(
      (s) => s.run,
      () => render(...now()),
    ),
  );
  return () => scope.dispose();
}

/** The check section's content. */
function verdictNodes(v: Verdict | null, p: LessonProgress | undefined): Node[] {
  if (v) {
    const head =
      v.correct === true
        ? '✓ Your prediction was right'
        : v.correct === false
          ? '✗ Not quite'
          : '? Not conclusive';
    const kind = v.correct === true ? 'right' : v.correct === false ? 'wrong' : 'unclear';
    return [
      el('p', { class: `verdict-head verdict-${kind}`, text: head }),
      el('p', { class: 'verdict-predicted', text: v.predicted }),
      el('p', { class: 'verdict-shows', text: v.shows }),
      el('p', { class: 'verdict-why' }, [el('strong', { text: 'Why: ' }), v.why]),
    ];
  }
  if (p?.ran) {
    const was =
      p.correct === true
        ? 'right'
        : p.correct === false
          ? 'contradicted by the run'
          : 'not settled by the run';
    return [
      el('p', {
        class: 'hint',
        text: `You ran this lesson before: your prediction was ${was}. Run it again to see the numbers.`,
      }),
    ];
  }
  return [el('p', { class: 'hint', text: 'The verdict appears here after the run.' })];
}
