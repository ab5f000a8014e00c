/**
 * Controls bound to the lab store: a slider paired with a number field (the slider moves the value live
 * while dragged; the number field takes any value the schema allows and explains a refused one inline), and
 * number / select fields for the lab's config keys (ids `lab-<link name>`).
 */
import { labSpec, type LabConfig, type LabKey } from '../../state/labConfig';
import type { Lab, LabStore } from '../../state/labStore';
import { el, Scope } from '../dom';
import { numberField, selectField, type Choice, type Field } from '../fields';

/** Options of {@link sliderField}. */
export interface SliderOptions {
  key: LabKey & ('mu' | 'sigma' | 'k' | 'mu0' | 'sigma0');
  label: string;
  /** Slider range (the number field accepts the schema's wider range); a function follows the state. */
  range: (s: Lab) => readonly [number, number];
  step: number;
}

/** A labelled number field (`lab-<name>`) with a range slider (`lab-<name>-range`) under it. */
export function sliderField(store: LabStore, o: SliderOptions): Field<HTMLInputElement> {
  const scope = new Scope();
  const spec = labSpec(o.key);
  const num = numberField(store, {
    id: `lab-${spec.name}`,
    label: o.label,
    spec,
    read: (s) => s.config[o.key],
    write: (v) => store.getState().setConfig({ [o.key]: v } as Partial<LabConfig>),
  });
  scope.add(() => num.dispose());
  const slider = el('input', {
    id: `lab-${spec.name}-range`,
    attrs: { type: 'range', step: o.step, 'aria-label': `${o.label} slider` },
  });
  const show = () => {
    const s = store.getState();
    const [lo, hi] = o.range(s);
    slider.min = String(lo);
    slider.max = String(hi);
    slider.value = String(s.config[o.key]);
  };
  show();
  scope.listen(slider, 'input', () => {
    const v = Number(slider.value);
    if (Number.isFinite(v) && v !== store.getState().config[o.key]) {
      store.getState().setConfig({ [o.key]: v } as Partial<LabConfig>);
    }
  });
  scope.add(store.subscribe((s) => s.config, show));
  num.root.append(slider);
  num.root.classList.add('field-slider');
  return { root: num.root, control: num.control, dispose: () => scope.dispose() };
}

/** A number field for a lab config key. */
export function labNumber(store: LabStore, key: LabKey, label: string): Field<HTMLInputElement> {
  const spec = labSpec(key);
  return numberField(store, {
    id: `lab-${spec.name}`,
    label,
    spec,
    read: (s) => s.config[key] as number,
    write: (v) => store.getState().setConfig({ [key]: v } as Partial<LabConfig>),
  });
}

/** A select for an enum lab config key. */
export function labSelect(
  store: LabStore,
  key: LabKey,
  label: string,
  choices: readonly Choice[],
): Field<HTMLSelectElement> {
  const spec = labSpec(key);
  return selectField(store, {
    id: `lab-${spec.name}`,
    label,
    choices,
    read: (s) => String(s.config[key]),
    write: (v) => store.getState().setConfig({ [key]: v } as Partial<LabConfig>),
  });
}
