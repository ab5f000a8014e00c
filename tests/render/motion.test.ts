// Reduced motion: the views ask glideMs how long a move glides; under prefers-reduced-motion it is 0 (a jump).
import { describe, expect, it } from 'vitest';
import { glideMs, Tween } from '../../src/render/views/motion';

describe('glideMs (how long an agent move glides)', () => {
  it('glides over the time between steps at the animated speeds', () => {
    expect(glideMs({ animate: true, stepMs: 500 })).toBe(500);
    expect(glideMs({ animate: true, stepMs: 100, reducedMotion: false })).toBe(100);
  });

  it('jumps at the fast speeds and whenever reduced motion is asked for', () => {
    expect(glideMs({ animate: false, stepMs: 500 })).toBe(0);
    expect(glideMs({ animate: true, stepMs: 500, reducedMotion: true })).toBe(0);
    expect(glideMs({ animate: true, stepMs: 0 })).toBe(0);
  });

  it('a move started with it lands at once under reduced motion, and half-way after half the time otherwise', () => {
    const t = new Tween();
    t.start(0, 0, 40, 0, glideMs({ animate: true, stepMs: 500, reducedMotion: true }));
    expect([t.x, t.progress]).toEqual([40, 1]);
    expect(t.step(16)).toBe(false);
    t.start(0, 0, 40, 0, glideMs({ animate: true, stepMs: 500 }));
    expect(t.x).toBe(0);
    expect(t.step(250)).toBe(true);
    // ease-in-out is symmetric: at p = 1/2 the point is exactly half-way
    expect(t.x).toBe(20);
  });
});
