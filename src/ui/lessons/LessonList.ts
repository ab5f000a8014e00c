/**
 * The list of lessons (lessons.html with no hash): each lesson's number, title, one-line summary, a link to its
 * own URL and its progress mark (not started, predicted, right, not quite, inconclusive), from the store.
 */
import { LESSONS } from '../../state/lessons/catalog';
import type { LessonProgress } from '../../state/lessons/progress';
import { writeRoute } from '../../state/lessons/route';
import { el } from '../dom';

/** The progress mark of one lesson: a symbol (hidden from screen readers) and its words. */
export function progressMark(p: LessonProgress | undefined): { symbol: string; text: string; kind: string } {
  if (!p) return { symbol: '○', text: 'not started', kind: 'none' };
  if (!p.ran) return { symbol: '◐', text: 'prediction locked in, not run yet', kind: 'predicted' };
  if (p.correct === true) return { symbol: '✓', text: 'done: your prediction was right', kind: 'right' };
  if (p.correct === false)
    return { symbol: '✗', text: 'done: the run contradicted your prediction', kind: 'wrong' };
  return { symbol: '?', text: 'done: the run was not conclusive', kind: 'unclear' };
}

/** The list as an element (`progress` per lesson id). */
export function lessonList(progress: Readonly<Record<string, LessonProgress | undefined>>): HTMLElement {
  const done = LESSONS.filter((l) => progress[l.id]?.ran).length;
  const items = LESSONS.map((l) => {
    const mark = progressMark(progress[l.id]);
    return el('li', { class: `lesson-item lesson-${mark.kind}` }, [
      el('span', { class: 'lesson-mark', text: mark.symbol, attrs: { 'aria-hidden': 'true' } }),
      el('div', { class: 'lesson-item-text' }, [
        el('a', {
          class: 'lesson-link',
          text: `${l.number}. ${l.title}`,
          attrs: { href: `./lessons.html${writeRoute({ page: 'lesson', id: l.id })}` },
        }),
        el('p', { class: 'lesson-summary', text: l.summary }),
        el('p', { class: 'lesson-status', text: `Status: ${mark.text}` }),
      ]),
    ]);
  });
  return el('section', { class: 'lessons-list', attrs: { 'aria-labelledby': 'lessons-heading' } }, [
    el('h2', { id: 'lessons-heading', text: 'Lessons' }),
    el('p', {
      class: 'lessons-intro',
      text:
        'Each lesson sets up one experiment. Read, commit to a prediction, run it, and the page checks your ' +
        'prediction against the measured numbers. Your progress is saved in this browser.',
    }),
    el('p', { class: 'lessons-progress', text: `${done} of ${LESSONS.length} lessons done.` }),
    el('ol', { class: 'lesson-items' }, items),
  ]);
}
