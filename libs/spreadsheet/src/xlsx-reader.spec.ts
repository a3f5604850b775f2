import ExcelJS from 'exceljs';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { rawCellOf, readXlsxTable } from './xlsx-reader';

describe('rawCellOf', () => {
  it.each([
    [null, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    [3, { kind: 'number', value: 3 }],
    ['x', { kind: 'text', value: 'x' }],
    [true, { kind: 'boolean', value: true }],
    [
      { formula: 'A1*2', result: 8 },
      { kind: 'number', value: 8 },
    ],
    [
      { sharedFormula: 'B2', result: 'yes' },
      { kind: 'text', value: 'yes' },
    ],
    [{ formula: 'A1*2' }, { kind: 'formula_without_value', formula: 'A1*2' }],
    [
      { formula: '1/0', result: { error: '#DIV/0!' } },
      { kind: 'error', value: '#DIV/0!' },
    ],
    [{ error: '#N/A' }, { kind: 'error', value: '#N/A' }],
    [{ richText: [{ text: 'Ja' }, { text: '!' }] }, { kind: 'text', value: 'Ja!' }],
    [
      { text: 'link', hyperlink: 'http://x' },
      { kind: 'text', value: 'link' },
    ],
  ])('reads %p', (value, expected) => {
    expect(rawCellOf(value as ExcelJS.CellValue)).toEqual(expected);
  });
});

describe('readXlsxTable', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the preferred sheet, skipping empty rows, with their spreadsheet numbers', async () => {
    const buffer = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['ignore me']);
      const sheet = wb.addWorksheet('Answers');
      sheet.getCell('A1').value = 'key';
      sheet.getCell('C4').value = 7;
    });
    const table = await readXlsxTable(buffer, {
      limits: DEFAULT_SPREADSHEET_LIMITS,
      language: 'en',
      sheetNames: ['answers'],
    });
    expect(table.sheet).toBe('Answers');
    expect(table.numbersAsText).toBe(false);
    expect(table.rows.map((r) => r.number)).toEqual([1, 4]);
    expect(table.rows[1].cells[3]).toEqual({ kind: 'number', value: 7 });
  });

  it('refuses more columns than allowed', async () => {
    const buffer = await workbook((wb) => {
      wb.addWorksheet('S').getCell('F1').value = 1;
    });
    await expect(
      readXlsxTable(buffer, {
        limits: { ...DEFAULT_SPREADSHEET_LIMITS, maxColumns: 5 },
        language: 'en',
      }),
    ).rejects.toMatchObject({ problems: [{ rule: 'too_many_columns' }] });
  });
});
