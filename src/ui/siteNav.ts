/**
 * The navigation between the site's pages, the same in every header: "Playground" (index.html), "Lab"
 * (lab.html) and "Lessons" (lessons.html), with `aria-current="page"` on the one being shown.
 */
import { el } from './dom';

/** The site navigation, with the current page marked. */
export function siteNav(current: 'playground' | 'lab' | 'lessons'): HTMLElement {
  const link = (href: string, text: string, page: 'playground' | 'lab' | 'lessons') =>
    el('a', { text, attrs: { href, 'aria-current': current === page ? 'page' : undefined } });
  return el('nav', { class: 'site-nav', attrs: { 'aria-label': 'Pages' } }, [
    link('./', 'Playground', 'playground'),
    link('./lab.html', 'Lab', 'lab'),
    link('./lessons.html', 'Lessons', 'lessons'),
  ]);
}
