import { formulaError } from './formula-error';

export type TokenKind = 'number' | 'identifier' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly position: number;
}

const TWO_CHARACTER_OPERATORS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHARACTER_OPERATORS = new Set(['+', '-', '*', '/', '<', '>']);

// Hints for characters people bring from spreadsheets and programming languages.
const CHARACTER_HINTS: Readonly<Record<string, string>> = {
  '=': "did you mean '=='?",
  '!': "did you mean '!=' or 'not'?",
  '&': "use 'and'",
  '|': "use 'or'",
  ';': "separate function arguments with ','",
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentifierStart = (c: string): boolean => c >= 'a' && c <= 'z';
const isIdentifierPart = (c: string): boolean => isIdentifierStart(c) || isDigit(c) || c === '_';
const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Splits a formula into tokens, ending with an `end` token. Throws a `FormulaInvalid` domain
 * error naming the position of the first character that belongs to no token.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const position = i + 1;
    if (isWhitespace(c)) {
      i += 1;
    } else if (isDigit(c)) {
      let end = i;
      while (end < source.length && isDigit(source[end])) {
        end += 1;
      }
      if (source[end] === '.') {
        end += 1;
        if (end >= source.length || !isDigit(source[end])) {
          throw formulaError('formula_syntax', `expected a digit after '.' at position ${end + 1}`);
        }
        while (end < source.length && isDigit(source[end])) {
          end += 1;
        }
      }
      tokens.push({ kind: 'number', text: source.slice(i, end), position });
      i = end;
    } else if (isIdentifierStart(c)) {
      let end = i;
      while (end < source.length && isIdentifierPart(source[end])) {
        end += 1;
      }
      tokens.push({ kind: 'identifier', text: source.slice(i, end), position });
      i = end;
    } else if (TWO_CHARACTER_OPERATORS.has(source.slice(i, i + 2))) {
      tokens.push({ kind: 'operator', text: source.slice(i, i + 2), position });
      i += 2;
    } else if (ONE_CHARACTER_OPERATORS.has(c)) {
      tokens.push({ kind: 'operator', text: c, position });
      i += 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, position });
      i += 1;
    } else {
      const hint =
        CHARACTER_HINTS[c] ??
        (c >= 'A' && c <= 'Z' ? 'KPI keys and functions are written in lower case' : undefined);
      throw formulaError(
        'formula_syntax',
        `unexpected character '${c}' at position ${position}${hint ? `, ${hint}` : ''}`,
      );
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return tokens;
}
