/**
 * The exact per-episode record of a live agent (return, optimal arm pulled, length), so the playground can
 * export the live run as a one-run report (`runs: 1`) that `npm run cli -- train --runs 1` with the same flags
 * and seed reproduces. Chart series are decimated; this is not. Growable typed arrays (doubling), capped at
 * {@link MAX_LOGGED_EPISODES}. It also records live hyperparameter changes: one made before the first episode
 * simply becomes the exported config; later ones make the run irreproducible by the CLI, which the export
 * says (`liveEdits`). The continuous bandit's reward r(a) is swapped live too and is recorded the same way.
 * Once training diverges the log stops (the CLI would throw for that episode) and the export says where
 * (`stopped`).
 */
import { configFields, type RunConfig } from '../../algos/config';
import { metricsOf, MomentSums, type TrainReport } from '../../algos/trainReport';
import { liveKeys } from '../../state/store';

/** Most episodes kept (about 24 MB for the three metrics). */
export const MAX_LOGGED_EPISODES = 1 << 20;

/** One live agent's episodes. */
export class EpisodeLog {
  /** Episodes recorded. */
  count = 0;
  /** Live changes the CLI cannot reproduce, e.g. "lr 0.1 → 0.4 after episode 120". */
  readonly edits: string[] = [];
  private ret = new Float64Array(256);
  private optimal = new Float64Array(256);
  private len = new Float64Array(256);
  /** Why recording stopped (training diverged), or null. */
  stopped: string | null = null;
  private current: RunConfig;
  private reward: string;

  /**
   * @param config the agent's config when built (the exported config)
   * @param rewardSource the reward the agent was built with (continuous bandit), if not `config.reward`
   */
  constructor(
    private config: RunConfig,
    rewardSource?: string,
  ) {
    if (rewardSource !== undefined && rewardSource !== config.reward.trim())
      this.config = { ...config, reward: rewardSource };
    this.current = { ...this.config };
    this.reward = this.config.reward;
  }

  /** Whether the cap was reached (later episodes are not recorded). */
  get full(): boolean {
    return this.count >= MAX_LOGGED_EPISODES;
  }

  /** Stops recording: the episode just finished diverged (`error`), as the CLI would report it. */
  stop(error: string): void {
    if (this.stopped === null)
      this.stopped = `training diverged in episode ${this.count + 1} (${error}); the log ends at episode ${this.count}`;
  }

  /** Records one finished episode (none once stopped). */
  push(ret: number, optimal: boolean, length: number): void {
    if (this.full || this.stopped !== null) return;
    if (this.count === this.ret.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(Math.min(MAX_LOGGED_EPISODES, a.length * 2));
        b.set(a);
        return b;
      };
      this.ret = grow(this.ret);
      this.optimal = grow(this.optimal);
      this.len = grow(this.len);
    }
    this.ret[this.count] = ret;
    this.optimal[this.count] = optimal ? 1 : 0;
    this.len[this.count] = length;
    this.count++;
  }

  /**
   * Notes the live hyperparameters just applied (`next`'s live keys) and, when the reward was swapped, the
   * source of the reward now in use (which is not `next.reward` when that text did not compile).
   */
  applied(next: RunConfig, rewardSource?: string): void {
    if (rewardSource !== undefined && rewardSource !== this.reward) {
      if (this.count === 0) this.config = { ...this.config, reward: rewardSource };
      else this.edits.push(`r(a) ${this.reward} → ${rewardSource} after episode ${this.count}`);
      this.reward = rewardSource;
    }
    for (const k of liveKeys) {
      if (next[k] === this.current[k]) continue;
      const name = configFields.find((f) => f.key === k)?.name ?? k;
      if (this.count === 0) this.config = { ...this.config, [k]: next[k] };
      else
        this.edits.push(
          `${name} ${String(this.current[k])} → ${String(next[k])} after episode ${this.count}`,
        );
    }
    this.current = { ...next };
  }

  /** The recorded episodes as a one-run report (the CLI's `train --runs 1 --episodes <count> --json`). */
  report(): TrainReport {
    const n = this.count;
    const keys = metricsOf(this.config.env);
    const stats = (a: Float64Array) => {
      const s = new MomentSums(n);
      s.addRun(a.subarray(0, n));
      return s.stats(1);
    };
    const metrics: TrainReport['metrics'] = { return: stats(this.ret) };
    if (keys.includes('optimalAction')) metrics.optimalAction = stats(this.optimal);
    if (keys.includes('length')) metrics.length = stats(this.len);
    const rep: TrainReport = {
      command: 'train',
      config: this.config,
      runs: 1,
      episodes: n,
      metrics,
      elapsedMs: 0,
    };
    if (this.edits.length > 0) rep.liveEdits = [...this.edits];
    if (this.stopped !== null) rep.stopped = this.stopped;
    return rep;
  }
}
