/**
 * The lab's configuration in `location.hash` (`lab.html#f=cos(k*z)&k=4&mu=1`), so a link reproduces what is
 * on screen, like the playground's (./url.ts). Only values that differ from the defaults are written (plus
 * `f`). Everything read is untrusted: {@link readLabHash} never throws, always returns a valid config and
 * reports each ignored part in one line.
 *
 * Hidden estimators are `hide-estimators=loo,muprop`; `hide=` is a classroom link's hidden controls, as on
 * the playground (./classroom.ts), with `setup=` holding the teacher's settings once the student changed
 * something. Old links listed hidden estimators in `hide=`: such names are still read as estimators.
 */
import { LAB_ESTIMATORS } from '../algos/lab/estimators';
import { classroomOf, parseHide, withClassroom, type ClassroomState } from './classroom';
import { clip, encode, splitPairs, syncLink, type HashHost } from './hashPairs';
import {
  checkLabConfig,
  defaultLabConfig,
  labEntries,
  labFields,
  parseLabValue,
  type LabConfig,
} from './labConfig';
import type { LabStore } from './labStore';

/** A config read from a hash, the classroom (or null) and one line per ignored part. */
export interface LabHashState {
  config: LabConfig;
  classroom: ClassroomState | null;
  errors: string[];
}

/** Link name of the hidden estimators (the schema's `hide` key; `hide=` itself is the classroom's). */
const ESTIMATORS_KEY = 'hide-estimators';

/** Reads a lab hash (with or without `#`). Never throws. */
export function readLabHash(hash: string): LabHashState {
  return readLink(hash, false);
}

function readLink(hash: string, nested: boolean): LabHashState {
  const errors: string[] = [];
  const config = defaultLabConfig();
  let hidden: string[] = [];
  let setup: string | undefined;
  const rec = config as unknown as Record<string, unknown>;
  for (const [name, raw] of splitPairs(typeof hash === 'string' ? hash : '', errors)) {
    if ((name === 'hide' || name === 'setup') && nested) {
      errors.push(`setup: ${name} inside the teacher's setup (ignored)`);
    } else if (name === 'hide') {
      // classroom ids, and (old links) estimator names
      const r = parseHide('lab', raw, LAB_ESTIMATORS);
      if (r.error) errors.push(r.error);
      hidden = r.hidden;
      if (r.extra.length > 0)
        rec.hide = LAB_ESTIMATORS.filter((n) => [...r.extra, ...config.hide].includes(n));
    } else if (name === 'setup') {
      setup = raw;
    } else if (name === ESTIMATORS_KEY) {
      const r = parseLabValue('hide', raw);
      if ('error' in r) errors.push(r.error.replace(/^hide:/, `${ESTIMATORS_KEY}:`));
      else rec.hide = (r.value as LabConfig['hide']).concat(config.hide);
      rec.hide = LAB_ESTIMATORS.filter((n) => config.hide.includes(n));
    } else {
      const spec = labFields.find((f) => f.name === name && f.key !== 'hide');
      if (!spec) {
        errors.push(`unknown option ${clip(name)}`);
        continue;
      }
      const r = parseLabValue(spec.key, raw);
      if ('error' in r) errors.push(r.error);
      else rec[spec.key] = r.value;
    }
  }
  errors.push(...checkLabConfig(config));
  const classroom = classroomOf(
    hidden,
    setup,
    writeLabHash(config),
    (text) => {
      const inner = readLink(text, true);
      return { own: writeLabHash(inner.config), errors: inner.errors };
    },
    errors,
  );
  return { config, classroom, errors };
}

/** The hash of a config (and a classroom), without the leading `#`. */
export function writeLabHash(config: LabConfig, classroom: ClassroomState | null = null): string {
  const own = labEntries(config)
    .map(([k, v]) => `${k === 'hide' ? ESTIMATORS_KEY : k}=${encode(v)}`)
    .join('&');
  return withClassroom(own, classroom);
}

/** The hash (with `#`) that describes the lab store now. */
export function labHashOf(store: LabStore): string {
  const s = store.getState();
  return `#${writeLabHash(s.config, s.classroom)}`;
}

/**
 * Applies a hash to the lab store through the validated reader (one warning notice for ignored parts). With
 * `keepClassroom`, a hash without `hide=` leaves a classroom in progress alone (loading a saved experiment).
 */
export function applyLabLink(store: LabStore, hash: string, keepClassroom = false): void {
  const { config, classroom, errors } = readLabHash(hash);
  store.getState().setConfig(config);
  if (classroom || !keepClassroom) store.getState().setClassroom(classroom);
  if (errors.length > 0) store.getState().notify('warning', `Ignored in the link: ${errors.join('; ')}`);
}

/** "Restore the teacher's setup": reapplies the classroom's settings (hidden controls stay hidden). */
export function restoreLabSetup(store: LabStore): void {
  const c = store.getState().classroom;
  if (c) store.getState().setConfig(readLabHash(c.setup).config);
}

/**
 * Keeps the lab store and the hash in step: applies the hash now and on `hashchange` (one warning notice for
 * ignored parts) and rewrites it with `replaceState` when the config changes (debounced). Returns a stopper.
 */
export function syncLabHash(store: LabStore, host: HashHost, delayMs = 300): () => void {
  return syncLink(
    host,
    {
      apply: (hash) => applyLabLink(store, hash),
      current: () => labHashOf(store),
      watch: (changed) => [
        store.subscribe((s) => s.config, changed),
        store.subscribe((s) => s.classroom, changed),
      ],
    },
    delayMs,
  );
}
