/**
 * The live run of the playground: owns agent A (and B when comparing), advances them K environment steps per
 * animation frame within a time budget, keeps the preallocated {@link Frame} the views draw, and publishes
 * summary numbers to the store at most ~10 times a second. The store drives it the other way: a new `runId`
 * rebuilds, live hyperparameters apply at the next update, Step advances to the next update.
 */
import { withOverrides } from '../algos/compare';
import type { RunConfig } from '../algos/config';
import { ReinforceTrainer } from '../algos/reinforce';
import { DIVERGED } from '../algos/trainer';
import type { TrainReport } from '../algos/trainReport';
import type { ScalarFunction } from '../core/env';
import { speeds, type ExplainData, type PlaygroundStore, type PublishedStats } from '../state/store';
import { AgentRunner } from './AgentRunner';
import { explainOf } from './explainData';
import type { Frame } from './frame';

/** Longest time (ms) spent training per frame, so rendering keeps ≥ 50 fps at any speed. */
const FRAME_BUDGET_MS = 8;
const PUBLISH_MS = 100;
const DIAGNOSE_MS = 500;

/** Compiles the continuous bandit's reward text (lazily loads the expression compiler). */
export type RewardCompiler = (
  text: string,
) => Promise<{ ok: true; value: ScalarFunction } | { ok: false; error: string }>;

