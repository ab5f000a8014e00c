/**
 * Named experiments saved in the browser's storage: a schema with a version, a migration from every older
 * version, and a reader that never throws. Pure logic (parse, migrate, validate, serialise) plus two small
 * functions that talk to an injected {@link KeyValueStorage} (`localStorage` in the app, a fake in tests).
 *
 * Versions (the stored value under {@link EXPERIMENTS_KEY}):
 * - 1: a bare object `{ [name]: hash }` (playground links only, no dates).
 * - 2: `{ version: 2, experiments: [{ name, page, hash, savedAt }] }` (the current one).
 *
 * An older version is migrated on read and written back as the current one. A newer version than this code
 * knows is read as far as it looks like the current one and never overwritten (read-only, with a notice).
 * Corrupt entries (wrong types, a hash the page's reader refuses) are reported once and skipped, but kept in
 * storage; text that is not JSON at all is copied to {@link BACKUP_KEY} before anything overwrites it.
 */
import { isRecord } from '../core/guards';
import { MAX_HASH_LENGTH } from './hashPairs';

/** The storage key. */
export const EXPERIMENTS_KEY = 'gradient-wars:experiments';
/** Where unreadable text is copied before it is overwritten. */
export const BACKUP_KEY = 'gradient-wars:experiments:unreadable';
/** The schema version this code writes. */
export const EXPERIMENTS_VERSION = 2;
/** Longest experiment name. */
export const MAX_NAME_LENGTH = 80;

/** The pages whose settings can be saved. */
export const EXPERIMENT_PAGES = ['playground', 'lab'] as const;
/** A page with saved experiments. */
export type ExperimentPage = (typeof EXPERIMENT_PAGES)[number];

/** One saved experiment. */
export interface Experiment {
  /** The user's name for it (unique per page). */
  name: string;
  page: ExperimentPage;
  /** The page's link settings (`#env=…`), read back through the page's validated link reader. */
  hash: string;
  /** When it was saved (ISO 8601), or null when unknown (migrated from version 1). */
  savedAt: string | null;
}

/** The stored document (current version). */
export interface ExperimentsFile {
  version: typeof EXPERIMENTS_VERSION;
  experiments: unknown[];
}

/** The part of `Storage` used here. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Checks a hash with the page's link reader: null if it reads cleanly, else why not. */
export type HashCheck = (page: ExperimentPage, hash: string) => string | null;

/**
 * The check a page uses: its own entries must read without complaint through its link reader (`read`); the
 * other page's entries are left to that page (they are only shape-checked here, and kept), so neither page
 * loads the other's reader.
 */
export function ownPageCheck(page: ExperimentPage, read: (hash: string) => { errors: string[] }): HashCheck {
  return (p, hash) => (p === page ? (read(hash).errors[0] ?? null) : null);
}

/** What was read. */
export interface LoadedExperiments {
  /** The valid entries, in stored order. */
  experiments: Experiment[];
  /** Entries skipped as corrupt, exactly as stored (written back untouched). */
  skipped: unknown[];
  /** One line per problem found (empty when all is well). */
  errors: string[];
  /** A newer version, unreadable storage, …: never written. */
  readOnly: boolean;
  /** The stored version when it was older than the current one (and so migrated), else null. */
  migratedFrom: number | null;
  /** The stored text was not JSON (it is backed up before the first write). */
  unreadable: string | null;
}

/** Why a stored entry is not a valid experiment, or null if it is. */
export function entryProblem(x: unknown, check: HashCheck): string | null {
  if (!isRecord(x)) return 'not an object';
  const { name, page, hash, savedAt } = x;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    return `the name must be text of 1 to ${MAX_NAME_LENGTH} characters`;
  }
  if (!(EXPERIMENT_PAGES as readonly unknown[]).includes(page)) return `"${name}": unknown page`;
  if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH)
    return `"${name}": the settings are not a link`;
  if (savedAt !== null && (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt)))) {
    return `"${name}": the date is not a date`;
  }
  const bad = check(page as ExperimentPage, hash);
  return bad === null ? null : `"${name}": ${bad}`;
}

/** Version 1 (`{ [name]: hash }`) → version 2 entries (playground, date unknown); other values stay as they are. */
export function migrateV1(old: Record<string, unknown>): unknown[] {
  return Object.entries(old).map(([name, hash]) =>
    typeof hash === 'string' ? { name, page: 'playground', hash, savedAt: null } : { name, hash },
  );
}

