/**
 * The run's configuration in `location.hash`, so a link reproduces a run (TF Playground's best idea,
 * HOUSE-STYLE §5). The keys are the CLI's flags (`#env=gridworld&baseline=learned&lr=0.1&seed=5`), written by
 * {@link configEntries} (only values that differ from the env's defaults, plus `env` and `seed`) and read by
 * {@link parseConfig}. Compare settings follow as `compare=1&b-baseline=none&b-lr=0.05`.
 *
 * Everything read from a hash is untrusted: {@link readHash} never throws, always returns a valid config, and
 * reports each thing it ignored (unknown keys, bad numbers, repeated keys, broken percent-encoding, …) as one
 * line.
 *
 * The view (speed, play, q*(a), V(s), the inspected cell; ./viewHash.ts) and classroom links (`hide=<ids>`,
 * plus `setup=<the teacher's settings>` once the student has changed something; ./classroom.ts) ride along.
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
import type { CompareOverrides, CompareState, Playground, PlaygroundStore } from './store';
import { classroomOf, parseHide, withClassroom, type ClassroomState } from './classroom';
import { clip, encode, splitPairs, syncLink, type HashHost } from './hashPairs';
import { checkCell, defaultLinkView, readViewPair, viewEntries, type LinkView } from './viewHash';

export type { HashHost } from './hashPairs';

/** Longest reward expression accepted from a link (the expression compiler's own limit). */
const MAX_REWARD_LENGTH = 200;

/** What a hash describes: a valid config and compare settings, and one line per ignored part. */
export interface HashState {
  /** The configuration (defaults wherever the hash said nothing usable). */
  config: RunConfig;
  /** Compare (A/B) settings. */
  compare: CompareState;
  /** Speed, play and display toggles. */
  view: LinkView;
  /** Hidden controls and the teacher's setup, or null for an ordinary link. */
  classroom: ClassroomState | null;
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
  return readLink(hash, false);
}

function readLink(hash: string, nested: boolean): HashState {
  const errors: string[] = [];
  const pairs = splitPairs(typeof hash === 'string' ? hash : '', errors);
  const configPairs: [string, string][] = [];
  const b: CompareOverrides = {};
  const view = defaultLinkView();
  let bGiven = false;
  let enabled = false;
  let hidden: string[] = [];
  let setup: string | undefined;
  for (const [name, raw] of pairs) {
    if (name === 'compare') {
      const r = parseField(boolSpec, raw);
      if ('error' in r) errors.push(r.error);
      else enabled = r.value === true;
    } else if (name.startsWith('b-')) {
      if (readOverride(b, name, raw, errors)) bGiven = true;
    } else if ((name === 'hide' || name === 'setup') && nested) {
      errors.push(`setup: ${name} inside the teacher's setup (ignored)`);
    } else if (name === 'hide') {
      const r = parseHide('playground', raw);
      if (r.error) errors.push(r.error);
      hidden = r.hidden;
    } else if (name === 'setup') {
      setup = raw;
    } else if (!readViewPair(view, name, raw, errors)) {
      configPairs.push([name, raw]);
    }
  }
  const { config, errors: configErrors } = parseConfig(configPairs);
  errors.push(...configErrors);
  checkCombination(config, errors);
  checkCell(view, config, errors);
  if (b.estimator === 'pathwise' && !supportsPathwise(config.env)) {
    errors.push(`b-estimator: pathwise does not apply to ${config.env} (ignored)`);
    delete b.estimator;
  }
  const compare = bGiven || enabled ? { enabled, b } : defaultCompare();
  const classroom = classroomOf(
    hidden,
    setup,
    writeHash(config, compare, view),
    (text) => {
      const inner = readLink(text, true);
      return { own: writeHash(inner.config, inner.compare, inner.view), errors: inner.errors };
    },
    errors,
  );
  return { config, compare, view, classroom, errors };
}

/**
 * The hash for a config, compare settings, view and classroom, *without* the leading `#`
 * (`env=bandit&seed=1`): `env`, `seed` and every non-default key; B's overrides only when comparing; in a
 * classroom `hide=` and, when the settings differ from the teacher's, `setup=`.
 */
