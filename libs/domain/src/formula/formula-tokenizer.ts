import type { LocalizedMessage } from '../errors/domain-error';
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
const CHARACTER_HINTS: Readonly<Record<string, LocalizedMessage>> = {
  '=': { de: "meinten Sie '=='?", en: "did you mean '=='?" },
  '!': { de: "meinten Sie '!=' oder 'not'?", en: "did you mean '!=' or 'not'?" },
  '&': { de: "schreiben Sie 'and'", en: "use 'and'" },
  '|': { de: "schreiben Sie 'or'", en: "use 'or'" },
  ';': {
    de: "trennen Sie die Argumente einer Funktion mit ','",
    en: "separate function arguments with ','",
  },
};

const LOWER_CASE_HINT: LocalizedMessage = {
  de: 'KPI-Schlüssel und Funktionen werden kleingeschrieben',
  en: 'KPI keys and functions are written in lower case',
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
          throw formulaError('formula_syntax', {
            de: `nach '.' an Position ${end + 1} wird eine Ziffer erwartet`,
            en: `expected a digit after '.' at position ${end + 1}`,
          });
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
      const hint = CHARACTER_HINTS[c] ?? (c >= 'A' && c <= 'Z' ? LOWER_CASE_HINT : undefined);
      throw formulaError('formula_syntax', {
        de: `unerwartetes Zeichen '${c}' an Position ${position}${hint ? `, ${hint.de}` : ''}`,
        en: `unexpected character '${c}' at position ${position}${hint ? `, ${hint.en}` : ''}`,
      });
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return tokens;
}
