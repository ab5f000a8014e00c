/**
 * Command-line parsing for the CLI: `--name value`, `--name=value`, and bare boolean flags. Every problem is a
 * {@link UsageError} whose message is one line; main.ts prints it and exits with code 2.
 */

/** A user error on the command line (bad flag, value, expression, map…). */
export class UsageError extends Error {
  /** @param message one line naming the problem */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parsed command line: the command, then `name → raw value` in order of appearance. */
export interface ParsedArgs {
  /** First positional word (`train`, `estimate`, `bench`), or '' when absent. */
  command: string;
  /** Flags without their leading dashes, in order. */
  flags: [string, string][];
}

/**
 * Splits argv into a command and flags. `booleanFlags` take no value (`--json`); every other flag needs one.
 * A second positional word is an error (values containing spaces must be quoted by the shell).
 */
export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  let command = '';
  const flags: [string, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (name === '') throw new UsageError(`empty option "${arg}"`);
      if (eq >= 0) flags.push([name, arg.slice(eq + 1)]);
      else if (booleanFlags.has(name)) flags.push([name, 'true']);
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && !/^--?\d/.test(next)))
          throw new UsageError(`option --${name} needs a value`);
        flags.push([name, next]);
        i++;
      }
    } else if (command === '') {
      command = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}" (values with spaces need quotes)`);
    }
  }
  return { command, flags };
}

/** Removes and returns the last value of flag `name` (or undefined). */
export function takeFlag(flags: [string, string][], name: string): string | undefined {
  let value: string | undefined;
  for (let i = flags.length - 1; i >= 0; i--) {
    if (flags[i][0] === name) {
      value ??= flags[i][1];
      flags.splice(i, 1);
    }
  }
  return value;
}

/** Parses an integer flag value in [min, max] or throws a {@link UsageError}. */
export function intFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (!Number.isInteger(x) || x < min || x > max)
    throw new UsageError(`--${name} must be an integer in [${min}, ${max}] (got "${raw}")`);
  return x;
}

/** Parses a finite number flag value (optionally > 0) or throws a {@link UsageError}. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  positive = false,
): number {
  if (raw === undefined) return fallback;
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || (positive && !(x > 0)))
    throw new UsageError(`--${name} must be a ${positive ? 'positive' : 'finite'} number (got "${raw}")`);
  return x;
}
