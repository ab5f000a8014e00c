/**
 * Standard normal draws served from blocks. {@link NormalBlock.normalsInto} hands out, in order, exactly the
 * numbers the wrapped generator's own `normalsInto` would (the same stream, bit for bit), but draws them
 * {@link NORMAL_BLOCK} at a time in one tight loop, so a trainer's per-step ε costs an array read instead of a
 * generator call. Valid only while nothing else draws from the wrapped generator: a trainer wraps its private
 * agent stream, lets only policies whose `draws` is `'normal'` use it, and calls {@link NormalBlock.clear}
 * whenever it re-seeds the generator.
 */
import type { Rng } from '../../core/random';
import type { NoiseSource } from './types';

/** Normals drawn per refill (2 KiB of buffer). */
export const NORMAL_BLOCK = 256;

/** A block-buffered view of one generator's standard normals. */
export class NormalBlock implements NoiseSource {
  private readonly block = new Float64Array(NORMAL_BLOCK);
  /** Index of the next unused normal in `block` (its length when empty). */
  private next = NORMAL_BLOCK;

  /** @param rng the generator to draw from (nothing else may draw from it) */
  constructor(readonly rng: Rng) {}

  /** Writes the next n normals of the stream to out[offset .. offset + n) and returns out. */
  normalsInto(out: Float64Array, offset: number, n: number): Float64Array {
    const block = this.block;
    for (let i = 0; i < n; i++) {
      if (this.next === block.length) this.refill();
      out[offset + i] = block[this.next++];
    }
    return out;
  }

  /** Not served: a uniform drawn here would not be the generator's next uniform. Always throws. */
  uniform(): number {
    throw new Error('a NormalBlock serves standard normals only');
  }

  /** Forgets the buffered normals (call after re-seeding the generator). */
  clear(): void {
    this.next = this.block.length;
  }

  private refill(): void {
    this.rng.normalsInto(this.block, 0, this.block.length);
    this.next = 0;
  }
}
