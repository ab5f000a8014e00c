// @vitest-environment happy-dom
// The map editor's text form: the keyboard way to edit a gridworld. It shows the running map's rows, applies
// a valid map (one rebuild, rows joined by '/'), refuses an invalid one with the parser's reason while the
// typed text and the running map both stay, and follows the running map while it is not being edited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/algos/config';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/state/store';
import { Controls } from '../../src/ui/Controls';
import { mapRows } from '../../src/ui/mapTextField';
import { byButton, byLabel } from './helpers';

let store: PlaygroundStore;
let controls: Controls;

beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore({ config: defaultConfig('gridworld') });
  controls = new Controls(document.body, store);
});
afterEach(() => controls.dispose());

const area = () => byLabel<HTMLTextAreaElement>('Map as text');
const typeMap = (text: string) => {
  area().value = text;
  area().dispatchEvent(new Event('input', { bubbles: true }));
};

describe('map as text', () => {
  it('is shown only while the map editor is on, with the running map one row per line', () => {
    expect(area().closest('.field')!.hasAttribute('hidden')).toBe(true);
    store.getState().setView({ editing: true });
    expect(area().closest('.field')!.hasAttribute('hidden')).toBe(false);
    expect(area().value).toBe(mapRows('open5x5'));
    expect(area().value.split('\n')).toHaveLength(5);
  });

  it('applies a valid map: one rebuild, rows joined by /', () => {
    store.getState().setView({ editing: true });
    const runId = store.getState().runId;
    typeMap('S..\n.#.\n..G');
    byButton('Apply map').click();
    expect(store.getState().config.map).toBe('S../.#./..G');
    expect(store.getState().runId).toBe(runId + 1);
    expect(document.getElementById('view-map-text-error')!.textContent).toBe('');
  });

  it('Ctrl+Enter applies too', () => {
    store.getState().setView({ editing: true });
    typeMap('SG');
    area().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    expect(store.getState().config.map).toBe('SG');
  });

  it('refuses a map without a goal: message, typed text kept, running map unchanged', () => {
    store.getState().setView({ editing: true });
    const before = store.getState().config.map;
    typeMap('S..\n...');
    byButton('Apply map').click();
    expect(store.getState().config.map).toBe(before);
    expect(area().value).toBe('S..\n...');
    expect(document.getElementById('view-map-text-error')!.textContent).toMatch(/Map not applied: .*goal/i);
  });

  it('follows the running map (e.g. a preset change) unless the user is mid-edit', () => {
    store.getState().setView({ editing: true });
    store.getState().setConfig({ map: 'cliff' });
    expect(area().value).toBe(mapRows('cliff'));
    typeMap('S.G');
    store.getState().setConfig({ map: 'bridge' });
    expect(area().value).toBe('S.G');
  });
});
