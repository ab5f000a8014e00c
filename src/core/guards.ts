/**
 * Type guards for untrusted data (imported files, local storage, links): the checks every reader starts with.
 */

/** Whether `x` is a plain object (not null, not an array): a JSON object to read fields from. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
