/**
 * The lab's configuration in `location.hash` (`lab.html#f=cos(k*z)&k=4&mu=1`), so a link reproduces what is
 * on screen, like the playground's (./url.ts). Only values that differ from the defaults are written (plus
 * `f`). Everything read is untrusted: {@link readLabHash} never throws, always returns a valid config and
 * reports each ignored part in one line.
 */
import { clip, encode, splitPairs, type HashHost } from './hashPairs';
import {
  checkLabConfig,
  defaultLabConfig,
  labEntries,
  labFields,
  parseLabValue,
  type LabConfig,
} from './labConfig';
import type { LabStore } from './labStore';

/** A config read from a hash and one line per ignored part. */
export interface LabHashState {
  config: LabConfig;
  errors: string[];
}

/** Reads a lab hash (with or without `#`). Never throws. */
export function readLabHash(hash: string): LabHashState {
  const errors: string[] = [];
  const config = defaultLabConfig();
  for (const [name, raw] of splitPairs(typeof hash === 'string' ? hash : '', errors)) {
    const spec = labFields.find((f) => f.name === name);
    if (!spec) {
      errors.push(`unknown option ${clip(name)}`);
      continue;
    }
    const r = parseLabValue(spec.key, raw);
    if ('error' in r) errors.push(r.error);
    else (config as unknown as Record<string, unknown>)[spec.key] = r.value;
  }
  errors.push(...checkLabConfig(config));
  return { config, errors };
}

/** The hash of a config, without the leading `#`. */
export function writeLabHash(config: LabConfig): string {
  return labEntries(config)
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join('&');
}

/**
 * Keeps the lab store and the hash in step: applies the hash now and on `hashchange` (one warning notice for
 * ignored parts) and rewrites it with `replaceState` when the config changes (debounced). Returns a stopper.
 */
export function syncLabHash(store: LabStore, host: HashHost, delayMs = 300): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const hash = `#${writeLabHash(store.getState().config)}`;
    if (hash === host.location.hash) return;
    written = hash;
    host.history.replaceState(null, '', hash);
  };
  const apply = () => {
    if (host.location.hash === written) return;
    const { config, errors } = readLabHash(host.location.hash);
    store.getState().setConfig(config);
    if (errors.length > 0) store.getState().notify('warning', `Ignored in the link: ${errors.join('; ')}`);
    write();
  };
  if (host.location.hash.length > 1) apply();
  else write();
  const writeSoon = () => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  };
  host.addEventListener('hashchange', apply);
  const stop = store.subscribe((s) => s.config, writeSoon);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    host.removeEventListener('hashchange', apply);
    stop();
  };
}
