/**
 * The gridworld map as text, inside the map editor: the keyboard way to edit a map (the canvas editor is
 * pointer-only) and the quickest way to paste one. One row per line in the environment's own notation
 * (`S` start, `G` goal, `#` wall, `X` pit, `.` floor). "Apply map" (or Ctrl+Enter) checks the text with the
 * environment's parser: a refused map is explained under the field, the text stays as typed and the previous
 * map keeps running; an accepted one rebuilds the run like any map change.
 */
import { formatMap, parseMap } from '../../envs/gridworld/parseMap';
import { findGridPreset } from '../../envs/gridworld/presets';
import type { PlaygroundStore } from '../state/store';
import { el, Scope } from './dom';
import type { Field } from './fields';

/** The text of a config's map (a preset's rows, or the custom rows), one row per line. */
export function mapRows(map: string): string {
  const text = findGridPreset(map)?.map ?? map;
  const parsed = parseMap(text);
  // (a running map always parses; anything else is shown as it is)
  return parsed.ok ? formatMap(parsed.map, '\n') : text;
}

/** A labelled textarea with "Apply map", shown while the map editor is on. */
export function mapTextField(store: PlaygroundStore): Field<HTMLTextAreaElement> {
  const scope = new Scope();
  const area = el('textarea', {
    id: 'view-map-text',
    class: 'map-text',
    attrs: {
      rows: 6,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': 'view-map-text-help view-map-text-error',
    },
  });
  const error = el('p', { id: 'view-map-text-error', class: 'field-error', attrs: { role: 'alert' } });
  const apply = el('button', { class: 'btn btn-small', text: 'Apply map', attrs: { type: 'button' } });
  const root = el('div', { class: 'field map-text-field' }, [
    el('label', { text: 'Map as text', attrs: { for: area.id } }),
    area,
    el('p', {
      id: 'view-map-text-help',
      class: 'field-hint',
      text: 'One row per line: S start, G goal, # wall, X pit, . floor. Ctrl+Enter applies.',
    }),
    apply,
    error,
  ]);

  // The text follows the running map unless the user is in the middle of editing it.
  let dirty = false;
  const show = () => {
    const { config, view } = store.getState();
    root.hidden = !view.editing;
    if (!dirty) area.value = mapRows(config.map);
  };
  const commit = () => {
    const parsed = parseMap(area.value);
    if (!parsed.ok) {
      error.textContent = `Map not applied: ${parsed.error}. The previous map keeps running.`;
      return;
    }
    error.textContent = '';
    dirty = false;
    const s = store.getState();
    s.setMapError(null);
    s.setConfig({ map: formatMap(parsed.map) });
    show();
  };
  scope.listen(area, 'input', () => {
    dirty = true;
  });
  scope.listen(area, 'keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  });
  scope.listen(apply, 'click', commit);
  show();
  scope.add(
    store.subscribe((s) => [s.config.map, s.view.editing] as const, show, {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1],
    }),
  );
  return { root, control: area, dispose: () => scope.dispose() };
}
