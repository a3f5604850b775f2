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
  /**
   * CPU time a parse may take in its parser thread (`SpreadsheetParsePool`), counted from the
   * moment the thread starts it: neither the wait for a free thread nor other processes' load
   * counts, so that a refusal depends on the file. Where the thread's CPU time cannot be read
   * (no /proc), its wall time from the start counts; in any case a parse lasting five times
   * this in wall time is stopped. Past it the parse is stopped and the file refused.
   */
  maxParseMs: number;
}

/**
 * The defaults. A study has at most a few thousand units and a catalogue a few dozen inputs, so
 * 20,000 rows by 500 columns leave room, and 250,000 cells hold 5,000 units by 49 columns. The
 * cell cap is checked in the inflated XML before exceljs parses anything: exceljs needs about
 * 19 s for a million cells (a 2 MB file), so that a file within every other limit is refused
 * early instead. The inflated-size cap keeps what exceljs holds in memory in the low hundreds
 * of megabytes whatever the file claims, and the CPU-time cap stops whatever else makes a
 * parse slow.
 */
export const DEFAULT_SPREADSHEET_LIMITS: Readonly<SpreadsheetLimits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxZipEntries: 500,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCells: 250_000,
  maxRows: 20_000,
  maxColumns: 500,
  maxParseMs: 20_000,
});
