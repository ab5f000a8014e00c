/**
 * The expression language's own small tree (IR). User text is parsed by mathjs, checked against a whitelist
 * and converted into this tree (see `fromMathjs.ts`); everything after that (differentiation, analysis, code
 * generation, printing) works on this tree only, so no mathjs object ever reaches the hot path.
 *
 * Semantics: numbers are IEEE doubles; comparisons and logic give 1 or 0; a conditional takes its first
 * branch when the test is truthy (non-zero and not NaN).
 */

/** One-argument functions of the language (after aliasing `heaviside` → `step`). */
export type UnaryFn =
  | 'sin'
  | 'cos'
  | 'tan'
  | 'exp'
  | 'log'
  | 'log1p'
  | 'sqrt'
  | 'abs'
  | 'tanh'
  | 'sinh'
  | 'cosh'
  | 'atan'
  | 'asin'
  | 'acos'
  | 'sign'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'step'
  | 'not';

/** Two-argument functions of the language (n-ary `min`/`max` are nested into these). */
export type BinaryFn = 'min' | 'max';

/** Arithmetic operators (`pow(u, v)` becomes `^`). */
export type ArithOp = '+' | '-' | '*' | '/' | '^';

/** Comparison operators; the result is 1 or 0. */
export type CompareOp = '<' | '>' | '<=' | '>=' | '==' | '!=';

/** An expression tree node. Trees are immutable and may share subtrees. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var' }
  | { readonly kind: 'param'; readonly index: number; readonly name: string }
  | { readonly kind: 'const'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call1'; readonly fn: UnaryFn; readonly arg: Expr }
  | { readonly kind: 'call2'; readonly fn: BinaryFn; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'cond'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr };

/** A user-facing compile error: one line of text and, when known, the 0-based offset of the problem. */
export class ExprError extends Error {
  /** 0-based character offset into the user's text, when known. */
  readonly index: number | undefined;

  constructor(message: string, index?: number) {
    super(message);
    this.name = 'ExprError';
    this.index = index;
  }
}

/** Value of a named constant. */
export const CONSTANTS: Readonly<Record<'pi' | 'e', number>> = { pi: Math.PI, e: Math.E };

/** A number literal. */
export const num = (value: number): Expr => ({ kind: 'num', value });

const ZERO = num(0);
const ONE = num(1);

const isNum = (e: Expr, v?: number): e is { kind: 'num'; value: number } =>
  e.kind === 'num' && (v === undefined || e.value === v);

/** Folds `op` over two numbers, keeping the tree when the result would not be finite. */
function fold(op: ArithOp, a: number, b: number): Expr | undefined {
  const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a ** b;
  return Number.isFinite(r) ? num(r) : undefined;
}

/**
 * Builds `left op right` with the identities the derivative needs to stay readable (0 + u, 1·u, u^1, number
 * folding…). Used for derivatives only: the user's own tree is kept as typed.
 */
export function arith(op: ArithOp, left: Expr, right: Expr): Expr {
  if (isNum(left) && isNum(right)) {
    const folded = fold(op, left.value, right.value);
    if (folded) return folded;
  }
  switch (op) {
    case '+':
      if (isNum(left, 0)) return right;
      if (isNum(right, 0)) return left;
      if (right.kind === 'neg') return arith('-', left, right.arg);
      break;
    case '-':
      if (isNum(right, 0)) return left;
      if (isNum(left, 0)) return neg(right);
      if (right.kind === 'neg') return arith('+', left, right.arg);
      break;
    case '*':
      if (isNum(left, 0) || isNum(right, 0)) return ZERO;
      if (isNum(left, 1)) return right;
      if (isNum(right, 1)) return left;
      if (isNum(left, -1)) return neg(right);
      if (isNum(right, -1)) return neg(left);
      if (left.kind === 'neg') return neg(arith('*', left.arg, right));
      if (right.kind === 'neg') return neg(arith('*', left, right.arg));
      if (isNum(right)) return arith('*', right, left);
      if (right.kind === 'arith' && right.op === '*') {
        // Numbers to the front: 2·(3·u) → 6·u, u·(2·v) → 2·(u·v), printed left to right.
        if (isNum(left)) return arith('*', arith('*', left, right.left), right.right);
        if (isNum(right.left)) return arith('*', right.left, arith('*', left, right.right));
      }
      break;
    case '/':
      if (isNum(left, 0)) return ZERO;
      if (isNum(right, 1)) return left;
      if (left.kind === 'neg') return neg(arith('/', left.arg, right));
      if (same(left, right)) return ONE;
      break;
    case '^':
      if (isNum(right, 0)) return ONE;
      if (isNum(right, 1)) return left;
      break;
  }
  return { kind: 'arith', op, left, right };
}

