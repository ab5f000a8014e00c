/**
 * The gradient lab's configuration: plain data, its schema (the link keys, bounds and help text), defaults
 * and presets. The presets reproduce the three panels of Mohamed, Rosca, Figurnov & Mnih (2020), Figs. 2–3
 * ("Monte Carlo Gradient Estimation in Machine Learning", §3): (z − k)² for k ∈ [−3, 3], exp(−k z²) for
 * k ∈ [0.1, 10] and cos(k z) for k ∈ [0.5, 5], all at μ = σ = 1; plus a step and a kink, where the pathwise
 * estimator is blind or merely biased-free but rough.
 */
import { parseField, type FieldSpec } from '../algos/config';
import { LAB_ESTIMATORS, type LabEstimator } from '../algos/lab/estimators';

/** Everything that defines what the lab shows; the link holds exactly this. */
export interface LabConfig {
  /** f(z) as typed (variable z, optional parameter k). */
  f: string;
  /** The parameter k of f. */
  k: number;
  /** Range of the variance-vs-k sweep. */
  kMin: number;
  kMax: number;
  /** Mean and standard deviation of z ~ N(μ, σ²). */
  mu: number;
  sigma: number;
  /** Single-sample estimates drawn per estimator for the histograms (common random numbers). */
  samples: number;
  /** Leave-one-out batch size N. */
  batch: number;
  /** Root seed of every draw in the lab. */
  seed: number;
  /** Gradient component of the sweep and variance-vs-N panels. */
  param: 'mu' | 'sigma';
  /** Target standard error τ of the variance-vs-N panel. */
  target: number;
  /** Estimators hidden from every panel (comma list in the link). */
  hide: LabEstimator[];
  /** Minimise or maximise E[f] in the race. */
  objective: 'min' | 'max';
  /** SGD step size of the race. */
  lr: number;
  /** Steps of the race. */
  steps: number;
  /** Single-sample estimates averaged per race step (also the leave-one-out batch there). */
  raceSamples: number;
  /** Start of the race. */
  mu0: number;
  sigma0: number;
}

/** Keys of {@link LabConfig}. */
export type LabKey = keyof LabConfig;

/** The box the race and its heatmap live in (projected SGD keeps every point inside). */
export const RACE_BOX = { muLo: -4, muHi: 4, sigmaLo: 0.05, sigmaHi: 3 } as const;

/** Longest f(z) accepted (the expression compiler's limit). */
export const MAX_F_LENGTH = 200;

/** Schema of every key: link name, type, bounds, help. */
export const labFields: readonly FieldSpec<LabKey>[] = [
  { key: 'f', name: 'f', kind: 'string', help: 'f(z), the function whose expectation is differentiated' },
  { key: 'k', name: 'k', kind: 'number', min: -100, max: 100, help: 'the parameter k of f' },
  { key: 'kMin', name: 'k-min', kind: 'number', min: -100, max: 100, help: 'sweep start' },
  { key: 'kMax', name: 'k-max', kind: 'number', min: -100, max: 100, help: 'sweep end' },
  { key: 'mu', name: 'mu', kind: 'number', min: -10, max: 10, help: 'mean μ of z' },
  { key: 'sigma', name: 'sigma', kind: 'number', min: 0.01, max: 10, help: 'standard deviation σ of z' },
  { key: 'samples', name: 'samples', kind: 'int', min: 100, max: 200_000, help: 'draws per histogram' },
  { key: 'batch', name: 'batch', kind: 'int', min: 2, max: 256, help: 'leave-one-out batch size N' },
  { key: 'seed', name: 'seed', kind: 'int', min: 0, max: 2_147_483_647, help: 'root seed' },
  { key: 'param', name: 'param', kind: 'enum', values: ['mu', 'sigma'], help: 'component shown' },
  { key: 'target', name: 'target', kind: 'number', min: 1e-6, max: 1e6, help: 'target standard error τ' },
  { key: 'hide', name: 'hide', kind: 'string', help: 'hidden estimators, comma-separated' },
  { key: 'objective', name: 'objective', kind: 'enum', values: ['min', 'max'], help: 'race direction' },
  { key: 'lr', name: 'lr', kind: 'number', min: 1e-5, max: 10, help: 'race step size' },
  { key: 'steps', name: 'steps', kind: 'int', min: 10, max: 400, help: 'race steps' },
  { key: 'raceSamples', name: 'race-samples', kind: 'int', min: 2, max: 256, help: 'samples per race step' },
  { key: 'mu0', name: 'mu0', kind: 'number', min: RACE_BOX.muLo, max: RACE_BOX.muHi, help: 'race start μ' },
  {
    key: 'sigma0',
    name: 'sigma0',
    kind: 'number',
    min: RACE_BOX.sigmaLo,
    max: RACE_BOX.sigmaHi,
    help: 'race start σ',
  },
];

/** The schema entry of a key. */
export function labSpec(key: LabKey): FieldSpec<LabKey> {
  return labFields.find((f) => f.key === key)!;
}