export function writeHash(
  config: RunConfig,
  compare: CompareState,
  view: LinkView = defaultLinkView(),
  classroom: ClassroomState | null = null,
): string {
  const parts = configEntries(config).map(([k, v]) => `${k}=${encode(v)}`);
  if (compare.enabled) {
    parts.push('compare=1');
    for (const key of compareKeys) {
      const v = compare.b[key];
      if (v !== undefined) parts.push(`b-${nameOf(key)}=${encode(String(v))}`);
    }
  }
  for (const [k, v] of viewEntries(view, config)) parts.push(`${k}=${encode(v)}`);
  return withClassroom(parts.join('&'), classroom);
}

/** The store's link view. */
export function linkViewOf(s: Playground): LinkView {
  return {
    speed: s.speed,
    playing: s.playing,
    showTrueMeans: s.view.showTrueMeans,
    showValue: s.view.showValue,
    selectedCell: s.view.selectedCell,
  };
}

/** The hash (with `#`) that describes the store now. */
export function hashOf(store: PlaygroundStore): string {
  const s = store.getState();
  return `#${writeHash(s.config, s.compare, linkViewOf(s), s.classroom)}`;
}

/**
 * Applies a hash to the store through the validated reader, reporting ignored parts as one warning notice.
 * A hash without `hide=` leaves a classroom in progress alone when `keepClassroom` is set (loading a saved
 * experiment must not undo the teacher's hidden controls).
 */
export function applyLink(store: PlaygroundStore, hash: string, keepClassroom = false): void {
  const { config, compare, view, classroom, errors } = readHash(hash);
  applyToStore(store, config, compare, view);
  if (classroom || !keepClassroom) store.getState().setClassroom(classroom);
  if (errors.length > 0) store.getState().notify('warning', `Ignored in the link: ${errors.join('; ')}`);
}

/** "Restore the teacher's setup": reapplies the classroom's setup (the hidden controls stay hidden). */
export function restoreSetup(store: PlaygroundStore): void {
  const c = store.getState().classroom;
  if (!c) return;
  const { config, compare, view } = readHash(c.setup);
  applyToStore(store, config, compare, view);
}

/**
 * Keeps the store and the hash in step: applies the current hash to the store now and on every `hashchange`
 * (reporting ignored parts as one warning notice), and rewrites the hash with `history.replaceState` when the
 * config, compare settings, view or classroom change (at most once per `delayMs`). Returns a stopper.
 */
export function syncHash(store: PlaygroundStore, host: HashHost, delayMs = 300): () => void {
  return syncLink(
    host,
    {
      apply: (hash) => applyLink(store, hash),
      current: () => hashOf(store),
      watch: (changed) => [
        store.subscribe((s) => s.config, changed),
        store.subscribe((s) => s.compare, changed),
        store.subscribe((s) => s.view, changed),
        store.subscribe((s) => s.speed, changed),
        store.subscribe((s) => s.playing, changed),
        store.subscribe((s) => s.classroom, changed),
      ],
    },
    delayMs,
  );
}

/** Puts a read config, compare settings and view into the store with its ordinary actions. */
function applyToStore(
  store: PlaygroundStore,
  config: RunConfig,
  compare: CompareState,
  view: LinkView,
): void {
  const s = store.getState();
  s.setEnv(config.env);
  store.getState().setConfig(config);
  const now = store.getState().compare;
  const b: CompareOverrides = {};
  for (const key of compareKeys) (b as Record<string, unknown>)[key] = compare.b[key];
  const same =
    now.enabled === compare.enabled && compareKeys.every((k) => (now.b[k] ?? null) === (b[k] ?? null));
  if (!same) store.getState().setCompare({ enabled: compare.enabled, b });
  const { speed, playing, ...shown } = view;
  store.getState().setView(shown);
  store.getState().setSpeed(speed);
  store.getState().setPlaying(playing);
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
