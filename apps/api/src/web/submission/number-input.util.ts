import type { Language } from '../../common/request-context';

/**
 * Numbers in the data entry form are text inputs with `inputmode="decimal"`, not
 * `<input type="number">`: a number input takes the browser's locale, not the page's, refuses
 * a German "1.234,5" in an English browser (and the other way round) by silently sending an
 * empty value, which would clear the answer. A text input sends what the person typed; the
 * page reads it in the page's language and shows anything it cannot read at the field.
 */

/** How a language separates decimals and groups thousands. */
const SEPARATORS: Readonly<Record<Language, { decimal: string; group: string }>> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** An example of the number format of a language, for hints and messages. */
export const NUMBER_EXAMPLE: Readonly<Record<Language, string>> = {
  de: '1.234,5',
  en: '1,234.5',
};

/** What reading a number field gives: nothing (a cleared answer), a number, or a refusal. */
export type NumberInput =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const escape = (char: string): string => `\\${char}`;

const PATTERNS: Readonly<Record<Language, RegExp>> = {
  de: pattern('de'),
  en: pattern('en'),
};

/**
 * Digits, optionally grouped by threes with the language's group separator, then optionally
 * the decimal separator and digits: `1234`, `1.234`, `1.234,5`, `0,5`, `,5` in German.
 */
function pattern(language: Language): RegExp {
  const { decimal, group } = SEPARATORS[language];
  return new RegExp(
    `^[+-]?(?:\\d{1,3}(?:${escape(group)}\\d{3})+|\\d+)?(?:${escape(decimal)}\\d+)?$`,
  );
}

/**
 * Reads a number as a person of the page's language writes it: `1.234,5` in German, `1,234.5`
 * in English. Spaces and apostrophes (the Swiss `1'234`) group thousands too, and a typographic
 * minus counts as a minus. A separator in the other language's place is refused rather than
 * guessed: "1.5" in German could be 15 or 1,5.
 */
export function parseNumberInput(text: string, language: Language): NumberInput {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f'’]/g, '')
    .replace(/\u2212/g, '-');
  if (compact === '') {
    return { kind: 'empty' };
  }
  if (!PATTERNS[language].test(compact) || !/\d/.test(compact)) {
    return { kind: 'invalid' };
  }
  const { decimal, group } = SEPARATORS[language];
  const plain = compact.split(group).join('').replace(decimal, '.');
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

const FORMATS = new Map<Language, Intl.NumberFormat>();

/**
 * A stored answer as the number field shows it, in the page's language and without rounding
 * (the shortest form that reads back as the same number), so that saving the form again
 * leaves an untouched answer exactly as it was.
 */
export function formatNumberInput(value: number, language: Language): string {
  let format = FORMATS.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      maximumFractionDigits: 20,
      useGrouping: true,
    });
    FORMATS.set(language, format);
  }
  return format.format(value);
}
