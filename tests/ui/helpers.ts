// Testing-library-style queries for the DOM tests (happy-dom): find controls the way a user (or an e2e test)
// does — by their visible label text or a button's accessible name — and fire the events a browser fires.

/** The control whose visible `<label for>` text is exactly `text`; throws if none or several. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(
  text: string,
  root: ParentNode = document,
): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim() === text);
  if (labels.length !== 1) throw new Error(`expected one label "${text}", found ${labels.length}`);
  const id = labels[0].getAttribute('for');
  const control = id ? document.getElementById(id) : null;
  if (!control) throw new Error(`label "${text}" points at no control (for="${id}")`);
  return control as T;
}

/** Whether a control labelled `text` exists. */
export function hasLabel(text: string, root: ParentNode = document): boolean {
  return [...root.querySelectorAll('label')].some((l) => l.textContent?.trim() === text);
}

/** The button whose accessible name (aria-label or text) is exactly `name`. */
export function byButton(name: string, root: ParentNode = document): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
  );
  if (found.length !== 1) throw new Error(`expected one button "${name}", found ${found.length}`);
  return found[0];
}

/** Sets a value and fires `input` then `change`, like typing and leaving the field. */
export function type(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Sets a value and fires `input` only (a debounced field has not been left yet). */
export function typeOnly(control: HTMLInputElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Clicks a checkbox/radio/button. */
export function click(control: HTMLElement): void {
  control.click();
}
