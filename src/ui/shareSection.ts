/**
 * The "Share" panel: "Copy link" (the page exactly as it is) and a classroom-link builder (TF Playground's
 * classroom feature): the teacher ticks whole sections or single controls to hide, then "Copy classroom
 * link". Copying uses the Clipboard API; whatever happens, the link is also shown selected in a read-only
 * field (the fallback when the browser refuses), and the result is announced to screen readers.
 */
import { classroomLink, hideableOf, type ClassroomPage, type HideableSection } from '../state/classroom';
import { hideable, SHARE_ID } from './classroom';
import { el, Scope } from './dom';

/** Options of {@link mountShareSection}. */
export interface ShareOptions {
  /** Which registry of hideable controls to offer. */
  page: ClassroomPage;
  /** The page's settings now as a hash without `#` (`env=bandit&seed=1`; ../state/url.ts, labUrl.ts). */
  settings(): string;
  /** Writes text to the clipboard (default: `navigator.clipboard.writeText`); may reject. */
  copy?: (text: string) => Promise<void>;
}

function clipboardCopy(text: string): Promise<void> {
  const clip = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  return clip ? clip.writeText(text) : Promise.reject(new Error('no clipboard'));
}

/** One fieldset per section: "Whole section" and its controls (disabled while the whole section is ticked). */
function sectionBoxes(page: ClassroomPage, s: HideableSection, scope: Scope): HTMLFieldSetElement {
  const box = (id: string, label: string) => {
    const input = el('input', { id: `hide-${page}-${id}`, attrs: { type: 'checkbox', value: id } });
    return {
      input,
      root: el('div', { class: 'field field-check' }, [
        input,
        el('label', { text: label, attrs: { for: input.id } }),
      ]),
    };
  };
  const whole = box(s.id, s.controls.length > 0 ? 'Whole section' : 'Hide it');
  const parts = s.controls.map((c) => box(c.id, c.label));
  scope.listen(whole.input, 'change', () => {
    for (const p of parts) p.input.disabled = whole.input.checked;
  });
  return el('fieldset', { class: 'hide-group' }, [
    el('legend', { text: s.label }),
    whole.root,
    ...parts.map((p) => p.root),
  ]);
}

/** Mounts the Share panel into `parent`; returns its cleanup. */
export function mountShareSection(parent: HTMLElement, o: ShareOptions): () => void {
  const scope = new Scope();
  const copy = o.copy ?? clipboardCopy;
  const button = (id: string, text: string, title: string, cls = 'btn') =>
    el('button', { id, class: cls, text, attrs: { type: 'button', title } });
  const copyPlain = button('btn-copy-link', 'Copy link', 'Copy a link to exactly this setup and view');
  const copyClass = button(
    'btn-copy-classroom',
    'Copy classroom link',
    'Copy a link to this setup with the ticked controls hidden',
    'btn btn-primary',
  );
  // The boxes are built when the builder is first opened, so their labels ("Seed", …) do not double the
  // controls' own labels for anyone (or any test) looking a control up by its label.
  const groups: HTMLFieldSetElement[] = [];
  const groupsBox = el('div', { class: 'hide-groups' });
  const output = el('input', {
    id: `share-link-${o.page}`,
    class: 'mono share-link',
    attrs: {
      type: 'text',
      readonly: true,
      spellcheck: 'false',
      'aria-describedby': `share-status-${o.page}`,
    },
  });
  const status = el('p', {
    id: `share-status-${o.page}`,
    class: 'share-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const outputRow = el('div', { class: 'field share-output', attrs: { hidden: true } }, [
    el('label', { text: 'Link to share', attrs: { for: output.id } }),
    output,
    status,
  ]);
  const checked = () => {
    const ids: string[] = [];
    for (const g of groups) {
      for (const i of g.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
        if (i.checked && !i.disabled) ids.push(i.value);
      }
    }
    return ids;
  };
  const share = async (hidden: readonly string[], what: string) => {
    const text = `${location.href.split('#')[0]}#${classroomLink(o.settings(), hidden)}`;
    output.value = text;
    outputRow.hidden = false;
    output.focus();
    output.select();
    try {
      await copy(text);
      status.textContent = `Copied the ${what} to the clipboard.`;
    } catch {
      status.textContent = `Could not copy automatically: the ${what} is selected above, press Ctrl+C (⌘C) to copy it.`;
    }
  };
  scope.listen(copyPlain, 'click', () => void share([], 'link'));
  scope.listen(copyClass, 'click', () => {
    const ids = checked();
    if (ids.length === 0) {
      outputRow.hidden = false;
      output.value = '';
      status.textContent = 'Tick at least one control to hide first (or use Copy link).';
      return;
    }
    void share(ids, 'classroom link');
  });
  const details = el('details', { class: 'classroom-builder' }, [
    el('summary', { text: 'Classroom link: hide controls' }),
    el('p', {
      class: 'field-hint',
      text: 'Students who open it see this setup without the ticked controls, and can always restore it.',
    }),
    groupsBox,
    el('div', { class: 'share-buttons' }, [copyClass]),
  ]);
  scope.listen(details, 'toggle', () => {
    if (!details.open || groups.length > 0) return;
    groups.push(...hideableOf(o.page).map((s) => sectionBoxes(o.page, s, scope)));
    groupsBox.replaceChildren(...groups);
  });
  const section = hideable(
    el('section', { id: 'section-share', class: 'panel', attrs: { 'aria-labelledby': 'h-share' } }, [
      el('h2', { id: 'h-share', text: 'Share' }),
      el('div', { class: 'share-buttons' }, [copyPlain]),
      details,
      outputRow,
    ]),
    SHARE_ID,
  );
  parent.append(section);
  scope.add(() => section.remove());
  return () => scope.dispose();
}