/** Reads the stored text (null: nothing stored). Never throws. */
export function parseExperiments(text: string | null, check: HashCheck): LoadedExperiments {
  const out: LoadedExperiments = {
    experiments: [],
    skipped: [],
    errors: [],
    readOnly: false,
    migratedFrom: null,
    unreadable: null,
  };
  if (text === null || text === '') return out;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    out.errors.push(
      'the saved experiments are not readable (not JSON); a copy is kept, then they start afresh',
    );
    out.unreadable = text;
    return out;
  }
  if (!isRecord(doc)) {
    out.errors.push('the saved experiments are not readable (not an object); a copy is kept');
    out.unreadable = text;
    return out;
  }
  let entries: unknown[];
  if (!('version' in doc)) {
    out.migratedFrom = 1;
    entries = migrateV1(doc);
  } else if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 2) {
    out.errors.push(`the saved experiments have an unknown version (${String(doc.version)}); read-only`);
    out.readOnly = true;
    return out;
  } else {
    if (doc.version > EXPERIMENTS_VERSION) {
      out.errors.push(
        `the saved experiments were written by a newer version (${doc.version}); shown read-only, not changed`,
      );
      out.readOnly = true;
    }
    if (!Array.isArray(doc.experiments)) {
      out.errors.push('the saved experiments list is missing; read-only');
      out.readOnly = true;
      return out;
    }
    entries = doc.experiments;
  }
  const seen = new Set<string>();
  for (const e of entries) {
    let problem = entryProblem(e, check);
    const x = e as Experiment;
    if (problem === null && seen.has(`${x.page}\n${x.name}`)) problem = `"${x.name}": repeated name`;
    if (problem !== null) {
      out.errors.push(problem);
      out.skipped.push(e);
    } else {
      seen.add(`${x.page}\n${x.name}`);
      out.experiments.push({ name: x.name, page: x.page, hash: x.hash, savedAt: x.savedAt });
    }
  }
  return out;
}

/** The stored text of a list (current version); skipped entries are written back after the valid ones. */
export function serialiseExperiments(
  experiments: readonly Experiment[],
  skipped: readonly unknown[] = [],
): string {
  const doc: ExperimentsFile = { version: EXPERIMENTS_VERSION, experiments: [...experiments, ...skipped] };
  return JSON.stringify(doc);
}

/** Reads from storage; a storage that throws (disabled, private mode) reads as empty and read-only. */
export function loadExperiments(storage: KeyValueStorage, check: HashCheck): LoadedExperiments {
  let text: string | null;
  try {
    text = storage.getItem(EXPERIMENTS_KEY);
  } catch (e) {
    const r = parseExperiments(null, check);
    r.errors.push(`the browser's storage cannot be read (${describe(e)}); saving is off`);
    r.readOnly = true;
    return r;
  }
  return parseExperiments(text, check);
}

/**
 * Writes `loaded` with `experiments` as its new valid list; returns null on success or the reason it failed
 * (read-only data, a full or disabled storage). Unreadable old text is backed up first.
 */
export function storeExperiments(
  storage: KeyValueStorage,
  loaded: LoadedExperiments,
  experiments: readonly Experiment[],
): string | null {
  if (loaded.readOnly) return 'the saved experiments are read-only here (see the message above)';
  try {
    if (loaded.unreadable !== null) storage.setItem(BACKUP_KEY, loaded.unreadable);
    storage.setItem(EXPERIMENTS_KEY, serialiseExperiments(experiments, loaded.skipped));
    return null;
  } catch (e) {
    const full = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return full ? "the browser's storage is full" : `the browser refused to store it (${describe(e)})`;
  }
}

/** Adds or replaces `name` on `page` (the newest save last); a pure list operation. */
export function withSaved(
  list: readonly Experiment[],
  entry: Experiment,
): { experiments: Experiment[]; replaced: boolean } {
  const replaced = list.some((e) => e.page === entry.page && e.name === entry.name);
  const rest = list.filter((e) => !(e.page === entry.page && e.name === entry.name));
  return { experiments: [...rest, entry], replaced };
}

/** Removes `name` from `page`. */
export function without(list: readonly Experiment[], page: ExperimentPage, name: string): Experiment[] {
  return list.filter((e) => !(e.page === page && e.name === name));
}

/** Renames `from` to `to` on `page`; an error when `to` is taken or not a valid name. */
export function renamed(
  list: readonly Experiment[],
  page: ExperimentPage,
  from: string,
  to: string,
): { experiments: Experiment[] } | { error: string } {
  const name = to.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    return { error: `a name must be 1 to ${MAX_NAME_LENGTH} characters` };
  }
  if (name !== from && list.some((e) => e.page === page && e.name === name)) {
    return { error: `"${name}" is already taken` };
  }
  return { experiments: list.map((e) => (e.page === page && e.name === from ? { ...e, name } : e)) };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.name || e.message : String(e);
}
