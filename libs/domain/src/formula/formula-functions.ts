import { formulaError } from './formula-error';
import { CallNode, FORMULA_FUNCTION_NAMES, FormulaFunctionName } from './formula-node';

interface FunctionArity {
  readonly min: number;
  readonly max: number;
  /** How the arguments are named in an arity error, e.g. "a value and the number of digits". */
  readonly describe: string;
}

const ARITIES: Readonly<Record<FormulaFunctionName, FunctionArity>> = {
  abs: { min: 1, max: 1, describe: '1 argument' },
  if: { min: 3, max: 3, describe: '3 arguments (a condition, a then and an else value)' },
  max: { min: 1, max: Infinity, describe: 'at least 1 argument' },
  min: { min: 1, max: Infinity, describe: 'at least 1 argument' },
  round: { min: 2, max: 2, describe: '2 arguments (a value and the number of digits)' },
  sum: { min: 1, max: Infinity, describe: 'at least 1 argument' },
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
    throw formulaError(
      'formula_type',
      `${node.name}() at position ${node.position} takes ${arity.describe}, got ${count}`,
    );
  }
}
