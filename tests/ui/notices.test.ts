// @vitest-environment happy-dom
// Notices: the store's messages in a polite live list, errors styled, each with a working Dismiss button.
import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../../src/state/store';
import { Notices } from '../../src/ui/Notices';

describe('Notices', () => {
  it('lists notices and dismisses them', () => {
    document.body.replaceChildren();
    const store = createPlaygroundStore();
    const notices = new Notices(document.body, store);
    // a live list, not role=status: a role on the <ul> would strip its items of their list parent (axe 'listitem')
    expect(notices.root.getAttribute('role')).toBeNull();
    expect(notices.root.getAttribute('aria-live')).toBe('polite');
    expect(notices.root.hidden).toBe(true);
    store.getState().notify('info', 'Link loaded');
    store.getState().notify('error', 'Map refused');
    const items = [...notices.root.querySelectorAll('li')];
    expect(items.map((li) => li.className)).toEqual(['notice notice-info', 'notice notice-error']);
    expect(items[1].textContent).toContain('Map refused');
    items[0].querySelector('button')!.click();
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Map refused']);
    expect(notices.root.querySelectorAll('li')).toHaveLength(1);
    expect(document.activeElement).toBe(notices.root.querySelector('button'));
    notices.dispose();
    expect(document.getElementById('notices')).toBeNull();
  });
});
