/**
 * Loads the multi-seed controller once, on the first request, and hands every request to it. A failed load
 * (a chunk that did not download) is not kept: the error goes to `onError` (shown where the user clicked),
 * and the next request tries again. Used by src/main.ts; kept apart so it can be tested in node.
 */

/** Something that handles requests (the SeedsController). */
export interface RequestHandler<R> {
  handle(req: R): void;
}

/**
 * Returns a function that loads the handler with `load` on first use (again after a failure) and passes each
 * request to it; a load failure calls `onError(message, req)` and never rejects.
 */
export function lazyHandler<R>(
  load: () => Promise<RequestHandler<R>>,
  onError: (message: string, req: R) => void,
): (req: R) => Promise<void> {
  let loading: Promise<RequestHandler<R>> | null = null;
  return async (req) => {
    const p = (loading ??= load());
    let handler: RequestHandler<R>;
    try {
      handler = await p;
    } catch (e) {
      if (loading === p) loading = null;
      onError(e instanceof Error ? e.message : String(e), req);
      return;
    }
    handler.handle(req);
  };
}
