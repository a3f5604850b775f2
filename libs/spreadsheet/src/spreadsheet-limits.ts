/** The bounds an uploaded spreadsheet must stay within; each refusal names the bound it broke. */
export interface SpreadsheetLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Entries (files) in an XLSX zip; a workbook has a dozen or two. */
  maxZipEntries: number;
  /** Bytes of all entries of an XLSX zip once inflated, counted while inflating. */
  maxUncompressedBytes: number;
  /** Cells of all worksheets of an XLSX, counted in the inflated XML before it is parsed. */
  maxCells: number;
  /** Data rows below the header. */
  maxRows: number;
  /** Columns, the unit id column included. */
  maxColumns: number;
}

/**
 * The defaults. A study has at most a few thousand units and a catalogue a few dozen inputs, so
 * 20,000 rows by 500 columns leave room; the cell and inflated-size caps keep what exceljs holds
 * in memory in the low hundreds of megabytes whatever the file claims (5,000 units by 41 inputs
 * are 205,000 cells and 6 MB of XML).
 */
export const DEFAULT_SPREADSHEET_LIMITS: Readonly<SpreadsheetLimits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxZipEntries: 500,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCells: 1_000_000,
  maxRows: 20_000,
  maxColumns: 500,
});
