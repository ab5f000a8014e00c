// @vitest-environment happy-dom
// The lessons page's routing in the DOM: after moving to another lesson or back to the list, focus is on the
// new page's heading (not lost to <body>); the first load leaves focus alone.
import { afterEach, describe, expect, it } from 'vitest';
import { createLessonsStore } from '../../src/state/lessons/lessonsStore';
import { mountLessons } from '../../src/ui/lessons/mountLessons';

let dispose = () => {};
afterEach(() => {
  dispose();
  document.body.replaceChildren();
});

describe('lessons page routes', () => {
  it('focuses the new page’s heading after a route change, not on first load', () => {
    window.scrollTo = () => {};
    const root = document.createElement('div');
    document.body.append(root);
    const store = createLessonsStore();
    store.getState().setRoute({ page: 'lesson', id: 'corridor' });
    dispose = mountLessons(root, store, { run: () => {}, cancel: () => {} }).dispose;
    expect(document.activeElement).toBe(document.body);

    store.getState().setRoute({ page: 'lesson', id: 'gridworld-baseline' });
    const title = document.getElementById('lesson-title')!;
    expect(title.textContent).toMatch(/gridworld|baseline/i);
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('tabindex')).toBe('-1');

    store.getState().setRoute({ page: 'list' });
    expect(document.activeElement).toBe(document.getElementById('lessons-heading'));
  });
});
