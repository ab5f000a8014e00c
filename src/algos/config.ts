/**
 * A run's configuration as plain data, and its one schema: the same keys are the CLI's flags
 * (`--arm-mean 4`) and the playground's URL hash (`#arm-mean=4`), so a link and a command describe the same
 * run. Parsing validates every value and reports each problem as one line naming the key.
 */
import { baselineKinds, type BaselineKind } from './baselines';
import { optimizerKinds, type OptimizerKind } from './optimizers';

/** Environment ids, in menu order. */
export const runEnvIds = [
  'bandit',
  'gridworld',
  'short-corridor',
  'continuous-bandit',
  'point-mass',
] as const;
/** One of {@link runEnvIds}. */
export type RunEnvId = (typeof runEnvIds)[number];
/** Gradient estimators. */
export const estimatorKinds = ['score', 'pathwise'] as const;
/** One of {@link estimatorKinds}. */
export type EstimatorKind = (typeof estimatorKinds)[number];

/** Everything that defines a run (environment, agent, seed). */
export interface RunConfig {
  /** Environment id. */
  env: RunEnvId;
  /** Bandit: number of arms. */
  arms: number;
  /** Bandit: mean of the q*(a) draw (S&B Fig. 2.5 uses 4). */
  armMean: number;
  /** Bandit: standard deviation of the q*(a) draw. */
  armSd: number;
  /** Bandit: reward noise standard deviation. */
  rewardSd: number;
  /** Bandit: 0/1 rewards. */
  bernoulli: boolean;
  /** Gridworld: preset id or map text (rows separated by `/`). */
  map: string;
  /** Gridworld: probability that a random action replaces the chosen one. */
  slip: number;
  /** Continuous bandit: reward r(a) as an expression in `a`. */
  reward: string;
  /** Step limit (gridworld, corridor) or fixed episode length (point mass). */
  horizon: number;
  /** Short corridor: initial π(right). */
  initProbRight: number;
  /** Gradient estimator (pathwise only for the continuous envs). */
  estimator: EstimatorKind;
  /** Baseline of the score estimator. */
  baseline: BaselineKind;
  /** Policy learning rate. */
  lr: number;
  /** Baseline rate (learned-V step size, EMA rate). */
  baselineLr: number;
  /** Discount γ. */
  gamma: number;
  /** Episodes per update. */
  batch: number;
  /** Optimizer. */
  optimizer: OptimizerKind;
  /** Root seed. */
  seed: number;
}

export type Kind = 'int' | 'number' | 'bool' | 'string' | 'enum';

/** One configuration key: its flag/hash name, type, range and help text. */
export interface FieldSpec<K extends string = keyof RunConfig> {
  /** Property of the config it describes ({@link RunConfig} by default). */
  readonly key: K;
  /** Flag and hash name (kebab-case). */
  readonly name: string;
  /** Value type. */
  readonly kind: Kind;
  /** Allowed values of an enum. */
  readonly values?: readonly string[];
  /** Inclusive lower bound (numbers). */
  readonly min?: number;
  /** Inclusive upper bound (numbers). */
  readonly max?: number;
  /** Exclusive bounds instead of inclusive. */
  readonly open?: boolean;
  /** One line of help. */
  readonly help: string;
}

/** The schema, in help order. */
export const configFields: readonly FieldSpec[] = [
  { key: 'env', name: 'env', kind: 'enum', values: runEnvIds, help: 'environment' },
  { key: 'arms', name: 'arms', kind: 'int', min: 2, max: 1000, help: 'bandit: number of arms' },
  { key: 'armMean', name: 'arm-mean', kind: 'number', min: -1e6, max: 1e6, help: 'bandit: mean of q*(a)' },
  { key: 'armSd', name: 'arm-sd', kind: 'number', min: 0, max: 1e6, help: 'bandit: sd of q*(a)' },
  { key: 'rewardSd', name: 'reward-sd', kind: 'number', min: 0, max: 1e6, help: 'bandit: reward noise sd' },
  { key: 'bernoulli', name: 'bernoulli', kind: 'bool', help: 'bandit: 0/1 rewards' },
  { key: 'map', name: 'map', kind: 'string', help: 'gridworld: preset id or rows separated by /' },
  { key: 'slip', name: 'slip', kind: 'number', min: 0, max: 1, help: 'gridworld: slip probability' },
  { key: 'reward', name: 'reward', kind: 'string', help: 'continuous bandit: r(a), e.g. "-(a-2)^2"' },
  { key: 'horizon', name: 'horizon', kind: 'int', min: 1, max: 100000, help: 'step limit / episode length' },
  {
    key: 'initProbRight',
    name: 'init-prob-right',
    kind: 'number',
    min: 0,
    max: 1,
    open: true,
    help: 'corridor: initial π(right)',
  },
  {
    key: 'estimator',
    name: 'estimator',
    kind: 'enum',
    values: ['score', 'pathwise'],
    help: 'gradient estimator',
  },
  {
    key: 'baseline',
    name: 'baseline',
    kind: 'enum',
    values: baselineKinds,
    help: 'baseline (score estimator)',
  },
  { key: 'lr', name: 'lr', kind: 'number', min: 0, max: 1e6, open: true, help: 'learning rate' },
  {
    key: 'baselineLr',
    name: 'baseline-lr',
    kind: 'number',
    min: 0,
    max: 1,
    help: 'learned-V step size / EMA rate',
  },
  { key: 'gamma', name: 'gamma', kind: 'number', min: 0, max: 1, help: 'discount γ' },
  { key: 'batch', name: 'batch', kind: 'int', min: 1, max: 4096, help: 'episodes per update' },
  { key: 'optimizer', name: 'optimizer', kind: 'enum', values: optimizerKinds, help: 'sgd or adam' },
  { key: 'seed', name: 'seed', kind: 'int', min: 0, max: 4294967295, help: 'root seed' },
];

