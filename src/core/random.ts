/**
 * Seeded pseudo-random numbers for everything stochastic in Gradient Wars.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018), 32-bit state words so it runs on V8's small-integer
 * arithmetic with `Math.imul`; seeded through splitmix32 so that any integer seed (and any stream id) gives a
 * well-mixed state. Identical sequences in Node and every browser: only 32-bit integer ops and, for normals,
 * `Math.log`/`Math.cos`/`Math.sin`, which V8 implements with its own fdlibm port on every platform.
 *
 * Streams (pure-rand's idea): `new Rng(seed, stream)` gives independent generators for the environment, the
 * agent and anything else from one root seed, so changing how many numbers the agent draws never shifts the
 * environment's draws (common random numbers across compared agents).
 */

const TWO_POW_M32 = 1 / 4294967296;

/** splitmix32 finaliser: a bijective 32-bit hash used to expand seeds into generator state. */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Derives a child seed from a parent seed and a label number (used to split one root seed into streams). */
export function deriveSeed(seed: number, stream: number): number {
  return mix32(mix32(seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
}

/** Well-known stream ids, so every part of the code splits the root seed the same way. */
export const Stream = {
  /** Environment dynamics and reward noise. */
  env: 1,
  /** Environment construction (e.g. the bandit's q*(a) draws). */
  envLayout: 2,
  /** Agent action sampling. */
  agent: 3,
  /** Policy/parameter initialisation. */
  init: 4,
  /** Gradient diagnostics (independent of the run). */
  diagnostics: 5,
} as const;

/** xoshiro128** generator. Not cryptographic. */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;

  /** @param seed any integer (taken modulo 2^32); @param stream optional stream id (see {@link Stream}). */
  constructor(seed: number, stream = 0) {
    this.seed(seed, stream);
  }

  /** Re-seeds in place (no allocation): the generator then repeats the sequence of `new Rng(seed, stream)`. */
  seed(seed: number, stream = 0): void {
    let x = stream === 0 ? seed >>> 0 : deriveSeed(seed, stream);
    this.s0 = x = mix32(x);
    this.s1 = x = mix32(x);
    this.s2 = x = mix32(x);
    this.s3 = mix32(x);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.hasSpare = false;
    this.spare = 0;
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return r >>> 0;
  }

  /** Uniform on [0, 1) with 32-bit resolution. */
  uniform(): number {
    return this.nextU32() * TWO_POW_M32;
  }

  /** Uniform on (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return (this.nextU32() + 1) * TWO_POW_M32;
  }

  /** Integer uniform on {0, …, n−1} (n ≤ 2^32). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniformPositive()));
    const phi = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(phi);
    this.hasSpare = true;
    return r * Math.cos(phi);
  }

  /**
   * Fills `out[offset .. offset+n)` with standard normals and returns `out`: the same numbers, in the same
   * order, as n calls of {@link normal}, but written straight into the array (no boxed return values, so
   * hot loops that need ε stay allocation-free even when V8 does not inline the call).
   */
  normalsInto(out: Float64Array, offset = 0, n = out.length - offset): Float64Array {
    for (let i = 0; i < n; i++) {
      if (this.hasSpare) {
        this.hasSpare = false;
        out[offset + i] = this.spare;
        continue;
      }
      const r = Math.sqrt(-2 * Math.log(this.uniformPositive()));
      const phi = 2 * Math.PI * this.uniform();
      this.spare = r * Math.sin(phi);
      this.hasSpare = true;
      out[offset + i] = r * Math.cos(phi);
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
