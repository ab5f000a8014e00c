/**
 * The status line: a polite live region with the published summary of each agent ("Episode 1 234 · step
 * 5 678 · mean return (last 100) 0.87 · baseline: learned (V = 0.42)"), refreshed from `store.stats` at most
 * every `minIntervalMs` (a live region re-read ten times a second is noise), an alert region with the run
 * error, e.g. a divergence that paused the run, and a second polite region, {@link Announcer}, for one-off
 * messages such as what a keyboard shortcut just did ("Paused", "Baseline: Learned V(s)").
 */
import type { BaselineKind } from '../algos/baselines';
import type { Playground, PlaygroundStore, PublishedStats } from '../state/store';
import { el, formatNumber, groupDigits, Scope } from './dom';

/** Options of {@link StatusLine}. */
export interface StatusLineOptions {
  /** Shortest time between two updates of the live text, in ms (default 500). */
  minIntervalMs?: number;
}

/** Symbol of the value each baseline kind publishes. */
const baselineSymbols: Readonly<Record<BaselineKind, string>> = {
  none: '',
  average: 'R̄',
  ema: 'b',
  learned: 'V',
  optimal: 'b*',
  loo: 'b',
};

/** The text for one agent's stats under `baseline`. */
export function statsText(stats: PublishedStats, baseline: BaselineKind, estimator = 'score'): string {
  const sym = baselineSymbols[baseline];
  const value =
    sym && Number.isFinite(stats.baselineValue) ? ` (${sym} = ${formatNumber(stats.baselineValue)})` : '';
  return [
    `Episode ${groupDigits(stats.episodes)}`,
    `step ${groupDigits(stats.steps)}`,
    `mean return (last 100) ${formatNumber(stats.meanReturn)}`,
    estimator === 'pathwise' ? 'estimator: pathwise (no baseline)' : `baseline: ${baseline}${value}`,
  ].join(' · ');
}

/** The status lines of the state: one per agent (prefixed "A:"/"B:" when comparing). */
export function statusLines(s: Playground): string[] {
  const { A, B } = s.stats;
  if (!A) return ['Ready: press Play or Step.'];
  if (!s.compare.enabled || !B) return [statsText(A, s.config.baseline, s.config.estimator)];
  return [
    `A: ${statsText(A, s.config.baseline, s.config.estimator)}`,
    `B: ${statsText(B, s.compare.b.baseline || s.config.baseline, s.compare.b.estimator || s.config.estimator)}`,
  ];
}

/** The run error(s) of the state, or an empty string. */
export function errorText(s: Playground): string {
  const { A, B } = s.stats;
  const both = s.compare.enabled && B;
  return [A?.error ? `${both ? 'A: ' : ''}${A.error}` : '', both && B.error ? `B: ${B.error}` : '']
    .filter(Boolean)
    .join(' ');
}

/** Options of {@link Announcer}. */
export interface AnnouncerOptions {
  /** Element id of the region. */
  id: string;
  /** Extra CSS class (the region always has `announce`). */
  className?: string;
  /** The message is cleared after this many ms (default 5000), so stale text does not linger on screen. */
  clearMs?: number;
}

/**
 * A polite live region (`role="status"`) for one-off messages. Saying the same text twice is announced twice
 * (the text alternates a trailing no-break space, so assistive technology sees a change).
 */
export class Announcer {
  /** The region: `p.announce`, empty (and hidden by CSS) between messages. */
  readonly root: HTMLParagraphElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flip = false;

  /** Creates the (detached) region; the caller places `root`. */
  constructor(private readonly options: AnnouncerOptions) {
    this.root = el('p', {
      id: options.id,
      class: ['announce', options.className].filter(Boolean).join(' '),
      attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
    });
  }

  /** Shows and announces `text` (politely: after whatever the screen reader is saying). */
  say(text: string): void {
    this.flip = !this.flip;
    this.root.textContent = this.flip ? text : `${text}\u00a0`;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.root.textContent = '';
    }, this.options.clearMs ?? 5000);
  }

  /** The message on screen ('' when none), without the alternating trailing space. */
  get text(): string {
    return (this.root.textContent ?? '').replace(/\u00a0$/, '');
  }

  /** Cancels the pending clear and removes the region. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.root.remove();
  }
}

/** The status and error regions, appended to `parent` as `div.status-line`. */
export class StatusLine {
  /** Wrapper of both regions. */
  readonly root: HTMLDivElement;
  /** One-off messages (what a keyboard shortcut did), shown under the status text: `p#announce`. */
  readonly announcer = new Announcer({ id: 'announce' });
  private readonly scope = new Scope();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  /** Mounts into `parent` and follows `store`. */
  constructor(
    parent: HTMLElement,
    private readonly store: PlaygroundStore,
    private readonly options: StatusLineOptions = {},
  ) {
    const status = el('div', {
      id: 'status',
      class: 'status',
      attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
    });
    const alert = el('div', { id: 'run-error', class: 'run-error', attrs: { role: 'alert' } });
    this.root = el('div', { class: 'status-line' }, [status, this.announcer.root, alert]);
    parent.append(this.root);
    const paint = () => {
      const lines = statusLines(this.store.getState());
      status.replaceChildren(...lines.map((t) => el('p', { text: t })));
    };
    const renderStatus = () => {
      this.timer = undefined;
      this.last = Date.now();
      paint();
    };
    const schedule = () => {
      const wait = (this.options.minIntervalMs ?? 500) - (Date.now() - this.last);
      if (wait <= 0) renderStatus();
      else if (this.timer === undefined) this.timer = setTimeout(renderStatus, wait);
    };
    const renderError = (text: string) => void (alert.textContent = text);
    paint();
    renderError(errorText(store.getState()));
    this.scope.add(store.subscribe((s) => s.stats, schedule));
    this.scope.add(store.subscribe((s) => s.compare, schedule));
    this.scope.add(store.subscribe((s) => s.config.baseline, schedule));
    this.scope.add(store.subscribe(errorText, renderError));
    this.scope.add(() => {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.announcer.dispose();
      this.root.remove();
    });
  }

  /** Announces (and briefly shows) a one-off message; see {@link Announcer}. */
  announce(text: string): void {
    this.announcer.say(text);
  }

  /** Stops following the store and removes the regions. */
  dispose(): void {
    this.scope.dispose();
  }
}
