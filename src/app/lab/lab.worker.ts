/**
 * The lab's worker: runs the heavy jobs of ./jobs.ts (variance-vs-k sweeps, the race and its heatmap) off the
 * main thread so dragging a slider stays at 60 fps. One message in, one out: `{ id, job }` →
 * `{ id, ok: true, result }` or `{ id, ok: false, error }`. Result arrays are transferred, not copied.
 */
import { runLabJob, type LabJob, type LabJobResult } from './jobs';

/** A request to the worker. */
export interface WorkerRequest {
  id: number;
  job: LabJob;
}

/** The worker's answer. */
export type WorkerResponse =
  { id: number; ok: true; result: LabJobResult } | { id: number; ok: false; error: string };

/** The typed arrays of a result, to transfer them. */
function buffers(r: LabJobResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float64Array) => out.push(a.buffer as ArrayBuffer);
  if (r.kind === 'sweep') {
    add(r.k);
    for (const v of Object.values(r.variance)) {
      add(v.mu);
      add(v.sigma);
    }
  } else {
    add(r.grid);
    for (const a of Object.values(r.paths)) add(a);
    for (const a of Object.values(r.values)) add(a);
  }
  return out;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, job } = e.data;
  try {
    const result = runLabJob(job);
    scope.postMessage({ id, ok: true, result }, buffers(result));
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }, []);
  }
};
