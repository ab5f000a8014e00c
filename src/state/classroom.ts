/**
 * Classroom links (TF Playground's "hide controls" feature): the ids of the controls a teacher may hide on
 * each page, grouped by section, and the link's `hide=<ids>` value read defensively. Pure data; the DOM side
 * (tagging controls, hiding them, the banner) is src/ui/classroom.ts.
 *
 * A classroom link carries the configuration plus `hide=`; while the student changes visible controls the
 * page keeps the teacher's setup (the link's own settings) so "Restore the teacher's setup" can reapply it.
 */
import { clip, encode } from './hashPairs';

/** One control (or a whole section) a teacher can hide. */
export interface Hideable {
  /** The id in `hide=` (lower-case, `a-z`, digits and `-`). */
  readonly id: string;
  /** Label in the classroom-link builder. */
  readonly label: string;
}

/** A section: hiding it hides all its controls; or a subset of its controls can be hidden. */
export interface HideableSection extends Hideable {
  /** Controls inside the section that can be hidden one by one. */
  readonly controls: readonly Hideable[];
}

/** The two pages with classroom links. */
export type ClassroomPage = 'playground' | 'lab';

/** The playground's hideable sections and controls, in sidebar order. */
export const PLAYGROUND_HIDEABLE: readonly HideableSection[] = [
  {
    id: 'run',
    label: 'Run section (Play, Step, Reset…)',
    controls: [
      { id: 'new-seed', label: 'New seed button' },
      { id: 'speed', label: 'Speed slider' },
    ],
  },
  {
    id: 'env',
    label: 'Environment section',
    controls: [
      { id: 'environment', label: 'Environment menu' },
      { id: 'env-options', label: 'Environment options (arms, map, slip, r(a)…)' },
    ],
  },
  {
    id: 'agent',
    label: 'Agent section',
    controls: [
      { id: 'estimator', label: 'Estimator' },
      { id: 'baseline', label: 'Baseline' },
      { id: 'lr', label: 'Learning rate (field and slider)' },
      { id: 'baseline-lr', label: 'Baseline rate' },
      { id: 'gamma', label: 'Discount γ' },
      { id: 'batch', label: 'Batch size' },
      { id: 'optimizer', label: 'Optimizer' },
      { id: 'seed', label: 'Seed' },
    ],
  },
  { id: 'compare', label: 'Compare (A/B) section', controls: [] },
  {
    id: 'view',
    label: 'View section',
    controls: [
      { id: 'true-means', label: 'Show true q*(a)' },
      { id: 'value-heatmap', label: 'Show V(s) heatmap' },
      { id: 'map-editor', label: 'Map editor' },
    ],
  },
  { id: 'experiments', label: 'Saved experiments', controls: [] },
  { id: 'multi-seed', label: 'Multi-seed section', controls: [] },
  { id: 'export', label: 'Export section', controls: [] },
];

/** The lab's hideable sections and controls (no id equals an estimator name: old `hide=` links list those). */
export const LAB_HIDEABLE: readonly HideableSection[] = [
  {
    id: 'function',
    label: 'Function section',
    controls: [
      { id: 'f', label: 'f(z) and its presets' },
      { id: 'k', label: 'k' },
      { id: 'k-range', label: 'Sweep range of k' },
    ],
  },
  {
    id: 'distribution',
    label: 'Distribution section',
    controls: [
      { id: 'mu', label: 'μ (mean)' },
      { id: 'sigma', label: 'σ (standard deviation)' },
    ],
  },
  {
    id: 'estimators',
    label: 'Estimators section',
    controls: [
      { id: 'show-estimators', label: 'Which estimators are shown' },
      { id: 'samples', label: 'Samples per histogram' },
      { id: 'batch', label: 'Leave-one-out batch N' },
      { id: 'seed', label: 'Seed and New seed' },
    ],
  },
  {
    id: 'variance',
    label: 'Variance panels section',
    controls: [
      { id: 'param', label: 'Gradient component' },
      { id: 'target', label: 'Target standard error τ' },
    ],
  },
  {
    id: 'race',
    label: 'Optimisation race section',
    controls: [
      { id: 'race-settings', label: 'Goal, step size, steps, samples' },
      { id: 'race-start', label: 'Start μ and σ' },
    ],
  },
  { id: 'export', label: 'Export section', controls: [] },
  { id: 'experiments', label: 'Saved experiments', controls: [] },
];

