import type { LocalizedMessage } from '../errors/domain-error';
import { formulaError } from './formula-error';
import { checkArity } from './formula-functions';
import { BinaryNode, CallNode, FormulaNode, FormulaType } from './formula-node';

/** Tells the type checker the value type of a KPI key; `undefined` for a key that does not exist. */
export type KeyTypeLookup = (key: string) => FormulaType | undefined;

const article = (type: FormulaType): LocalizedMessage =>
  type === 'number'
    ? { de: 'eine Zahl', en: 'a number' }
    : { de: 'ein Wahrheitswert', en: 'a boolean' };

function checkBinary(node: BinaryNode, typeOf: KeyTypeLookup): FormulaType {
  const left = inferFormulaType(node.left, typeOf);
  const right = inferFormulaType(node.right, typeOf);
  const where = {
    de: `'${node.operator}' an Position ${node.position}`,
    en: `'${node.operator}' at position ${node.position}`,
  };
  const expectBoth = (wanted: FormulaType): void => {
    const side = left !== wanted ? 'left' : right !== wanted ? 'right' : undefined;
    if (side) {
      const found = article(side === 'left' ? left : right);
      throw formulaError('formula_type', {
        de: `${where.de} braucht auf beiden Seiten ${wanted === 'number' ? 'Zahlen' : 'Wahrheitswerte'}, aber die ${side === 'left' ? 'linke' : 'rechte'} Seite ist ${found.de}`,
        en: `${where.en} needs ${wanted === 'number' ? 'numbers' : 'booleans'} on both sides, but the ${side} side is ${found.en}`,
      });
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
        throw formulaError('formula_type', {
          de: `${where.de} vergleicht ${article(left).de} mit ${article(right).de}`,
          en: `${where.en} compares ${article(left).en} with ${article(right).en}`,
        });
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
      throw formulaError('formula_type', {
        de: `die Bedingung von if() an Position ${node.position} muss ein Wahrheitswert sein, erhielt ${article(condition).de}`,
        en: `the condition of if() at position ${node.position} must be a boolean, got ${article(condition).en}`,
      });
    }
    if (whenTrue !== whenFalse) {
      throw formulaError('formula_type', {
        de: `die beiden Werte von if() an Position ${node.position} müssen denselben Typ haben, erhielt ${article(whenTrue).de} und ${article(whenFalse).de}`,
        en: `the two values of if() at position ${node.position} must have the same type, got ${article(whenTrue).en} and ${article(whenFalse).en}`,
      });
    }
    return whenTrue;
  }
  types.forEach((type, index) => {
    if (type !== 'number') {
      throw formulaError('formula_type', {
        de: `Argument ${index + 1} von ${node.name}() an Position ${node.position} muss eine Zahl sein, erhielt ${article(type).de}`,
        en: `argument ${index + 1} of ${node.name}() at position ${node.position} must be a number, got ${article(type).en}`,
      });
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
        throw formulaError('formula_type', {
          de: `unbekannter KPI-Schlüssel '${node.key}' an Position ${node.position}`,
          en: `unknown KPI key '${node.key}' at position ${node.position}`,
        });
      }
      return type;
    }
    case 'unary': {
      const operand = inferFormulaType(node.operand, typeOf);
      const wanted: FormulaType = node.operator === '-' ? 'number' : 'boolean';
      if (operand !== wanted) {
        throw formulaError('formula_type', {
          de: `'${node.operator}' an Position ${node.position} braucht ${article(wanted).de}, erhielt ${article(operand).de}`,
          en: `'${node.operator}' at position ${node.position} needs ${article(wanted).en}, got ${article(operand).en}`,
        });
      }
      return wanted;
    }
    case 'binary':
      return checkBinary(node, typeOf);
    case 'call':
      return checkCall(node, typeOf);
  }
}
