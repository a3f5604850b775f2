import type { LocalizedMessage } from '../errors/domain-error';
import { formulaError } from './formula-error';
import { isFormulaFunctionName } from './formula-functions';
import {
  BinaryOperator,
  ComparisonOperator,
  FORMULA_FUNCTION_NAMES,
  FormulaNode,
} from './formula-node';
import { Token, tokenize } from './formula-tokenizer';

/**
 * Formulas come from catalogue authors through the API; the limits keep a hostile or broken
 * formula from exhausting the stack of the parser or of the recursive evaluator.
 */
const MAX_FORMULA_LENGTH = 2000;
const MAX_NESTING = 50;

const COMPARISON_OPERATORS = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);
const EXPECTED_OPERAND: LocalizedMessage = {
  de: "eine Zahl, ein KPI-Schlüssel oder '('",
  en: "a number, a KPI key or '('",
};

const describe = (token: Token): LocalizedMessage =>
  token.kind === 'end'
    ? { de: 'Ende der Formel', en: 'end of formula' }
    : { de: `'${token.text}'`, en: `'${token.text}'` };

/** Recursive descent, one method per precedence level, lowest first. */
class FormulaParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): FormulaNode {
    const node = this.parseExpression();
    this.expectClosing('end', {
      de: 'ein Operator oder das Ende der Formel',
      en: 'an operator or the end of the formula',
    });
    return node;
  }

  private get current(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  private isWord(word: string): boolean {
    return this.current.kind === 'identifier' && this.current.text === word;
  }

  private isOperator(...operators: string[]): boolean {
    return this.current.kind === 'operator' && operators.includes(this.current.text);
  }

  private unexpected(expected: LocalizedMessage): never {
    const token = this.current;
    throw formulaError('formula_syntax', {
      de: `${describe(token).de} an Position ${token.position} kommt unerwartet, erwartet: ${expected.de}`,
      en: `unexpected ${describe(token).en} at position ${token.position}, expected ${expected.en}`,
    });
  }

  private expectClosing(kind: Token['kind'], expected: LocalizedMessage): void {
    if (this.current.kind !== kind) {
      this.unexpected(expected);
    }
    this.advance();
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_NESTING) {
      throw formulaError('formula_syntax', {
        de: `die Formel ist an Position ${this.current.position} zu tief verschachtelt (höchstens ${MAX_NESTING} Ebenen)`,
        en: `formula is nested too deeply at position ${this.current.position} (at most ${MAX_NESTING} levels)`,
      });
    }
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parseExpression(): FormulaNode {
    return this.nested(() => this.parseOr());
  }

  private parseOr(): FormulaNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const { position } = this.advance();
      left = { kind: 'binary', operator: 'or', left, right: this.parseAnd(), position };
    }
    return left;
  }

  private parseAnd(): FormulaNode {
    let left = this.parseNot();
    while (this.isWord('and')) {
      const { position } = this.advance();
      left = { kind: 'binary', operator: 'and', left, right: this.parseNot(), position };
    }
    return left;
  }

  // 'not' binds looser than comparisons, so that `not a < b` reads as `not (a < b)`.
  private parseNot(): FormulaNode {
    if (this.isWord('not')) {
      const { position } = this.advance();
      return this.nested<FormulaNode>(() => ({
        kind: 'unary',
        operator: 'not',
        operand: this.parseNot(),
        position,
      }));
    }
    return this.parseComparison();
  }

  private parseComparison(): FormulaNode {
    const left = this.parseAdditive();
    if (this.current.kind !== 'operator' || !COMPARISON_OPERATORS.has(this.current.text)) {
      return left;
    }
    const operatorToken = this.advance();
    const right = this.parseAdditive();
    if (this.current.kind === 'operator' && COMPARISON_OPERATORS.has(this.current.text)) {
      // `a < b < c` means something else in every language people know; refuse it.
      throw formulaError('formula_syntax', {
        de: `${describe(this.current).de} an Position ${this.current.position} kommt unerwartet, Vergleiche lassen sich nicht verketten; verbinden Sie sie mit 'and'`,
        en: `unexpected ${describe(this.current).en} at position ${this.current.position}, comparisons cannot be chained; combine them with 'and'`,
      });
    }
    return {
      kind: 'binary',
      operator: operatorToken.text as ComparisonOperator,
      left,
      right,
      position: operatorToken.position,
    };
  }

  private parseAdditive(): FormulaNode {
    let left = this.parseMultiplicative();
    while (this.isOperator('+', '-')) {
      const token = this.advance();
      const operator = token.text as BinaryOperator;
      const right = this.parseMultiplicative();
      left = { kind: 'binary', operator, left, right, position: token.position };
    }
    return left;
  }

  private parseMultiplicative(): FormulaNode {
    let left = this.parseUnary();
    while (this.isOperator('*', '/')) {
      const token = this.advance();
      const operator = token.text as BinaryOperator;
      const right = this.parseUnary();
      left = { kind: 'binary', operator, left, right, position: token.position };
    }
    return left;
  }

  private parseUnary(): FormulaNode {
    if (this.isOperator('-')) {
      const { position } = this.advance();
      return this.nested<FormulaNode>(() => ({
        kind: 'unary',
        operator: '-',
        operand: this.parseUnary(),
        position,
      }));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FormulaNode {
    const token = this.current;
    if (token.kind === 'number') {
      this.advance();
      return { kind: 'number', value: Number(token.text), position: token.position };
    }
    if (token.kind === '(') {
      this.advance();
      const inner = this.parseExpression();
      this.expectClosing(')', { de: "ein Operator oder ')'", en: "an operator or ')'" });
      return inner;
    }
    if (token.kind !== 'identifier' || ['and', 'or', 'not'].includes(token.text)) {
      return this.unexpected(EXPECTED_OPERAND);
    }
    this.advance();
    const next = this.current;
    if (next.kind === '(') {
      if (!isFormulaFunctionName(token.text)) {
        throw formulaError('formula_syntax', {
          de: `unbekannte Funktion '${token.text}' an Position ${token.position}, die Funktionen sind ${FORMULA_FUNCTION_NAMES.join(', ')}`,
          en: `unknown function '${token.text}' at position ${token.position}, the functions are ${FORMULA_FUNCTION_NAMES.join(', ')}`,
        });
      }
      this.advance();
      return {
        kind: 'call',
        name: token.text,
        args: this.parseArguments(),
        position: token.position,
      };
    }
    if (isFormulaFunctionName(token.text)) {
      return this.unexpected({
        de: `'(' nach der Funktion '${token.text}'`,
        en: `'(' after the function '${token.text}'`,
      });
    }
    return { kind: 'key', key: token.text, position: token.position };
  }

  private parseArguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.current.kind === ')') {
      this.advance();
      return args;
    }
    for (;;) {
      args.push(this.parseExpression());
      if (this.current.kind === ',') {
        this.advance();
        continue;
      }
      this.expectClosing(')', { de: "ein Operator, ',' oder ')'", en: "an operator, ',' or ')'" });
      return args;
    }
  }
}

/**
 * Parses a formula into its syntax tree without evaluating anything. Throws a `FormulaInvalid`
 * domain error whose message names the 1-based position and what was expected there, e.g.
 * `unexpected ')' at position 7, expected a number, a KPI key or '('`.
 */
export function parseFormula(source: string): FormulaNode {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw formulaError('formula_syntax', {
      de: `die Formel ist ${source.length} Zeichen lang, höchstens ${MAX_FORMULA_LENGTH} sind erlaubt`,
      en: `formula is ${source.length} characters long, at most ${MAX_FORMULA_LENGTH} are allowed`,
    });
  }
  const tokens = tokenize(source);
  if (tokens.length === 1) {
    throw formulaError('formula_syntax', {
      de: `die Formel ist leer, erwartet: ${EXPECTED_OPERAND.de}`,
      en: `formula is empty, expected ${EXPECTED_OPERAND.en}`,
    });
  }
  return new FormulaParser(tokens).parseAll();
}
