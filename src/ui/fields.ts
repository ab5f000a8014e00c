/**
 * Labelled form controls bound to the store: each shows a value selected from the state (and follows it when
 * the store changes, e.g. a new seed or a link) and calls an action on input. Number fields validate against
 * the config schema (configFields min/max) on change: an invalid entry is marked `aria-invalid`, explained
 * inline and not applied, so nothing is lost and the run keeps going.
 */
import { configFields, parseField, type FieldSpec, type RunConfig } from '../algos/config';
import type { PlaygroundStore } from '../state/store';
import { el, groupDigits, Scope } from './dom';

/** What a field needs of a store: the state, and subscriptions to a selected slice of it. */
export interface SelectableStore<S> {
  getState(): S;
  subscribe<U>(selector: (s: S) => U, listener: (u: U) => void): () => void;
}

/** A mounted control: its wrapper (label, control, messages), the control itself and its cleanup. */
export interface Field<C extends HTMLElement = HTMLElement> {
  readonly root: HTMLElement;
  readonly control: C;
  dispose(): void;
}

/** One `<option>`. */
export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
  title?: string;
}

/** Options of {@link numberField}. */
export interface NumberFieldOptions<S> {
  /** Element id of the input (errors get `${id}-error`). */
  id: string;
  /** Visible label text. */
  label: string;
  /** Schema entry giving kind (int/number) and bounds. */
  spec: FieldSpec<string>;
  /** The shown value (undefined shows an empty field). */
  read(s: S): number | undefined;
  /** Applies a valid value. */
  write(v: number | undefined): void;
  /** If set, an empty field is valid, means `undefined` and shows this placeholder. */
  emptyMeans?: string;
}

/** The schema entry of a config key. */
export function specOf(key: keyof RunConfig): FieldSpec {
  return configFields.find((f) => f.key === key)!;
}

/** "must be a number from 0 to 1" style text for a schema entry. */
export function rangeText(spec: FieldSpec<string>): string {
  const what = spec.kind === 'int' ? 'a whole number' : 'a number';
  const lo = spec.min === undefined ? undefined : bound(spec.min);
  const hi = spec.max === undefined ? undefined : bound(spec.max);
  if (lo === undefined || hi === undefined) return what;
  return spec.open ? `${what} greater than ${lo} and less than ${hi}` : `${what} from ${lo} to ${hi}`;
}

function bound(x: number): string {
  // No-break spaces keep "1 000 000" on one line.
  return Number.isInteger(x) && Math.abs(x) >= 1000 ? groupDigits(x).replace(/ /g, '\u00a0') : String(x);
}

