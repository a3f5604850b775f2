/** The two value types a formula can produce. */
export type FormulaType = 'number' | 'boolean';

/** What evaluating a formula gives: `null` means "not computed" (a missing input, a division by zero). */
export type FormulaValue = number | boolean | null;

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;
export type UnaryOperator = '-' | 'not';

export const FORMULA_FUNCTION_NAMES = ['abs', 'if', 'max', 'min', 'round', 'sum'] as const;
export type FormulaFunctionName = (typeof FORMULA_FUNCTION_NAMES)[number];

/**
 * The position is 1-based (the column a person counts in the formula text) and points at the
 * token that makes the node: the literal, the key, the operator or the function name. Error
 * messages of the type checker and the evaluator refer to it.
 */
interface NodeBase {
  readonly position: number;
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
}

export interface KeyNode extends NodeBase {
  readonly kind: 'key';
  readonly key: string;
}

export interface UnaryNode extends NodeBase {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: FormulaNode;
}

export interface BinaryNode extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
}

export interface CallNode extends NodeBase {
  readonly kind: 'call';
  readonly name: FormulaFunctionName;
  readonly args: readonly FormulaNode[];
}

/** The syntax tree of a parsed formula. */
export type FormulaNode = NumberNode | KeyNode | UnaryNode | BinaryNode | CallNode;

/**
 * The KPI keys a formula reads, each once, in the order they first appear in the text.
 */
export function referencedKeys(node: FormulaNode): string[] {
  const keys = new Set<string>();
  const visit = (current: FormulaNode): void => {
    switch (current.kind) {
      case 'number':
        return;
      case 'key':
        keys.add(current.key);
        return;
      case 'unary':
        visit(current.operand);
        return;
      case 'binary':
        visit(current.left);
        visit(current.right);
        return;
      case 'call':
        current.args.forEach(visit);
        return;
    }
  };
  visit(node);
  return [...keys];
}
