import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Language, requestLanguage } from './request-context';

/**
 * The deepest nesting of objects and arrays a request body may have. The deepest request DTO
 * (a catalogue version's items with their labels) nests four levels; parsing a body nested
 * thousands deep would overflow the stack of the validation that walks it recursively.
 */
export const MAX_INPUT_DEPTH = 32;

/** A value no endpoint accepts, wherever it appears in a request. */
export interface OddInput {
  /** The field: a query parameter, a body path such as `answers.agent_fte`, or `path`. */
  key: string;
  rule: 'nul_byte' | 'unpaired_surrogate' | 'max_depth';
}

/** Half of a UTF-16 surrogate pair without its other half: no character at all. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, if anything. */
function oddText(text: string): OddInput['rule'] | null {
  if (text.includes('\0')) {
    return 'nul_byte';
  }
  return UNPAIRED_SURROGATE.test(text) ? 'unpaired_surrogate' : null;
}

/**
 * The first NUL byte or unpaired surrogate (in a key or a text), or nesting deeper than
 * MAX_INPUT_DEPTH, in a parsed query or body, or null. JSON may escape both (`\u0000`,
 * `\ud800`); PostgreSQL refuses the one and the e-mail validator throws on the other.
 * Iterative, so that the check itself cannot overflow the stack.
 */
export function findOddInput(input: unknown): OddInput | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const rule = oddText(value);
      if (rule !== null) {
        return { key: path.join('.'), rule };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (path.length >= MAX_INPUT_DEPTH) {
      return { key: path[0], rule: 'max_depth' };
    }
    for (const [key, child] of Object.entries(value)) {
      const rule = oddText(key);
      if (rule !== null) {
        return { key: [...path, key].join('.'), rule };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

const MESSAGES: Record<OddInput['rule'], (key: string, language: Language) => string> = {
  nul_byte: (key, language) =>
    language === 'de'
      ? `${key} darf kein NUL-Zeichen (\\0) enthalten.`
      : `${key} must not contain a NUL character (\\0).`,
  unpaired_surrogate: (key, language) =>
    language === 'de'
      ? `${key} enthält ein ungültiges Unicode-Zeichen (ein einzelnes Surrogat).`
      : `${key} contains an invalid Unicode character (an unpaired surrogate).`,
  max_depth: (key, language) =>
    language === 'de'
      ? `${key} darf Objekte und Listen nicht tiefer als ${MAX_INPUT_DEPTH} Ebenen verschachteln.`
      : `${key} must not nest objects and arrays deeper than ${MAX_INPUT_DEPTH} levels.`,
};

/**
 * Refuses, with 400 naming the field and the rule, a request with a NUL byte in its path, a
 * NUL byte or an unpaired surrogate in its query or body, or a body nested deeper than
 * MAX_INPUT_DEPTH, before any guard, pipe or query sees it.
 */
export function rejectOddInput(request: Request, _response: Response, next: NextFunction): void {
  const odd: OddInput | null = /%00/.test(request.path)
    ? { key: 'path', rule: 'nul_byte' }
    : (findOddInput(request.query) ?? findOddInput(request.body as unknown));
  if (odd === null) {
    next();
    return;
  }
  const key = odd.key === '' ? 'body' : odd.key;
  const message = MESSAGES[odd.rule](key, requestLanguage(request));
  next(
    new BadRequestException({
      error: 'bad_request',
      message,
      problems: [{ key, rule: odd.rule, message }],
    }),
  );
}
