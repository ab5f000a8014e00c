/**
 * The lessons page's URL: `lessons.html` (or an empty hash) is the list, `lessons.html#lesson=<id>` one lesson.
 * Read with {@link readRoute}, which never throws: an unknown id or anything else in the hash gives the list and
 * a message for the notice.
 */
import { lessonById } from './catalog';
import type { LessonId } from './types';
import { clip } from '../hashPairs';

/** Where the page is. */
export type Route = { page: 'list' } | { page: 'lesson'; id: LessonId };

/** A route and, when the hash was not understood, why. */
export interface ReadRoute {
  route: Route;
  error: string | null;
}

/** Parses a hash (with or without `#`). */
export function readRoute(hash: string): ReadRoute {
  const h = (typeof hash === 'string' ? hash : '').replace(/^#/, '');
  if (h === '') return { route: { page: 'list' }, error: null };
  const m = /^lesson=([^&]*)$/.exec(h);
  if (!m)
    return {
      route: { page: 'list' },
      error: `the link "#${clip(h)}" does not name a lesson; here is the list`,
    };
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return { route: { page: 'list' }, error: 'the lesson link is malformed; here is the list' };
  }
  const lesson = lessonById(id);
  if (!lesson)
    return { route: { page: 'list' }, error: `there is no lesson "${clip(id)}"; here is the list` };
  return { route: { page: 'lesson', id: lesson.id }, error: null };
}

/** The hash of a route (with `#`; the list's is empty). */
export function writeRoute(route: Route): string {
  return route.page === 'list' ? '' : `#lesson=${route.id}`;
}
