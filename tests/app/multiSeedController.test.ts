// SeedsController (src/app/multiSeed/SeedsController.ts), the glue between the controls and the runs, in node
// (runSeeds runs inline): a run request publishes progress and draws one band per arm; Export JSON is then the
// CLI's sweep document for A/B; without a multi-seed result the live run is exported, or a clear message when
// nothing ran; imports are validated (a bad file changes nothing) and removable; Clear drops only the result.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/algos/config';
import type { TrainReport } from '../../src/algos/trainReport';
import type { RunOverlay } from '../../src/app/multiSeed/overlay';
import { PROGRESS_INTERVAL_MS, SeedsController } from '../../src/app/multiSeed/SeedsController';
import { train } from '../../src/cli/train';
import { createPlaygroundStore } from '../../src/state/store';

function setup(live: TrainReport[] = [], now?: () => number) {
  const store = createPlaygroundStore({ config: { ...defaultConfig('bandit'), seed: 7 } });
  const saved: { name: string; data: Blob }[] = [];
  let overlays: readonly RunOverlay[] = [];
  const progress: number[] = [];
  store.subscribe(
    (s) => s.multiSeed.done,
    (d) => progress.push(d),
  );
  const ctl = new SeedsController({
    store,
    liveReports: () => live,
    setOverlays: (o) => (overlays = o),
    save: (name, data) => saved.push({ name, data }),
    snapshot: async () => new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }),
    now,
  });
  const idle = () =>
    new Promise<void>((res) => {
      const check = () => (store.getState().multiSeed.running ? setTimeout(check, 5) : res());
      setTimeout(check, 5);
    });
  return { store, ctl, saved, overlays: () => overlays, progress, idle };
}

const flush = () => new Promise((r) => setTimeout(r, 20));

