/**
 * The "Environment" section: the environment menu and the options of the current environment only (they are
 * rebuilt when the environment changes). Changing any of them rebuilds the run (store: runId).
 */
import { gridPresets, findGridPreset } from '../../envs/gridworld/presets';
import { runEnvIds, type RunEnvId } from '../algos/config';
import { isHidden } from '../state/classroom';
import type { PlaygroundStore } from '../state/store';
import { hideable } from './classroom';
import { el, Scope } from './dom';
import { configCheckbox, configNumber, selectField, type Field } from './fields';
import { envLabels } from './labels';
import { rewardField } from './rewardField';

/** Options of {@link mountEnvSection}. */
export interface EnvSectionOptions {
  /** Debounce of the r(a) input (ms). */
  rewardDebounceMs?: number;
}

/** The map menu: presets plus "custom" (selected whenever the map is edited text). */
function mapField(store: PlaygroundStore): Field {
  const scope = new Scope();
  const select = selectField(store, {
    id: 'cfg-map',
    label: 'Map',
    choices: [
      ...gridPresets.map((p) => ({ value: p.id, label: p.label })),
      { value: 'custom', label: 'Custom' },
    ],
    read: (s) => (findGridPreset(s.config.map) ? s.config.map : 'custom'),
    write: (v) => {
      const s = store.getState();
      if (v !== 'custom') return s.setConfig({ map: v });
      // Custom: start from the current layout as text and open the editor.
      const text = findGridPreset(s.config.map)?.map ?? s.config.map;
      s.setConfig({ map: text });
      // (not when a classroom link hid the editor)
      if (!isHidden('playground', s.classroom, 'map-editor')) s.setView({ editing: true });
    },
  });
  scope.add(() => select.dispose());
  // The row's own error region shows why an edited map was refused (the previous map keeps running).
  const error = select.root.querySelector<HTMLElement>('.field-error')!;
  const show = (msg: string | null) => void (error.textContent = msg ?? '');
  show(store.getState().mapError);
  scope.add(store.subscribe((s) => s.mapError, show));
  return { root: select.root, control: select.control, dispose: () => scope.dispose() };
}

/** The option fields of one environment. */
function optionFields(store: PlaygroundStore, env: RunEnvId, o: EnvSectionOptions): Field[] {
  switch (env) {
    case 'bandit':
      return [
        configNumber(store, 'arms', 'Arms'),
        configNumber(store, 'armMean', 'Arm mean'),
        configNumber(store, 'armSd', 'Arm sd'),
        configNumber(store, 'rewardSd', 'Reward sd'),
        configCheckbox(store, 'bernoulli', 'Bernoulli rewards'),
      ];
    case 'gridworld':
      return [
        mapField(store),
        configNumber(store, 'slip', 'Slip'),
        configNumber(store, 'horizon', 'Horizon'),
      ];
    case 'short-corridor':
      return [
        configNumber(store, 'initProbRight', 'Initial π(right)'),
        configNumber(store, 'horizon', 'Horizon'),
      ];
    case 'continuous-bandit':
      return [rewardField(store, o.rewardDebounceMs)];
    case 'point-mass':
      return [configNumber(store, 'horizon', 'Horizon')];
  }
}

/** Mounts the Environment section into `parent`; returns its cleanup. */
export function mountEnvSection(
  parent: HTMLElement,
  store: PlaygroundStore,
  options: EnvSectionOptions = {},
): () => void {
  const scope = new Scope();
  const env = selectField(store, {
    id: 'cfg-env',
    label: 'Environment',
    choices: runEnvIds.map((id) => ({ value: id, label: envLabels[id] })),
    read: (s) => s.config.env,
    write: (v) => store.getState().setEnv(v as RunEnvId),
  });
  scope.add(() => env.dispose());
  const box = hideable(el('div', { id: 'env-options', class: 'env-options' }), 'env-options');
  hideable(env.root, 'environment');
  let fields: Field[] = [];
  const render = (id: RunEnvId) => {
    for (const f of fields) f.dispose();
    fields = optionFields(store, id, options);
    box.replaceChildren(...fields.map((f) => f.root));
  };
  render(store.getState().config.env);
  scope.add(store.subscribe((s) => s.config.env, render));
  scope.add(() => fields.forEach((f) => f.dispose()));
  const section = el(
    'section',
    { id: 'section-env', class: 'panel', attrs: { 'aria-labelledby': 'h-env' } },
    [el('h2', { id: 'h-env', text: 'Environment' }), env.root, box],
  );
  parent.append(hideable(section, 'env'));
  scope.add(() => section.remove());
  return () => scope.dispose();
}
