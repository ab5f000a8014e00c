/**
 * The project's only mathjs instance, trimmed to what expressions need: `parse` (user text → tree) and
 * `simplify` (pretty derivative text, display only). Following the mathjs security page, the instance's
 * `import`, `createUnit`, `evaluate`, `parse`, `simplify`, `derivative` and `compile` are replaced by
 * functions that throw, after the two we use are captured here. User text is never evaluated by mathjs at
 * all: it is parsed, and the parse tree is only read by the whitelist in `fromMathjs.ts`.
 */
import { create, parseDependencies, simplifyDependencies } from 'mathjs';
import type { MathNode } from 'mathjs';

const math = create({ parseDependencies, simplifyDependencies }, { number: 'number' });
const mathParse = math.parse;
const mathSimplify = math.simplify;

const disabled = (name: string) =>
  function disabledFunction(): never {
    throw new Error(`function "${name}" is disabled`);
  };

math.import(
  {
    import: disabled('import'),
    createUnit: disabled('createUnit'),
    evaluate: disabled('evaluate'),
    parse: disabled('parse'),
    simplify: disabled('simplify'),
    derivative: disabled('derivative'),
    compile: disabled('compile'),
  },
  { override: true },
);

/** Parses text into a mathjs tree (throws mathjs's `SyntaxError`, whose `char` is 1-based). */
export function parseMath(text: string): MathNode {
  return mathParse(text);
}

/** Simplifies expression text (about 3–50 ms; display only). Throws when mathjs cannot handle a node. */
export function simplifyText(text: string): string {
  return mathSimplify(text).toString();
}
