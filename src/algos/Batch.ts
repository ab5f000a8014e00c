/**
 * A batch of whole episodes, stored step by step in flat typed arrays (row t = one step of one episode).
 * Filled by a trainer while it acts, read when it computes a policy-gradient update. Rows hold what the
 * policy needs to recompute ∇log π later (its `aux` numbers, e.g. π(·|s) or ε), so θ may not change while a
 * batch is being collected. Capacity grows by doubling when an episode is longer than anything seen before;
 * otherwise nothing is allocated.
 */
export class Batch {
  /** Number of steps stored. */
  size = 0;
  /** Number of finished episodes stored. */
  episodes = 0;
  /** Discrete observation per step (0 for vector observations). */
  obs: Int32Array;
  /** Vector observation per step, `obsDim` numbers a row (empty when obsDim = 0). */
  obsVec: Float64Array;
  /** Discrete action per step. */
  action: Int32Array;
  /** Policy-owned numbers per step, `auxDim` a row (π(·|s) for softmax, ε for Gaussians). */
  aux: Float64Array;
  /** Reward R_{t+1} received after the step. */
  reward: Float64Array;
  /** Reward-to-go G_t = Σ_{k≥t} γ^{k−t} R_{k+1}, filled by {@link finishEpisode}. */
  ret: Float64Array;
  /** Baseline b_t used for the step, filled by the trainer at update time. */
  baseline: Float64Array;
  /** Discount weight γ^t of the step within its episode. */
  discount: Float64Array;
  /** Index of the step within its episode. */
  time: Int32Array;
  /** Row where each episode starts; episode j spans rows [starts[j], starts[j+1]). */
  starts: Int32Array;
  private capacity: number;

  /**
   * @param obsDim numbers per vector observation (0 for discrete observations)
   * @param auxDim numbers the policy keeps per step
   * @param maxEpisodes the batch size N
   */
  constructor(
    readonly obsDim: number,
    readonly auxDim: number,
    readonly maxEpisodes: number,
    initialCapacity = 32,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.obs = new Int32Array(this.capacity);
    this.obsVec = new Float64Array(this.capacity * obsDim);
    this.action = new Int32Array(this.capacity);
    this.aux = new Float64Array(this.capacity * auxDim);
    this.reward = new Float64Array(this.capacity);
    this.ret = new Float64Array(this.capacity);
    this.baseline = new Float64Array(this.capacity);
    this.discount = new Float64Array(this.capacity);
    this.time = new Int32Array(this.capacity);
    this.starts = new Int32Array(maxEpisodes + 1);
  }

  /** True when N episodes are stored. */
  get full(): boolean {
    return this.episodes >= this.maxEpisodes;
  }

  /** Empties the batch (keeps its memory). */
  clear(): void {
    this.size = 0;
    this.episodes = 0;
    this.starts[0] = 0;
  }

  /** Reserves the next row and returns its index (grows storage when needed). */
  push(): number {
    if (this.size === this.capacity) this.grow();
    return this.size++;
  }

  /**
   * Closes the current episode: computes G_t backwards, G_t = R_{t+1} + γ G_{t+1} (G after the last step is 0
   * at termination; at truncation the unknown tail is dropped, as in Williams' REINFORCE), and γ^t.
   * Returns the undiscounted return Σ_t R_{t+1} of the episode.
   */
  finishEpisode(gamma: number): number {
    const start = this.starts[this.episodes];
    const end = this.size;
    let sum: number;
    if (end === start + 1) {
      // a one-step episode (every bandit pull): returnsInto's loops run once, written out
      const r = this.reward[start];
      this.ret[start] = r + gamma * 0;
      this.discount[start] = 1;
      this.time[start] = 0;
      sum = 0 + r;
    } else sum = this.returnsInto(start, end, gamma);
    this.episodes++;
    this.starts[this.episodes] = end;
    return sum;
  }

  /** G_t, γ^t and t for rows [start, end) of one episode; returns Σ_t R_{t+1}. */
  private returnsInto(start: number, end: number, gamma: number): number {
    let g = 0;
    let sum = 0;
    // G_t = R_{t+1} + γ G_{t+1}, from the last step back
    for (let t = end - 1; t >= start; t--) {
      g = this.reward[t] + gamma * g;
      this.ret[t] = g;
      sum += this.reward[t];
    }
    let w = 1;
    for (let t = start; t < end; t++) {
      this.discount[t] = w;
      this.time[t] = t - start;
      w *= gamma;
    }
    return sum;
  }

  /** Start row of the episode in progress (equals `size` before its first step). */
  get currentStart(): number {
    return this.starts[this.episodes];
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.obs = growInt(this.obs, cap);
    this.action = growInt(this.action, cap);
    this.time = growInt(this.time, cap);
    this.obsVec = growFloat(this.obsVec, cap * this.obsDim);
    this.aux = growFloat(this.aux, cap * this.auxDim);
    this.reward = growFloat(this.reward, cap);
    this.ret = growFloat(this.ret, cap);
    this.baseline = growFloat(this.baseline, cap);
    this.discount = growFloat(this.discount, cap);
    this.capacity = cap;
  }
}

function growInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function growFloat(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
