/**
 * Pretty text for a derivative, for display only: mathjs `simplify` on each conditional-free piece (it cannot
 * simplify conditionals), kept only when clearly shorter than the plain print (simplify sometimes makes text
 * worse, e.g. `1 / 2 / sqrt(a)`); the plain print is used when simplify fails or the tree is too large to
 * simplify quickly. Never used to evaluate anything.
 */
import { children, size, toText } from './ast';
import type { Expr } from './ast';
import { simplifyText } from './mathjs';

/** Trees above this many nodes are printed as they are (simplify grows superlinearly, ~20 ms at 50 nodes). */
export const MAX_SIMPLIFY_NODES = 120;

const hasCond = (e: Expr): boolean => e.kind === 'cond' || children(e).some(hasCond);

/** simplify's text is used only when it is at least this many characters shorter than the plain print. */
const MIN_GAIN = 3;

/** Display text longer than this is cut and ends in "…" (pathological inputs give derivatives of ~60 kB). */
export const MAX_DISPLAY_CHARS = 500;

/** Simplified text of `e` (plain text when simplify is not possible), at most {@link MAX_DISPLAY_CHARS} long. */
export function displayText(e: Expr, variable: string): string {
  const text = pretty(e, variable);
  return text.length > MAX_DISPLAY_CHARS ? `${text.slice(0, MAX_DISPLAY_CHARS - 1)}…` : text;
}

function pretty(e: Expr, variable: string): string {
  if (e.kind === 'cond') {
    const part = (x: Expr): string => (x.kind === 'cond' ? `(${pretty(x, variable)})` : pretty(x, variable));
    const test = toText(e.test, variable);
    return `${e.test.kind === 'cond' ? `(${test})` : test} ? ${part(e.then)} : ${part(e.otherwise)}`;
  }
  const plain = toText(e, variable);
  if (hasCond(e) || size(e) > MAX_SIMPLIFY_NODES) return plain;
  try {
    const simplified = simplifyText(plain);
    return simplified.length <= plain.length - MIN_GAIN ? simplified : plain;
  } catch {
    return plain;
  }
}
