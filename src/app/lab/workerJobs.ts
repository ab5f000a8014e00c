/**
 * A {@link LabJobRunner} backed by a module worker (./lab.worker.ts). Each kind of job (sweep, race) keeps
 * only its newest request: a request that is superseded while the worker is busy is never started, and its
 * promise rejects with {@link SUPERSEDED}, so a dragged slider queues at most one job of each kind. A job
 * that has run for longer than {@link RESTART_AFTER_MS} when a newer one of its kind arrives is abandoned:
 * the worker is terminated and a fresh one takes the new job (jobs keep no state, so nothing is lost), so a
 * pathological f that takes seconds cannot hold the lab's panels hostage.
 */
import type { LabJob, LabJobResult, LabJobRunner } from './jobs';
import type { WorkerRequest, WorkerResponse } from './lab.worker';

/** The rejection reason of a request replaced by a newer one of the same kind. */
export const SUPERSEDED = 'superseded';

/** A running job older than this is abandoned (worker restarted) when a newer job of its kind arrives. */
export const RESTART_AFTER_MS = 250;

interface Pending {
  job: LabJob;
  resolve(r: LabJobResult): void;
  reject(e: Error): void;
}

/** Starts the lab worker (throws where module workers are unavailable; the caller then runs jobs inline). */
export function workerJobRunner(): LabJobRunner {
  let nextId = 1;
  let busy: (Pending & { id: number; started: number }) | null = null;
  const waiting = new Map<LabJob['kind'], Pending>();
  let worker = start();

  function start(): Worker {
    const w = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const done = busy;
      if (!done || done.id !== e.data.id) return;
      busy = null;
      if (e.data.ok) done.resolve(e.data.result);
      else done.reject(new Error(e.data.error));
      pump();
    };
    w.onerror = (e: ErrorEvent) => {
      const done = busy;
      busy = null;
      done?.reject(new Error(e.message || 'the lab worker failed'));
      pump();
    };
    return w;
  }

  function pump(): void {
    if (busy) return;
    const next = waiting.get('sweep') ?? waiting.get('race');
    if (!next) return;
    waiting.delete(next.job.kind);
    busy = { ...next, id: nextId++, started: performance.now() };
    const msg: WorkerRequest = { id: busy.id, job: next.job };
    worker.postMessage(msg);
  }

  return {
    run(job) {
      return new Promise<LabJobResult>((resolve, reject) => {
        waiting.get(job.kind)?.reject(new Error(SUPERSEDED));
        waiting.set(job.kind, { job, resolve, reject });
        if (busy && busy.job.kind === job.kind && performance.now() - busy.started > RESTART_AFTER_MS) {
          // abandon the slow job: a fresh worker takes the newest requests (the other kind's waiting one too)
          const abandoned = busy;
          busy = null;
          worker.terminate();
          abandoned.reject(new Error(SUPERSEDED));
          worker = start();
        }
        pump();
      });
    },
    dispose() {
      worker.terminate();
      busy?.reject(new Error(SUPERSEDED));
      busy = null;
      for (const p of waiting.values()) p.reject(new Error(SUPERSEDED));
      waiting.clear();
    },
  };
}
