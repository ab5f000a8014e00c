/**
 * Small DOM helpers for the controls: element creation, a disposal scope and number formatting (its true
 * minus and exponent form shared with the renderer's labels through ../core/format.ts). No framework
 * (HOUSE-STYLE §2: src/ui/ is semantic HTML that talks to the store).
 */
import { exponential, groupDigits, withSign } from '../core/format';

/** Attributes and text for {@link el}; `false`/`undefined` attributes are left out, `true` ones set empty. */
export interface ElProps {
  id?: string;
  class?: string;
  text?: string;
  attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
}

/** Creates `<tag>` with the given props and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElProps = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.id) node.id = props.id;
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children);
  return node;
}

/** Collects cleanup functions and runs them once, newest first. */
export class Scope {
  private readonly fns: (() => void)[] = [];

  /** Registers a cleanup function and returns it. */
  add(fn: () => void): () => void {
    this.fns.push(fn);
    return fn;
  }

  /** Adds an event listener and registers its removal. */
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    fn: (ev: HTMLElementEventMap[K]) => void,
  ): void {
    target.addEventListener(type, fn);
    this.add(() => target.removeEventListener(type, fn));
  }

  /** Runs every cleanup (newest first) and forgets them. */
  dispose(): void {
    while (this.fns.length > 0) this.fns.pop()!();
  }
}

export { groupDigits } from '../core/format';

/**
 * A readable number: "—" if not finite, grouped integers from 1 000 up, two decimals down to 0.01, then
 * `digits` significant digits (0.00195, 1.2e-7). Negative numbers use a true minus sign.
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 1000) return groupDigits(x);
  const s =
    a >= 0.01 || a === 0 ? a.toFixed(2) : a >= 1e-4 ? a.toPrecision(digits) : a.toExponential(digits - 1);
  return withSign(x < 0, s);
}

/** Like {@link formatSig}, but at most ~7 characters: tiny and huge magnitudes in exponent form (6.3e-4). */
export function formatCompact(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return withSign(x < 0, exponential(a, digits - 2, false));
  return formatSig(x, digits);
}

/** `digits` significant digits without trailing zeros (0.024, −0.008, 1.2e-7, 1 230); "—" if not finite. */
export function formatSig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  const v = Number(x.toPrecision(digits));
  if (Math.abs(v) >= 1000 && Number.isInteger(v)) return groupDigits(v);
  return withSign(v < 0, String(Math.abs(v)));
}

/** A monospaced text input for a formula (no spellcheck or autofill), described by `${id}-error ${id}-note`. */
export function expressionInput(id: string): HTMLInputElement {
  return el('input', {
    id,
    class: 'mono',
    attrs: {
      type: 'text',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': `${id}-error ${id}-note`,
    },
  });
}

/**
 * Makes the page's skip link (`a.skip-link`, first in the body) move focus to `target` without touching
 * `location.hash` — the pages keep their configuration in the hash, so a plain `#main` jump would be read as
 * a (malformed) link. `target` gets `tabindex="-1"` if it is not focusable. Returns the cleanup.
 */
export function wireSkipLink(target: HTMLElement, doc: Document = document): () => void {
  const link = doc.querySelector<HTMLAnchorElement>('a.skip-link');
  if (!link) return () => undefined;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  const onClick = (ev: MouseEvent) => {
    ev.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  };
  link.addEventListener('click', onClick);
  return () => link.removeEventListener('click', onClick);
}

/** Puts "`what` could not start: …" at the top of the page as an alert (a page's last resort). */
export function showStartFailure(what: string, e: unknown): void {
  const msg = e instanceof Error ? e.message : String(e);
  document.body.prepend(el('p', { text: `${what} could not start: ${msg}`, attrs: { role: 'alert' } }));
}
