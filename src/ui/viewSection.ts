/**
 * The "View" section: display toggles of the current environment (q*(a) for the bandit; the V(s) heatmap and
 * the map editor with its brushes for the gridworld). Hidden for environments without any.
 */
import type { RunEnvId } from '../algos/config';
import type { Brush, PlaygroundStore } from '../state/store';
import { hideable } from './classroom';
import { el, Scope } from './dom';
import { checkboxField, type Field } from './fields';
import { brushLabels } from './labels';
import { mapTextField } from './mapTextField';

/** The editor's brush radio buttons (`brush-<name>`, group name `brush`), enabled only while editing. */
function brushField(store: PlaygroundStore): Field<HTMLFieldSetElement> {
  const scope = new Scope();
  const radios = (Object.keys(brushLabels) as Brush[]).map((b) => {
    const input = el('input', { id: `brush-${b}`, attrs: { type: 'radio', name: 'brush', value: b } });
    scope.listen(input, 'change', () => input.checked && store.getState().setView({ brush: b }));
    return el('span', { class: 'radio' }, [
      input,
      el('label', { text: brushLabels[b], attrs: { for: input.id } }),
    ]);
  });
  const fieldset = el('fieldset', { id: 'view-brush', class: 'brushes' }, [
    el('legend', { text: 'Brush' }),
    ...radios,
  ]);
  const show = ([brush, editing]: readonly [Brush, boolean]) => {
    fieldset.disabled = !editing;
    for (const r of fieldset.querySelectorAll<HTMLInputElement>('input')) r.checked = r.value === brush;
  };
  const read = () => [store.getState().view.brush, store.getState().view.editing] as const;
  show(read());
  scope.add(
    store.subscribe(
      (s) => s.view,
      () => show(read()),
    ),
  );
  return { root: hideable(fieldset, 'map-editor'), control: fieldset, dispose: () => scope.dispose() };
}

function viewFields(store: PlaygroundStore, env: RunEnvId): Field[] {
  const setView = store.getState().setView;
  if (env === 'bandit') {
    const trueMeans = checkboxField(store, {
      id: 'view-true-means',
      label: 'Show true q*(a)',
      read: (s) => s.view.showTrueMeans,
      write: (v) => setView({ showTrueMeans: v }),
    });
    hideable(trueMeans.root, 'true-means');
    return [trueMeans];
  }
  if (env === 'gridworld') {
    const value = checkboxField(store, {
      id: 'view-value',
      label: 'Show V(s) heatmap',
      read: (s) => s.view.showValue,
      write: (v) => setView({ showValue: v }),
    });
    const edit = checkboxField(store, {
      id: 'view-edit',
      label: 'Edit map',
      read: (s) => s.view.editing,
      write: (v) => setView({ editing: v }),
    });
    hideable(value.root, 'value-heatmap');
    hideable(edit.root, 'map-editor');
    const text = mapTextField(store);
    hideable(text.root, 'map-editor');
    return [value, edit, brushField(store), text];
  }
  return [];
}

/** Mounts the View section into `parent`; returns its cleanup. */
export function mountViewSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  const scope = new Scope();
  const box = el('div', { class: 'view-options' });
  const section = el(
    'section',
    { id: 'section-view', class: 'panel', attrs: { 'aria-labelledby': 'h-view' } },
    [el('h2', { id: 'h-view', text: 'View' }), box],
  );
  let fields: Field[] = [];
  const render = (env: RunEnvId) => {
    for (const f of fields) f.dispose();
    fields = viewFields(store, env);
    box.replaceChildren(...fields.map((f) => f.root));
    section.hidden = fields.length === 0;
  };
  render(store.getState().config.env);
  scope.add(store.subscribe((s) => s.config.env, render));
  scope.add(() => fields.forEach((f) => f.dispose()));
  parent.append(hideable(section, 'view'));
  scope.add(() => section.remove());
  return () => scope.dispose();
}