/** The playground's live run. */
export class Runner {
  readonly frame: Frame = { layoutVersion: 0, agents: [] };
  private agents: AgentRunner[] = [];
  private sinceSlowStep = 0;
  private sincePublish = Infinity;
  private sinceDiagnose = 0;
  private pendingSteps = 0;
  private building = 0;
  private reward: ScalarFunction | undefined;
  private rewardText = '';
  /** Steps per second actually trained over the last publish interval (for the benchmark/status). */
  stepsPerSecond = 0;
  private stepsSincePublish = 0;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: PlaygroundStore,
    private readonly compileReward: RewardCompiler,
  ) {
    const s = store;
    this.unsubscribe.push(
      s.subscribe(
        (st) => st.runId,
        () => void this.rebuild(),
      ),
      s.subscribe(
        (st) => st.config,
        () => this.applyLive(),
      ),
      s.subscribe(
        (st) => st.stepRequests,
        () => this.pendingSteps++,
      ),
    );
  }

  /** Builds the agents for the current config (awaits the reward compiler for the continuous bandit). */
  async rebuild(): Promise<void> {
    const ticket = ++this.building;
    const { config, compare } = this.store.getState();
    if (config.env === 'continuous-bandit') await this.ensureReward(config.reward);
    if (ticket !== this.building) return; // a newer rebuild started meanwhile
    const configs: RunConfig[] = [config];
    if (compare.enabled) configs.push(withOverrides(config, compare.b));
    try {
      this.agents = configs.map(
        (c, i) => new AgentRunner(i === 0 ? 'A' : 'B', labelOf(i, c), i, c, this.reward),
      );
    } catch (e) {
      this.store.getState().notify('error', e instanceof Error ? e.message : String(e));
      return;
    }
    this.frame.agents = this.agents.map((a) => a.frame);
    if (this.store.getState().multiSeed.liveEdit !== null)
      this.store.getState().setMultiSeed({ liveEdit: null });
    this.frame.layoutVersion++;
    this.sincePublish = Infinity;
    this.pendingSteps = 0;
  }

  /** One animation frame: train, refresh the frame, publish when due. */
  tick(dtMs: number): void {
    const st = this.store.getState();
    if (this.agents.length === 0) return;
    if (st.playing) this.play(st.speed, dtMs);
    else if (this.pendingSteps > 0) {
      this.pendingSteps = 0;
      this.advance(1_000_000, true);
    }
    for (const a of this.agents) a.refresh(false);
    this.sincePublish += dtMs;
    this.sinceDiagnose += st.playing ? dtMs : 0;
    if (this.sinceDiagnose >= DIAGNOSE_MS) {
      this.sinceDiagnose = 0;
      for (const a of this.agents) a.diagnose();
    }
    if (this.sincePublish >= PUBLISH_MS) this.publish();
  }

  /** Whether moves should be animated (slow speeds) and the time between steps. */
  animation(): { animate: boolean; stepMs: number } {
    const sp = speeds[this.store.getState().speed];
    return sp.stepsPerSecond
      ? { animate: true, stepMs: 1000 / sp.stepsPerSecond }
      : { animate: false, stepMs: 0 };
  }

  /** The live agents' exact episodes as one-run reports (A, then B), for export. */
  liveReports(): TrainReport[] {
    return this.agents.map((a) => a.log.report());
  }

  /** Stops listening to the store. */
  dispose(): void {
    for (const u of this.unsubscribe) u();
  }

  private play(speed: number, dtMs: number): void {
    const sp = speeds[speed];
    let n: number;
    if (sp.stepsPerSecond) {
      this.sinceSlowStep += (dtMs * sp.stepsPerSecond) / 1000;
      n = Math.floor(this.sinceSlowStep);
      this.sinceSlowStep -= n;
    } else n = sp.stepsPerFrame!;
    if (n > 0) this.advance(n, false);
  }

  /** Advances every agent by the same steps, in chunks, within the frame budget. */
  private advance(n: number, untilUpdate: boolean): void {
    const t0 = performance.now();
    let left = n;
    while (left > 0) {
      const chunk = Math.min(left, 2000);
      let flags = 0;
      let taken = 0;
      for (const a of this.agents) {
        const r = a.advance(chunk, untilUpdate);
        flags |= r.flags;
        taken = Math.max(taken, r.steps);
      }
      left -= taken;
      this.stepsSincePublish += taken;
      if (flags & DIVERGED) return this.diverged();
      if (untilUpdate && taken < chunk) return;
      if (performance.now() - t0 > FRAME_BUDGET_MS) return;
    }
  }

  private diverged(): void {
    const s = this.store.getState();
    s.setPlaying(false);
    for (const a of this.agents)
      if (a.run.trainer.error) s.notify('error', `Paused: ${a.frame.label}: ${a.run.trainer.error}`);
    this.publish();
  }

  private publish(): void {
    const ms = this.sincePublish;
    this.stepsPerSecond = Number.isFinite(ms) && ms > 0 ? (this.stepsSincePublish * 1000) / ms : 0;
    this.stepsSincePublish = 0;
    this.sincePublish = 0;
    const stats: { A: PublishedStats | null; B: PublishedStats | null } = { A: null, B: null };
    for (const a of this.agents) {
      a.refresh(true);
      a.sampleSeries();
      stats[a.frame.id] = { ...a.frame.stats };
    }
    const first = this.agents[0];
    let explain: ExplainData | null = null;
    if (first && first.run.trainer instanceof ReinforceTrainer) explain = explainOf(first);
    this.store.getState().publish(stats, explain);
  }

  private applyLive(): void {
    const { config, compare } = this.store.getState();
    if (config.env === 'continuous-bandit' && config.reward !== this.rewardText) {
      void this.ensureReward(config.reward).then(() =>
        this.applyAll(config, compare.enabled ? compare.b : null),
      );
      return;
    }
    this.applyAll(config, compare.enabled ? compare.b : null);
  }

  private applyAll(config: RunConfig, b: Partial<RunConfig> | null): void {
    this.agents.forEach((a, i) => a.applyLive(i === 1 && b ? withOverrides(config, b) : config, this.reward));
    const edit = this.agents.flatMap((a) => a.log.edits.map((e) => `${a.frame.id}: ${e}`))[0] ?? null;
    if (edit !== this.store.getState().multiSeed.liveEdit)
      this.store.getState().setMultiSeed({ liveEdit: edit });
  }

  /** Compiles the reward once per edit; a bad one keeps the last good reward and reports why. */
  private async ensureReward(text: string): Promise<void> {
    if (text === this.rewardText && this.reward) return;
    const r = await this.compileReward(text);
    if (r.ok) {
      this.reward = r.value;
      this.rewardText = text;
      this.store.getState().setRewardError(null);
    } else {
      this.store.getState().setRewardError(r.error);
      if (!this.reward) {
        const fallback = await this.compileReward('-(a - 2)^2');
        if (fallback.ok) this.reward = fallback.value;
        this.store.getState().notify('warning', `reward "${text}" refused (${r.error}); using -(a - 2)^2`);
      }
    }
  }
}

function labelOf(i: number, c: RunConfig): string {
  const est = c.estimator === 'pathwise' ? 'pathwise' : `score · ${c.baseline}`;
  return `${i === 0 ? 'A' : 'B'} · ${est} · lr ${Number(c.lr.toPrecision(3))}`;
}
