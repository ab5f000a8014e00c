/**
 * A {@link LabJobRunner} backed by a module worker (./lab.worker.ts). Each kind of job (sweep, race) keeps
 * only its newest request: a request that is superseded while the worker is busy is never started, and its
 * promise rejects with {@link SUPERSEDED}, so a dragged slider queues at most one job of each kind.
 */
import type { LabJob, LabJobResult, LabJobRunner } from './jobs';
import type { WorkerRequest, WorkerResponse } from './lab.worker';

/** The rejection reason of a request replaced by a newer one of the same kind. */
export const SUPERSEDED = 'superseded';

interface Pending {
  job: LabJob;
  resolve(r: LabJobResult): void;
  reject(e: Error): void;
}

/** Starts the lab worker; falls back to nothing (the caller uses inline jobs) if workers are unavailable. */
export function workerJobRunner(): LabJobRunner {
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let busy: (Pending & { id: number }) | null = null;
  const waiting = new Map<LabJob['kind'], Pending>();

  const pump = () => {
    if (busy) return;
    const next = waiting.get('sweep') ?? waiting.get('race');
    if (!next) return;
    waiting.delete(next.job.kind);
    busy = { ...next, id: nextId++ };
    const msg: WorkerRequest = { id: busy.id, job: next.job };
    worker.postMessage(msg);
  };
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const done = busy;
    busy = null;
    if (done && done.id === e.data.id) {
      if (e.data.ok) done.resolve(e.data.result);
      else done.reject(new Error(e.data.error));
    }
    pump();
  };
  worker.onerror = (e: ErrorEvent) => {
    const done = busy;
    busy = null;
    done?.reject(new Error(e.message || 'the lab worker failed'));
    pump();
  };
  return {
    run(job) {
      return new Promise<LabJobResult>((resolve, reject) => {
        waiting.get(job.kind)?.reject(new Error(SUPERSEDED));
        waiting.set(job.kind, { job, resolve, reject });
        pump();
      });
    },
    dispose() {
      worker.terminate();
      for (const p of waiting.values()) p.reject(new Error(SUPERSEDED));
      waiting.clear();
    },
  };
}
