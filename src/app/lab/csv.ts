/**
 * CSV exports of what the lab shows: the histograms (bin edges and counts per estimator and component, then
 * each estimator's moments) and the variance-vs-k sweep (exact per-sample variance per estimator and
 * component at each k). Plain RFC 4180 text with a header row; numbers at full precision.
 */
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { LAB_PARAMS, type LabFrame } from './frame';

function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Bin table (`component,bin_lo,bin_hi,<estimator>…`) followed by a blank line and the moments table. */
export function histogramsCsv(frame: LabFrame): string {
  const lines: string[] = [];
  lines.push(`# f(z) = ${frame.source}; mu = ${frame.mu}; sigma = ${frame.sigma}; k = ${frame.k}`);
  lines.push(['component', 'bin_lo', 'bin_hi', ...LAB_ESTIMATORS].join(','));
  for (const param of LAB_PARAMS) {
    const h = frame.hist[param];
    const w = (h.hi - h.lo) / h.bins;
    lines.push([param, '-inf', num(h.lo), ...LAB_ESTIMATORS.map((n) => String(h.under[n]))].join(','));
    for (let b = 0; b < h.bins; b++) {
      const cells = LAB_ESTIMATORS.map((n) => String(h.counts[n][b]));
      lines.push([param, num(h.lo + b * w), num(h.lo + (b + 1) * w), ...cells].join(','));
    }
    lines.push([param, num(h.hi), 'inf', ...LAB_ESTIMATORS.map((n) => String(h.over[n]))].join(','));
  }
  lines.push('');
  lines.push(
    'component,estimator,count,mean,standard_error,variance,variance_standard_error,exact_mean,exact_variance',
  );
  for (const param of LAB_PARAMS) {
    for (const name of LAB_ESTIMATORS) {
      const s = frame.hist[param].stats[name];
      lines.push(
        [
          param,
          name,
          String(s.count),
          num(s.mean),
          num(s.standardError),
          num(s.variance),
          num(s.varianceStandardError),
          num(s.exactMean),
          num(s.exactVariance),
        ].join(','),
      );
    }
  }
  return lines.map((l) => (l.startsWith('#') ? quote(l) : l)).join('\n') + '\n';
}

/** `k,<estimator>_mu…,<estimator>_sigma…` rows of the last finished sweep (empty body if none). */
export function sweepCsv(frame: LabFrame): string {
  const sw = frame.sweep;
  const lines: string[] = [];
  lines.push(quote(`# f(z) = ${frame.source}; mu = ${sw.mu}; sigma = ${sw.sigma}; per-sample variances`));
  lines.push(['k', ...LAB_PARAMS.flatMap((p) => LAB_ESTIMATORS.map((n) => `${n}_${p}`))].join(','));
  for (let i = 0; i < sw.n; i++) {
    const cells = LAB_PARAMS.flatMap((p) => LAB_ESTIMATORS.map((n) => num(sw.variance[n][p][i])));
    lines.push([num(sw.k[i]), ...cells].join(','));
  }
  return lines.join('\n') + '\n';
}
