/**
 * The whitelist: reads a mathjs parse tree and converts it into the project's own {@link Expr} tree, or
 * throws an {@link ExprError} naming the first construct that is not allowed. Only these node types pass:
 * number constants, symbols (the variable, declared params, `pi`, `e`), parentheses, the operators
 * `+ - * / ^`, unary `- +`, comparisons (also chained), `and`/`or`/`not`, calls of whitelisted functions and
 * `c ? x : y`. mathjs nodes carry no source positions, so error offsets are recovered by searching the text.
 */
import type {
  ConditionalNode,
  ConstantNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  RelationalNode,
  SymbolNode,
} from 'mathjs';
import { ExprError } from './ast';
import type { ArithOp, BinaryFn, CompareOp, Expr, UnaryFn } from './ast';

/** Names the converter resolves symbols against. */
export interface SymbolScope {
  /** The free variable, e.g. `a` or `z`. */
  readonly variable: string;
  /** Declared parameter names; a param's index in the generated code is its position here. */
  readonly paramNames: readonly string[];
}

const UNARY: Readonly<Record<string, UnaryFn>> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  exp: 'exp',
  log: 'log',
  log1p: 'log1p',
  sqrt: 'sqrt',
  abs: 'abs',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  atan: 'atan',
  asin: 'asin',
  acos: 'acos',
  sign: 'sign',
  floor: 'floor',
  ceil: 'ceil',
  round: 'round',
  step: 'step',
  heaviside: 'step',
};
const VARIADIC: ReadonlySet<string> = new Set<BinaryFn>(['min', 'max']);
const ARITH: ReadonlySet<string> = new Set<ArithOp>(['+', '-', '*', '/', '^']);
const COMPARE: ReadonlySet<string> = new Set<CompareOp>(['<', '>', '<=', '>=', '==', '!=']);
const RELATIONAL: Readonly<Record<string, CompareOp>> = {
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
};

/** Every function name the language accepts, for messages. */
export const ALLOWED_FUNCTIONS: readonly string[] = [...Object.keys(UNARY), 'min', 'max', 'pow'];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 0-based offset of identifier `name` in `text` (as a call when `call`), or undefined. */
function findName(text: string, name: string, call: boolean): number | undefined {
  const tail = call ? '\\s*\\(' : '(?![\\p{L}\\p{N}_$])';
  for (const head of ['(?<![\\p{L}\\p{N}_$])', '(?<![\\p{L}_$])']) {
    const m = new RegExp(`${head}${escapeRegExp(name)}${tail}`, 'u').exec(text);
    if (m) return m.index;
  }
  return undefined;
}

/** 0-based offset of the first match of `re` in `text`, or undefined. */
function findFirst(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? m.index : undefined;
}

