import type { Language } from '../../common/request-context';

/**
 * The words of one feature's pages in both languages. Both languages have the same type, so a
 * word added in one and forgotten in the other does not compile.
 */
export type Localized<T> = Readonly<Record<Language, T>>;

/**
 * Fills the `{name}` placeholders of a text. Unknown placeholders stay as they are, so that a
 * typo shows on the page instead of vanishing. The result is plain text: templates escape it.
 */
export function fill(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
