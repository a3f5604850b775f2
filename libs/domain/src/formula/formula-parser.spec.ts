import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { FormulaNode, referencedKeys } from './formula-node';
import { parseFormula } from './formula-parser';

/** Renders a tree with full parentheses, so that a test states the grouping it expects. */
function show(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'key':
      return node.key;
    case 'unary':
      return node.operator === 'not' ? `(not ${show(node.operand)})` : `(-${show(node.operand)})`;
    case 'binary':
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
  }
}

function parseError(source: string): DomainError {
  try {
    parseFormula(source);
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected '${source}' not to parse`);
}

describe('parseFormula', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b * 100', '((a / b) * 100)'],
    ['-a * b', '((-a) * b)'],
    ['a * -b', '(a * (-b))'],
    ['- -a', '(-(-a))'],
    ['a - -1', '(a - (-1))'],
    ['a + b < c * 2', '((a + b) < (c * 2))'],
    ['a < b and c >= d or e', '(((a < b) and (c >= d)) or e)'],
    ['a or b and c', '(a or (b and c))'],
    ['not a < b', '(not (a < b))'],
    ['not a and b', '((not a) and b)'],
    ['not not flag', '(not (not flag))'],
    ['x == 1 or x != 2', '((x == 1) or (x != 2))'],
    ['0.5*agent_fte', '(0.5 * agent_fte)'],
  ])('groups %p as %p', (source, expected) => {
    expect(show(parseFormula(source))).toBe(expected);
  });

  it('parses every function with its arguments', () => {
    expect(show(parseFormula('if(a > 0, round(b / a, 2), abs(c))'))).toBe(
      'if((a > 0), round((b / a), 2), abs(c))',
    );
    expect(show(parseFormula('sum(a, b, c) + min(a, 1) - max(b)'))).toBe(
      '((sum(a, b, c) + min(a, 1)) - max(b))',
    );
  });

  it('keeps decimal literals exact and records 1-based positions', () => {
    const node = parseFormula('  12 + 0.25');
    expect(node).toEqual({
      kind: 'binary',
      operator: '+',
      position: 6,
      left: { kind: 'number', value: 12, position: 3 },
      right: { kind: 'number', value: 0.25, position: 8 },
    });
  });

  it('accepts keys with digits and underscores', () => {
    expect(parseFormula('complaints_per_1000')).toEqual({
      kind: 'key',
      key: 'complaints_per_1000',
      position: 1,
    });
  });

  it.each([
    ['min(a,)', "unexpected ')' at position 7, expected a number, a KPI key or '('"],
    ['a +', "unexpected end of formula at position 4, expected a number, a KPI key or '('"],
    ['(a + b', "unexpected end of formula at position 7, expected an operator or ')'"],
    ['a + b)', "unexpected ')' at position 6, expected an operator or the end of the formula"],
    ['max(a b)', "unexpected 'b' at position 7, expected an operator, ',' or ')'"],
    ['2x', "unexpected 'x' at position 2, expected an operator or the end of the formula"],
    ['a and or b', "unexpected 'or' at position 7, expected a number, a KPI key or '('"],
    ['a * (b + )', "unexpected ')' at position 10, expected a number, a KPI key or '('"],
    [
      'a < b < c',
      "unexpected '<' at position 7, comparisons cannot be chained; combine them with 'and'",
    ],
    ['a = b', "unexpected character '=' at position 3, did you mean '=='?"],
    ['a && b', "unexpected character '&' at position 3, use 'and'"],
    [
      'Agent_fte',
      "unexpected character 'A' at position 1, KPI keys and functions are written in lower case",
    ],
    ['1. + 2', "expected a digit after '.' at position 3"],
    [
      'pow(a, 2)',
      "unknown function 'pow' at position 1, the functions are abs, if, max, min, round, sum",
    ],
    ['min + 1', "unexpected '+' at position 5, expected '(' after the function 'min'"],
    ['   ', "formula is empty, expected a number, a KPI key or '('"],
  ])('refuses %p: %s', (source, message) => {
    const error = parseError(source);
    expect(error.code).toBe(DomainErrorCode.FormulaInvalid);
    expect(error.message).toBe(message);
    expect(error.problems).toEqual([{ key: 'formula', rule: 'formula_syntax', message }]);
  });

  it('refuses formulas nested deeper than the parser allows instead of overflowing the stack', () => {
    expect(parseError(`${'('.repeat(60)}1${')'.repeat(60)}`).message).toMatch(/nested too deeply/);
    expect(parseError(`${'-'.repeat(60)}1`).message).toMatch(/nested too deeply/);
  });

  it('refuses formulas longer than 2000 characters', () => {
    expect(parseError(Array(700).fill('a').join(' + ')).message).toMatch(
      /at most 2000 are allowed/,
    );
  });

  it('refuses code that is not part of the language rather than running it', () => {
    expect(parseError('process.exit(1)').message).toBe("unexpected character '.' at position 8");
  });
});

describe('referencedKeys', () => {
  it('lists each key once, in order of first appearance, and no function names', () => {
    expect(
      referencedKeys(
        parseFormula('sum(contacts_email, contacts_chat) / contacts_total + contacts_email'),
      ),
    ).toEqual(['contacts_email', 'contacts_chat', 'contacts_total']);
  });

  it('is empty for a formula of constants', () => {
    expect(referencedKeys(parseFormula('round(1 / 3, 2)'))).toEqual([]);
  });
});
