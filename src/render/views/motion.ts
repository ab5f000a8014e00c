/**
 * Pure animation helpers of the environment views: a 2-D tween for the agent's move between steps and a
 * linear fade for highlights. Time is in milliseconds and advanced by the caller (the ticker's `deltaMS`).
 * Under `prefers-reduced-motion` (WCAG 2.3.3, "Animation from Interactions") moves jump instead of gliding:
 * {@link glideMs} is the one place the views ask how long a move takes.
 */
import type { EnvViewOptions } from '../View';

/**
 * How long the agent's move between two steps glides, in ms: the time between steps at the slow (animated)
 * speeds, 0 (jump) at the fast ones and whenever the user prefers reduced motion.
 */
export function glideMs(options: Pick<EnvViewOptions, 'animate' | 'stepMs' | 'reducedMotion'>): number {
  return options.animate && options.reducedMotion !== true && options.stepMs > 0 ? options.stepMs : 0;
}

/** Moves a point from (x0, y0) to (x1, y1) over `duration` ms with ease-in-out; no allocation per step. */
export class Tween {
  /** Current x. */
  x = 0;
  /** Current y. */
  y = 0;
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;
  private elapsed = 0;
  private duration = 0;

  /** Starts a move; a duration ≤ 0 jumps straight to the end. */
  start(x0: number, y0: number, x1: number, y1: number, duration: number): void {
    this.x0 = x0;
    this.y0 = y0;
    this.x1 = x1;
    this.y1 = y1;
    this.elapsed = 0;
    this.duration = duration > 0 ? duration : 0;
    this.apply();
  }

  /** Places the point at (x, y) with no animation. */
  jump(x: number, y: number): void {
    this.start(x, y, x, y, 0);
  }

  /** Advances by `dtMs`; returns true while still moving. */
  step(dtMs: number): boolean {
    if (this.elapsed >= this.duration) return false;
    this.elapsed += dtMs > 0 ? dtMs : 0;
    this.apply();
    return this.elapsed < this.duration;
  }

  /** Progress in [0, 1]. */
  get progress(): number {
    return this.duration <= 0 ? 1 : Math.min(1, this.elapsed / this.duration);
  }

  private apply(): void {
    const p = this.progress;
    const e = p < 0.5 ? 2 * p * p : 1 - 2 * (1 - p) * (1 - p);
    this.x = this.x0 + (this.x1 - this.x0) * e;
    this.y = this.y0 + (this.y1 - this.y0) * e;
  }
}

/** Alpha of a highlight `ageMs` after it was triggered: 1 at 0, falling linearly to 0 at `lifeMs`. */
export function fade(ageMs: number, lifeMs: number): number {
  if (!(ageMs >= 0)) return 1;
  return ageMs >= lifeMs ? 0 : 1 - ageMs / lifeMs;
}
