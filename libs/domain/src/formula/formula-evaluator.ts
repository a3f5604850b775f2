import { formulaError } from './formula-error';
import { checkArity } from './formula-functions';
import { BinaryNode, CallNode, FormulaNode, FormulaValue } from './formula-node';

/** The values a formula reads, by KPI key; `null` or a missing key means "not answered". */
export type FormulaInputs = Readonly<Record<string, number | boolean | null | undefined>>;

// Overflow and 0/0 would otherwise leak NaN or Infinity into benchmarks; they are "not computed".
const finiteOrNull = (value: number): number | null =>
  Number.isFinite(value) ? value + 0 /* turns -0 into 0 */ : null;

function wrongType(node: FormulaNode, what: string, value: FormulaValue): never {
  const number = typeof value === 'boolean';
  throw formulaError('formula_value', {
    de: `${what} an Position ${node.position} braucht ${number ? 'eine Zahl' : 'einen Wahrheitswert'}, erhielt ${String(value)}`,
    en: `${what} at position ${node.position} needs a ${number ? 'number' : 'boolean'}, got ${String(value)}`,
  });
}

function asNumber(value: FormulaValue, node: FormulaNode, what: string): number | null {
  if (typeof value === 'boolean') {
    return wrongType(node, what, value);
  }
  return value;
}

function asBoolean(value: FormulaValue, node: FormulaNode, what: string): boolean | null {
  if (typeof value === 'number') {
    return wrongType(node, what, value);
  }
  return value;
}

function readKey(key: string, values: FormulaInputs, position: number): FormulaValue {
  // Own properties only: a key such as `constructor` must not find Object.prototype members.
  if (!Object.prototype.hasOwnProperty.call(values, key)) {
    return null;
  }
  const value = values[key];
  if (value === null || value === undefined || typeof value === 'boolean') {
    return value ?? null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  throw formulaError('formula_value', {
    de: `der Wert von '${key}' an Position ${position} ist weder eine Zahl noch ein Wahrheitswert`,
    en: `the value of '${key}' at position ${position} is neither a number nor a boolean`,
  });
}

/** Round half away from zero, as spreadsheets do, without 1.005 turning into 1.00. */
function roundTo(value: number, digits: number): number {
  const places = Math.max(-15, Math.min(15, Math.round(digits)));
  const factor = 10 ** places;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

function evaluateLogical(node: BinaryNode, values: FormulaInputs): boolean | null {
  const what = `'${node.operator}'`;
  const left = asBoolean(evaluate(node.left, values), node, what);
  // Kleene logic: a known operand decides when it can, so `false and <missing>` is false.
  const decisive = node.operator === 'or';
  if (left === decisive) {
    return decisive;
  }
  const right = asBoolean(evaluate(node.right, values), node, what);
  if (right === decisive) {
    return decisive;
  }
  return left === null || right === null ? null : !decisive;
}

function evaluateBinary(node: BinaryNode, values: FormulaInputs): FormulaValue {
  if (node.operator === 'and' || node.operator === 'or') {
    return evaluateLogical(node, values);
  }
  const left = evaluate(node.left, values);
  const right = evaluate(node.right, values);
  const what = `'${node.operator}'`;
  if (node.operator === '==' || node.operator === '!=') {
    if (left === null || right === null) {
      return null;
    }
    if (typeof left !== typeof right) {
      return wrongType(node, what, right);
    }
    return node.operator === '==' ? left === right : left !== right;
  }
  const a = asNumber(left, node, what);
  const b = asNumber(right, node, what);
  if (a === null || b === null) {
    return null;
  }
  switch (node.operator) {
    case '+':
      return finiteOrNull(a + b);
    case '-':
      return finiteOrNull(a - b);
    case '*':
      return finiteOrNull(a * b);
    case '/':
      return b === 0 ? null : finiteOrNull(a / b);
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

function evaluateCall(node: CallNode, values: FormulaInputs): FormulaValue {
  checkArity(node);
  const what = `${node.name}()`;
  if (node.name === 'if') {
    const condition = asBoolean(evaluate(node.args[0], values), node, what);
    if (condition === null) {
      return null;
    }
    return evaluate(condition ? node.args[1] : node.args[2], values);
  }
  const numbers = node.args.map((arg) => asNumber(evaluate(arg, values), node, what));
  if (node.name === 'sum') {
    const present = numbers.filter((n): n is number => n !== null);
    return present.length === 0 ? null : finiteOrNull(present.reduce((a, b) => a + b, 0));
  }
  if (numbers.some((n) => n === null)) {
    return null;
  }
  const known = numbers as number[];
  switch (node.name) {
    case 'abs':
      return Math.abs(known[0]);
    case 'min':
      return Math.min(...known);
    case 'max':
      return Math.max(...known);
    case 'round':
      return finiteOrNull(roundTo(known[0], known[1]));
  }
}

function evaluate(node: FormulaNode, values: FormulaInputs): FormulaValue {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'key':
      return readKey(node.key, values, node.position);
    case 'unary': {
      const operand = evaluate(node.operand, values);
      if (node.operator === '-') {
        const n = asNumber(operand, node, "'-'");
        return n === null ? null : finiteOrNull(-n);
      }
      const b = asBoolean(operand, node, "'not'");
      return b === null ? null : !b;
    }
    case 'binary':
      return evaluateBinary(node, values);
    case 'call':
      return evaluateCall(node, values);
  }
}

/**
 * Evaluates a parsed formula. A missing input (absent, `null`, `undefined` or not finite) and a
 * division by zero give `null`, "not computed", never NaN or Infinity; `null` propagates through
 * arithmetic, comparisons and most functions, except that `sum` counts missing values as 0 (and
 * is `null` only when all are missing), `and`/`or` follow three-valued logic (`false and x` is
 * false, `true or x` is true), and `if` evaluates only the branch it takes. A value of the wrong
 * type (a boolean in arithmetic) throws a `FormulaInvalid` domain error; `inferFormulaType`
 * catches that before any evaluation.
 */
export function evaluateFormula(node: FormulaNode, values: FormulaInputs): FormulaValue {
  return evaluate(node, values);
}
