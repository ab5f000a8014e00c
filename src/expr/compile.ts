/**
 * User-typed formulas → plain JS functions with their derivatives, once per edit (house style §7; mathjs
 * security and performance pages). Pipeline: length/emptiness checks → mathjs `parse` → whitelist walk into
 * our own tree (`fromMathjs.ts`) → symbolic derivative (`derivative.ts`) → JS code generation (`emit.ts`) →
 * finiteness probe. mathjs never runs in the returned functions; the simplified derivative text is computed
 * lazily, on first read. Nothing here throws for bad user input: errors come back as `{ ok: false }`.
 */
import { children, ExprError } from './ast';
import type { Expr } from './ast';
import { derive, regularity } from './derivative';
import { displayText } from './display';
import { emitExpression } from './emit';
import type { Emitted, Kernel } from './emit';
import { Parametric } from './Parametric';
import type { Meta } from './Parametric';
import type {
  CompileOptions,
  CompileResult,
  ParametricExpression,
  ParametricOptions,
  Smoothness,
} from './types';
import { ALLOWED_FUNCTIONS, fromMathjs } from './fromMathjs';
import { parseMath } from './mathjs';

/** Default {@link CompileOptions.maxLength}. */
export const DEFAULT_MAX_LENGTH = 200;

/** Points of the variable at which a new expression is evaluated to check it is finite somewhere. */
export const PROBE_POINTS: readonly number[] = Array.from({ length: 13 }, (_, i) => -3 + i / 2);

/** Values tried for every param when probing a parametric expression (param i gets value + i/10). */
const PARAM_PROBES: readonly number[] = [1, 0.5, 2, -1.5];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED: ReadonlySet<string> = new Set([
  ...ALLOWED_FUNCTIONS,
  ...'pi e and or not xor mod to in true false null undefined NaN Infinity end'.split(' '),
]);

/** Compiles `text` as a function of `options.variable`, with `options.params` bound as constants. */
export function compileExpression(text: string, options: CompileOptions): CompileResult {
  const params = options.params ?? {};
  const paramNames = Object.keys(params);
  for (const name of paramNames) {
    if (!Number.isFinite(params[name])) return fail(`param "${name}" must be a finite number`);
  }
  const values = Float64Array.from(paramNames, (name) => params[name]);
  const built = build(text, options.variable, paramNames, options.maxLength, [values]);
  return built.ok ? { ok: true, value: built.value.bind(params) } : built;
}

/** Compiles `text` as `f(x, p)` / `df(x, p)` so params (e.g. a slider's k) can change without recompiling. */
export function compileExpressionWithParams(
  text: string,
  options: ParametricOptions,
): CompileResult<ParametricExpression> {
  const n = options.paramNames.length;
  const probes = PARAM_PROBES.map((v) => Float64Array.from({ length: n }, (_, i) => v + i / 10));
  return build(text, options.variable, options.paramNames, options.maxLength, probes);
}

function fail(error: string, index?: number): { ok: false; error: string; index?: number } {
  return index === undefined ? { ok: false, error } : { ok: false, error, index };
}

function checkNames(variable: string, paramNames: readonly string[]): string | undefined {
  const names = [variable, ...paramNames];
  for (const name of names) {
    if (!IDENTIFIER.test(name) || RESERVED.has(name)) {
      return `"${name}" cannot be used as a variable or param name`;
    }
  }
  if (new Set(names).size !== names.length) {
    return `variable and param names must be distinct: ${names.join(', ')}`;
  }
  return undefined;
}

function build(
  text: string,
  variable: string,
  paramNames: readonly string[],
  maxLength = DEFAULT_MAX_LENGTH,
  probes: readonly Float64Array[],
): CompileResult<ParametricExpression> {
  try {
    const nameError = checkNames(variable, paramNames);
    if (nameError) return fail(nameError);
    if (typeof text !== 'string' || /^\s*(#.*)?$/.test(text)) return fail('the expression is empty');
    if (text.length > maxLength) {
      return fail(
        `the expression is too long (${text.length} characters; the limit is ${maxLength})`,
        maxLength,
      );
    }
    const expr = fromMathjs(parseChecked(text), { variable, paramNames }, text);
    const f = emitExpression(expr);
    const warning = probe(f.kernel, variable, probes);
    if (warning === null) {
      return fail(
        `the expression is not a finite number anywhere on ${variable} = −3…3 (e.g. log or sqrt of a negative)`,
      );
    }
    return { ok: true, value: parametric(expr, text.trim(), variable, paramNames, f, warning) };
  } catch (err) {
    if (err instanceof ExprError) return fail(err.message, err.index);
    return fail(`could not compile the expression: ${firstLine(err)}`);
  }
}

const firstLine = (err: unknown): string => String(err instanceof Error ? err.message : err).split('\n')[0];

/** mathjs parse with its errors translated: "Value expected (char 4)" → "value expected at position 4". */
function parseChecked(text: string) {
  try {
    return parseMath(text);
  } catch (err) {
    const message = firstLine(err);
    const char = (err as { char?: unknown }).char;
    const clean = message.replace(/\s*\(char \d+\)\s*$/, '');
    const lower = clean.charAt(0).toLowerCase() + clean.slice(1);
    if (typeof char !== 'number') throw new ExprError(`syntax error: ${lower}`);
    throw new ExprError(
      `syntax error: ${lower} at position ${char}`,
      Math.min(Math.max(char - 1, 0), text.length),
    );
  }
}

/** undefined when finite at every probe point, a warning when finite at some, null when finite at none. */
function probe(f: Kernel, variable: string, probes: readonly Float64Array[]): string | undefined | null {
  let anyFinite = false;
  const bad: number[] = [];
  probes.forEach((p, j) => {
    for (const x of PROBE_POINTS) {
      const finite = Number.isFinite(f(x, p));
      anyFinite ||= finite;
      if (!finite && j === 0) bad.push(x);
    }
  });
  if (!anyFinite) return null;
  if (bad.length === 0) return undefined;
  const shown = bad.slice(0, 4).join(', ') + (bad.length > 4 ? ', …' : '');
  return `not finite at ${variable} = ${shown} (${bad.length} of ${PROBE_POINTS.length} test points)`;
}

function parametric(
  expr: Expr,
  source: string,
  variable: string,
  paramNames: readonly string[],
  f: Emitted,
  warning: string | undefined,
): ParametricExpression {
  const d = derive(expr);
  const pathwiseBlind = d.kind === 'num' && d.value === 0;
  const { kinked, discontinuous } = regularity(expr);
  const smoothness: Smoothness =
    pathwiseBlind && discontinuous ? 'piecewise-constant' : kinked || discontinuous ? 'kinked' : 'smooth';
  const used = usedParams(expr);
  let derivativeText: string | undefined;
  const meta: Meta = {
    source,
    smoothness,
    pathwiseBlind,
    discontinuous,
    params: paramNames.filter((_, i) => used.has(i)),
    warning,
    derivativeText: () => (derivativeText ??= displayText(d, variable)),
  };
  return new Parametric(meta, paramNames, f, emitExpression(d));
}

function usedParams(e: Expr, out = new Set<number>()): Set<number> {
  if (e.kind === 'param') out.add(e.index);
  for (const c of children(e)) usedParams(c, out);
  return out;
}
