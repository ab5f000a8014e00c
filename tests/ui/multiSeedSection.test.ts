// @vitest-environment happy-dom
// The Multi-seed and Export sections: labelled controls, "Run N seeds" following the count, validation that
// refuses bad counts without touching the store, progress "k / n seeds" with Cancel while running, requests
// posted to the store, messages shown where the user looks, and imported runs listed with a Remove button.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaygroundStore, type PlaygroundStore, type SeedsRequest } from '../../src/state/store';
import { mountExportSection } from '../../src/ui/exportSection';
import { mountMultiSeedSection } from '../../src/ui/multiSeedSection';
import { byButton, byLabel, click, type } from './helpers';

let store: PlaygroundStore;
let dispose: (() => void)[] = [];
let requests: SeedsRequest[];

beforeEach(() => {
  document.body.replaceChildren();
  store = createPlaygroundStore();
  requests = [];
  store.subscribe(
    (s) => s.seedsRequest,
    (r) => r && requests.push(r),
  );
  dispose = [mountMultiSeedSection(document.body, store), mountExportSection(document.body, store)];
});
afterEach(() => dispose.forEach((d) => d()));

describe('Multi-seed section', () => {
  it('labelled fields; the button says how many seeds; bad counts are refused in place', () => {
    expect(byButton('Run 30 seeds')).toBeTruthy();
    type(byLabel('Seeds'), '8');
    expect(store.getState().multiSeed.seeds).toBe(8);
    expect(byButton('Run 8 seeds')).toBeTruthy();
    type(byLabel('Seeds'), '1');
    expect(byButton('Run 1 seed')).toBeTruthy();
    type(byLabel('Seeds'), '5000');
    expect(store.getState().multiSeed.seeds).toBe(1);
    expect(byLabel('Seeds').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('ms-seeds-error')!.textContent).toMatch(/from 1 to 1\u00a0000/);
    type(byLabel('Episodes'), '250');
    expect(store.getState().multiSeed.episodes).toBe(250);
  });

  it('posts run / cancel / clear; shows progress and Cancel only while running; errors as alerts', () => {
    const progress = document.getElementById('ms-progress')!;
    expect(progress.hidden).toBe(true);
    expect(byButton('Cancel').hidden).toBe(true);
    click(byButton('Run 30 seeds'));
    store.getState().setMultiSeed({ running: true, done: 12, total: 60 });
    expect(progress.hidden).toBe(false);
    expect(byLabel<HTMLProgressElement>('Progress').value).toBe(12);
    expect(byLabel<HTMLProgressElement>('Progress').max).toBe(60);
    expect(document.getElementById('ms-progress-text')!.textContent).toBe('12 / 60 seeds');
    expect(byButton('Run 30 seeds').disabled).toBe(true);
    click(byButton('Cancel'));
    store.getState().setMultiSeed({ running: false, error: 'run 0 (seed 1), episode 2: boom' });
    expect(document.getElementById('ms-error')!.getAttribute('role')).toBe('alert');
    expect(document.getElementById('ms-error')!.textContent).toBe('run 0 (seed 1), episode 2: boom');
    store.getState().setMultiSeed({ overlays: [{ id: 1, label: 'A · 30 seeds (95% CI)', imported: false }] });
    expect(document.getElementById('ms-drawn')!.textContent).toBe('Drawn: A · 30 seeds (95% CI).');
    click(byButton('Clear bands'));
    expect(requests.map((r) => r.kind)).toEqual(['run', 'cancel', 'clear']);
  });
});

describe('Export section', () => {
  it('three export buttons, a labelled file input, messages and imported runs with Remove', () => {
    click(byButton('Export CSV'));
    click(byButton('Export JSON'));
    click(byButton('Export PNG'));
    expect(requests).toEqual([
      { kind: 'export', format: 'csv' },
      { kind: 'export', format: 'json' },
      { kind: 'export', format: 'png' },
    ]);
    expect(byLabel('Import JSON').type).toBe('file');
    store.getState().setMultiSeed({ exportError: 'x.json was not imported: not valid JSON.' });
    expect(document.getElementById('ex-error')!.textContent).toBe('x.json was not imported: not valid JSON.');
    store.getState().setMultiSeed({
      liveEdit: 'A: lr 0.1 → 0.4 after episode 50',
      overlays: [
        { id: 7, label: 'bandit · score · none · lr 0.1 · seed 1 · 8 runs (95% CI)', imported: true },
      ],
    });
    expect(document.getElementById('ex-live-edit')!.textContent).toMatch(
      /lr 0.1 → 0.4 after episode 50.*cannot reproduce/,
    );
    click(byButton('Remove bandit · score · none · lr 0.1 · seed 1 · 8 runs (95% CI)'));
    expect(requests.at(-1)).toEqual({ kind: 'remove', id: 7 });
  });

  it('per-seed progress neither rebuilds the Remove buttons (focus stays) nor rewrites the live texts', async () => {
    const imported = { id: 7, label: 'bandit · 8 runs (95% CI)', imported: true };
    store.getState().setMultiSeed({ overlays: [imported], exportError: 'y.json was not imported: no.' });
    store.getState().setMultiSeed({ running: true, done: 0, total: 6, error: 'earlier failure' });
    const remove = byButton('Remove bandit · 8 runs (95% CI)');
    remove.focus();
    const written: string[] = [];
    const watch = new MutationObserver((records) =>
      records.forEach((r) => written.push((r.target as Element).id || r.target.parentElement!.id)),
    );
    for (const id of ['ex-message', 'ex-error', 'ex-live-edit', 'ex-overlays', 'ms-error', 'ms-drawn'])
      watch.observe(document.getElementById(id)!, { childList: true, characterData: true, subtree: true });
    for (let done = 1; done <= 6; done++) store.getState().setMultiSeed({ done });
    // a multi-seed result (not imported) changes the overlays, but not the imported list
    store.getState().setMultiSeed({
      running: false,
      overlays: [{ id: 8, label: 'A · 3 seeds (95% CI)', imported: false }, imported],
    });
    await new Promise((r) => setTimeout(r, 0));
    watch.disconnect();
    expect(written.filter((id) => id !== 'ms-drawn')).toEqual([]);
    expect(byButton('Remove bandit · 8 runs (95% CI)')).toBe(remove);
    expect(document.activeElement).toBe(remove);
    // the seed count is not a live region (an <output> would be announced for every seed)
    const count = document.getElementById('ms-progress-text')!;
    expect(count.tagName).toBe('SPAN');
    expect(count.getAttribute('aria-live')).toBe('off');
    expect(count.getAttribute('role')).toBeNull();
  });
});
