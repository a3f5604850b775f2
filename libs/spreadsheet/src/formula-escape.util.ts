/**
 * The first characters that make Excel, LibreOffice or Google Sheets read a text as a formula
 * (OWASP "CSV injection"): `=`, `+`, `-`, `@`, and tab or carriage return, which some of them
 * skip before looking for one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as it may be written to an exported file: a text that a spreadsheet would run
 * as a formula gets a leading apostrophe, which every spreadsheet shows as text. Numbers are
 * never passed here: a negative number stays a number.
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
