/**
 * The continuous bandit's reward: a preset menu and a text input "r(a)". Typing compiles the text (debounced)
 * with src/expr/, which is imported lazily so mathjs stays out of the initial bundle. A refused expression
 * shows its message inline and in `store.rewardError` while the last good reward keeps running; an accepted
 * one becomes `config.reward`. Rewards with zero derivative almost everywhere get a note: the pathwise
 * estimator cannot see them (Mohamed et al. 2020, §5).
 */
import { rewardPresets } from '../../envs/continuous/presets';
import type { PlaygroundStore } from '../state/store';
import { el, expressionInput, Scope } from './dom';
import { selectField, type Field } from './fields';

/** Debounce of the r(a) input before compiling, in milliseconds. */
export const REWARD_DEBOUNCE_MS = 250;

/** The note shown for piecewise-constant rewards. */
export const PATHWISE_BLIND_NOTE = 'r(a) is piecewise constant: the pathwise estimator is blind here';

type Outcome = { ok: true; blind: boolean; warning?: string } | { ok: false; error: string };

async function compile(text: string): Promise<Outcome> {
  try {
    const { compileExpression } = await import('../expr');
    const r = compileExpression(text, { variable: 'a' });
    if (r.ok) return { ok: true, blind: r.value.pathwiseBlind, warning: r.value.warning };
    const at = r.index !== undefined && !/position/.test(r.error) ? ` (at character ${r.index + 1})` : '';
    return { ok: false, error: `${r.error}${at}` };
  } catch (e) {
    return { ok: false, error: `could not load the expression compiler (${String(e)})` };
  }
}

/** Mounts the reward preset select (`cfg-reward-preset`) and the r(a) input (`cfg-reward`). */
export function rewardField(
  store: PlaygroundStore,
  debounceMs = REWARD_DEBOUNCE_MS,
): Field<HTMLInputElement> {
  const scope = new Scope();
  const id = 'cfg-reward';
  const input = expressionInput(id);
  const error = el('p', { id: `${id}-error`, class: 'field-error', attrs: { role: 'alert' } });
  const note = el('p', { id: `${id}-note`, class: 'field-note', attrs: { 'aria-live': 'polite' } });
  const preset = selectField(store, {
    id: 'cfg-reward-preset',
    label: 'Reward preset',
    choices: [
      ...rewardPresets.map((p) => ({ value: p.id, label: p.label })),
      { value: 'custom', label: 'Custom' },
    ],
    read: (s) => rewardPresets.find((p) => p.expr === s.config.reward)?.id ?? 'custom',
    write: (v) => {
      const p = rewardPresets.find((q) => q.id === v);
      if (p) {
        input.value = p.expr;
        void run(true);
      } else input.focus();
    },
  });
  scope.add(() => preset.dispose());

  /** This field's own verdict on the typed text (shown even if the runner clears store.rewardError). */
  let localError: string | null = null;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Compiles the input; `apply` makes an accepted text the config's reward. */
  const run = async (apply: boolean) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const text = input.value.trim();
    const mine = ++seq;
    const r = await compile(text);
    if (mine !== seq || disposed) return;
    const s = store.getState();
    localError = r.ok ? null : r.error;
    if (!r.ok) {
      note.textContent = '';
      s.setRewardError(r.error);
      return showError(r.error);
    }
    note.textContent = [r.blind ? PATHWISE_BLIND_NOTE : '', r.warning ? `Note: ${r.warning}.` : '']
      .filter(Boolean)
      .join(' ');
    s.setRewardError(null);
    showError(null);
    if (apply && text !== s.config.reward) s.setConfig({ reward: text });
  };

  input.value = store.getState().config.reward;
  scope.listen(input, 'input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(true), debounceMs);
  });
  scope.listen(input, 'change', () => void run(true));
  function showError(storeError: string | null): void {
    const msg = localError ?? storeError;
    error.textContent = msg ?? '';
    if (msg) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  showError(store.getState().rewardError);
  scope.add(store.subscribe((s) => s.rewardError, showError));
  // A reward set from elsewhere (a link, a preset): show it and check it, without re-applying.
  scope.add(
    store.subscribe(
      (s) => s.config.reward,
      (reward) => {
        if (reward === input.value.trim()) return;
        input.value = reward;
        void run(false);
      },
    ),
  );
  void run(false);
  scope.add(() => {
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
  });

  const root = el('div', { class: 'reward' }, [
    preset.root,
    el('div', { class: 'field' }, [el('label', { text: 'r(a)', attrs: { for: id } }), input, error, note]),
  ]);
  return { root, control: input, dispose: () => scope.dispose() };
}
