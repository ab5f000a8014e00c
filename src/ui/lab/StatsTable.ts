/**
 * The lab's numbers as a table (under the charts): per estimator and gradient component, the Monte Carlo mean
 * ± standard error next to the exact gradient, the sample variance next to the exact variance, and the samples
 * needed for a standard error ≤ τ; then the race's arrival steps. Text, so it can be read, copied, and
 * checked by screen readers and tests. Rows follow the estimator colours of the charts.
 */
import { ESTIMATOR_LABELS, LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';
import type { LabStore, LabSummary } from '../../state/labStore';
import { exponential } from '../../core/format';
import { el, formatCompact, groupDigits, Scope } from '../dom';

/** Swatch colours per estimator (CSS), from the render layer's palette, passed in by the caller. */
export type EstimatorCss = Readonly<Record<LabEstimator, string>>;

function needed(n: number): string {
  if (Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return 'never';
  return n >= 1e7 ? exponential(n, 1, false) : groupDigits(n);
}

/** The numbers table (`table#lab-stats`) and the race table (`table#lab-race`). */
export class StatsTable {
  readonly root: HTMLElement;
  private readonly scope = new Scope();

  constructor(store: LabStore, colors: EstimatorCss) {
    const caption = el('caption');
    const head = el('thead', {}, [
      el('tr', {}, [
        el('th', { text: '', attrs: { scope: 'col', rowspan: 2 } }),
        el('th', { text: '∂/∂μ', attrs: { scope: 'colgroup', colspan: 4 } }),
        el('th', { text: '∂/∂σ', attrs: { scope: 'colgroup', colspan: 4 } }),
      ]),
      el('tr', {}, [
        ...[
          'mean ± SE',
          'variance',
          'exact var',
          'N for τ',
          'mean ± SE',
          'variance',
          'exact var',
          'N for τ',
        ].map((t) => el('th', { text: t, attrs: { scope: 'col' } })),
      ]),
    ]);
    const body = el('tbody');
    const table = el('table', { id: 'lab-stats', class: 'numbers lab-numbers' }, [caption, head, body]);
    const raceBody = el('tbody');
    const raceCaption = el('caption');
    const race = el('table', { id: 'lab-race', class: 'numbers lab-numbers' }, [
      raceCaption,
      el('thead', {}, [
        el('tr', {}, [
          el('th', { text: 'estimator', attrs: { scope: 'col' } }),
          el('th', { text: 'arrives at step', attrs: { scope: 'col' } }),
          el('th', { text: 'final E[f]', attrs: { scope: 'col' } }),
          el('th', {
            text: 'path / straight',
            attrs: { scope: 'col', title: 'length of the path over the straight distance: 1 = no wandering' },
          }),
        ]),
      ]),
      raceBody,
    ]);
    this.root = el('section', { class: 'lab-tables', attrs: { 'aria-label': 'Numbers' } }, [table, race]);

    const swatch = (name: LabEstimator) =>
      el('th', { attrs: { scope: 'row' } }, [
        el('span', {
          class: 'swatch',
          attrs: { style: `background:${colors[name]}`, 'aria-hidden': 'true' },
        }),
        ESTIMATOR_LABELS[name],
      ]);
    const render = (sum: LabSummary | null, hidden: readonly LabEstimator[], target: number) => {
      if (!sum) return;
      caption.textContent =
        `${groupDigits(sum.samples)} single-sample estimates per estimator, on the same draws. ` +
        `E[f] = ${formatCompact(sum.value, 4)}, exact ∇ = (${formatCompact(sum.grad.mu, 4)}, ` +
        `${formatCompact(sum.grad.sigma, 4)}); τ = ${formatCompact(target)}.`;
      const shown = LAB_ESTIMATORS.filter((n) => !hidden.includes(n));
      body.replaceChildren(
        ...shown.map((name) => {
          const cells: HTMLElement[] = [swatch(name)];
          for (const param of ['mu', 'sigma'] as const) {
            const r = sum.rows[name][param];
            cells.push(
              el('td', { text: `${formatCompact(r.mean, 3)} ± ${formatCompact(r.standardError, 2)}` }),
              el('td', { text: formatCompact(r.variance, 3) }),
              el('td', { text: formatCompact(r.exactVariance, 3) }),
              el('td', { text: r.biased ? 'biased' : needed(r.needed) }),
            );
          }
          return el('tr', { attrs: { 'data-estimator': name } }, cells);
        }),
      );
      raceCaption.textContent = `Race: ${sum.raceStatus || 'waiting'}`;
      raceBody.replaceChildren(
        ...shown.map((name) => {
          const r = sum.race[name];
          return el('tr', { attrs: { 'data-estimator': name } }, [
            swatch(name),
            el('td', { text: r.arrival >= 0 ? String(r.arrival) : '—' }),
            el('td', { text: formatCompact(r.final, 4) }),
            el('td', { text: Number.isFinite(r.wander) ? `${formatCompact(r.wander, 3)}×` : '—' }),
          ]);
        }),
      );
    };
    const again = () => {
      const s = store.getState();
      render(s.summary, s.config.hide, s.config.target);
    };
    again();
    this.scope.add(store.subscribe((s) => s.summary, again));
    this.scope.add(store.subscribe((s) => s.config.hide, again));
  }

  dispose(): void {
    this.scope.dispose();
    this.root.remove();
  }
}
