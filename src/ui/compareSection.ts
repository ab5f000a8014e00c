/**
 * The "Compare (A/B)" section: a checkbox that adds agent B, and B's differences from A (estimator, baseline,
 * learning rate; empty means "same as A"). B runs on A's environment with the same random numbers, so the
 * difference between the two curves is the effect of the setting, not luck.
 */
import { baselineKinds } from '../algos/baselines';
import { estimatorKinds, supportsPathwise, type EstimatorKind } from '../algos/config';
import type { BaselineKind } from '../algos/baselines';
import type { CompareOverrides, PlaygroundStore } from '../state/store';
import { guardPathwise } from './agentSection';
import { hideable } from './classroom';
import { el, Scope } from './dom';
import { checkboxField, numberField, selectField, specOf, type Choice } from './fields';
import { baselineLabels, estimatorLabels } from './labels';

const SAME = '';
const same: Choice = { value: SAME, label: 'Same as A' };

/** Mounts the Compare section into `parent`; returns its cleanup. */
export function mountCompareSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  const scope = new Scope();
  const setB = (b: CompareOverrides) => store.getState().setCompare({ b });
  const enabled = checkboxField(store, {
    id: 'cmp-enabled',
    label: 'Compare A/B',
    read: (s) => s.compare.enabled,
    write: (v) => store.getState().setCompare({ enabled: v }),
  });
  const estimator = selectField(store, {
    id: 'cmp-estimator',
    label: 'Estimator (B)',
    choices: [same, ...estimatorKinds.map((k) => ({ value: k, label: estimatorLabels[k] }))],
    read: (s) => s.compare.b.estimator ?? SAME,
    write: (v) => setB({ estimator: v === SAME ? undefined : (v as EstimatorKind) }),
  });
  const hint = el('p', { id: 'cmp-estimator-hint', class: 'field-hint' });
  estimator.control.after(hint);
  estimator.control.setAttribute('aria-describedby', `${hint.id} cmp-estimator-error`);
  const guard = () => guardPathwise(estimator.control, hint, supportsPathwise(store.getState().config.env));
  guard();
  scope.add(store.subscribe((s) => s.config.env, guard));
  const baseline = selectField(store, {
    id: 'cmp-baseline',
    label: 'Baseline (B)',
    choices: [same, ...baselineKinds.map((k) => ({ value: k, label: baselineLabels[k] }))],
    read: (s) => s.compare.b.baseline ?? SAME,
    write: (v) => setB({ baseline: v === SAME ? undefined : (v as BaselineKind) }),
  });
  const lr = numberField(store, {
    id: 'cmp-lr',
    label: 'Learning rate (B)',
    spec: specOf('lr'),
    emptyMeans: 'same as A',
    read: (s) => s.compare.b.lr,
    write: (v) => setB({ lr: v }),
  });
  const fields = [enabled, estimator, baseline, lr];
  scope.add(() => fields.forEach((f) => f.dispose()));

  const options = el('div', { id: 'cmp-options', class: 'compare-options' }, [
    el('p', { class: 'field-hint', text: "B shares A's environment and random numbers." }),
    estimator.root,
    baseline.root,
    lr.root,
  ]);
  const show = (on: boolean) => void (options.hidden = !on);
  show(store.getState().compare.enabled);
  scope.add(store.subscribe((s) => s.compare.enabled, show));

  const section = el(
    'section',
    { id: 'section-compare', class: 'panel', attrs: { 'aria-labelledby': 'h-compare' } },
    [el('h2', { id: 'h-compare', text: 'Compare (A/B)' }), enabled.root, options],
  );
  parent.append(hideable(section, 'compare'));
  scope.add(() => section.remove());
  return () => scope.dispose();
}
