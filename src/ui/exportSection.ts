/**
 * The "Export" section: "Export CSV", "Export JSON" (the CLI's `train --json` document; a sweep when
 * comparing) and "Export PNG" (the canvas) for the current run — the multi-seed result when bands are shown,
 * else the live run so far — and "Import JSON", which overlays a saved run on the charts (dashed, removable).
 * A note says when a hyperparameter was changed during the live run (the CLI cannot reproduce that). Files
 * are read here (size-checked); everything else is a request to src/app/multiSeed/ through the store.
 */
import './multiSeed.css';
import { MAX_REPORT_CHARS } from '../algos/reportJson';
import type { PlaygroundStore } from '../state/store';
import { el, Scope } from './dom';

/** Mounts the Export section into `parent`; returns its cleanup. */
export function mountExportSection(parent: HTMLElement, store: PlaygroundStore): () => void {
  const scope = new Scope();
  const request = store.getState().requestSeeds;
  const buttons = (['csv', 'json', 'png'] as const).map((format) => {
    const b = el('button', {
      id: `ex-${format}`,
      class: 'btn',
      text: `Export ${format.toUpperCase()}`,
      attrs: { type: 'button' },
    });
    scope.listen(b, 'click', () => request({ kind: 'export', format }));
    return b;
  });
  const file = el('input', {
    id: 'ex-import',
    class: 'ex-file',
    attrs: { type: 'file', accept: '.json,application/json', 'aria-describedby': 'ex-import-hint' },
  });
  const fail = (text: string) => store.getState().setMultiSeed({ exportError: text, exportMessage: null });
  scope.listen(file, 'change', () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    if (f.size > MAX_REPORT_CHARS)
      return fail(`${f.name} was not imported: the file is too large (${f.size} bytes).`);
    f.text().then(
      (text) => request({ kind: 'import', name: f.name, text }),
      (e: unknown) => fail(`${f.name} could not be read: ${e instanceof Error ? e.message : String(e)}.`),
    );
  });
  const note = el('p', { id: 'ex-live-edit', class: 'field-note' });
  const message = el('p', { id: 'ex-message', class: 'ex-message', attrs: { role: 'status' } });
  const error = el('p', { id: 'ex-error', class: 'field-error', attrs: { role: 'alert' } });
  const list = el('ul', {
    id: 'ex-overlays',
    class: 'ex-overlays',
    attrs: { 'aria-label': 'Imported runs' },
  });

  // live regions are announced on every write, and rebuilt buttons lose focus: write only what changed
  const setText = (node: HTMLElement, text: string): void => {
    if (node.textContent !== text) node.textContent = text;
  };
  const showTexts = (): void => {
    const m = store.getState().multiSeed;
    setText(
      note,
      m.liveEdit
        ? `The live run changed while running (${m.liveEdit}); the CLI cannot reproduce it, and its export says so.`
        : '',
    );
    setText(message, m.exportMessage ?? '');
    setText(error, m.exportError ?? '');
  };
  const showList = (): void => {
    list.replaceChildren(
      ...store
        .getState()
        .multiSeed.overlays.filter((o) => o.imported)
        .map((o) => {
          const remove = el('button', {
            class: 'btn',
            text: 'Remove',
            attrs: { type: 'button', 'aria-label': `Remove ${o.label}` },
          });
          remove.addEventListener('click', () => request({ kind: 'remove', id: o.id }));
          return el('li', {}, [el('span', { text: o.label }), remove]);
        }),
    );
  };
  showTexts();
  showList();
  scope.add(
    store.subscribe(
      (s) => [s.multiSeed.liveEdit, s.multiSeed.exportMessage, s.multiSeed.exportError] as const,
      showTexts,
      { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] },
    ),
  );
  // the imported runs only (ids and labels): progress and multi-seed results do not rebuild the buttons
  scope.add(
    store.subscribe(
      (s) =>
        s.multiSeed.overlays
          .filter((o) => o.imported)
          .map((o) => `${o.id} ${o.label}`)
          .join('\n'),
      showList,
    ),
  );

  const section = el(
    'section',
    { id: 'section-export', class: 'panel', attrs: { 'aria-labelledby': 'h-export' } },
    [
      el('h2', { id: 'h-export', text: 'Export' }),
      el('div', { class: 'ex-buttons' }, buttons),
      note,
      el('div', { class: 'field' }, [
        el('label', { text: 'Import JSON', attrs: { for: file.id } }),
        file,
        el('p', {
          id: 'ex-import-hint',
          class: 'field-hint',
          text: 'A run saved here or by npm run cli -- train --json, drawn dashed over the charts.',
        }),
      ]),
      message,
      error,
      list,
    ],
  );
  parent.append(section);
  scope.add(() => section.remove());
  return () => scope.dispose();
}
