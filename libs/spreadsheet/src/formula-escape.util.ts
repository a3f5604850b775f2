/**
 * The first characters that make Excel, LibreOffice or Google Sheets read a text as a formula
 * (OWASP "CSV injection"): `=`, `+`, `-`, `@`, and tab or carriage return, which some of them
 * skip before looking for one; Apple Numbers reads the full-width forms of the four as well.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A field separator or line break inside a text, followed by a formula start. A spreadsheet
 * that splits a CSV on the other separator than the one it was written with (a German Excel
 * splits on `;`, an English one on `,`) starts a new cell there, and quotes do not protect the
 * text when the field does not start with one.
 */
const SEPARATED_FORMULA_START = /([,;\r\n])(?=[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * A text cell as it may be written to an exported file: a text that a spreadsheet would run
 * as a formula gets a leading apostrophe, which every spreadsheet shows as text. Numbers are
 * never passed here: a negative number stays a number.
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A text cell as it may be written to a CSV file: escaped as by `escapeFormulaText`, and every
 * formula start right after a `,`, `;` or line break inside it gets an apostrophe too, so that
 * the text stays inert whichever separator the spreadsheet that opens the file splits on.
 */
export function escapeCsvFormulaText(text: string): string {
  return escapeFormulaText(text).replace(SEPARATED_FORMULA_START, "$1'");
}
