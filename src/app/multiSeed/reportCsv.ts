/**
 * The current run as CSV: one row per episode; for each arm (A, B) and metric (return, optimal action,
 * length) the mean, its standard error and the 95% confidence interval mean ± t₀.₉₇₅(R − 1)·se (Student's t
 * over R runs; empty for one run). A `#` line first names each arm's configuration. RFC 4180, numbers as the
 * report has them (8 significant digits).
 */
import { ci95Multiplier } from '../../algos/studentT';
import { metricKeys, type TrainReport } from '../../algos/trainReport';

/** Short summary of a report's configuration: "bandit · score · average · lr 0.1 · seed 1 · 30 runs". */
export function reportSummary(r: TrainReport): string {
  const c = r.config;
  const how = c.estimator === 'pathwise' ? 'pathwise' : `score · ${c.baseline}`;
  return `${c.env} · ${how} · lr ${c.lr} · seed ${c.seed} · ${r.runs} ${r.runs === 1 ? 'run' : 'runs'}`;
}

function cell(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** CSV of the reports (arms A, B, … in order); rows up to the longest report's episodes. */
export function reportsCsv(reports: readonly TrainReport[]): string {
  const arms = reports.map((_, i) => String.fromCharCode(65 + i));
  const head = ['episode'];
  const cols: { mean: number[]; se: number[]; t: number }[] = [];
  reports.forEach((r, i) => {
    const t = ci95Multiplier(r.runs);
    for (const k of metricKeys) {
      const s = r.metrics[k];
      if (!s) continue;
      head.push(...['mean', 'se', 'lo95', 'hi95'].map((w) => `${arms[i]}_${k}_${w}`));
      cols.push({ mean: s.mean, se: s.se, t });
    }
  });
  const note = reports.map((r, i) => `${arms[i]}: ${reportSummary(r)}`).join('; ');
  const lines = [`"# ${note.replace(/"/g, '""')}"`, head.join(',')];
  const n = Math.max(...reports.map((r) => r.episodes));
  for (let e = 0; e < n; e++) {
    const row = [String(e + 1)];
    for (const c of cols) {
      const m = c.mean[e] ?? NaN;
      const h = c.t * (c.se[e] ?? NaN);
      row.push(cell(m), cell(c.se[e] ?? NaN), cell(m - h), cell(m + h));
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
