import type { LocalizedMessage } from '../errors/domain-error';
import { formulaError } from './formula-error';
import { CallNode, FORMULA_FUNCTION_NAMES, FormulaFunctionName } from './formula-node';

interface FunctionArity {
  readonly min: number;
  readonly max: number;
  /** How the arguments are named in an arity error, e.g. "a value and the number of digits". */
  readonly describe: LocalizedMessage;
}

const ARITIES: Readonly<Record<FormulaFunctionName, FunctionArity>> = {
  abs: { min: 1, max: 1, describe: { de: '1 Argument', en: '1 argument' } },
  if: {
    min: 3,
    max: 3,
    describe: {
      de: '3 Argumente (eine Bedingung, einen Dann- und einen Sonst-Wert)',
      en: '3 arguments (a condition, a then and an else value)',
    },
  },
  max: {
    min: 1,
    max: Infinity,
    describe: { de: 'mindestens 1 Argument', en: 'at least 1 argument' },
  },
  min: {
    min: 1,
    max: Infinity,
    describe: { de: 'mindestens 1 Argument', en: 'at least 1 argument' },
  },
  round: {
    min: 2,
    max: 2,
    describe: {
      de: '2 Argumente (einen Wert und die Zahl der Stellen)',
      en: '2 arguments (a value and the number of digits)',
    },
  },
  sum: {
    min: 1,
    max: Infinity,
    describe: { de: 'mindestens 1 Argument', en: 'at least 1 argument' },
  },
};

/** Words of the formula language; a KPI key may not be one of them. */
export const FORMULA_RESERVED_WORDS: readonly string[] = [
  'and',
  'or',
  'not',
  ...FORMULA_FUNCTION_NAMES,
];

export const isFormulaFunctionName = (name: string): name is FormulaFunctionName =>
  (FORMULA_FUNCTION_NAMES as readonly string[]).includes(name);

/** Throws a `FormulaInvalid` domain error when a call has the wrong number of arguments. */
export function checkArity(node: CallNode): void {
  const arity = ARITIES[node.name];
  const count = node.args.length;
  if (count < arity.min || count > arity.max) {
    throw formulaError('formula_type', {
      de: `${node.name}() an Position ${node.position} nimmt ${arity.describe.de}, erhielt ${count}`,
      en: `${node.name}() at position ${node.position} takes ${arity.describe.en}, got ${count}`,
    });
  }
}
