/**
 * The "Agent" section: estimator, baseline, step sizes, discount, batch, optimizer and seed. Baseline, rates,
 * γ, batch and optimizer apply live (even while playing); estimator and seed rebuild the run.
 */
import { supportsPathwise } from '../algos/config';
import type { PlaygroundStore } from '../state/store';
import { hideable } from './classroom';
import { el, formatNumber, Scope } from './dom';
import { configNumber, configSelect, type Field } from './fields';
import { baselineLabels, estimatorLabels, optimizerLabels, pathwiseUnavailable } from './labels';

/** Range of the learning-rate slider, in log₁₀ units. */
export const LR_SLIDER = { min: -5, max: 1, step: 0.05 } as const;

/** Disables the pathwise option (with an explanation) where it does not apply. */
export function guardPathwise(select: HTMLSelectElement, hint: HTMLElement, ok: boolean): void {
  const option = select.querySelector<HTMLOptionElement>('option[value="pathwise"]');
  if (!option) return;
  option.disabled = !ok;
  if (ok) option.removeAttribute('title');
  else option.title = pathwiseUnavailable;
  hint.textContent = ok ? '' : pathwiseUnavailable;
}

/** The estimator menu with its availability hint (`cfg-estimator`, `cfg-estimator-hint`). */
function estimatorField(store: PlaygroundStore): Field {
  const scope = new Scope();
  const field = configSelect(store, 'estimator', 'Estimator', estimatorLabels);
  scope.add(() => field.dispose());
  const hint = el('p', { id: 'cfg-estimator-hint', class: 'field-hint' });
  field.control.setAttribute('aria-describedby', `${hint.id} cfg-estimator-error`);
  field.control.after(hint);
  const guard = () => guardPathwise(field.control, hint, supportsPathwise(store.getState().config.env));
  guard();
  scope.add(store.subscribe((s) => s.config.env, guard));
  return { root: field.root, control: field.control, dispose: () => scope.dispose() };
}

/** A log-scale slider for the learning rate (`cfg-lr-log`), next to the exact number field. */
function lrSlider(store: PlaygroundStore): Field<HTMLInputElement> {
  const scope = new Scope();
  const input = el('input', {
    id: 'cfg-lr-log',
    attrs: { type: 'range', min: LR_SLIDER.min, max: LR_SLIDER.max, step: LR_SLIDER.step },
  });
  const show = (lr: number) => {
    const x = Math.log10(lr);
    input.value = String(Math.max(LR_SLIDER.min, Math.min(LR_SLIDER.max, x)));
    input.setAttribute('aria-valuetext', `learning rate ${formatNumber(lr)}`);
  };
  show(store.getState().config.lr);
  scope.listen(input, 'input', () => {
    const lr = Number((10 ** Number(input.value)).toPrecision(2));
    if (Number.isFinite(lr) && lr > 0) store.getState().setConfig({ lr });
  });
  scope.add(store.subscribe((s) => s.config.lr, show));
  const root = el('div', { class: 'field field-slider' }, [
    el('label', { text: 'Learning rate (log scale)', attrs: { for: input.id } }),
    input,
  ]);
  return { root, control: input, dispose: () => scope.dispose() };
}

/** Mounts the Agent section into `parent`; returns its cleanup. */
export function mountAgentSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  // each field with its classroom id (src/state/classroom.ts)
  const tagged: [Field, string][] = [
    [estimatorField(store), 'estimator'],
    [configSelect(store, 'baseline', 'Baseline', baselineLabels), 'baseline'],
    [configNumber(store, 'lr', 'Learning rate'), 'lr'],
    [lrSlider(store), 'lr'],
    [configNumber(store, 'baselineLr', 'Baseline rate'), 'baseline-lr'],
    [configNumber(store, 'gamma', 'Discount γ'), 'gamma'],
    [configNumber(store, 'batch', 'Batch size'), 'batch'],
    [configSelect(store, 'optimizer', 'Optimizer', optimizerLabels), 'optimizer'],
    [configNumber(store, 'seed', 'Seed'), 'seed'],
  ];
  const fields = tagged.map(([f, id]) => (hideable(f.root, id), f));
  const section = el(
    'section',
    { id: 'section-agent', class: 'panel', attrs: { 'aria-labelledby': 'h-agent' } },
    [el('h2', { id: 'h-agent', text: 'Agent' }), ...fields.map((f) => f.root)],
  );
  parent.append(hideable(section, 'agent'));
  return () => {
    for (const f of fields) f.dispose();
    section.remove();
  };
}
