/**
 * Classroom mode in the DOM: sections and controls carry their hideable id ({@link hideable}, ids from
 * src/state/classroom.ts); one generated style sheet hides every element whose id is in the classroom's
 * `hidden` list (`display: none`, so it is neither shown nor reachable by keyboard, including controls that
 * are rebuilt later, such as an environment's options). A banner says so and offers "Restore the teacher's
 * setup". The share panel (`share`) is hidden in classroom mode too, so a student cannot rebuild the link.
 */
import './share.css';
import type { ClassroomState } from '../state/classroom';
import { el, Scope } from './dom';
import type { SelectableStore } from './fields';

/** The attribute that names an element's hideable ids. */
const ATTR = 'data-control';

/** The id of the share panel, hidden whenever a classroom is active (not a teacher's choice). */
export const SHARE_ID = 'share';

/** Marks `node` as the control (or section) `id` of the page's registry; returns `node`. */
export function hideable<T extends HTMLElement>(node: T, id: string): T {
  const ids = new Set((node.getAttribute(ATTR) ?? '').split(' ').filter((s) => s !== ''));
  ids.add(id);
  node.setAttribute(ATTR, [...ids].join(' '));
  return node;
}

/** Tags elements found by DOM id under `root` with classroom ids (`{ 'section-export': 'export' }`). */
export function tagById(root: HTMLElement, ids: Readonly<Record<string, string>>): void {
  for (const [domId, id] of Object.entries(ids)) {
    const node = root.querySelector<HTMLElement>(`#${domId}`);
    if (node) hideable(node, id);
  }
}

/** The CSS that hides `ids` (ids are registry ids: letters, digits and `-` only; anything else is dropped). */
export function hidingCss(ids: readonly string[]): string {
  return ids
    .filter((id) => /^[a-z0-9-]+$/.test(id))
    .map((id) => `[${ATTR}~="${id}"]{display:none !important}`)
    .join('\n');
}

/** What the classroom needs of a store (the playground's and the lab's both fit). */
export type ClassroomStore = SelectableStore<{ classroom: ClassroomState | null }>;

/**
 * Mounts the banner at the start of `parent` and keeps the hiding style in step with `store.classroom`.
 * `restore` reapplies the teacher's setup. Returns the cleanup.
 */
export function mountClassroom(parent: HTMLElement, store: ClassroomStore, restore: () => void): () => void {
  const scope = new Scope();
  const style = el('style', { id: 'classroom-style' });
  document.head.append(style);
  scope.add(() => style.remove());
  const button = el('button', {
    id: 'btn-restore-setup',
    class: 'btn btn-primary',
    text: "Restore the teacher's setup",
    attrs: { type: 'button', title: 'Put back every setting of the link your teacher shared' },
  });
  const said = el('p', { id: 'classroom-status', class: 'classroom-status', attrs: { role: 'status' } });
  const banner = el(
    'div',
    {
      id: 'classroom-banner',
      class: 'classroom-banner',
      attrs: { role: 'region', 'aria-label': 'Classroom mode' },
    },
    [
      el('p', { class: 'classroom-text' }, [
        el('strong', { text: 'Classroom mode' }),
        ' — your teacher hid some controls.',
      ]),
      button,
      said,
    ],
  );
  scope.listen(button, 'click', () => {
    restore();
    said.textContent = "Restored the teacher's setup.";
  });
  const show = (c: ClassroomState | null) => {
    const on = c !== null && c.hidden.length > 0;
    banner.hidden = !on;
    style.textContent = on ? hidingCss([...c.hidden, SHARE_ID]) : '';
    if (!on) said.textContent = '';
  };
  show(store.getState().classroom);
  scope.add(store.subscribe((s) => s.classroom, show));
  parent.prepend(banner);
  scope.add(() => banner.remove());
  return () => scope.dispose();
}
