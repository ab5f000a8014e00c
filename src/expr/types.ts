/**
 * Public types of the expression compiler (see `compile.ts`). Kept apart so the implementation files can share
 * them without import cycles.
 */
import type { ScalarFunction } from '../core/env';
import type { Kernel } from './emit';

/** How regular r is in the variable: kinked = continuous but not differentiable somewhere. */
export type Smoothness = 'smooth' | 'kinked' | 'piecewise-constant';

/** Options for `compileExpression`. */
export interface CompileOptions {
  /** The free variable: `'a'` for rewards, `'z'` for the lab. */
  variable: string;
  /** Named constants (e.g. `{ k: 2 }`) the text may reference, bound at compile time. */
  params?: Readonly<Record<string, number>>;
  /** Maximum text length in characters (default 200). */
  maxLength?: number;
}

/** Options for `compileExpressionWithParams`. */
export interface ParametricOptions {
  /** The free variable, e.g. `'z'`. */
  variable: string;
  /** Parameter names in the order of the `p` array passed to `f(x, p)` / `df(x, p)`. */
  paramNames: readonly string[];
  /** Maximum text length in characters (default 200). */
  maxLength?: number;
}

/** What the compiler found out about an expression (shared by bound and parametric forms). */
export interface ExpressionInfo {
  /** The user's text, trimmed. */
  readonly source: string;
  /** The derivative, simplified, as text (display only; computed on first read, ~3–60 ms; ≤ 500 chars). */
  readonly derivativeSource: string;
  /** smooth, kinked (abs, min, max…) or piecewise-constant (derivative zero almost everywhere). */
  readonly smoothness: Smoothness;
  /** The derivative is zero almost everywhere: the pathwise estimator sees no signal. */
  readonly pathwiseBlind: boolean;
  /** May jump (comparison, conditional, sign, floor…): pathwise gradients are then biased. Conservative. */
  readonly discontinuous: boolean;
  /** The params the text uses, in declaration order. */
  readonly params: string[];
  /** Set when the value is not finite at some probe points, e.g. `not finite at a = 0`; else undefined. */
  readonly warning?: string;
}

/** A compiled one-variable expression: r(a), r′(a) and what is known about them. */
export interface CompiledExpression extends ScalarFunction, ExpressionInfo {}

/** An expression in the variable and named params; `bind` fixes the params without recompiling. */
export interface ParametricExpression extends ExpressionInfo {
  /** Parameter order of `p` (copied from the options). */
  readonly paramNames: readonly string[];
  /** r(x, p): value at x with p[i] the value of paramNames[i]; pass a Float64Array you own and mutate. */
  readonly f: Kernel;
  /** r′(x, p) with respect to x. */
  readonly df: Kernel;
  /** Fixes the params (every name in paramNames must be finite); cheap: no parsing, no code generation. */
  bind(values: Readonly<Record<string, number>>): CompiledExpression;
}

/** Success with a value, or a one-line error and the 0-based offset of the problem in the text when known. */
export type CompileResult<T = CompiledExpression> =
  { ok: true; value: T } | { ok: false; error: string; index?: number };