/** The hideable sections of a page. */
export function hideableOf(page: ClassroomPage): readonly HideableSection[] {
  return page === 'lab' ? LAB_HIDEABLE : PLAYGROUND_HIDEABLE;
}

/** Every hideable id of a page (sections first in sidebar order, each followed by its controls). */
export function hideableIds(page: ClassroomPage): string[] {
  return hideableOf(page).flatMap((s) => [s.id, ...s.controls.map((c) => c.id)]);
}

/** A classroom in progress: what is hidden, and the teacher's setup (a hash without `#`, `hide` or `setup`). */
export interface ClassroomState {
  /** Hidden ids, in {@link hideableIds} order. */
  hidden: string[];
  /** The link's own settings, reapplied by "Restore the teacher's setup". */
  setup: string;
}

/**
 * Reads a `hide=` value: a comma list of ids. Known ids are kept in canonical order (duplicates dropped);
 * unknown ones are reported in one line. `extra` names are passed through for the caller (the lab's old links
 * listed hidden estimators here).
 */
export function parseHide(
  page: ClassroomPage,
  raw: string,
  extra: readonly string[] = [],
): { hidden: string[]; extra: string[]; error: string | null } {
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const known = hideableIds(page);
  const bad = names.filter((n) => !known.includes(n) && !extra.includes(n));
  const error =
    bad.length === 0
      ? null
      : `hide: unknown control${bad.length > 1 ? 's' : ''} ${bad
          .slice(0, 3)
          .map((b) => `"${clip(b)}"`)
          .join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''} (ignored)`;
  return {
    hidden: known.filter((id) => names.includes(id)),
    extra: extra.filter((n) => names.includes(n)),
    error,
  };
}

/**
 * Whether the control `id` is hidden in `classroom` (itself or its whole section): for the few ways to change
 * a setting without its control (clicks on a plot, keyboard shortcuts), which must respect the teacher too.
 */
export function isHidden(page: ClassroomPage, classroom: ClassroomState | null, id: string): boolean {
  if (!classroom) return false;
  if (classroom.hidden.includes(id)) return true;
  const section = hideableOf(page).find((s) => s.controls.some((c) => c.id === id));
  return section !== undefined && classroom.hidden.includes(section.id);
}

/** Canonical order and no duplicates: the ids of `ids` that the page knows. */
export function canonicalHidden(page: ClassroomPage, ids: readonly string[]): string[] {
  return hideableIds(page).filter((id) => ids.includes(id));
}

/**
 * The classroom's part of a link after the page's own settings `own`: `hide=<ids>` and, when the settings
 * differ from the teacher's, `setup=<the teacher's settings>`. No classroom: `own` unchanged.
 */
export function withClassroom(own: string, classroom: ClassroomState | null): string {
  if (!classroom || classroom.hidden.length === 0) return own;
  const hide = `hide=${encode(classroom.hidden.join(','))}`;
  return classroom.setup === own ? `${own}&${hide}` : `${own}&${hide}&setup=${encode(classroom.setup)}`;
}

/** A page's settings `own` as a classroom link hiding `hidden` (the settings are the teacher's setup). */
export function classroomLink(own: string, hidden: readonly string[]): string {
  return withClassroom(own, hidden.length > 0 ? { hidden: [...hidden], setup: own } : null);
}

/**
 * The classroom a link describes: its `hidden` ids and the teacher's setup, which is the `setup=` value
 * (read with the page's reader, `readSetup`, whose complaints are prefixed "setup: ") or else the link's own
 * settings `own`. A `setup=` without hidden ids is reported and ignored.
 */
export function classroomOf(
  hidden: string[],
  setup: string | undefined,
  own: string,
  readSetup: (setup: string) => { own: string; errors: string[] },
  errors: string[],
): ClassroomState | null {
  if (hidden.length === 0) {
    if (setup !== undefined) errors.push('setup: only used together with hide (ignored)');
    return null;
  }
  if (setup === undefined) return { hidden, setup: own };
  const inner = readSetup(setup);
  errors.push(...inner.errors.map((e) => (e.startsWith('setup: ') ? e : `setup: ${e}`)));
  return { hidden, setup: inner.own };
}
