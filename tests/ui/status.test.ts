// @vitest-environment happy-dom
// The status line reads published stats (polite live region, throttled) and shows run errors in an alert.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundStore, type PlaygroundStore, type PublishedStats } from '../../src/state/store';
import { StatusLine } from '../../src/ui/StatusLine';

const stats = (p: Partial<PublishedStats> = {}): PublishedStats => ({
  episodes: 1234,
  steps: 5678,
  updates: 1234,
  meanReturn: 0.8712,
  baselineValue: 0.4199,
  exactJ: NaN,
  gradVariance: 0.1,
  error: null,
  ...p,
});

let store: PlaygroundStore;
let line: StatusLine;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  store = createPlaygroundStore();
  store.getState().setEnv('gridworld');
  line = new StatusLine(document.body, store, { minIntervalMs: 500 });
});
afterEach(() => {
  line.dispose();
  vi.useRealTimers();
});

const status = () => document.querySelector('[role="status"]')!;
const alert = () => document.querySelector('[role="alert"]')!;

describe('StatusLine', () => {
  it('is a polite live region with the published numbers', () => {
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(status().textContent).toMatch(/press Play/);
    store.getState().publish({ A: stats(), B: null }, null);
    expect(status().textContent).toBe(
      'Episode 1 234 · step 5 678 · mean return (last 100) 0.87 · baseline: learned (V = 0.42)',
    );
    expect(alert().textContent).toBe('');
  });

  it('updates at most every minIntervalMs, ending on the latest numbers', () => {
    store.getState().publish({ A: stats(), B: null }, null);
    store.getState().publish({ A: stats({ episodes: 2000 }), B: null }, null);
    store.getState().publish({ A: stats({ episodes: 3000 }), B: null }, null);
    expect(status().textContent).toMatch(/^Episode 1 234/);
    vi.advanceTimersByTime(500);
    expect(status().textContent).toMatch(/^Episode 3 000/);
  });

  it("shows B's numbers when comparing", () => {
    store.getState().setCompare({ enabled: true, b: { baseline: 'none' } });
    vi.advanceTimersByTime(1000);
    store.getState().publish({ A: stats(), B: stats({ meanReturn: -1.5, baselineValue: NaN }) }, null);
    vi.advanceTimersByTime(1000);
    const lines = [...status().querySelectorAll('p')].map((p) => p.textContent);
    expect(lines).toEqual([
      'A: Episode 1 234 · step 5 678 · mean return (last 100) 0.87 · baseline: learned (V = 0.42)',
      'B: Episode 1 234 · step 5 678 · mean return (last 100) −1.50 · baseline: none',
    ]);
  });

  it('puts the run error in an alert, at once', () => {
    const error = 'Paused: update 12 produced non-finite parameters (θ restored); lower the learning rate.';
    store.getState().publish({ A: stats({ error }), B: null }, null);
    expect(alert().textContent).toBe(error);
    store.getState().publish({ A: stats(), B: null }, null);
    expect(alert().textContent).toBe('');
  });
});