const common = {
  arms: 10,
  armMean: 0,
  armSd: 1,
  rewardSd: 1,
  bernoulli: false,
  map: 'open5x5',
  slip: 0,
  reward: '-(a - 2)^2',
  horizon: 100,
  initProbRight: 0.05,
  estimator: 'score',
  baseline: 'average',
  lr: 0.1,
  baselineLr: 0.1,
  gamma: 1,
  batch: 1,
  optimizer: 'sgd',
  seed: 1,
} as const;

/** Per-environment defaults (values S&B or the presets use). */
const perEnv: Record<RunEnvId, Partial<RunConfig>> = {
  bandit: {},
  gridworld: { baseline: 'learned', gamma: 0.99, horizon: 100 },
  // S&B Fig. 13.2: REINFORCE with baseline, α^θ = 2⁻⁹, α^w = 2⁻⁶, from π(right) = 0.05
  'short-corridor': { baseline: 'learned', lr: 2 ** -9, baselineLr: 2 ** -6, horizon: 1000 },
  'continuous-bandit': { estimator: 'pathwise', baseline: 'ema', lr: 0.05 },
  'point-mass': { estimator: 'pathwise', baseline: 'learned', lr: 0.01, optimizer: 'adam', horizon: 50 },
};

/** The default configuration of an environment. */
export function defaultConfig(env: RunEnvId = 'bandit'): RunConfig {
  return { env, ...common, ...perEnv[env] } as RunConfig;
}

/** Environments where the pathwise estimator applies (differentiable reward, Gaussian policy). */
export function supportsPathwise(env: RunEnvId): boolean {
  return env === 'continuous-bandit' || env === 'point-mass';
}

/** The field with flag/hash name `name`, if any. */
export function fieldByName(name: string): FieldSpec | undefined {
  return configFields.find((f) => f.name === name);
}

/** Parses one raw value for a field; returns the value or a one-line error naming the key. */
export function parseField(
  f: FieldSpec<string>,
  raw: string,
  prefix = '',
): { value: RunConfig[keyof RunConfig] } | { error: string } {
  const v = raw.trim();
  const name = prefix + f.name;
  switch (f.kind) {
    case 'bool':
      if (v === '' || v === 'true' || v === '1') return { value: true };
      if (v === 'false' || v === '0') return { value: false };
      return { error: `${name} must be true or false (got "${clip(raw)}")` };
    case 'enum':
      if (f.values!.includes(v)) return { value: v as RunConfig['env'] };
      return { error: `${name} must be one of ${f.values!.join(', ')} (got "${clip(raw)}")` };
    case 'string':
      if (v.length > 2000) return { error: `${name} is too long (${v.length} characters, at most 2000)` };
      return { value: v };
    default: {
      const x = v === '' ? NaN : Number(v);
      const lo = f.min ?? -Infinity;
      const hi = f.max ?? Infinity;
      const inRange = f.open ? x > lo && x < hi : x >= lo && x <= hi;
      if (!Number.isFinite(x) || !inRange || (f.kind === 'int' && !Number.isInteger(x))) {
        const what = f.kind === 'int' ? 'an integer' : 'a number';
        const range = f.open ? `in (${lo}, ${hi})` : `in [${lo}, ${hi}]`;
        return { error: `${name} must be ${what} ${range} (got "${clip(raw)}")` };
      }
      return { value: x };
    }
  }
}

/**
 * Builds a config from `name → raw value` pairs on top of the defaults of the `env` given among them (or
 * `base`). Unknown names and bad values are skipped and reported, one line each, names written with
 * `prefix` (`--` for the CLI); the rest still apply.
 */
export function parseConfig(
  entries: Iterable<readonly [string, string]>,
  base?: RunConfig,
  prefix = '',
): { config: RunConfig; errors: string[] } {
  const list = [...entries];
  const errors: string[] = [];
  const envEntry = list.find(([k]) => k === 'env');
  let config = base ? { ...base } : defaultConfig();
  if (envEntry) {
    const r = parseField(configFields[0], envEntry[1], prefix);
    if ('error' in r) errors.push(r.error);
    else config = base && base.env === r.value ? { ...base } : defaultConfig(r.value as RunEnvId);
  }
  const rec = config as unknown as Record<string, unknown>;
  for (const [name, raw] of list) {
    if (name === 'env') continue;
    const f = fieldByName(name);
    if (!f) {
      errors.push(`unknown option ${prefix}${clip(name)}`);
      continue;
    }
    const r = parseField(f, raw, prefix);
    if ('error' in r) errors.push(r.error);
    else rec[f.key] = r.value;
  }
  return { config, errors };
}

/** The `name → value` pairs that differ from the env's defaults (`env` and `seed` always included). */
export function configEntries(config: RunConfig): [string, string][] {
  const d = defaultConfig(config.env);
  const out: [string, string][] = [];
  for (const f of configFields) {
    const v = config[f.key];
    if (f.key === 'env' || f.key === 'seed' || v !== d[f.key]) out.push([f.name, String(v)]);
  }
  return out;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
