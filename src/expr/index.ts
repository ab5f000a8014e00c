/**
 * Expressions: the only module that imports mathjs. Turns user-typed formulas into plain JS functions and
 * their derivatives, once per edit; see `compile.ts`.
 */
export { compileExpression, compileExpressionWithParams, DEFAULT_MAX_LENGTH, PROBE_POINTS } from './compile';
export type {
  CompiledExpression,
  CompileOptions,
  CompileResult,
  ExpressionInfo,
  ParametricExpression,
  ParametricOptions,
  Smoothness,
} from './types';
export type { Kernel } from './emit';