describe('SeedsController', () => {
  it('A/B run: progress, two bands, Export JSON = the CLI sweep', async () => {
    // a clock that moves one publication interval per seed: every seed is published
    let t = 0;
    const { store, ctl, saved, overlays, progress, idle } = setup([], () => (t += PROGRESS_INTERVAL_MS));
    store.getState().setCompare({ enabled: true, b: { baseline: 'none' } });
    store.getState().setMultiSeed({ seeds: 3, episodes: 40 });
    ctl.handle({ kind: 'run' });
    expect(store.getState().multiSeed.running).toBe(true);
    await idle();
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.getState().multiSeed.overlays.map((o) => o.label)).toEqual([
      'A · 3 seeds (95% CI)',
      'B · 3 seeds (95% CI)',
    ]);
    expect(overlays().map((o) => o.color)).toEqual([0, 1]);
    ctl.handle({ kind: 'export', format: 'json' });
    await flush();
    expect(saved[0].name).toBe('gradient-wars-bandit-seed7-3runs.json');
    const doc = JSON.parse(await saved[0].data.text());
    const flags: [string, string][] = [
      ['env', 'bandit'],
      ['seed', '7'],
      ['runs', '3'],
      ['episodes', '40'],
    ];
    const a = await train([...flags, ['baseline', 'average']]);
    const b = await train([...flags, ['baseline', 'none']]);
    expect(doc.command).toBe('sweep');
    expect(doc.reports.map((r: TrainReport) => r.metrics)).toEqual([a.metrics, b.metrics]);
    expect(store.getState().multiSeed.exportMessage).toBe(
      'Saved gradient-wars-bandit-seed7-3runs.json (3 seeds, 40 episodes).',
    );
  });

  it('without a result: the live run, or a message when nothing ran', async () => {
    const none = setup();
    none.ctl.handle({ kind: 'export', format: 'csv' });
    await flush();
    expect(none.saved).toEqual([]);
    expect(none.store.getState().multiSeed.exportError).toBe(
      'Nothing to export yet: press Play or run seeds first.',
    );
    const live = await train([
      ['env', 'bandit'],
      ['runs', '1'],
      ['episodes', '5'],
    ]);
    const withLive = setup([live]);
    withLive.ctl.handle({ kind: 'export', format: 'json' });
    await flush();
    expect(JSON.parse(await withLive.saved[0].data.text())).toEqual(live);
    // a live run that diverged: the message says the file ends before it
    const stopped = {
      ...live,
      stopped: 'training diverged in episode 6 (non-finite gradient); the log ends at episode 5',
    };
    const diverged = setup([stopped]);
    diverged.ctl.handle({ kind: 'export', format: 'json' });
    await flush();
    expect(diverged.store.getState().multiSeed.exportMessage).toBe(
      'Saved gradient-wars-bandit-seed1-1runs.json (live run, 5 episodes). Not the whole run: A: training diverged in episode 6 (non-finite gradient); the log ends at episode 5.',
    );
  });

  it('seeds × episodes over the cap: not run, message in the section', () => {
    const { store, ctl } = setup();
    store.getState().setMultiSeed({ seeds: 1000, episodes: 30000 });
    ctl.handle({ kind: 'run' });
    expect(store.getState().multiSeed.running).toBe(false);
    expect(store.getState().multiSeed.error).toBe(
      'Not run: seeds × episodes is 30 000 000; at most 20 000 000 per arm.',
    );
  });

  it('import: a bad file changes nothing; a good one is drawn dashed and removable; Clear keeps imports', async () => {
    const { store, ctl, overlays, idle } = setup();
    ctl.handle({ kind: 'import', name: 'bad.json', text: '{"command":"train"}' });
    expect(store.getState().multiSeed.exportError).toBe(
      'bad.json was not imported: run.config must be an object.',
    );
    expect(overlays()).toEqual([]);
    const rep = await train([
      ['env', 'gridworld'],
      ['runs', '2'],
      ['episodes', '10'],
    ]);
    ctl.handle({ kind: 'import', name: 'g.json', text: JSON.stringify(rep) });
    expect(store.getState().multiSeed.exportError).toBeNull();
    expect(overlays()).toHaveLength(1);
    expect(overlays()[0]).toMatchObject({ dashed: true, color: 2 });
    expect(overlays()[0].length).not.toBeNull();
    store.getState().setMultiSeed({ seeds: 2, episodes: 10 });
    ctl.handle({ kind: 'run' });
    await idle();
    expect(overlays()).toHaveLength(2);
    ctl.handle({ kind: 'clear' });
    expect(store.getState().multiSeed.overlays.map((o) => o.imported)).toEqual([true]);
    ctl.handle({ kind: 'remove', id: store.getState().multiSeed.overlays[0].id });
    expect(overlays()).toEqual([]);
  });

  it('a seed change after a run: the export is named from the result, not the new seed', async () => {
    const { store, ctl, saved, idle } = setup();
    store.getState().setMultiSeed({ seeds: 2, episodes: 10 });
    ctl.handle({ kind: 'run' });
    await idle();
    store.getState().setConfig({ seed: 99 });
    expect(store.getState().multiSeed.overlays).toHaveLength(1);
    ctl.handle({ kind: 'export', format: 'csv' });
    await flush();
    expect(saved[0].name).toBe('gradient-wars-bandit-seed7-2runs.csv');
  });

  it('an environment change clears the result (not imports) and cancels a run in progress', async () => {
    const { store, ctl, overlays, idle } = setup();
    const rep = await train([
      ['env', 'gridworld'],
      ['runs', '2'],
      ['episodes', '10'],
    ]);
    ctl.handle({ kind: 'import', name: 'g.json', text: JSON.stringify(rep) });
    store.getState().setMultiSeed({ seeds: 2, episodes: 10 });
    ctl.handle({ kind: 'run' });
    await idle();
    expect(overlays()).toHaveLength(2);
    store.getState().setEnv('short-corridor');
    expect(overlays()).toHaveLength(1);
    expect(store.getState().multiSeed.overlays).toEqual([expect.objectContaining({ imported: true })]);
    // a run started on one environment does not land on another's charts
    store.getState().setMultiSeed({ seeds: 50, episodes: 200 });
    ctl.handle({ kind: 'run' });
    expect(store.getState().multiSeed.running).toBe(true);
    store.getState().setEnv('bandit');
    await idle();
    expect(store.getState().multiSeed.error).toBeNull();
    expect(overlays()).toHaveLength(1);
  });

  it('progress is throttled to one store update per interval, and the last seed is always published', async () => {
    // 40 ms per seed: seeds 1, 4 and 7 (each 120 ms after the one before), then 10 (the last)
    let t = 0;
    const { store, ctl, progress, idle } = setup([], () => (t += 40));
    store.getState().setMultiSeed({ seeds: 10, episodes: 5 });
    ctl.handle({ kind: 'run' });
    await idle();
    expect(progress).toEqual([1, 4, 7, 10]);
    // a frozen clock: only the first and the last
    const frozen = setup([], () => 0);
    frozen.store.getState().setMultiSeed({ seeds: 10, episodes: 5 });
    frozen.ctl.handle({ kind: 'run' });
    await frozen.idle();
    expect(frozen.progress).toEqual([1, 10]);
    expect(frozen.store.getState().multiSeed).toMatchObject({ done: 10, total: 10, running: false });
  });
});
