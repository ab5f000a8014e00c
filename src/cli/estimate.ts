/**
 * `estimate`: compares gradient estimators of ∇_{μ,σ} E[f(z)], z ~ N(μ, σ²), for a typed f(z): the exact
 * value and gradient by quadrature, and for each estimator the Monte Carlo mean and the per-sample variance
 * of its single-sample estimate (which does not shrink with --samples), beside the exact variance.
 */
import { estimateReport, type EstimateReport } from '../algos/estimateReport';
import { breakpointSearch, breakpointsNear } from '../algos/lab/breakpoints';
import { UsageError, intFlag, numberFlag, takeFlag } from './args';

/** The JSON document `estimate --json` prints. */
export type EstimateCommandReport = {
  command: 'estimate';
  f: string;
  smoothness: string;
  note?: string;
} & EstimateReport;

/** Runs the estimate command on the given flags. */
export async function estimate(flags: [string, string][]): Promise<EstimateCommandReport> {
  const text = takeFlag(flags, 'f');
  if (text === undefined) throw new UsageError('estimate needs --f "<expression in z>", e.g. --f "cos(3*z)"');
  const mu = numberFlag('mu', takeFlag(flags, 'mu'), 0);
  const sigma = numberFlag('sigma', takeFlag(flags, 'sigma'), 1, true);
  const samples = intFlag('samples', takeFlag(flags, 'samples'), 100_000, 2, 100_000_000);
  const seed = intFlag('seed', takeFlag(flags, 'seed'), 1, 0, 4294967295);
  const batch = intFlag('batch', takeFlag(flags, 'batch'), 8, 2, 4096);
  if (flags.length > 0) throw new UsageError(`unknown option --${flags[0][0]} for estimate`);
  const { compileExpression } = await import('../expr');
  const compiled = compileExpression(text, { variable: 'z' });
  if (!compiled.ok) throw new UsageError(`--f: ${compiled.error}`);
  const fn = compiled.value;
  // jumps and kinks become quadrature panel edges, exactly as in the lab (so both give the same numbers)
  const breakpoints = breakpointsNear(fn.f, fn.df, mu, sigma, breakpointSearch(fn));
  const report = estimateReport(fn.f, fn.df, mu, sigma, samples, seed, { batch, breakpoints });
  const note = fn.pathwiseBlind
    ? 'f is piecewise constant: its derivative is zero almost everywhere, so the pathwise estimator is blind here'
    : fn.smoothness === 'kinked'
      ? 'f is not differentiable everywhere (a kink): the pathwise estimator is still unbiased if f is continuous'
      : undefined;
  return {
    command: 'estimate',
    f: fn.source,
    smoothness: fn.smoothness,
    ...(note ? { note } : {}),
    ...report,
  };
}

/** A readable table of the report. */
export function formatEstimateTable(r: EstimateCommandReport): string {
  const e = r.exact;
  const lines = [
    `f(z) = ${r.f},  z ~ N(${r.mu}, ${r.sigma}²),  ${r.samples} samples, seed ${r.seed}`,
    `exact: E[f] = ${g(e.value)},  ∂/∂μ = ${g(e.grad.mu)},  ∂/∂σ = ${g(e.grad.sigma)}`,
  ];
  if (r.note) lines.push(`note: ${r.note}`);
  lines.push(
    ['estimator', 'mean ∂μ', 'var ∂μ', 'exact var ∂μ', 'mean ∂σ', 'var ∂σ', 'exact var ∂σ']
      .map((h, i) => (i === 0 ? h.padEnd(14) : h.padStart(13)))
      .join(''),
  );
  for (const [name, s] of Object.entries(r.estimators)) {
    const cells = [
      s.mean.mu,
      s.variance.mu,
      s.exactVariance.mu,
      s.mean.sigma,
      s.variance.sigma,
      s.exactVariance.sigma,
    ];
    lines.push(name.padEnd(14) + cells.map((x) => g(x).padStart(13)).join(''));
  }
  return lines.join('\n');
}

function g(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(5) : String(x);
}
