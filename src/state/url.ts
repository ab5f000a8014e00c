/**
 * The run's configuration in `location.hash`, so a link reproduces a run (TF Playground's best idea,
 * HOUSE-STYLE §5). The keys are the CLI's flags (`#env=gridworld&baseline=learned&lr=0.1&seed=5`), written by
 * {@link configEntries} (only values that differ from the env's defaults, plus `env` and `seed`) and read by
 * {@link parseConfig}. Compare settings follow as `compare=1&b-baseline=none&b-lr=0.05`.
 *
 * Everything read from a hash is untrusted: {@link readHash} never throws, always returns a valid config, and
 * reports each thing it ignored (unknown keys, bad numbers, repeated keys, broken percent-encoding, …) as one
 * line.
 */
export { MAX_HASH_LENGTH, MAX_HASH_PAIRS } from './hashPairs';
import {
  configEntries,
  configFields,
  defaultConfig,
  parseConfig,
  parseField,
  supportsPathwise,
  type FieldSpec,
  type RunConfig,
} from '../algos/config';
import { parseMap } from '../../envs/gridworld/parseMap';
import { findGridPreset } from '../../envs/gridworld/presets';
import type { CompareOverrides, CompareState, PlaygroundStore } from './store';
import { clip, encode, splitPairs, type HashHost } from './hashPairs';

export type { HashHost } from './hashPairs';

/** Longest reward expression accepted from a link (the expression compiler's own limit). */
const MAX_REWARD_LENGTH = 200;

/** What a hash describes: a valid config and compare settings, and one line per ignored part. */
export interface HashState {
  /** The configuration (defaults wherever the hash said nothing usable). */
  config: RunConfig;
  /** Compare (A/B) settings. */
  compare: CompareState;
  /** One human-readable line per ignored part of the hash. */
  errors: string[];
}

/** B's overridable keys, in the order they are written. */
const compareKeys: readonly (keyof CompareOverrides)[] = [
  'estimator',
  'baseline',
  'lr',
  'batch',
  'optimizer',
];

/** The compare settings of a fresh store. */
export function defaultCompare(): CompareState {
  return { enabled: false, b: { baseline: 'none' } };
}

/** Reads a hash (with or without the leading `#`). Never throws; see {@link HashState}. */
export function readHash(hash: string): HashState {
  const errors: string[] = [];
  const pairs = splitPairs(typeof hash === 'string' ? hash : '', errors);
  const configPairs: [string, string][] = [];
  const b: CompareOverrides = {};
  let bGiven = false;
  let enabled = false;
  for (const [name, raw] of pairs) {
    if (name === 'compare') {
      const r = parseField(boolSpec, raw);
      if ('error' in r) errors.push(r.error);
      else enabled = r.value === true;
    } else if (name.startsWith('b-')) {
      if (readOverride(b, name, raw, errors)) bGiven = true;
    } else {
      configPairs.push([name, raw]);
    }
  }
  const { config, errors: configErrors } = parseConfig(configPairs);
  errors.push(...configErrors);
  checkCombination(config, errors);
  if (b.estimator === 'pathwise' && !supportsPathwise(config.env)) {
    errors.push(`b-estimator: pathwise does not apply to ${config.env} (ignored)`);
    delete b.estimator;
  }
  const compare = bGiven || enabled ? { enabled, b } : defaultCompare();
  return { config, compare, errors };
}

/**
 * The hash for a config and compare settings, *without* the leading `#` (`env=bandit&seed=1`): `env`, `seed`
 * and every non-default key; B's overrides only when comparing.
 */
export function writeHash(config: RunConfig, compare: CompareState): string {
  const parts = configEntries(config).map(([k, v]) => `${k}=${encode(v)}`);
  if (compare.enabled) {
    parts.push('compare=1');
    for (const key of compareKeys) {
      const v = compare.b[key];
      if (v !== undefined) parts.push(`b-${nameOf(key)}=${encode(String(v))}`);
    }
  }
  return parts.join('&');
}

/**
 * Keeps the store and the hash in step: applies the current hash to the store now and on every `hashchange`
 * (reporting ignored parts as one warning notice), and rewrites the hash with `history.replaceState` when the
 * config or compare settings change (at most once per `delayMs`). Returns a function that stops both.
 */
export function syncHash(store: PlaygroundStore, host: HashHost, delayMs = 300): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    if (host.location.hash === written) return;
    const { config, compare, errors } = readHash(host.location.hash);
    applyToStore(store, config, compare);
    if (errors.length > 0) store.getState().notify('warning', `Ignored in the link: ${errors.join('; ')}`);
    write();
  };
  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const s = store.getState();
    const hash = `#${writeHash(s.config, s.compare)}`;
    if (hash === host.location.hash) return;
    written = hash;
    host.history.replaceState(null, '', hash);
  };
  if (host.location.hash.length > 1) apply();
  else write();
  // Debounced: a dragged slider must not call replaceState dozens of times a second (browsers throttle it).
  const writeSoon = () => {
    if (timer === undefined) timer = setTimeout(write, delayMs);
  };
  host.addEventListener('hashchange', apply);
  const stopConfig = store.subscribe((s) => s.config, writeSoon);
  const stopCompare = store.subscribe((s) => s.compare, writeSoon);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    host.removeEventListener('hashchange', apply);
    stopConfig();
    stopCompare();
  };
}

/** Puts a read config and compare settings into the store with its ordinary actions. */
function applyToStore(store: PlaygroundStore, config: RunConfig, compare: CompareState): void {
  const s = store.getState();
  s.setEnv(config.env);
  store.getState().setConfig(config);
  const now = store.getState().compare;
  const b: CompareOverrides = {};
  for (const key of compareKeys) (b as Record<string, unknown>)[key] = compare.b[key];
  const same =
    now.enabled === compare.enabled && compareKeys.every((k) => (now.b[k] ?? null) === (b[k] ?? null));
  if (!same) store.getState().setCompare({ enabled: compare.enabled, b });
}

const boolSpec: FieldSpec = { key: 'bernoulli', name: 'compare', kind: 'bool', help: 'compare A/B' };

function nameOf(key: keyof CompareOverrides): string {
  return configFields.find((f) => f.key === key)!.name;
}

/** Parses one `b-…` pair into `b`; returns true when it applied. */
function readOverride(b: CompareOverrides, name: string, raw: string, errors: string[]): boolean {
  const key = compareKeys.find((k) => `b-${nameOf(k)}` === name);
  if (!key) {
    errors.push(`unknown option ${clip(name)}`);
    return false;
  }
  const r = parseField(
    configFields.find((f) => f.key === key)!,
    raw,
    'b-',
  );
  if ('error' in r) {
    errors.push(r.error);
    return false;
  }
  (b as Record<string, unknown>)[key] = r.value;
  return true;
}

/** Resets values that are well-formed alone but invalid for the chosen environment. */
function checkCombination(config: RunConfig, errors: string[]): void {
  const d = defaultConfig(config.env);
  if (config.estimator === 'pathwise' && !supportsPathwise(config.env)) {
    errors.push(`estimator: pathwise does not apply to ${config.env} (using ${d.estimator})`);
    config.estimator = d.estimator;
  }
  if (config.map !== d.map && !findGridPreset(config.map)) {
    const r = parseMap(config.map);
    if (!r.ok) {
      errors.push(`map: ${r.error} (using ${d.map})`);
      config.map = d.map;
    }
  }
  if (config.reward.length > MAX_REWARD_LENGTH || config.reward === '') {
    errors.push(`reward must be 1 to ${MAX_REWARD_LENGTH} characters (using ${d.reward})`);
    config.reward = d.reward;
  }
}
