// The render pacer: renders every frame when rendering is cheap, spaces renders to the time budget when it is
// expensive, never renders without a change, and adapts when the cost changes.
import { describe, expect, it } from 'vitest';
import { RenderPacer } from '../../src/render/RenderPacer';

/** Simulates `frames` frames where a render costs `cost` ms on top of a 16.7 ms frame; returns render count. */
function simulate(
  p: RenderPacer,
  frames: number,
  cost: number,
  wanted = true,
): { renders: number; time: number } {
  let renders = 0;
  let time = 0;
  let dt = 16.7;
  for (let i = 0; i < frames; i++) {
    time += dt;
    const r = p.frame(dt, wanted);
    dt = 16.7;
    if (r) {
      p.rendered();
      renders++;
      dt += cost;
    }
  }
  return { renders, time };
}

describe('RenderPacer', () => {
  it('renders every frame when rendering is cheap', () => {
    const p = new RenderPacer();
    expect(simulate(p, 300, 0.5).renders).toBeGreaterThanOrEqual(299);
  });

  it('keeps rendering within its time budget when rendering is expensive', () => {
    const p = new RenderPacer({ budget: 0.4 });
    simulate(p, 200, 180);
    const { renders, time } = simulate(p, 600, 180);
    const share = (renders * 180) / time;
    expect(share).toBeLessThan(0.45);
    expect(share).toBeGreaterThan(0.2);
    expect(p.cost).toBeGreaterThan(150);
  });

  it('never renders when nothing changed', () => {
    expect(simulate(new RenderPacer(), 100, 0, false).renders).toBe(0);
  });

  it('waits at most maxInterval between renders, and adapts when the cost falls', () => {
    const p = new RenderPacer({ maxInterval: 300 });
    simulate(p, 300, 2000);
    expect(p.interval).toBe(300);
    simulate(p, 400, 0);
    expect(p.interval).toBeLessThan(17);
  });
});
