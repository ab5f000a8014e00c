/**
 * A chart series that never grows past its capacity: points (x, y) are appended; when the buffer is full,
 * every other point is dropped and from then on only every 2nd (4th, 8th…) point is kept, so a run of any
 * length is shown at uniform resolution across its whole history (the classic decimating plot buffer).
 * Owned by the runner; views read `x`, `y` and `length` (valid until the next `push`).
 */
export class Series {
  /** x of each kept point (episode or update number). */
  readonly x: Float64Array;
  /** y of each kept point (NaN allowed: the chart leaves a gap). */
  readonly y: Float64Array;
  /** Number of kept points. */
  length = 0;
  /** Keep one point in `stride`. */
  private stride = 1;
  private pending = 0;
  /** Bumped whenever points are dropped, so views know to redraw from scratch. */
  version = 0;

  /** @param capacity maximum number of kept points (even, ≥ 4) */
  constructor(readonly capacity = 1024) {
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
  }

  /** Appends (x, y), keeping one point per stride. */
  push(x: number, y: number): void {
    if (++this.pending < this.stride) return;
    this.pending = 0;
    if (this.length === this.capacity) this.decimate();
    this.x[this.length] = x;
    this.y[this.length] = y;
    this.length++;
  }

  /** Last kept y (NaN when empty). */
  get last(): number {
    return this.length > 0 ? this.y[this.length - 1] : NaN;
  }

  /** Forgets every point. */
  clear(): void {
    this.length = 0;
    this.stride = 1;
    this.pending = 0;
    this.version++;
  }

  private decimate(): void {
    const half = this.length >> 1;
    for (let i = 0; i < half; i++) {
      this.x[i] = this.x[2 * i + 1];
      this.y[i] = this.y[2 * i + 1];
    }
    this.length = half;
    this.stride *= 2;
    this.version++;
  }
}
