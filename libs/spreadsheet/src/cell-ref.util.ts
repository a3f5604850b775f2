/** The letters of a 1-based column number: 1 -> A, 26 -> Z, 27 -> AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) {
    throw new RangeError(`not a column number: ${column}`);
  }
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The A1-style reference of a cell, e.g. `cellRef(4, 14)` is `D14`. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
