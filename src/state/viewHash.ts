/**
 * The playground's view in its link (TF Playground's "every view is a link"): the speed, whether it starts
 * playing, the bandit's true q*(a), the gridworld's V(s) heatmap and its inspected cell. Read defensively
 * like the rest of the hash (./url.ts): a bad value is one line in the warning notice and the default is kept;
 * only values that differ from a fresh page are written, so old links (without these keys) read as before.
 */
import { parseMap } from '../../envs/gridworld/parseMap';
import { findGridPreset } from '../../envs/gridworld/presets';
import type { RunConfig } from '../algos/config';
import { clip } from './hashPairs';
import { speeds } from './store';

/** The part of the view a link reproduces (plain data). */
export interface LinkView {
  /** Index into the store's speed levels. */
  speed: number;
  /** Start playing as soon as the page opens. */
  playing: boolean;
  /** Bandit: draw q*(a). */
  showTrueMeans: boolean;
  /** Gridworld: draw the V(s) heatmap. */
  showValue: boolean;
  /** Gridworld: the inspected cell (−1 none). */
  selectedCell: number;
}

/** The view of a fresh page (the store's initial values; a test keeps the two equal). */
export function defaultLinkView(): LinkView {
  return { speed: 4, playing: false, showTrueMeans: true, showValue: true, selectedCell: -1 };
}

/** Link names of the view keys. */
export const VIEW_KEYS = ['speed', 'play', 'true-means', 'heatmap', 'cell'] as const;

/** Reads a 0/1 flag (also true/false). */
function flag(name: string, raw: string): boolean | string {
  const v = raw.trim();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return `${name} must be 0 or 1 (got "${clip(raw)}")`;
}

/** Reads a whole number in [lo, hi]. */
function whole(name: string, raw: string, lo: number, hi: number): number | string {
  const v = raw.trim();
  const x = v === '' ? NaN : Number(v);
  if (Number.isInteger(x) && x >= lo && x <= hi) return x;
  return `${name} must be a whole number from ${lo} to ${hi} (got "${clip(raw)}")`;
}

/**
 * Applies one `name=raw` pair to `view` if `name` is a view key; returns false for other keys. A bad value
 * leaves `view` as it was and adds one line to `errors`. The cell is range-checked later ({@link checkCell}).
 */
export function readViewPair(view: LinkView, name: string, raw: string, errors: string[]): boolean {
  let r: number | boolean | string;
  switch (name) {
    case 'speed':
      r = whole(name, raw, 0, speeds.length - 1);
      if (typeof r === 'number') view.speed = r;
      break;
    case 'play':
      r = flag(name, raw);
      if (typeof r === 'boolean') view.playing = r;
      break;
    case 'true-means':
      r = flag(name, raw);
      if (typeof r === 'boolean') view.showTrueMeans = r;
      break;
    case 'heatmap':
      r = flag(name, raw);
      if (typeof r === 'boolean') view.showValue = r;
      break;
    case 'cell':
      r = whole(name, raw, 0, 30 * 30 - 1);
      if (typeof r === 'number') view.selectedCell = r;
      break;
    default:
      return false;
  }
  if (typeof r === 'string') errors.push(r);
  return true;
}

/** Number of cells of a gridworld config's map (0 if it does not parse). */
function cellCount(config: RunConfig): number {
  const text = findGridPreset(config.map)?.map ?? config.map;
  const r = parseMap(text);
  return r.ok ? r.map.width * r.map.height : 0;
}

/** Drops (and reports) an inspected cell that the config's map does not have. */
export function checkCell(view: LinkView, config: RunConfig, errors: string[]): void {
  if (view.selectedCell < 0) return;
  if (config.env !== 'gridworld') {
    errors.push('cell: only the gridworld has cells (ignored)');
    view.selectedCell = -1;
    return;
  }
  const n = cellCount(config);
  if (view.selectedCell >= n) {
    errors.push(`cell: the map has ${n} cells, numbered 0 to ${n - 1} (got ${view.selectedCell}; ignored)`);
    view.selectedCell = -1;
  }
}

/** The view's link entries: only what differs from a fresh page (the cell only for the gridworld). */
export function viewEntries(view: LinkView, config: RunConfig): [string, string][] {
  const d = defaultLinkView();
  const out: [string, string][] = [];
  if (view.speed !== d.speed) out.push(['speed', String(view.speed)]);
  if (view.playing) out.push(['play', '1']);
  if (view.showTrueMeans !== d.showTrueMeans) out.push(['true-means', view.showTrueMeans ? '1' : '0']);
  if (view.showValue !== d.showValue) out.push(['heatmap', view.showValue ? '1' : '0']);
  if (config.env === 'gridworld' && view.selectedCell >= 0) out.push(['cell', String(view.selectedCell)]);
  return out;
}
