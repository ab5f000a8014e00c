/**
 * User-facing configuration errors for environments, and the option validators that raise them.
 *
 * An {@link EnvError} means "the caller asked for something invalid" (unknown id, bad option, bad map text):
 * its message is one human-readable line that names the option, fit for a CLI or a UI toast. Anything else
 * thrown by an env (e.g. an out-of-range action) is a programming error.
 */

/** A bad environment id or option; `message` is a single line naming the problem. */
export class EnvError extends Error {
  /** @param message one line, e.g. `bandit: arms must be an integer in [1, 1000], got -3`. */
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Formats a value for an error message (strings quoted, arrays bracketed). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(describeValue).join(', ')}]`;
  return String(v);
}

/** Returns `v ?? fallback`, checked to be an integer in [min, max]; throws an {@link EnvError} naming `env: name`. */
export function intOption(
  env: string,
  name: string,
  v: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  const x = v ?? fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw new EnvError(`${env}: ${name} must be an integer in [${min}, ${max}], got ${describeValue(x)}`);
  }
  return x;
}

/**
 * Returns `v ?? fallback`, checked to be a finite number in [min, max] (bounds may be ±Infinity, meaning
 * unbounded on that side); throws an {@link EnvError} naming `env: name`.
 */
export function numberOption(
  env: string,
  name: string,
  v: unknown,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const x = v ?? fallback;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
    const range =
      min === -Infinity && max === Infinity
        ? 'a finite number'
        : max === Infinity
          ? `a number ≥ ${min}`
          : min === -Infinity
            ? `a number ≤ ${max}`
            : `a number in [${min}, ${max}]`;
    throw new EnvError(`${env}: ${name} must be ${range}, got ${describeValue(x)}`);
  }
  return x;
}

/** Returns `v ?? fallback`, checked to be a boolean; throws an {@link EnvError} naming `env: name`. */
export function boolOption(env: string, name: string, v: unknown, fallback: boolean): boolean {
  const x = v ?? fallback;
  if (typeof x !== 'boolean')
    throw new EnvError(`${env}: ${name} must be true or false, got ${describeValue(x)}`);
  return x;
}

/** Returns `v ?? fallback` (array or Float64Array) as an array of `length` finite numbers; throws an {@link EnvError}. */
export function vectorOption(
  env: string,
  name: string,
  v: unknown,
  fallback: readonly number[],
  length: number,
): number[] {
  const given = v ?? fallback;
  const x = given instanceof Float64Array ? Array.from(given) : given;
  if (
    !Array.isArray(x) ||
    x.length !== length ||
    !x.every((e) => typeof e === 'number' && Number.isFinite(e))
  ) {
    throw new EnvError(`${env}: ${name} must be ${length} finite numbers, got ${describeValue(x)}`);
  }
  return x.slice();
}

/**
 * The error for an action outside the action space (a programming error, not user input). Built out of line
 * so the hot `step()` methods stay small enough for V8 to inline.
 */
export function actionError(env: string, expected: string, got: unknown): Error {
  return new Error(`${env}: action must be ${expected}, got ${describeValue(got)}`);
}

/** The error for `step()` after the episode ended (a programming error); `when` says how it ended. */
export function steppedAfterEnd(env: string, when = 'the episode terminated'): Error {
  return new Error(`${env}: step() after ${when}; call reset()`);
}
