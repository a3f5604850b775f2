import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { buildZip } from './zip';

/**
 * A valid XLSX of `rows` x `columns` number cells under a header row: within every upload
 * limit, and as slow for exceljs to parse as its cell count makes it (a hostile upload that
 * the limits let through, and a cycle import of unknown columns).
 */
export async function largeWorkbook(rows: number, columns: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Import');
  sheet.addRow(Array.from({ length: columns }, (_, c) => `column_${c}`));
  for (let r = 0; r < rows; r++) {
    sheet.addRow(Array.from({ length: columns }, (_, c) => r * columns + c));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * An XLSX-shaped zip whose one worksheet holds `cells` tiny cells: a million fit in about a
 * megabyte. Nothing but the worksheet and no valid CRC: only the cell count, before exceljs
 * parses anything, may look at it.
 */
export function manyCellsWorkbook(cells: number): Buffer {
  const row = '<c><v>1</v></c>'.repeat(1000);
  const rows = Array.from({ length: Math.ceil(cells / 1000) }, () => `<row>${row}</row>`);
  const xml = Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return buildZip([
    { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), declaredSize: xml.length },
  ]);
}