const REJECTED_NODES: Readonly<Record<string, { message: string; at: RegExp }>> = {
  AssignmentNode: { message: 'assignment ("=") is not allowed; to compare, use ==', at: /(?<![<>=!])=(?!=)/ },
  FunctionAssignmentNode: { message: 'defining functions is not allowed', at: /(?<![<>=!])=(?!=)/ },
  AccessorNode: { message: 'indexing and property access are not allowed', at: /\[|\.(?!\d)/ },
  IndexNode: { message: 'indexing and property access are not allowed', at: /\[|\.(?!\d)/ },
  ArrayNode: { message: 'matrices and lists ("[…]") are not allowed', at: /\[/ },
  ObjectNode: { message: 'objects ("{…}") are not allowed', at: /\{/ },
  RangeNode: { message: 'ranges (":") are not allowed', at: /:/ },
  BlockNode: { message: 'write a single expression (no ";" or line breaks)', at: /[;\n]/ },
};

/** Converts a mathjs tree into an {@link Expr}, enforcing the whitelist. `text` is used for error offsets. */
export function fromMathjs(root: MathNode, scope: SymbolScope, text: string): Expr {
  const known = [scope.variable, ...scope.paramNames].join(', ');

  function symbol(name: string, afterNumber: boolean): Expr {
    if (name === scope.variable) return { kind: 'var' };
    const index = scope.paramNames.indexOf(name);
    if (index >= 0) return { kind: 'param', index, name };
    if (name === 'pi' || name === 'e') return { kind: 'const', name };
    const at = findName(text, name, false);
    if (name in UNARY || VARIADIC.has(name) || name === 'pow') {
      throw new ExprError(`"${name}" is a function: write ${name}(…)`, at);
    }
    const units = afterNumber ? ' (units are not supported)' : '';
    throw new ExprError(`unknown symbol "${name}" — use ${known}${units}`, at);
  }

  function constant(node: ConstantNode): Expr {
    const value: unknown = node.value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return { kind: 'num', value };
      throw new ExprError('numbers must be finite (no NaN, Infinity or overflowing literals)');
    }
    if (typeof value === 'string') {
      throw new ExprError(`strings are not allowed ("${value}")`, findFirst(text, /["']/));
    }
    if (typeof value === 'boolean') {
      throw new ExprError(`"${value}" is not a number; use 1 or 0`, findName(text, String(value), false));
    }
    throw new ExprError('expected a number');
  }

  function operator(node: OperatorNode): Expr {
    const { op, args } = node;
    if (args.length === 1) {
      if (op === '-') return { kind: 'neg', arg: convert(args[0]) };
      if (op === '+') return convert(args[0]);
      if (op === 'not') return { kind: 'call1', fn: 'not', arg: convert(args[0]) };
    } else if (args.length === 2) {
      if (ARITH.has(op)) {
        const left = convert(args[0]);
        const afterNumber = node.implicit && args[0].type === 'ConstantNode' && args[1].type === 'SymbolNode';
        const right = afterNumber ? symbol((args[1] as SymbolNode).name, true) : convert(args[1]);
        return { kind: 'arith', op: op as ArithOp, left, right };
      }
      if (COMPARE.has(op)) {
        return { kind: 'compare', op: op as CompareOp, left: convert(args[0]), right: convert(args[1]) };
      }
      if (op === 'and' || op === 'or') {
        return { kind: 'logic', op, left: convert(args[0]), right: convert(args[1]) };
      }
    }
    const what = op === '%' || op === 'mod' ? ' (modulo)' : '';
    throw new ExprError(
      `operator "${op}"${what} is not allowed`,
      findFirst(text, new RegExp(escapeRegExp(op))),
    );
  }

  function relational(node: RelationalNode): Expr {
    const params = node.params.map(convert);
    let out: Expr | undefined;
    node.conditionals.forEach((fn, i) => {
      const op = RELATIONAL[fn];
      if (!op) throw new ExprError(`comparison "${fn}" is not allowed`);
      const link: Expr = { kind: 'compare', op, left: params[i], right: params[i + 1] };
      out = out ? { kind: 'logic', op: 'and', left: out, right: link } : link;
    });
    if (!out) throw new ExprError('empty comparison');
    return out;
  }

  function call(node: FunctionNode): Expr {
    if (node.fn.type !== 'SymbolNode') throw new ExprError('only named functions can be called');
    const name = (node.fn as SymbolNode).name;
    const at = findName(text, name, true);
    const n = node.args.length;
    if (name in UNARY) {
      if (n !== 1) throw new ExprError(`${name} takes 1 argument, got ${n}`, at);
      return { kind: 'call1', fn: UNARY[name], arg: convert(node.args[0]) };
    }
    if (name === 'pow') {
      if (n !== 2) throw new ExprError(`pow takes 2 arguments, got ${n}`, at);
      return { kind: 'arith', op: '^', left: convert(node.args[0]), right: convert(node.args[1]) };
    }
    if (VARIADIC.has(name)) {
      if (n === 0) throw new ExprError(`${name} needs at least 1 argument`, at);
      const args = node.args.map(convert);
      return args.reduce((left, right) => ({ kind: 'call2', fn: name as BinaryFn, left, right }));
    }
    if (name === scope.variable || scope.paramNames.includes(name) || name === 'pi' || name === 'e') {
      throw new ExprError(`"${name}" is not a function; to multiply, write ${name} * (…)`, at);
    }
    throw new ExprError(`function "${name}" is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`, at);
  }

  function convert(node: MathNode): Expr {
    switch (node.type) {
      case 'ConstantNode':
        return constant(node as ConstantNode);
      case 'SymbolNode':
        return symbol((node as SymbolNode).name, false);
      case 'ParenthesisNode':
        return convert((node as ParenthesisNode).content);
      case 'OperatorNode':
        return operator(node as OperatorNode);
      case 'RelationalNode':
        return relational(node as RelationalNode);
      case 'FunctionNode':
        return call(node as FunctionNode);
      case 'ConditionalNode': {
        const c = node as ConditionalNode;
        return {
          kind: 'cond',
          test: convert(c.condition),
          then: convert(c.trueExpr),
          otherwise: convert(c.falseExpr),
        };
      }
      default: {
        const rejected = REJECTED_NODES[node.type];
        if (rejected) throw new ExprError(rejected.message, findFirst(text, rejected.at));
        throw new ExprError(`${node.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
      }
    }
  }

  return convert(root);
}
