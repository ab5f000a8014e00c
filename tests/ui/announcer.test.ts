// @vitest-environment happy-dom
// The Announcer: a polite live region whose text changes even when the same message is said twice, and
// which clears itself after clearMs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundStore } from '../../src/state/store';
import { Announcer, StatusLine } from '../../src/ui/StatusLine';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

describe('Announcer', () => {
  it('is a polite status region; saying the same text twice changes the DOM text both times', () => {
    const a = new Announcer({ id: 'a', clearMs: 1000 });
    document.body.append(a.root);
    expect(a.root.getAttribute('role')).toBe('status');
    expect(a.root.getAttribute('aria-live')).toBe('polite');
    a.say('Paused');
    const first = a.root.textContent;
    a.say('Paused');
    expect(a.root.textContent).not.toBe(first);
    expect(a.text).toBe('Paused');
    vi.advanceTimersByTime(999);
    expect(a.text).toBe('Paused');
    vi.advanceTimersByTime(1);
    expect(a.root.textContent).toBe('');
    a.dispose();
    expect(document.getElementById('a')).toBeNull();
  });

  it("is the status line's #announce region, separate from the throttled stats text", () => {
    const line = new StatusLine(document.body, createPlaygroundStore());
    line.announce('Baseline: None');
    expect(document.getElementById('announce')?.textContent?.trim()).toBe('Baseline: None');
    expect(document.getElementById('status')?.textContent).toMatch(/press Play/);
    line.dispose();
    expect(document.getElementById('announce')).toBeNull();
  });
});