/** A row with a label before the control, an optional hint and an inline error region. */
function row(id: string, label: string, control: HTMLElement, hint?: string) {
  const error = el('p', { id: `${id}-error`, class: 'field-error', attrs: { role: 'alert' } });
  const described = [error.id];
  const parts: HTMLElement[] = [el('label', { text: label, attrs: { for: id } }), control];
  if (hint) {
    parts.push(el('p', { id: `${id}-hint`, class: 'field-hint', text: hint }));
    described.unshift(`${id}-hint`);
  }
  parts.push(error);
  control.setAttribute('aria-describedby', described.join(' '));
  const setError = (msg: string | null) => {
    error.textContent = msg ?? '';
    if (msg) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  return { root: el('div', { class: 'field' }, parts), setError };
}

/** A labelled number input validated against `spec`; see {@link NumberFieldOptions}. */
export function numberField<S>(store: SelectableStore<S>, o: NumberFieldOptions<S>): Field<HTMLInputElement> {
  const scope = new Scope();
  const input = el('input', {
    id: o.id,
    attrs: {
      type: 'number',
      inputmode: 'decimal',
      step: o.spec.kind === 'int' ? 1 : 'any',
      min: o.spec.min,
      max: o.spec.max,
      placeholder: o.emptyMeans,
    },
  });
  const { root, setError } = row(o.id, o.label, input);
  const show = (v: number | undefined) => {
    input.value = v === undefined ? '' : String(v);
    setError(null);
  };
  show(o.read(store.getState()));
  scope.listen(input, 'change', () => {
    const raw = input.value;
    if (raw.trim() === '' && o.emptyMeans !== undefined) {
      setError(null);
      o.write(undefined);
      return;
    }
    const r = parseField(o.spec, raw);
    if ('error' in r) {
      setError(`${o.label} must be ${rangeText(o.spec)}; not applied.`);
      return;
    }
    setError(null);
    if (r.value !== o.read(store.getState())) o.write(r.value as number);
  });
  scope.add(store.subscribe(o.read, show));
  return { root, control: input, dispose: () => scope.dispose() };
}

/** A labelled `<select>` showing `read(state)` and calling `write` on change. */
export function selectField<S>(
  store: SelectableStore<S>,
  o: {
    id: string;
    label: string;
    choices: readonly Choice[];
    read(s: S): string;
    write(v: string): void;
    hint?: string;
  },
): Field<HTMLSelectElement> {
  const scope = new Scope();
  const options = o.choices.map((c) =>
    el('option', { text: c.label, attrs: { value: c.value, disabled: c.disabled, title: c.title } }),
  );
  const select = el('select', { id: o.id }, options);
  const { root } = row(o.id, o.label, select, o.hint);
  const show = (v: string) => void (select.value = v);
  show(o.read(store.getState()));
  scope.listen(select, 'change', () => {
    if (select.value !== o.read(store.getState())) o.write(select.value);
  });
  scope.add(store.subscribe(o.read, show));
  return { root, control: select, dispose: () => scope.dispose() };
}

/** A checkbox followed by its label. */
export function checkboxField<S>(
  store: SelectableStore<S>,
  o: { id: string; label: string; read(s: S): boolean; write(v: boolean): void },
): Field<HTMLInputElement> {
  const scope = new Scope();
  const input = el('input', { id: o.id, attrs: { type: 'checkbox' } });
  const root = el('div', { class: 'field field-check' }, [
    input,
    el('label', { text: o.label, attrs: { for: o.id } }),
  ]);
  input.checked = o.read(store.getState());
  scope.listen(input, 'change', () => o.write(input.checked));
  scope.add(store.subscribe(o.read, (v) => void (input.checked = v)));
  return { root, control: input, dispose: () => scope.dispose() };
}

/** A number input for a config key (id `cfg-<flag name>`), applied with `setConfig`. */
export function configNumber(
  store: PlaygroundStore,
  key: keyof RunConfig,
  label: string,
): Field<HTMLInputElement> {
  const spec = specOf(key);
  return numberField(store, {
    id: `cfg-${spec.name}`,
    label,
    spec,
    read: (s) => s.config[key] as number,
    write: (v) => store.getState().setConfig({ [key]: v }),
  });
}

/** A select for an enum config key (id `cfg-<flag name>`), applied with `setConfig`. */
export function configSelect(
  store: PlaygroundStore,
  key: keyof RunConfig,
  label: string,
  labels: Readonly<Record<string, string>>,
  hint?: string,
): Field<HTMLSelectElement> {
  const spec = specOf(key);
  return selectField(store, {
    id: `cfg-${spec.name}`,
    label,
    hint,
    choices: (spec.values ?? []).map((v) => ({ value: v, label: labels[v] ?? v })),
    read: (s) => String(s.config[key]),
    write: (v) => store.getState().setConfig({ [key]: v }),
  });
}

/** A checkbox for a boolean config key (id `cfg-<flag name>`), applied with `setConfig`. */
export function configCheckbox(
  store: PlaygroundStore,
  key: keyof RunConfig,
  label: string,
): Field<HTMLInputElement> {
  return checkboxField(store, {
    id: `cfg-${specOf(key).name}`,
    label,
    read: (s) => s.config[key] === true,
    write: (v) => store.getState().setConfig({ [key]: v }),
  });
}
