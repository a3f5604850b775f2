import ExcelJS from 'exceljs';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { rawCellOf, readXlsxTable } from './xlsx-reader';
import { inspectXlsxZip } from './zip-guard';
import { zip } from './zip.test-util';

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
  const read = (buffer: Buffer, sheetNames?: string[]) =>
    readXlsxTable(buffer, { limits: DEFAULT_SPREADSHEET_LIMITS, language: 'en', sheetNames });

  it('reads the first visible sheet in tab order, or the preferred one even when hidden', async () => {
    const buffer = await workbook((wb) => {
      const hidden = wb.addWorksheet('Hidden');
      hidden.state = 'hidden';
      hidden.addRow(['secret']);
      wb.addWorksheet('First').addRow(['first']);
      wb.addWorksheet('Second').addRow(['second']);
    });
    expect((await read(buffer)).rows[0].cells[1]).toEqual({ kind: 'text', value: 'first' });
    expect((await read(buffer, ['hidden'])).rows[0].cells[1]).toEqual({
      kind: 'text',
      value: 'secret',
    });
  });

  it('reads what cells hold as loading the workbook does, whether it streams or loads', async () => {
    const date = new Date(Date.UTC(2024, 1, 3));
    // Streamed: constants, shared strings, dates and formulas with number or text results.
    const plain = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.getCell('A1').value = 1.5;
      sheet.getCell('B1').value = 'Ja';
      sheet.getCell('C1').value = false;
      sheet.getCell('D1').value = date;
      sheet.getCell('E1').value = { formula: 'A1*2', result: 3 };
      sheet.getCell('F1').value = { formula: 'B1&"!"', result: 'Ja!' };
      sheet.getCell('G1').value = { richText: [{ text: 'a' }, { text: 'b' }] };
      sheet.getCell('H1').value = { error: '#N/A' };
    });
    expect((await inspectXlsxZip(plain, DEFAULT_SPREADSHEET_LIMITS, 'en')).streamable).toBe(true);
    expect((await read(plain)).rows[0].cells).toEqual([
      undefined,
      { kind: 'number', value: 1.5 },
      { kind: 'text', value: 'Ja' },
      { kind: 'boolean', value: false },
      { kind: 'date', value: date },
      { kind: 'number', value: 3 },
      { kind: 'text', value: 'Ja!' },
      { kind: 'text', value: 'ab' },
      { kind: 'error', value: '#N/A' },
    ]);
    // Loaded: what the streaming reader would read otherwise (a formula's yes/no or error
    // result, the cells of a merged range).
    const special = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.getCell('A1').value = { formula: 'TRUE()', result: true };
      sheet.getCell('B1').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      };
      sheet.mergeCells('C1:D1');
      sheet.getCell('C1').value = 9;
    });
    expect((await inspectXlsxZip(special, DEFAULT_SPREADSHEET_LIMITS, 'en')).streamable).toBe(
      false,
    );
    expect((await read(special)).rows[0].cells).toEqual([
      undefined,
      { kind: 'boolean', value: true },
      { kind: 'error', value: '#DIV/0!' },
      { kind: 'number', value: 9 },
      { kind: 'number', value: 9 },
    ]);
    // Streamed: a formula's number result in a date format is the date, as loading gives it.
    const dated = await workbook((wb) => {
      const cell = wb.addWorksheet('S').getCell('A1');
      cell.value = { formula: 'DATE(2024,2,3)', result: date };
      cell.numFmt = 'dd.mm.yyyy';
    });
    expect((await read(dated)).rows[0].cells[1]).toEqual({ kind: 'date', value: date });
  });
  it('loads a workbook whose worksheets the streaming reader cannot name', async () => {
    // Relationships with absolute targets, which exceljs's streaming reader does not match.
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const part = (name: string, xml: string) => {
      const data = Buffer.from(xml);
      return { name, data, method: 0, declaredSize: data.length };
    };
    const sheet = (text: string) =>
      `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
    const buffer = zip([
      part(
        'xl/_rels/workbook.xml.rels',
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
          '</Relationships>',
      ),
      part(
        'xl/workbook.xml',
        `<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
          '<sheet name="Hidden" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/>' +
          '</sheets></workbook>',
      ),
      part('xl/worksheets/sheet1.xml', sheet('hidden')),
      part('xl/worksheets/sheet2.xml', sheet('data')),
    ]);
    const table = await read(buffer);
    expect(table.sheet).toBe('Data');
    expect(table.rows[0].cells[1]).toEqual({ kind: 'text', value: 'data' });
  });
});