/** A preset f with its k range and race direction. */
export interface LabPreset {
  id: string;
  label: string;
  f: string;
  k: number;
  kMin: number;
  kMax: number;
  objective: 'min' | 'max';
  /** One line on what to look for. */
  lesson: string;
}

/** The presets, in menu order. */
export const LAB_PRESETS: readonly LabPreset[] = [
  {
    id: 'square',
    label: '(z − k)²',
    f: '(z - k)^2',
    k: 1,
    kMin: -3,
    kMax: 3,
    objective: 'min',
    lesson: 'Smooth and slowly varying: pathwise has far lower variance than any score-function estimator.',
  },
  {
    id: 'gauss',
    label: 'exp(−k z²)',
    f: 'exp(-k * z^2)',
    k: 5,
    kMin: 0.1,
    kMax: 10,
    objective: 'max',
    lesson: 'A sharp bump: for large k the pathwise estimator has higher variance than the score function.',
  },
  {
    id: 'cos',
    label: 'cos(k z)',
    f: 'cos(k * z)',
    k: 3,
    kMin: 0.5,
    kMax: 5,
    objective: 'min',
    lesson: 'High frequency: f′ swings by ±k, so for large k pathwise loses to the score function.',
  },
  {
    id: 'step',
    label: 'step z > k',
    f: 'z > k',
    k: 0.5,
    kMin: -3,
    kMax: 3,
    objective: 'max',
    lesson: 'Piecewise constant: f′ = 0 almost everywhere, so the pathwise estimator is blind (always 0).',
  },
  {
    id: 'abs',
    label: '|z − k|',
    f: 'abs(z - k)',
    k: 0.5,
    kMin: -3,
    kMax: 3,
    objective: 'min',
    lesson: 'A kink: f′ jumps from −1 to 1, yet pathwise stays unbiased and low-variance.',
  },
];

/** The preset whose f is exactly `f`, if any. */
export function findLabPreset(f: string): LabPreset | undefined {
  return LAB_PRESETS.find((p) => p.f === f.trim());
}

/** A fresh configuration (the cos(k z) preset at μ = σ = 1). */
export function defaultLabConfig(): LabConfig {
  const p = LAB_PRESETS.find((q) => q.id === 'cos')!;
  return {
    f: p.f,
    k: p.k,
    kMin: p.kMin,
    kMax: p.kMax,
    mu: 1,
    sigma: 1,
    samples: 4000,
    batch: 8,
    seed: 1,
    param: 'mu',
    target: 0.05,
    hide: [],
    objective: p.objective,
    lr: 0.05,
    steps: 200,
    raceSamples: 8,
    mu0: -1.5,
    sigma0: 1.5,
  };
}

/** The hidden-estimator list from its link form ("loo,muprop"); unknown names are errors. */
export function parseHidden(raw: string): { value: LabEstimator[] } | { error: string } {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = names.filter((n) => !(LAB_ESTIMATORS as readonly string[]).includes(n));
  if (bad.length > 0)
    return { error: `hide: unknown estimator ${bad[0]} (known: ${LAB_ESTIMATORS.join(', ')})` };
  return { value: LAB_ESTIMATORS.filter((n) => names.includes(n)) };
}

/** Parses one value of `key` from text (a link or a form field). */
export function parseLabValue(key: LabKey, raw: string): { value: LabConfig[LabKey] } | { error: string } {
  if (key === 'hide') return parseHidden(raw);
  const spec = labSpec(key);
  if (key === 'f') {
    const t = raw.trim();
    if (t === '' || t.length > MAX_F_LENGTH) return { error: `f must be 1 to ${MAX_F_LENGTH} characters` };
    return { value: t };
  }
  return parseField(spec, raw) as { value: LabConfig[LabKey] } | { error: string };
}

/**
 * Checks what no single field can: k-min < k-max, and k inside [−100, 100]. Returns messages and repairs
 * `config` in place (swap or default the sweep range).
 */
export function checkLabConfig(config: LabConfig): string[] {
  const errors: string[] = [];
  if (!(config.kMin < config.kMax)) {
    const d = findLabPreset(config.f) ?? { kMin: -3, kMax: 3 };
    errors.push(`k-min must be less than k-max (using ${d.kMin} to ${d.kMax})`);
    config.kMin = d.kMin;
    config.kMax = d.kMax;
  }
  return errors;
}

/** The link entries of a config: every value that differs from the defaults, in schema order. */
export function labEntries(config: LabConfig): [string, string][] {
  const d = defaultLabConfig();
  const out: [string, string][] = [];
  for (const f of labFields) {
    const v = config[f.key];
    const text = Array.isArray(v) ? v.join(',') : String(v);
    const dv = d[f.key];
    const dText = Array.isArray(dv) ? dv.join(',') : String(dv);
    if (text !== dText || f.key === 'f') out.push([f.name, text]);
  }
  return out;
}
