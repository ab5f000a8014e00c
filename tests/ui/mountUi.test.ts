// @vitest-environment happy-dom
// The page skeleton: header, labelled sidebar with all sections (Explain right after Run), main with the
// status line and the #stage for the canvas; dispose empties the root.
import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../../src/state/store';
import { mountUi } from '../../src/ui/mountUi';

describe('mountUi', () => {
  it('builds the skeleton and takes it down', () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    const store = createPlaygroundStore();
    const ui = mountUi(root, store);
    expect(root.querySelector('header h1')!.textContent).toBe('Gradient Wars');
    expect(ui.stage.id).toBe('stage');
    expect(root.querySelector('main')!.contains(ui.stage)).toBe(true);
    expect(root.querySelector('main [role="status"]')).not.toBeNull();
    const sections = [...root.querySelectorAll('aside section')].map((s) => s.id);
    expect(sections).toEqual([
      'section-run',
      'explain',
      'section-env',
      'section-agent',
      'section-compare',
      'section-view',
      'section-experiments',
      'section-share',
      'section-multiseed',
      'section-export',
    ]);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    ui.dispose();
    expect(root.children).toHaveLength(0);
  });
});
