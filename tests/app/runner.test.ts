// The live runner driven through its store, in node: training advances, live hyperparameters apply without a
// rebuild, Step stops at one update, divergence pauses with a notice, A/B share the environment draws, a bad
// reward keeps the last good one, and Reset replays the same numbers.
import { describe, expect, it } from 'vitest';
import { Runner, type RewardCompiler } from '../../src/app/Runner';
import { defaultConfig } from '../../src/algos/config';
import { createPlaygroundStore } from '../../src/state/store';
import { compileExpression } from '../../src/expr';

const compile: RewardCompiler = async (text) => {
  const r = compileExpression(text, { variable: 'a' });
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
};

async function setup(init: Parameters<typeof createPlaygroundStore>[0] = {}) {
  const store = createPlaygroundStore(init);
  const runner = new Runner(store, compile);
  await runner.rebuild();
  return { store, runner };
}

function ticks(runner: Runner, n: number): void {
  for (let i = 0; i < n; i++) runner.tick(16);
}

describe('Runner', () => {
  it('trains while playing and publishes the numbers to the store', async () => {
    const { store, runner } = await setup({ config: { ...defaultConfig('bandit'), seed: 3 } });
    store.getState().setSpeed(4);
    store.getState().setPlaying(true);
    ticks(runner, 20);
    const a = store.getState().stats.A!;
    expect(a.episodes).toBeGreaterThan(500);
    expect(a.updates).toBe(a.episodes);
    expect(Number.isFinite(a.exactJ)).toBe(true);
    expect(runner.frame.agents[0].series.returnRaw.length).toBeGreaterThan(0);
  });

  it('switching the baseline mid-run applies live: no rebuild, counters keep going', async () => {
    const { store, runner } = await setup({ config: { ...defaultConfig('gridworld'), seed: 2 } });
    store.getState().setPlaying(true);
    ticks(runner, 10);
    const runId = store.getState().runId;
    const before = runner.frame.agents[0].stats.episodes;
    store.getState().setConfig({ baseline: 'none', lr: 0.05 });
    ticks(runner, 10);
    expect(store.getState().runId).toBe(runId);
    expect(runner.frame.agents[0].stats.episodes).toBeGreaterThan(before);
    const agentRun = (runner as unknown as { agents: { run: { trainer: { settings: object } } }[] })
      .agents[0];
    expect(agentRun.run.trainer.settings).toMatchObject({ baseline: 'none', lr: 0.05 });
  });

  it('Step advances to exactly one more update and stays paused', async () => {
    const { store, runner } = await setup({ config: { ...defaultConfig('short-corridor'), seed: 1 } });
    store.getState().requestStep();
    runner.tick(16);
    store.getState().requestStep();
    runner.tick(16);
    ticks(runner, 8);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().stats.A!.updates).toBe(2);
    expect(store.getState().explain).not.toBeNull();
  });

  it('a divergent learning rate pauses the run with a notice', async () => {
    const { store, runner } = await setup({
      config: { ...defaultConfig('continuous-bandit'), estimator: 'score', lr: 1e6, seed: 1 },
    });
    store.getState().setPlaying(true);
    ticks(runner, 30);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.notices.map((n) => n.text).join(' ')).toMatch(/^Paused: A .*non-finite/);
    expect(s.stats.A!.error).toMatch(/non-finite/);
  });

  it('A and B share the environment (same bandit) and differ only by their overrides', async () => {
    const { runner } = await setup({
      config: { ...defaultConfig('bandit'), seed: 7, baseline: 'average' },
      compare: { enabled: true, b: { baseline: 'none' } },
    });
    const [a, b] = runner.frame.agents;
    expect(a.env.kind === 'bandit' && b.env.kind === 'bandit').toBe(true);
    if (a.env.kind !== 'bandit' || b.env.kind !== 'bandit') return;
    expect(Array.from(b.env.means)).toEqual(Array.from(a.env.means));
    expect(a.label).toMatch(/average/);
    expect(b.label).toMatch(/none/);
  });

  it('a bad reward expression is refused and the last good reward kept', async () => {
    const { store, runner } = await setup({ config: { ...defaultConfig('continuous-bandit'), seed: 1 } });
    const env = runner.frame.agents[0].env;
    const before = env.kind === 'continuous-bandit' ? env.rewardSource : '';
    store.getState().setConfig({ reward: 'import(1)' });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().rewardError).toMatch(/import/);
    const after = runner.frame.agents[0].env;
    expect(after.kind === 'continuous-bandit' && after.rewardSource).toBe(before);
  });

  it('Reset replays exactly the same numbers', async () => {
    const { store, runner } = await setup({ config: { ...defaultConfig('gridworld'), seed: 5 } });
    const play = () => {
      for (let i = 0; i < 5; i++) {
        store.getState().requestStep();
        runner.tick(16);
      }
      runner.tick(200);
      const st = store.getState().stats.A!;
      return [st.episodes, st.steps, st.meanReturn, st.exactJ];
    };
    const first = play();
    store.getState().reset();
    await runner.rebuild();
    expect(play()).toEqual(first);
  });
});
