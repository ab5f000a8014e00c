/**
 * Symbolic differentiation with respect to the variable, over the whitelisted {@link Expr} tree, plus the
 * smoothness analysis the UI shows. Written here rather than with mathjs `derivative` because mathjs cannot
 * differentiate what a reward needs: conditionals, comparisons, `abs`, `sign`, `floor`, `min`/`max`. The
 * convention is the one the pathwise (reparameterisation) estimator uses (Mohamed et al. 2020, §5): the
 * derivative almost everywhere, so jumps contribute nothing, d(c ? x : y) = c ? x′ : y′, and kinks take
 * one side (abs′(0) = 0, min/max follow the selected argument).
 */
import { arith, call1, children, cond, dependsOnVar, neg, num } from './ast';
import type { Expr } from './ast';

const ZERO = num(0);
const ONE = num(1);
const sq = (u: Expr): Expr => arith('^', u, num(2));

/** u′ · outer, the chain rule (numbers are put in front by {@link arith}). */
const chain = (u: Expr, outer: Expr): Expr => arith('*', derive(u), outer);

/** d/dvar of `e`. Pieces that do not depend on the variable differentiate to 0. */
export function derive(e: Expr): Expr {
  if (!dependsOnVar(e)) return ZERO;
  switch (e.kind) {
    case 'var':
      return ONE;
    case 'neg':
      return neg(derive(e.arg));
    case 'compare':
    case 'logic':
      return ZERO;
    case 'cond':
      return cond(e.test, derive(e.then), derive(e.otherwise));
    case 'call2': {
      // min picks left when left <= right; max picks left when left >= right.
      const op = e.fn === 'min' ? '<=' : '>=';
      return cond({ kind: 'compare', op, left: e.left, right: e.right }, derive(e.left), derive(e.right));
    }
    case 'arith':
      return deriveArith(e.op, e.left, e.right);
    case 'call1':
      return deriveCall(e.fn, e.arg);
    default:
      return ZERO;
  }
}

function deriveArith(op: '+' | '-' | '*' | '/' | '^', u: Expr, v: Expr): Expr {
  const du = derive(u);
  const dv = derive(v);
  switch (op) {
    case '+':
      return arith('+', du, dv);
    case '-':
      return arith('-', du, dv);
    case '*':
      return arith('+', arith('*', du, v), arith('*', u, dv));
    case '/':
      if (!dependsOnVar(v)) return arith('/', du, v);
      return arith('/', arith('-', arith('*', du, v), arith('*', u, dv)), sq(v));
    case '^': {
      if (!dependsOnVar(v)) {
        // (u^c)′ = c·u^(c−1)·u′
        return arith('*', arith('*', v, arith('^', u, arith('-', v, ONE))), du);
      }
      const power: Expr = { kind: 'arith', op: '^', left: u, right: v };
      if (!dependsOnVar(u)) {
        // (c^v)′ = c^v·log(c)·v′ (log e = 1)
        const logU = u.kind === 'const' && u.name === 'e' ? ONE : call1('log', u);
        return arith('*', arith('*', power, logU), dv);
      }
      // (u^v)′ = u^v·(v′·log u + v·u′/u)
      return arith('*', power, arith('+', arith('*', dv, call1('log', u)), arith('/', arith('*', v, du), u)));
    }
  }
}

function deriveCall(fn: Extract<Expr, { kind: 'call1' }>['fn'], u: Expr): Expr {
  switch (fn) {
    case 'sin':
      return chain(u, call1('cos', u));
    case 'cos':
      return neg(chain(u, call1('sin', u)));
    case 'tan':
      return arith('/', derive(u), sq(call1('cos', u)));
    case 'exp':
      return chain(u, call1('exp', u));
    case 'log':
      return arith('/', derive(u), u);
    case 'log1p':
      return arith('/', derive(u), arith('+', ONE, u));
    case 'sqrt':
      return arith('/', derive(u), arith('*', num(2), call1('sqrt', u)));
    case 'abs':
      return chain(u, call1('sign', u));
    case 'tanh':
      return chain(u, arith('-', ONE, sq(call1('tanh', u))));
    case 'sinh':
      return chain(u, call1('cosh', u));
    case 'cosh':
      return chain(u, call1('sinh', u));
    case 'atan':
      return arith('/', derive(u), arith('+', ONE, sq(u)));
    case 'asin':
      return arith('/', derive(u), call1('sqrt', arith('-', ONE, sq(u))));
    case 'acos':
      return neg(arith('/', derive(u), call1('sqrt', arith('-', ONE, sq(u)))));
    case 'sign':
    case 'floor':
    case 'ceil':
    case 'round':
    case 'step':
    case 'not':
      return ZERO;
  }
}

/** How regular `e` is as a function of the variable (params held fixed). */
export interface Regularity {
  /** Continuous but not differentiable somewhere (abs, min, max of the variable). */
  readonly kinked: boolean;
  /** May jump: a comparison, logic, sign, floor/ceil/round/step or a conditional's test depends on it. */
  readonly discontinuous: boolean;
}

const JUMPS: ReadonlySet<string> = new Set(['sign', 'floor', 'ceil', 'round', 'step', 'not']);

/** Finds the non-smooth constructs that act on the variable. Conservative: "may", not "does". */
export function regularity(e: Expr): Regularity {
  let kinked = false;
  let discontinuous = false;
  const visit = (x: Expr): void => {
    if (!dependsOnVar(x)) return;
    if (x.kind === 'compare' || x.kind === 'logic') discontinuous = true;
    else if (x.kind === 'cond' && dependsOnVar(x.test)) discontinuous = true;
    else if (x.kind === 'call2') kinked = true;
    else if (x.kind === 'call1') {
      if (x.fn === 'abs') kinked = true;
      if (JUMPS.has(x.fn)) discontinuous = true;
    }
    children(x).forEach(visit);
  };
  visit(e);
  return { kinked, discontinuous };
}
