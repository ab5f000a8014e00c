/**
 * The lab's f(z) input: a preset menu, the text field labelled "f(z)" and, next to it, an alert region for
 * a refused expression (pointing at the problem) and notes on the running f: its derivative and whether the
 * pathwise estimator is blind to it. Typing submits the text to the store (debounced); the lab engine
 * compiles it and either makes it the running f or reports the error while the last good f keeps running.
 */
import { findLabPreset, LAB_PRESETS } from '../../state/labConfig';
import type { ExprError, ExprInfo, LabStore } from '../../state/labStore';
import { el, expressionInput, Scope } from '../dom';
import { selectField, type Field } from '../fields';

/** Debounce of the f(z) input, in milliseconds. */
export const F_DEBOUNCE_MS = 200;

/** The note shown when f′ = 0 almost everywhere. */
export const BLIND_NOTE =
  'f′(z) = 0 almost everywhere: the pathwise estimator is blind here (it always returns 0).';

/** The note shown when f′ does not exist at some points but f is continuous. */
export const KINK_NOTE =
  'f′(z) does not exist at some points (a kink): f is continuous, so the pathwise estimator is still unbiased.';

/** "unexpected end at character 5" plus a caret line under the text. */
export function describeError(e: ExprError): { message: string; caret: string } {
  const at =
    e.index !== undefined && !/position|character/.test(e.message) ? ` (at character ${e.index + 1})` : '';
  const caret = e.index !== undefined ? `${e.text}\n${' '.repeat(Math.min(e.index, e.text.length))}^` : '';
  return { message: `${e.message}${at}`, caret };
}

/** Mounts the preset select (`lab-preset`) and the f(z) input (`lab-f`). */
export function exprField(store: LabStore, debounceMs = F_DEBOUNCE_MS): Field<HTMLInputElement> {
  const scope = new Scope();
  const id = 'lab-f';
  const input = expressionInput(id);
  const message = el('span', { class: 'error-text' });
  const caret = el('pre', { class: 'error-caret', attrs: { 'aria-hidden': 'true' } });
  const error = el('div', { id: `${id}-error`, class: 'field-error', attrs: { role: 'alert' } }, [
    message,
    caret,
  ]);
  const note = el('div', { id: `${id}-note`, class: 'field-note', attrs: { 'aria-live': 'polite' } });
  const preset = selectField(store, {
    id: 'lab-preset',
    label: 'Preset',
    choices: [
      ...LAB_PRESETS.map((p) => ({ value: p.id, label: p.label })),
      { value: 'custom', label: 'Custom' },
    ],
    read: (s) => findLabPreset(s.config.f)?.id ?? 'custom',
    write: (v) => {
      if (v === 'custom') input.focus();
      else store.getState().applyPreset(v);
    },
  });
  scope.add(() => preset.dispose());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const submit = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    store.getState().setDraftF(input.value);
  };
  scope.listen(input, 'input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(submit, debounceMs);
  });
  scope.listen(input, 'change', submit);
  scope.listen(input, 'keydown', (e) => {
    if (e.key === 'Enter') submit();
  });
  scope.add(() => timer !== undefined && clearTimeout(timer));

  const showError = (e: ExprError | null) => {
    if (!e) {
      message.textContent = '';
      caret.textContent = '';
      error.classList.remove('has-error');
      input.removeAttribute('aria-invalid');
      return;
    }
    const d = describeError(e);
    message.textContent = `${d.message}. Still using the last good f(z).`;
    caret.textContent = d.caret;
    error.classList.add('has-error');
    input.setAttribute('aria-invalid', 'true');
  };
  const showInfo = (info: ExprInfo | null) => {
    const parts: HTMLElement[] = [];
    if (info) {
      parts.push(el('p', {}, ['f′(z) = ', el('code', { text: info.derivative })]));
      if (info.pathwiseBlind) parts.push(el('p', { class: 'note-blind', text: BLIND_NOTE }));
      else if (info.discontinuous)
        parts.push(
          el('p', {
            class: 'note-blind',
            text: 'f may jump: the pathwise estimator misses the jumps and is biased there.',
          }),
        );
      else if (info.kinked) parts.push(el('p', { class: 'note-kink', text: KINK_NOTE }));
      if (!info.usesK)
        parts.push(el('p', { text: 'f does not use k, so the k slider and sweep do nothing.' }));
      if (info.warning) parts.push(el('p', { text: `Note: ${info.warning}.` }));
    }
    note.replaceChildren(...parts);
  };
  // the text follows the running f (presets, links) unless the user's refused text is on show
  const showText = () => {
    const s = store.getState();
    if (document.activeElement === input && timer !== undefined) return;
    input.value = s.exprError ? s.exprError.text : s.config.f;
  };
  showText();
  showError(store.getState().exprError);
  showInfo(store.getState().expr);
  scope.add(
    store.subscribe(
      (s) => s.exprError,
      (e) => {
        showError(e);
        showText();
      },
    ),
  );
  scope.add(store.subscribe((s) => s.expr, showInfo));
  scope.add(store.subscribe((s) => s.config.f, showText));

  const root = el('div', { class: 'expr' }, [
    preset.root,
    el('div', { class: 'field' }, [el('label', { text: 'f(z)', attrs: { for: id } }), input, error, note]),
  ]);
  return { root, control: input, dispose: () => scope.dispose() };
}
