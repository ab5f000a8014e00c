/**
 * Small helpers for the long runs the pages do off the animation frame (lesson runs, the multi-seed pool's
 * inline fallback): giving the event loop a turn between chunks, and the error a cancelled run rejects with.
 */

/** Resolves after the browser (or Node) has had a turn. */
export function yieldTurn(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** A DOMException named 'AbortError' saying `what` was cancelled (what `AbortSignal` users expect). */
export function abortError(what: string): DOMException {
  return new DOMException(`${what} was cancelled`, 'AbortError');
}
