import { formulaError } from './formula-error';
import { checkArity } from './formula-functions';
import { BinaryNode, CallNode, FormulaNode, FormulaType } from './formula-node';

/** Tells the type checker the value type of a KPI key; `undefined` for a key that does not exist. */
export type KeyTypeLookup = (key: string) => FormulaType | undefined;

const article = (type: FormulaType): string => (type === 'number' ? 'a number' : 'a boolean');

function checkBinary(node: BinaryNode, typeOf: KeyTypeLookup): FormulaType {
  const left = inferFormulaType(node.left, typeOf);
  const right = inferFormulaType(node.right, typeOf);
  const where = `'${node.operator}' at position ${node.position}`;
  const expectBoth = (wanted: FormulaType): void => {
    const side = left !== wanted ? 'left' : right !== wanted ? 'right' : undefined;
    if (side) {
      throw formulaError(
        'formula_type',
        `${where} needs ${wanted === 'number' ? 'numbers' : 'booleans'} on both sides, but the ${side} side is ${article(side === 'left' ? left : right)}`,
      );
    }
  };
  switch (node.operator) {
    case '+':
    case '-':
    case '*':
    case '/':
      expectBoth('number');
      return 'number';
    case '<':
    case '<=':
    case '>':
    case '>=':
      expectBoth('number');
      return 'boolean';
    case '==':
    case '!=':
      if (left !== right) {
        throw formulaError(
          'formula_type',
          `${where} compares ${article(left)} with ${article(right)}`,
        );
      }
      return 'boolean';
    case 'and':
    case 'or':
      expectBoth('boolean');
      return 'boolean';
  }
}

function checkCall(node: CallNode, typeOf: KeyTypeLookup): FormulaType {
  checkArity(node);
  const types = node.args.map((arg) => inferFormulaType(arg, typeOf));
  if (node.name === 'if') {
    const [condition, whenTrue, whenFalse] = types;
    if (condition !== 'boolean') {
      throw formulaError(
        'formula_type',
        `the condition of if() at position ${node.position} must be a boolean, got ${article(condition)}`,
      );
    }
    if (whenTrue !== whenFalse) {
      throw formulaError(
        'formula_type',
        `the two values of if() at position ${node.position} must have the same type, got ${article(whenTrue)} and ${article(whenFalse)}`,
      );
    }
    return whenTrue;
  }
  types.forEach((type, index) => {
    if (type !== 'number') {
      throw formulaError(
        'formula_type',
        `argument ${index + 1} of ${node.name}() at position ${node.position} must be a number, got ${article(type)}`,
      );
    }
  });
  return 'number';
}

/**
 * Infers the value type of a formula without evaluating it, so that a catalogue can refuse a
 * formula that would fail on every submission. Throws a `FormulaInvalid` domain error on the
 * first problem: an unknown key, arithmetic on a boolean, `and`/`or`/`not` on a number, a
 * comparison of a number with a boolean, or a function called with the wrong number or type of
 * arguments.
 */
export function inferFormulaType(node: FormulaNode, typeOf: KeyTypeLookup): FormulaType {
  switch (node.kind) {
    case 'number':
      return 'number';
    case 'key': {
      const type = typeOf(node.key);
      if (type === undefined) {
        throw formulaError(
          'formula_type',
          `unknown KPI key '${node.key}' at position ${node.position}`,
        );
      }
      return type;
    }
    case 'unary': {
      const operand = inferFormulaType(node.operand, typeOf);
      const wanted: FormulaType = node.operator === '-' ? 'number' : 'boolean';
      if (operand !== wanted) {
        throw formulaError(
          'formula_type',
          `'${node.operator}' at position ${node.position} needs ${article(wanted)}, got ${article(operand)}`,
        );
      }
      return wanted;
    }
    case 'binary':
      return checkBinary(node, typeOf);
    case 'call':
      return checkCall(node, typeOf);
  }
}
