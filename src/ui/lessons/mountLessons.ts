/**
 * The lessons page (lessons.html): the site header with the pages' navigation, a notice list, and one column
 * showing either the list of lessons or one lesson, following `store.route`. The chart holder (`div#lesson-chart`,
 * where the composition root puts the Pixi canvas) is created once and moved into whichever lesson is shown.
 */
import '../styles.css';
import './lessons.css';
import type { LessonsStore } from '../../state/lessons/lessonsStore';
import { lessonById } from '../../state/lessons/catalog';
import { el, Scope, wireSkipLink } from '../dom';
import { Notices } from '../Notices';
import { siteNav } from '../siteNav';
import { lessonList } from './LessonList';
import { mountLessonView, type LessonActions } from './LessonView';

/** The mounted page. */
export interface MountedLessons {
  /** Where the chart canvas goes. */
  chartHolder: HTMLElement;
  dispose(): void;
}

/** Builds the page inside `root`. */
export function mountLessons(root: HTMLElement, store: LessonsStore, actions: LessonActions): MountedLessons {
  const scope = new Scope();
  root.classList.add('gw-lessons');
  const header = el('header', { class: 'gw-header' }, [
    el('h1', { text: 'Gradient Wars' }),
    siteNav('lessons'),
    el('p', { class: 'tagline', text: 'Guided lessons: predict, run, and let the numbers check you.' }),
  ]);
  const column = el('div', { class: 'lessons-column' });
  const main = el('main', { id: 'main', class: 'lessons-main' }, [column]);
  root.replaceChildren(header, main);
  // the skip link focuses main without touching the hash (which names the lesson)
  scope.add(wireSkipLink(main));
  const notices = new Notices(column, store);
  scope.add(() => notices.dispose());
  const content = el('div', { id: 'lesson-content' });
  column.append(content);
  const chartHolder = el('div', {
    id: 'lesson-chart',
    class: 'lesson-chart',
    attrs: { role: 'group', 'aria-label': 'Result chart' },
  });

  let disposeView: (() => void) | null = null;
  /** Mounts the page of the current route; `moved` (a route change, not the first load) focuses its heading. */
  const show = (moved = false) => {
    disposeView?.();
    disposeView = null;
    content.replaceChildren();
    const { route, progress } = store.getState();
    const lesson = route.page === 'lesson' ? lessonById(route.id) : undefined;
    if (lesson) {
      disposeView = mountLessonView(content, lesson, store, actions, chartHolder);
      document.title = `Lesson ${lesson.number}: ${lesson.title} — Gradient Wars`;
    } else {
      content.append(lessonList(progress));
      document.title = 'Lessons — Gradient Wars';
    }
    window.scrollTo(0, 0);
    // the link or button that was focused is gone with the old page: keep keyboard and screen-reader users
    // at the top of the new one instead of at <body>
    const heading = moved ? content.querySelector('h2') : null;
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  };
  show();
  scope.add(
    store.subscribe(
      (s) => s.route,
      () => show(true),
    ),
  );
  scope.add(
    store.subscribe(
      (s) => s.progress,
      () => {
        if (store.getState().route.page === 'list') show();
      },
    ),
  );
  scope.add(() => disposeView?.());
  return { chartHolder, dispose: () => scope.dispose() };
}
