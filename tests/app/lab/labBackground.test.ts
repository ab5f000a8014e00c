// The lab's background jobs: only the newest request of a kind may write (a late older result is dropped),
// superseded requests are silent, real failures reach the user, and the race replays step by step.
import { describe, expect, it, vi } from 'vitest';
import { createLabFrame } from '../../../src/app/lab/frame';
import { runLabJob, type LabJob, type LabJobResult, type LabJobRunner } from '../../../src/app/lab/jobs';
import { LabBackground, RACE_REPLAY_MS } from '../../../src/app/lab/LabBackground';
import { SUPERSEDED } from '../../../src/app/lab/workerJobs';
import { defaultLabConfig } from '../../../src/state/labConfig';

/** A job runner whose jobs finish only when the test says so. */
function manualRunner() {
  const pending: { job: LabJob; resolve(r: LabJobResult): void; reject(e: Error): void }[] = [];
  const runner: LabJobRunner = {
    run: (job) => new Promise((resolve, reject) => pending.push({ job, resolve, reject })),
    dispose: () => undefined,
  };
  return { runner, pending };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(replay = true) {
  const frame = createLabFrame();
  frame.source = 'cos(k * z)';
  frame.usesK = true;
  const { runner, pending } = manualRunner();
  const host = { changed: vi.fn(), failed: vi.fn() };
  return { frame, pending, host, bg: new LabBackground(frame, runner, host, replay) };
}

describe('LabBackground', () => {
  it('drops a sweep result that arrives after a newer request', async () => {
    const { frame, pending, bg } = setup();
    bg.requestSweep({ ...defaultLabConfig(), mu: 0 });
    bg.requestSweep({ ...defaultLabConfig(), mu: 0.5 });
    const [old, latest] = pending;
    latest.resolve(runLabJob(latest.job));
    await flush();
    expect(frame.sweep.status).toBe('ready');
    expect(frame.sweep.mu).toBe(0.5);
    const v = frame.sweep.variance.score.mu[10];
    old.resolve(runLabJob(old.job));
    await flush();
    expect(frame.sweep.mu).toBe(0.5);
    expect(frame.sweep.variance.score.mu[10]).toBe(v);
  });

  it('is silent about superseded jobs and reports real failures', async () => {
    const { frame, pending, bg, host } = setup();
    bg.requestRace(defaultLabConfig());
    pending[0].reject(new Error(SUPERSEDED));
    await flush();
    expect(host.failed).not.toHaveBeenCalled();
    bg.requestRace(defaultLabConfig());
    pending[1].reject(new Error('out of memory'));
    await flush();
    expect(frame.race.status).toBe('error');
    expect(host.failed).toHaveBeenCalledWith('The race failed: out of memory');
  });

  it('an f without k gets no sweep, and says why', () => {
    const { frame, pending, bg } = setup();
    frame.usesK = false;
    bg.requestSweep(defaultLabConfig());
    expect(pending.length).toBe(0);
    expect(frame.sweep.status).toBe('no-k');
  });

  it('replays a race over RACE_REPLAY_MS, or shows it whole without motion', async () => {
    for (const replay of [true, false]) {
      const { frame, pending, bg } = setup(replay);
      bg.requestRace({ ...defaultLabConfig(), steps: 50 });
      pending[0].resolve(runLabJob(pending[0].job));
      await flush();
      expect(frame.race.shown).toBe(replay ? 0 : 50);
      bg.advanceReplay(RACE_REPLAY_MS / 2);
      expect(frame.race.shown).toBe(replay ? 25 : 50);
      bg.advanceReplay(RACE_REPLAY_MS);
      expect(frame.race.shown).toBe(50);
      bg.replay();
      expect(frame.race.shown).toBe(replay ? 0 : 50);
    }
  });
});
