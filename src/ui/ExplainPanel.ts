/**
 * "Explain this update": while paused, the arithmetic of the last REINFORCE update (Williams 1992; S&B 2nd
 * ed. §13.3–13.4) for one step of it — the return G_t, the baseline b_t, the advantage G_t − b_t, γ^t, the
 * batch size N and the learning rate α — and per parameter the score ∇log π, the batch gradient g and the
 * change Δθ, with a sentence that reads the numbers.
 */
import { shallow } from 'zustand/vanilla/shallow';
import type { RunEnvId } from '../algos/config';
import type { ExplainData, PlaygroundStore } from '../state/store';
import { el, formatCompact, formatNumber, Scope } from './dom';
import { gridActionArrows } from './labels';

/** The update rule, as shown above the numbers. */
export const UPDATE_FORMULA = 'Δθ = α · (1/N) Σ γ^t (G_t − b_t) ∇log π(A_t|S_t)';

/** Options of {@link ExplainPanel}. */
export interface ExplainPanelOptions {
  /** Most parameter rows shown (default 12). */
  maxRows?: number;
}

/** "the probability of ↑ in cell 7" — what the described step's score term pushes. */
export function actionPhrase(e: ExplainData, env: RunEnvId): string {
  if (e.action < 0) return 'the density of the sampled action';
  switch (env) {
    case 'bandit':
      return `the probability of arm ${e.action + 1}`;
    case 'gridworld':
      return `the probability of ${gridActionArrows[e.action] ?? e.action} in cell ${e.obs}`;
    case 'short-corridor':
      return `the probability of ${e.action === 1 ? 'right' : 'left'}`;
    default:
      return `the probability of action ${e.action}`;
  }
}

/** One or two sentences reading the numbers of `e`. */
export function explainSentence(e: ExplainData, env: RunEnvId): string {
  const what = actionPhrase(e, env);
  const G = formatNumber(e.ret);
  const gap = formatNumber(Math.abs(e.advantage));
  let s: string;
  if (e.baselineKind === 'none') {
    const sign = e.ret > 0 ? 'positive' : e.ret < 0 ? 'negative' : 'zero';
    const dir = e.ret > 0 ? 'up' : 'down';
    s =
      e.ret === 0
        ? `The return is 0 and there is no baseline, so this step adds nothing to the update.`
        : `The return ${G} is ${sign} and there is no baseline, so this step pushes ${what} ${dir}.`;
  } else {
    const b = formatNumber(e.baseline);
    if (e.advantage > 0)
      s = `The return ${G} beat the baseline ${b} by ${gap}, so this step pushes ${what} up.`;
    else if (e.advantage < 0)
      s = `The return ${G} fell short of the baseline ${b} by ${gap}, so this step pushes ${what} down.`;
    else s = `The return ${G} equals the baseline, so this step adds nothing to the update.`;
  }
  const others = e.batchSize - 1;
  if (others > 0)
    s += ` Δθ also averages in the other ${others} episode${others > 1 ? 's' : ''} of the batch.`;
  return s;
}

function table(caption: string, head: string[], rows: (string | number)[][]): HTMLTableElement {
  const cell = (v: string | number, i: number) =>
    i === 0 ? el('th', { text: String(v), attrs: { scope: 'row' } }) : el('td', { text: String(v) });
  return el('table', { class: 'numbers' }, [
    el('caption', { text: caption }),
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', {}, r.map(cell))),
    ),
  ]);
}

/** The panel (`section#explain`), appended to `parent`; visible only when paused with an update to explain. */
export class ExplainPanel {
  /** The section element. */
  readonly root: HTMLElement;
  private readonly scope = new Scope();

  /** Mounts into `parent` and follows `store`. */
  constructor(parent: HTMLElement, store: PlaygroundStore, options: ExplainPanelOptions = {}) {
    const body = el('div', { class: 'explain-body' });
    this.root = el(
      'section',
      { id: 'explain', class: 'panel explain', attrs: { 'aria-labelledby': 'h-explain' } },
      [el('h2', { id: 'h-explain', text: 'Explain this update' }), body],
    );
    const render = ([playing, e, env]: readonly [boolean, ExplainData | null, RunEnvId]) => {
      this.root.hidden = playing || e === null;
      if (this.root.hidden || !e) return body.replaceChildren();
      const f = formatCompact;
      const max = options.maxRows ?? 12;
      const rows = e.names.slice(0, max).map((n, i) => [n, f(e.score[i]), f(e.grad[i]), f(e.delta[i])]);
      const more = e.names.length - rows.length;
      body.replaceChildren(
        el('p', { class: 'formula', text: UPDATE_FORMULA }),
        table(
          `Update ${e.update} (agent ${e.agent}), one step of it`,
          ['Quantity', 'Value'],
          [
            ['Return G_t', f(e.ret)],
            [`Baseline b_t (${e.baselineKind})`, f(e.baseline)],
            ['Advantage G_t − b_t', f(e.advantage)],
            ['Discount γ^t', f(e.discount)],
            ['Batch N', e.batchSize],
            ['Learning rate α', f(e.lr)],
          ],
        ),
        rows.length > 0
          ? table('Per parameter', ['Parameter', '∇log π', 'g', 'Δθ'], rows)
          : el('p', { text: 'No parameter moved in this update.' }),
        ...(more > 0 ? [el('p', { class: 'field-hint', text: `… and ${more} more parameters.` })] : []),
        el('p', { id: 'explain-sentence', class: 'explain-sentence', text: explainSentence(e, env) }),
      );
    };
    const read = () => {
      const s = store.getState();
      return [s.playing, s.explain, s.config.env] as const;
    };
    render(read());
    this.scope.add(
      store.subscribe((s) => [s.playing, s.explain, s.config.env] as const, render, { equalityFn: shallow }),
    );
    parent.append(this.root);
    this.scope.add(() => this.root.remove());
  }

  /** Stops following the store and removes the panel. */
  dispose(): void {
    this.scope.dispose();
  }
}