/** Builds `-arg`, folding numbers and double negation. */
export function neg(arg: Expr): Expr {
  if (isNum(arg)) return num(-arg.value);
  if (arg.kind === 'neg') return arg.arg;
  return { kind: 'neg', arg };
}

/** Builds `test ? then : otherwise`, collapsing equal numeric branches. */
export function cond(test: Expr, then: Expr, otherwise: Expr): Expr {
  if (isNum(then) && isNum(otherwise) && Object.is(then.value, otherwise.value)) return then;
  return { kind: 'cond', test, then, otherwise };
}

/** Builds a one-argument call. */
export const call1 = (fn: UnaryFn, arg: Expr): Expr => ({ kind: 'call1', fn, arg });

/** The direct subtrees of a node. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'var':
    case 'param':
    case 'const':
      return [];
    case 'neg':
    case 'call1':
      return [e.arg];
    case 'cond':
      return [e.test, e.then, e.otherwise];
    default:
      return [e.left, e.right];
  }
}

/** Structural equality. */
export function same(x: Expr, y: Expr): boolean {
  if (x === y) return true;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'num':
      return Object.is(x.value, (y as typeof x).value);
    case 'param':
    case 'const':
      return x.name === (y as typeof x).name;
    case 'var':
      return true;
    case 'arith':
    case 'compare':
    case 'logic':
      if (x.op !== (y as typeof x).op) return false;
      break;
    case 'call1':
    case 'call2':
      if (x.fn !== (y as typeof x).fn) return false;
      break;
    default:
      break;
  }
  const a = children(x);
  const b = children(y);
  return a.length === b.length && a.every((c, i) => same(c, b[i]));
}

/** True when the tree mentions the variable. */
export function dependsOnVar(e: Expr): boolean {
  return e.kind === 'var' || children(e).some(dependsOnVar);
}

/** Number of nodes in the tree (counting shared subtrees once per use). */
export function size(e: Expr): number {
  return children(e).reduce((n, c) => n + size(c), 1);
}

/** Binding strength used by the printer (higher binds tighter; mathjs's precedence order). */
function precedence(e: Expr): number {
  switch (e.kind) {
    case 'cond':
      return 1;
    case 'logic':
      return e.op === 'or' ? 2 : 3;
    case 'compare':
      return 4;
    case 'arith':
      return e.op === '+' || e.op === '-' ? 5 : e.op === '^' ? 8 : 6;
    case 'neg':
      return 7;
    case 'call1':
      return e.fn === 'not' ? 7 : 9;
    case 'num':
      return e.value < 0 || Object.is(e.value, -0) ? 7 : 9;
    default:
      return 9;
  }
}

/** Prints the tree as mathjs-compatible text with minimal parentheses, e.g. `-(2 * (a - 2))`. */
export function toText(e: Expr, variable: string): string {
  const wrap = (child: Expr, parenthesize: boolean): string =>
    parenthesize ? `(${toText(child, variable)})` : toText(child, variable);
  const p = precedence(e);
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'var':
      return variable;
    case 'param':
    case 'const':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, precedence(e.arg) < 8)}`;
    case 'arith': {
      if (e.op === '^')
        return `${wrap(e.left, precedence(e.left) <= 8)} ^ ${wrap(e.right, precedence(e.right) < 9)}`;
      const strictRight = e.op === '-' || e.op === '/';
      const r = precedence(e.right);
      return `${wrap(e.left, precedence(e.left) < p)} ${e.op} ${wrap(e.right, strictRight ? r <= p : r < p)}`;
    }
    case 'compare':
    case 'logic':
      return `${wrap(e.left, precedence(e.left) <= p)} ${e.op} ${wrap(e.right, precedence(e.right) <= p)}`;
    case 'call1':
      return e.fn === 'not'
        ? `not ${wrap(e.arg, precedence(e.arg) < 8)}`
        : `${e.fn}(${toText(e.arg, variable)})`;
    case 'call2':
      return `${e.fn}(${toText(e.left, variable)}, ${toText(e.right, variable)})`;
    case 'cond':
      return `${wrap(e.test, precedence(e.test) <= 1)} ? ${wrap(e.then, precedence(e.then) <= 1)} : ${wrap(e.otherwise, precedence(e.otherwise) <= 1)}`;
  }
}
